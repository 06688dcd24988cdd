import { describeScale } from "../../model/scale.js";
import { textOf } from "../../model/text.js";
import { EXIT, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { num, printable, printWarnings, say } from "../cli.print.js";
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
  say(io, "cli.show.target", { target: num(template.target, L), level: num(template.targetLevel, L) });
  for (const d of template.dimensions) {
    io.out("");
    const head = { id: d.id, title: textOf(d.title, L), weight: num(d.weight, L) };
    if (d.target === undefined) say(io, "cli.show.dimension", head);
    else say(io, "cli.show.dimensionTarget", { ...head, target: num(d.target, L) });
    for (const c of d.criteria) io.out(`  ${c.id.padEnd(12)} ${printable(textOf(c.text, L))}`);
  }
  return EXIT.ok;
}
