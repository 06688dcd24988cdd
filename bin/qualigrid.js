#!/usr/bin/env node
// The `qualigrid` command. `npm install` builds dist/ (the `prepare` script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Ctrl-C while the command line loads: nothing is written yet, so leave at once, quietly.
const early = () => process.exit(130);
process.on("SIGINT", early);

const entry = new URL("../dist/addin/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write("qualigrid: not built yet. Run `npm install` (or `npm run build`) in the Qualigrid folder first.\n");
  process.exit(2);
}
const { runProcess } = await import(entry.href);
process.off("SIGINT", early);
await runProcess(process.argv.slice(2));
