import type { InputIssue } from "../model/template.types.js";
import type { CliIo } from "./cli.io.js";

/** Prints issues one per line: `path: message`. */
export function printIssues(io: CliIo, issues: readonly InputIssue[]): void {
  for (const i of issues) io.err(`${i.severity === "warning" ? "warning: " : "error: "}${i.path}: ${i.message}`);
}

/** Prints warnings (unknown keys…) without stopping. */
export function printWarnings(io: CliIo, warnings: readonly InputIssue[]): void {
  printIssues(
    io,
    warnings.map((w) => ({ ...w, severity: "warning" })),
  );
}

/** A number for a table: one decimal, or a dash when there is none. */
export function fmt(n: number | null, digits = 1): string {
  return n === null ? "—" : n.toFixed(digits);
}

/** A share 0–1 as a percentage, or a dash. */
export function pct(n: number | null): string {
  return n === null ? "—" : `${Math.round(n * 100)}%`;
}
