// The floor the aggregate is measured against: bare, single-threaded inflation of the same parts
// of the same files (the parts the aggregate's scan inflates), nothing parsed. Run as a fresh
// process: `node inflate.mjs <parts.json> <folder>…`; prints { files, bytes, ms } as JSON.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";

const [partsFile, ...folders] = process.argv.slice(2);
const wanted = new Set(JSON.parse(readFileSync(partsFile, "utf8")));
const started = performance.now();
let files = 0;
let bytes = 0;
for (const folder of folders) {
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith(".xlsx")) continue;
    const parts = unzipSync(readFileSync(join(folder, name)), { filter: (f) => wanted.has(f.name) });
    for (const p of Object.values(parts)) bytes += p.length;
    files++;
  }
}
process.stdout.write(JSON.stringify({ files, bytes, ms: performance.now() - started }));
