#!/usr/bin/env node
// The `qualigrid` command. `npm install` builds dist/ (the `prepare` script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/addin/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write("qualigrid: not built yet. Run `npm install` (or `npm run build`) in the Qualigrid folder first.\n");
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
