import { issueOf } from "../../model/messages/message.catalog.js";
import { compareText, type CompareMessageCode } from "../../model/messages/messages.compare.js";
import type { MessageParams } from "../../model/messages/message.types.js";
import type { Lang } from "../../model/template.types.js";
import { scoreAssessment } from "../../scoring/assessment.score.js";
import {
  compareJson,
  compareResults,
  hasAnyRating,
  oneWorkbookSides,
  sameTemplate,
  sideOfResult,
  type CompareResult,
  type CompareRow,
  type CompareSide,
} from "../../scoring/compare.js";
import type { AssessmentWorkbook } from "../../workbook/workbook.types.js";
import { BadInput, EXIT, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { fmt, printable, printWarnings } from "../cli.print.js";
import { openAssessment } from "../workbook.open.js";

/** Below this, a change is none (scores are sums of fractions: 0.1 + 0.2 is not 0.3). */
const NO_CHANGE = 1e-9;

/**
 * `qualigrid compare a.xlsx [b.xlsx] [--json]` (design.md "Rounds, comparison and report"): the
 * change from A to B per dimension and per criterion, matched by id, and the criteria added and
 * removed. With one workbook, its last closed round against its current state, or its last two
 * rounds when nothing is rated since the last one closed. Another template is refused; another
 * version of the same template is said (a line, and a warning on the error stream) and compared.
 * Neither file is ever written.
 */
export async function compareCommand(io: CliIo, fileA: string, fileB: string | undefined, opts: { json?: boolean }): Promise<number> {
  const { assessment: first } = await openAssessment(fileA, io);
  const current = (wb: AssessmentWorkbook): CompareSide => sideOfResult(wb.template, scoreAssessment(wb.assessment));
  let a: CompareSide;
  let b: CompareSide;
  let names: { a: string; b: string };
  if (fileB === undefined) {
    const sides = oneWorkbookSides(first.history ?? [], current(first), hasAnyRating(first.assessment));
    if (!sides.ok) {
      const label = first.history?.[0]?.label ?? "";
      throw new BadInput([issueOf(sides.problem === "noRound" ? "compare.noRound" : "compare.oneRoundNoRating", { file: fileA, label }, fileA)]);
    }
    ({ a, b } = sides);
    names = { a: fileA, b: fileA };
  } else {
    const { assessment: second } = await openAssessment(fileB, io);
    a = current(first);
    b = current(second);
    names = { a: fileA, b: fileB };
  }
  if (!sameTemplate(a, b)) {
    throw new BadInput([issueOf("compare.otherTemplate", { a: names.a, idA: a.template.id, b: names.b, idB: b.template.id }, names.b)]);
  }
  const result = compareResults(a, b);
  const versions: MessageParams | null =
    a.template.version === b.template.version ? null : { id: b.template.id, versionA: a.template.version, a: names.a, versionB: b.template.version, b: names.b };
  // Said on the error stream whatever the output, so that a script reading the JSON sees it too.
  if (versions) printWarnings(io, [issueOf("compare.versions", versions, names.b, "warning")]);
  if (opts.json) {
    io.out(JSON.stringify(compareJson(result), null, 2));
    return EXIT.ok;
  }
  for (const line of compareLines(result, names, versions, langOf(io))) io.out(line);
  return EXIT.ok;
}

/** A change with its sign, one decimal, as `lang` writes it (« +3,5 », « -2,0 »), or a dash. */
export function signedChange(n: number | null, lang: Lang): string {
  if (n === null) return "—";
  const shown = fmt(n, lang);
  // The sign of what is shown: a change that rounds to zero has none.
  return Number(n.toFixed(1)) > 0 ? `+${shown}` : shown.replace(/^-(0[.,]0)$/, "$1");
}

/** Whether a row changed: both scored and different, or scored on one side only. */
function changed(r: CompareRow): boolean {
  if (r.change !== null) return Math.abs(r.change) > NO_CHANGE;
  return (r.a === null) !== (r.b === null);
}

/**
 * The text output: which two states (file, round or current state, template and version), the
 * version note, a table per dimension and overall (A, B, change), the criteria that changed, and the
 * criteria added and removed.
 */
export function compareLines(r: CompareResult, names: { a: string; b: string }, versions: MessageParams | null, L: Lang): string[] {
  const t = (code: CompareMessageCode, p: MessageParams = {}): string => compareText(code, L, p);
  const side = (name: string, label: "A" | "B", s: CompareResult["a"]): string =>
    s.round === null
      ? t("compare.sideCurrent", { side: label, file: printable(name), id: printable(s.template.id), version: printable(s.template.version) })
      : t("compare.sideRound", { side: label, file: printable(name), label: printable(s.round), id: printable(s.template.id), version: printable(s.template.version) });
  const out = [side(names.a, "A", r.a), side(names.b, "B", r.b)];
  if (versions) out.push(t("compare.versions", Object.fromEntries(Object.entries(versions).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v]))));
  out.push(t("compare.legend"), "");
  const cells = (x: CompareRow, id: string): string[] => [id, fmt(x.a, L), fmt(x.b, L), signedChange(x.change, L)];
  out.push(...table([t("compare.dimension"), "A", "B", t("compare.change")], [...r.dimensions.map((d) => cells(d, printable(d.id))), cells(r.overall, t("compare.overall"))]));
  const moved = r.criteria.filter(changed);
  out.push("");
  if (moved.length === 0) out.push(t("compare.noCriterionChanged"));
  else {
    out.push(t("compare.criteriaChanged", { count: moved.length }));
    out.push(...table([t("compare.criterion"), "A", "B", t("compare.change")], moved.map((c) => cells(c, printable(c.id)))));
  }
  if (r.added.length > 0) out.push(t("compare.added", { count: r.added.length, ids: r.added.map(printable).join(", ") }));
  if (r.removed.length > 0) out.push(t("compare.removed", { count: r.removed.length, ids: r.removed.map(printable).join(", ") }));
  return out;
}

/** Rows under a heading, the first column aligned left and the figures right, as `score`'s tables. */
function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ").trimEnd();
  return [line(head), ...rows.map(line)];
}
