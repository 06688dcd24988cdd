// Summarizes a V8 .cpuprofile (node --cpu-prof): where the samples of a time window fall,
// by code area (the leaf frame's file) and by function.
import { readFileSync } from "node:fs";

/** Code areas, first match wins, from the leaf frame's URL. */
const AREAS = [
  ["qualigrid plan (dist/addin/plan)", /\/dist\/addin\/plan\//],
  ["qualigrid renderer (dist/addin/xlsx)", /\/dist\/addin\/xlsx\//],
  ["bench floor / harness", /\/bench\//],
  ["exceljs model (lib/doc)", /\/exceljs\/lib\/doc\//],
  ["exceljs xml writers (lib/xlsx/xform)", /\/exceljs\/lib\/xlsx\/xform\//],
  ["exceljs xlsx (lib/xlsx, other)", /\/exceljs\/lib\/xlsx\//],
  ["exceljs utils (lib/utils)", /\/exceljs\/lib\/utils\//],
  ["zip (jszip / archiver / zlib)", /\/(jszip|archiver|zip-stream|compress-commons|crc32-stream|pako|readable-stream)\/|node:zlib|zlib/],
  ["other node_modules", /node_modules/],
  ["node internals", /^node:|internal\//],
];

function areaOf(frame) {
  if (frame.functionName === "(garbage collector)") return "garbage collector";
  if (frame.functionName === "(program)" || frame.functionName === "(idle)" || frame.functionName === "(root)") return `${frame.functionName}`;
  for (const [name, re] of AREAS) if (re.test(frame.url)) return name;
  return frame.url ? "other" : "V8 builtins / native";
}

/**
 * Self time (ms) by area and the `top` functions, over samples within [fromUs, toUs] when given
 * (same monotonic clock as process.hrtime), else over the whole profile.
 */
export function summarizeProfile(path, { fromUs, toUs, top = 12 } = {}) {
  const p = JSON.parse(readFileSync(path, "utf8"));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  let t = p.startTime;
  const inWindow = fromUs !== undefined && fromUs >= p.startTime && toUs <= p.endTime;
  const areas = new Map();
  const funcs = new Map();
  let total = 0;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i];
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    if (inWindow && (t < fromUs || t > toUs)) return;
    const f = byId.get(id).callFrame;
    const area = areaOf(f);
    if (area === "(idle)") return;
    total += dt;
    areas.set(area, (areas.get(area) ?? 0) + dt);
    const file = f.url.replace(/^.*\/node_modules\//, "").replace(/^.*\/(dist|bench)\//, "$1/");
    const key = `${f.functionName || "(anonymous)"} ${file ? `${file}:${f.lineNumber + 1}` : ""}`.trim();
    funcs.set(key, (funcs.get(key) ?? 0) + dt);
  });
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { windowed: inWindow, totalMs: total, areas: sorted(areas), functions: sorted(funcs).slice(0, top) };
}
