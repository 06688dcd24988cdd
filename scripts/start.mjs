// `npm start`: builds the engine if needed and writes an Engagement Qualité assessment workbook
// into out/, then says where it is and how to open it. An existing workbook is never replaced:
// a new name is chosen instead.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
const built = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (built.status !== 0) {
  console.error("npm start: the TypeScript build failed (see above).");
  process.exit(built.status ?? 1);
}

const lang = process.env.QUALIGRID_LANG === "en" ? "en" : "fr";
const outDir = path.join(root, "out");
mkdirSync(outDir, { recursive: true });
let file = path.join(outDir, "engagement-qualite.xlsx");
for (let n = 2; existsSync(file); n++) file = path.join(outDir, `engagement-qualite-${n}.xlsx`);

const { main } = await import(pathToFileURL(path.join(root, "dist/addin/cli/main.js")).href);
const code = await main(["new", "engagement-qualite", "-o", file, "--lang", lang]);
if (code !== 0) process.exit(code);

const rel = path.relative(process.cwd(), file);
console.log(
  lang === "fr"
    ? `
Ouvrez-le :
  - Excel (Windows, Mac) : double-cliquez sur le fichier, ou Fichier > Ouvrir > ${rel}
  - Excel pour le web : déposez-le dans OneDrive, puis ouvrez-le
  - LibreOffice : libreoffice --calc "${rel}"
Cotez les critères dans la feuille « Grille » ; le « Tableau de bord » se recalcule seul.
Ensuite : npx qualigrid score "${rel}"   ·   npx qualigrid check "${rel}"   ·   npx qualigrid --help`
    : `
Open it:
  - Excel (Windows, Mac): double-click the file, or File > Open > ${rel}
  - Excel on the web: upload it to OneDrive, then open it
  - LibreOffice: libreoffice --calc "${rel}"
Rate the criteria on the "Assessment" sheet; the "Dashboard" recalculates by itself.
Then: npx qualigrid score "${rel}"   ·   npx qualigrid check "${rel}"   ·   npx qualigrid --help`,
);
