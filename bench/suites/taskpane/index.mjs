// Suite `taskpane`: the task pane as a browser page, outside Office (the workbench).
//
// - JavaScript sizes of a production build: every .js file, raw and gzipped, split into the
//   initial chunks (the <script> elements of taskpane.html) and the async chunks; the functions
//   bundle's share of the initial JavaScript.
// - Time from navigation start to the first usable screen in Chromium, median of --runs cold loads
//   (a fresh browser context each: no cache). "Usable" is defined in workbench.mjs.
// - A synthetic 1,000-criterion template (xlsx-generation's synthetic.mjs) imported through the
//   Templates screen's file input, generated in the workbench and downloaded, timed; and the same
//   template through `node bin/qualigrid.js new <template.json> -o x.xlsx`, timed as a whole process.
// Targets: first usable screen ≤ 1 s, with no exceljs chunk fetched before it; initial JS < 300 KB
// gzipped; workbench generate + download ≤ 2× the command line.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { execFile } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { loadWorkbook } from "../../../dist/addin/xlsx/xlsx.io.js";
import { readQualigridWorkbook } from "../../../dist/addin/xlsx/xlsx.read.js";
import { fmt, table } from "../../lib/table.mjs";
import { makeTemplateJson } from "../xlsx-generation/synthetic.mjs";
import { buildWeb, findChromium, launchChromium, newSession, ROOT, serveDirectory } from "./browser.mjs";
import { generateAndDownload, timeToUsable, USABLE_DEFINITION } from "./workbench.mjs";

export const name = "taskpane";
export const description = "task pane JS sizes, first usable screen in Chromium, 1,000-criterion workbook in the workbench vs the CLI";

const TARGETS = { usableMs: 1000, initialGzBytes: 300 * 1024, generateRatio: 2 };
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/**
 * The .js files of a build, initial (named by <script src> in taskpane.html, in order) or async;
 * `exceljs` marks those holding exceljs (JSZip, its zip library, keeps its name through minification).
 */
export function bundleSizes(out) {
  const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
  // The minified page leaves attributes unquoted: <script defer src=functions.js>.
  const srcs = [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  const initialNames = srcs.filter((s) => !/^https?:/.test(s)).map((s) => s.replace(/^\.?\//, ""));
  const files = readdirSync(out, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".js") && statSync(path.join(out, f)).isFile())
    .map((f) => {
      const code = readFileSync(path.join(out, f));
      return { file: f, bytes: code.length, gz: gzipSync(code, { level: 9 }).length, initial: initialNames.includes(f), exceljs: code.includes("JSZip") };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.bytes - a.bytes);
  const sum = (xs, k) => xs.reduce((s, x) => s + x[k], 0);
  const initial = files.filter((f) => f.initial);
  const asyncs = files.filter((f) => !f.initial);
  const functions = files.find((f) => f.file === "functions.js");
  return {
    files,
    externalScripts: srcs.filter((s) => /^https?:/.test(s)),
    total: { bytes: sum(files, "bytes"), gz: sum(files, "gz") },
    initial: { bytes: sum(initial, "bytes"), gz: sum(initial, "gz") },
    async: { bytes: sum(asyncs, "bytes"), gz: sum(asyncs, "gz") },
    functions: functions ? { bytes: functions.bytes, gz: functions.gz, shareOfInitialGz: functions.gz / Math.max(1, sum(initial, "gz")) } : null,
  };
}

/** What the reader finds in a generated workbook, to check that both ways made the same workbook. */
async function contentOf(file) {
  const loaded = await loadWorkbook(new Uint8Array(readFileSync(file)), file);
  if (!loaded.ok) return { error: loaded.issues.map((i) => i.message).join("; ") };
  const read = readQualigridWorkbook(loaded.value, file);
  if (!read.ok) return { error: read.issues.map((i) => i.message).join("; ") };
  const w = read.value;
  return { template: `${w.template.id}@${w.template.version}`, lang: w.lang, grid: w.grid.length, evidence: w.evidence?.length ?? null, actions: w.actions?.length ?? null, sheets: loaded.value.worksheets.map((s) => s.name).join(",") };
}

async function timeCli(templateFile, dir, runs, log) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const out = path.join(dir, `cli-${i}.xlsx`);
    const started = performance.now();
    await promisify(execFile)(process.execPath, [path.join(ROOT, "bin/qualigrid.js"), "new", templateFile, "-o", out], { cwd: ROOT, timeout: 180_000 });
    times.push(performance.now() - started);
    log(`[${name}] CLI run ${i + 1}/${runs}: ${fmt.ms(times[i])} ms (${fmt.int(statSync(out).size)} bytes)`);
  }
  return times;
}

export async function run({ runs = 5, keep = false, log = console.log } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "qg-bench-taskpane-work-"));
  let build = null;
  const lines = [`## ${name}: ${description}`, ""];
  try {
    log(`[${name}] building the web bundle (production)…`);
    build = await buildWeb();
    const sizes = bundleSizes(build.out);
    lines.push(`${build.prebuilt ? `Production build from ${build.out}` : `Production build in ${fmt.ms(build.ms)} ms`}. JavaScript files (gzip -9):`);
    lines.push("");
    lines.push(
      table(
        ["file", "loaded", "bytes", "gzipped"],
        sizes.files.map((f) => [`${f.file}${f.exceljs ? " (exceljs)" : ""}`, f.initial ? "initial" : "async", fmt.int(f.bytes), fmt.int(f.gz)]),
        { right: [2, 3] },
      ),
    );
    lines.push("");
    lines.push(`Total ${kb(sizes.total.bytes)} (${kb(sizes.total.gz)} gz); initial ${kb(sizes.initial.bytes)} (${kb(sizes.initial.gz)} gz); async ${kb(sizes.async.bytes)} (${kb(sizes.async.gz)} gz).`);
    if (sizes.functions) lines.push(`functions.js: ${kb(sizes.functions.bytes)} (${kb(sizes.functions.gz)} gz), ${(100 * sizes.functions.shareOfInitialGz).toFixed(1)} % of the initial gzipped JavaScript.`);
    lines.push(`External scripts in taskpane.html: ${sizes.externalScripts.length === 0 ? "none" : sizes.externalScripts.join(", ")}.`);
    const sizeOk = sizes.initial.gz < TARGETS.initialGzBytes;
    lines.push(`${sizeOk ? "OK" : "MISSED"}: initial JavaScript ${kb(sizes.initial.gz)} gzipped (target < ${kb(TARGETS.initialGzBytes)}).`);

    const template = makeTemplateJson();
    const templateFile = path.join(dir, "synthetic-1000.json");
    writeFileSync(templateFile, JSON.stringify(template));
    const criteria = template.dimensions.reduce((n, d) => n + d.criteria.length, 0);

    log(`[${name}] command line: ${runs} runs of qualigrid new (${criteria} criteria)…`);
    const cli = await timeCli(templateFile, dir, runs, log);

    let usable = null;
    let workbench = null;
    let fetchedBeforeUsable = null;
    // Every exceljs chunk any cold load fetched before its first usable screen.
    let exceljsBeforeUsable = null;
    let offsite = [];
    if (!findChromium()) {
      lines.push("", "Chromium (/usr/bin/chromium) is not installed: the browser timings were NOT measured. Install: apt-get install -y --no-install-recommends chromium");
    } else {
      const server = await serveDirectory(build.out);
      const browser = await launchChromium();
      try {
        usable = [];
        for (let i = 0; i < runs; i++) {
          const s = await newSession(browser);
          try {
            usable.push(await timeToUsable(s.page, server.url));
            offsite.push(...s.offsite);
            const fetched = s.scripts.map((u) => new URL(u).pathname.replace(/^\//, ""));
            if (i === 0) fetchedBeforeUsable = fetched;
            exceljsBeforeUsable = [...new Set([...(exceljsBeforeUsable ?? []), ...fetched.filter((f) => sizes.files.some((x) => x.file === f && x.exceljs))])];
          } finally {
            await s.close();
          }
          log(`[${name}] first usable screen, run ${i + 1}/${runs}: ${fmt.ms(usable[i])} ms`);
        }
        workbench = [];
        const wbRuns = Math.max(1, Math.min(runs, 3));
        for (let i = 0; i < wbRuns; i++) {
          const s = await newSession(browser);
          try {
            const r = await generateAndDownload(s.page, server.url, templateFile, path.join(dir, `workbench-${i}.xlsx`));
            workbench.push(r);
            offsite.push(...s.offsite);
            log(`[${name}] workbench run ${i + 1}/${wbRuns}: generate ${fmt.ms(r.generateMs)} ms, download ${fmt.ms(r.downloadMs)} ms (${fmt.int(r.bytes)} bytes)`);
          } finally {
            await s.close();
          }
        }
      } finally {
        await browser.close();
        await server.close();
      }
    }

    const cliMs = median(cli);
    lines.push("");
    lines.push(`First usable screen: ${USABLE_DEFINITION}`);
    let usableOk = false;
    if (fetchedBeforeUsable) {
      const fetched = sizes.files.filter((f) => fetchedBeforeUsable.includes(f.file));
      const gz = fetched.reduce((n, f) => n + f.gz, 0);
      lines.push(`  JavaScript the browser fetched before it (outside Office): ${fetched.map((f) => f.file).join(", ")} — ${kb(fetched.reduce((n, f) => n + f.bytes, 0))} (${kb(gz)} gz).`);
    }
    if (usable) {
      const exceljsOk = exceljsBeforeUsable.length === 0;
      usableOk = median(usable) <= TARGETS.usableMs && exceljsOk;
      lines.push(`  median ${fmt.ms(median(usable))} ms over ${usable.length} cold loads (min ${fmt.ms(Math.min(...usable))}, max ${fmt.ms(Math.max(...usable))}).`);
      lines.push(
        exceljsOk
          ? `  exceljs fetched before it: none, in any of the ${usable.length} loads (it comes when a file is opened or a grid generated).`
          : `  exceljs fetched before it: ${exceljsBeforeUsable.join(", ")} (it must come only when a file is opened or a grid generated).`,
      );
      lines.push(`${usableOk ? "OK" : "MISSED"}: first usable screen (target ≤ ${fmt.ms(TARGETS.usableMs)} ms, no exceljs before it).`);
    }
    lines.push("");
    lines.push(`A ${fmt.int(criteria)}-criterion template (synthetic, bilingual), imported through the Templates screen's file input; French workbook, every part (the defaults of both):`);
    const rows = [["command line: node bin/qualigrid.js new (whole process)", fmt.ms(cliMs), `${fmt.ms(Math.min(...cli))}–${fmt.ms(Math.max(...cli))}`]];
    let genOk = false;
    let ratio = Number.NaN;
    if (workbench) {
      const gen = workbench.map((r) => r.generateMs);
      const dl = workbench.map((r) => r.downloadMs);
      const both = workbench.map((r) => r.generateMs + r.downloadMs);
      rows.push(["workbench: Generate clicked → done", fmt.ms(median(gen)), `${fmt.ms(Math.min(...gen))}–${fmt.ms(Math.max(...gen))}`]);
      rows.push(["workbench: Download clicked → file saved", fmt.ms(median(dl)), `${fmt.ms(Math.min(...dl))}–${fmt.ms(Math.max(...dl))}`]);
      rows.push(["workbench: generate + download", fmt.ms(median(both)), `${fmt.ms(Math.min(...both))}–${fmt.ms(Math.max(...both))}`]);
      ratio = median(both) / cliMs;
      genOk = ratio <= TARGETS.generateRatio;
    }
    lines.push("");
    lines.push(table(["", "median ms", "min–max"], rows, { right: [1, 2] }));
    let same = true;
    if (workbench) {
      const cliContent = await contentOf(path.join(dir, "cli-0.xlsx"));
      const wbContent = await contentOf(path.join(dir, "workbench-0.xlsx"));
      same = JSON.stringify(cliContent) === JSON.stringify(wbContent) && !cliContent.error;
      lines.push(`Both files read back: command line ${JSON.stringify(cliContent)}; workbench ${JSON.stringify(wbContent)} — ${same ? "the same workbook (fair)" : "DIFFERENT (unfair comparison)"}.`);
      genOk &&= same;
      lines.push(`${genOk ? "OK" : "MISSED"}: workbench generate + download is ${fmt.ratio(ratio)} the command line (target ≤ ${TARGETS.generateRatio}×).`);
    }
    const offsiteOk = offsite.length === 0;
    lines.push(offsiteOk ? "No request left 127.0.0.1 during the browser runs." : `Requests that tried to leave 127.0.0.1 (aborted): ${[...new Set(offsite)].join(", ")}`);
    const ok = sizeOk && usableOk && genOk && offsiteOk;
    lines.push("", `Overall: ${ok ? "OK" : "MISSED"}.`);
    if (keep) lines.push(`Kept: ${dir} and ${build.out}`);
    return {
      ok,
      text: lines.join("\n"),
      json: {
        sizes: { total: sizes.total, initial: sizes.initial, async: sizes.async, functions: sizes.functions, files: sizes.files, externalScripts: sizes.externalScripts },
        usableMs: usable ? { median: median(usable), runs: usable } : null,
        fetchedBeforeUsable,
        exceljsBeforeUsable,
        criteria,
        cliMs: { median: cliMs, runs: cli },
        sameWorkbook: workbench ? same : null,
        workbench: workbench ? { generateMs: workbench.map((r) => r.generateMs), downloadMs: workbench.map((r) => r.downloadMs), bytes: workbench.map((r) => r.bytes), ratioToCli: ratio } : null,
        offsite: [...new Set(offsite)],
        targets: TARGETS,
      },
    };
  } finally {
    if (!keep) {
      rmSync(dir, { recursive: true, force: true });
      if (build && !build.prebuilt) rmSync(build.out, { recursive: true, force: true });
    }
  }
}
