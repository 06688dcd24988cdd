import { isTextCriterion, themeOf } from "../../model/criterion.scale.js";
import { describeScale } from "../../model/scale.js";
import type { Criterion, Lang } from "../../model/template.types.js";
import { textOf } from "../../model/text.js";
import { EXIT, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { cliText, num, printable, printWarnings, say } from "../cli.print.js";
import { resolveTemplate } from "../template.resolve.js";

/** `qualigrid show <template> [--json]`: a template as JSON, or as a readable outline in the language `io` speaks. */
export async function showCommand(io: CliIo, arg: string, opts: { json?: boolean }): Promise<number> {
  const { template, warnings } = await resolveTemplate(arg);
  printWarnings(io, warnings);
  if (opts.json) {
    io.out(JSON.stringify(template, null, 2));
    return EXIT.ok;
  }
  const L = langOf(io);
  io.out(`${printable(textOf(template.title, L))} (${template.id} ${template.version})`);
  io.out(printable(textOf(template.source, L)));
  say(io, template.scale.notApplicable ? "cli.show.scaleNa" : "cli.show.scale", { scale: describeScale(template.scale, L) });
  for (const [id, scale] of Object.entries(template.scales ?? {})) {
    say(io, scale.notApplicable ? "cli.show.otherScaleNa" : "cli.show.otherScale", { id, scale: describeScale(scale, L) });
  }
  say(io, "cli.show.target", { target: num(template.target, L), level: num(template.targetLevel, L) });
  for (const d of template.dimensions) {
    io.out("");
    const head = { id: d.id, title: textOf(d.title, L), weight: num(d.weight, L) };
    if (d.target === undefined) say(io, "cli.show.dimension", head);
    else say(io, "cli.show.dimensionTarget", { ...head, target: num(d.target, L) });
    // Criteria of a theme follow its title; those of no theme come first.
    const groups: [string | null, typeof d.criteria][] = [[null, d.criteria.filter((c) => themeOf(d, c) === undefined)]];
    for (const th of d.themes ?? []) groups.push([`${th.id}  ${textOf(th.title, L)}`, d.criteria.filter((c) => themeOf(d, c)?.id === th.id)]);
    for (const [title, criteria] of groups) {
      if (title !== null && criteria.length > 0) io.out(`  ${printable(title)}`);
      const indent = title === null ? "  " : "    ";
      for (const c of criteria) io.out(`${indent}${c.id.padEnd(12)} ${printable(textOf(c.text, L))}${marks(c, L)}`);
    }
  }
  if (template.steps?.length) {
    io.out("");
    say(io, "cli.show.steps", {});
    for (const st of template.steps) io.out(`  ${st.id.padEnd(12)} ${printable(textOf(st.title, L))}${st.dueOffsetDays === undefined ? "" : ` (+${st.dueOffsetDays} ${L === "fr" ? "j" : "d"})`}`);
  }
  if (template.actions?.length) {
    io.out("");
    say(io, "cli.show.actions", {});
    for (const a of template.actions) io.out(`  ${a.id.padEnd(12)} ${printable(textOf(a.text, L))}${a.criterion ? ` → ${a.criterion}` : ""}`);
  }
  return EXIT.ok;
}

/** What sets a criterion apart, after its text: its scale, free text, required. */
function marks(c: Criterion, L: Lang): string {
  const out: string[] = [];
  if (isTextCriterion(c)) out.push(cliText("cli.show.question", L));
  else if (c.scale !== undefined) out.push(cliText("cli.show.onScale", L, { id: c.scale }));
  if (c.required) out.push(cliText("cli.show.required", L));
  return out.length > 0 ? ` [${out.join(", ")}]` : "";
}
