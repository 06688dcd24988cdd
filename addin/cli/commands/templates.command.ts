import { builtinTemplates } from "../../model/builtin.js";
import { textOf } from "../../model/text.js";
import type { Lang } from "../../model/template.types.js";
import { EXIT, type CliIo } from "../cli.io.js";

/** `qualigrid templates [--json]`: the built-in templates. */
export function templatesCommand(io: CliIo, opts: { json?: boolean; lang: Lang }): number {
  const list = builtinTemplates().map((t) => ({
    id: t.id,
    version: t.version,
    title: textOf(t.title, opts.lang),
    dimensions: t.dimensions.length,
    criteria: t.dimensions.reduce((n, d) => n + d.criteria.length, 0),
  }));
  if (opts.json) {
    io.out(JSON.stringify(list, null, 2));
    return EXIT.ok;
  }
  const width = Math.max(...list.map((t) => t.id.length));
  for (const t of list) {
    io.out(`${t.id.padEnd(width)}  ${t.version.padEnd(6)}  ${String(t.dimensions).padStart(2)} dim. ${String(t.criteria).padStart(3)} crit.  ${t.title}`);
  }
  return EXIT.ok;
}
