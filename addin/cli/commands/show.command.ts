import { describeScale } from "../../model/scale.js";
import { textOf } from "../../model/text.js";
import type { Lang } from "../../model/template.types.js";
import { EXIT, type CliIo } from "../cli.io.js";
import { printWarnings } from "../cli.print.js";
import { resolveTemplate } from "../template.resolve.js";

/** `qualigrid show <template> [--json]`: a template as JSON, or as a readable outline. */
export async function showCommand(io: CliIo, arg: string, opts: { json?: boolean; lang: Lang }): Promise<number> {
  const { template, warnings } = await resolveTemplate(arg);
  printWarnings(io, warnings);
  if (opts.json) {
    io.out(JSON.stringify(template, null, 2));
    return EXIT.ok;
  }
  const L = opts.lang;
  io.out(`${textOf(template.title, L)} (${template.id} ${template.version})`);
  io.out(textOf(template.source, L));
  io.out(`${L === "fr" ? "Échelle" : "Scale"}: ${describeScale(template.scale, L)}${template.scale.notApplicable ? (L === "fr" ? ", S. O." : ", N/A") : ""}`);
  io.out(`${L === "fr" ? "Cible" : "Target"}: ${template.target}; ${L === "fr" ? "niveau cible" : "target level"}: ${template.targetLevel}`);
  for (const d of template.dimensions) {
    io.out("");
    io.out(`${d.id}  ${textOf(d.title, L)}  (${L === "fr" ? "poids" : "weight"} ${d.weight}${d.target !== undefined ? `, ${L === "fr" ? "cible" : "target"} ${d.target}` : ""})`);
    for (const c of d.criteria) io.out(`  ${c.id.padEnd(12)} ${textOf(c.text, L)}`);
  }
  return EXIT.ok;
}
