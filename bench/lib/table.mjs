// Plain-text tables for the bench output.

/** Formats rows (arrays of strings) under `headers`, columns padded; `right` lists right-aligned columns. */
export function table(headers, rows, { right = [] } = {}) {
  const all = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const widths = headers.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? "")].length)));
  const pad = (s, i) => (right.includes(i) ? s.padStart(widths[i]) : s.padEnd(widths[i]));
  const line = (r) => `| ${r.map(pad).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (right.includes(i) ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(all[0]), rule, ...all.slice(1).map(line)].join("\n");
}

export const fmt = {
  ms: (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString("en-US") : "—"),
  mb: (v) => (Number.isFinite(v) ? v.toFixed(1) : "—"),
  ratio: (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : "—"),
  int: (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString("en-US") : "—"),
};
