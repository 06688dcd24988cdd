import { builtinTemplates } from "../../model/builtin.js";
import { textOf } from "../../model/text.js";
import { EXIT, type CliIo } from "../cli.io.js";
import { langOf } from "../cli.lang.js";
import { say } from "../cli.print.js";

/** `qualigrid templates [--json]`: the built-in templates, titled in the language `io` speaks. */
export function templatesCommand(io: CliIo, opts: { json?: boolean }): number {
  const lang = langOf(io);
  const list = builtinTemplates().map((t) => ({
    id: t.id,
    version: t.version,
    title: textOf(t.title, lang),
    dimensions: t.dimensions.length,
    criteria: t.dimensions.reduce((n, d) => n + d.criteria.length, 0),
  }));
  if (opts.json) {
    io.out(JSON.stringify(list, null, 2));
    return EXIT.ok;
  }
  const width = Math.max(...list.map((t) => t.id.length));
  for (const t of list) {
    say(io, "cli.templates.line", {
      id: t.id.padEnd(width),
      version: t.version.padEnd(6),
      dimensions: String(t.dimensions).padStart(2),
      criteria: String(t.criteria).padStart(3),
      title: t.title,
    });
  }
  return EXIT.ok;
}
