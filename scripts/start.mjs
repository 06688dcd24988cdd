// `npm start`:
//   0. prints the browser workbench's address first (the task pane on an in-memory workbook, no
//      Excel needed: open, generate, assess and download .xlsx files in the browser);
//   1. builds the engine and writes an Engagement Qualité assessment workbook into out/ (an existing
//      workbook is never replaced: a new name is chosen instead) — useful even without Excel;
//   2. starts the add-in's dev server (webpack serve, https://localhost:3000) in the background,
//      records its pid in .qualigrid/dev-server.json, waits until it answers, and says how to
//      sideload manifest.xml into Excel on the web, Windows and Mac. `npm stop` stops it.
// QUALIGRID_LANG=en prints the workbook part in English (the sideload part is always FR + EN);
// QUALIGRID_NO_SERVER=1 skips step 2; QUALIGRID_DEV_HTTP=1 serves http (tests only: Office needs https).
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureDevCerts, certPaths } from "./dev-certs.mjs";
import {
  clearState,
  isOurServer,
  logPath,
  logTail,
  portInUse,
  probe,
  readState,
  root,
  serverSettings,
  sleep,
  startTicks,
  stateDir,
  stopServer,
  writeState,
} from "./dev-server.mjs";

const require = createRequire(import.meta.url);
const rel = (file) => path.relative(process.cwd(), file) || ".";

// 0. The workbench's address, before anything else: the server that serves it starts in step 2.
const serving = process.env.QUALIGRID_NO_SERVER !== "1";
if (serving) console.log(`Workbench: ${serverSettings().url}taskpane.html`);

// 1. The workbook ------------------------------------------------------------------------------
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

const book = rel(file);
console.log(
  lang === "fr"
    ? `
Ouvrez-le :
  - Excel (Windows, Mac) : double-cliquez sur le fichier, ou Fichier > Ouvrir > ${book}
  - Excel pour le web : déposez-le dans OneDrive, puis ouvrez-le
  - LibreOffice : libreoffice --calc "${book}"
Cotez les critères dans la feuille « Grille » ; le « Tableau de bord » se recalcule seul.
Ensuite : npx qualigrid score "${book}"   ·   npx qualigrid check "${book}"   ·   npx qualigrid --help`
    : `
Open it:
  - Excel (Windows, Mac): double-click the file, or File > Open > ${book}
  - Excel on the web: upload it to OneDrive, then open it
  - LibreOffice: libreoffice --calc "${book}"
Rate the criteria on the "Assessment" sheet; the "Dashboard" recalculates by itself.
Then: npx qualigrid score "${book}"   ·   npx qualigrid check "${book}"   ·   npx qualigrid --help`,
);

if (!serving) process.exit(0);

// 2. The add-in's dev server -------------------------------------------------------------------
const { port, protocol, url } = serverSettings();
const manifest = path.join(root, "manifest.xml");
console.log(`\n── Complément Excel / Excel add-in ──`);

const running = readState();
let pid;
if (running && isOurServer(running) && (await probe(`${running.url}taskpane.html`)) === 200) {
  pid = running.pid;
  console.log(`Le serveur tourne déjà / The dev server is already running: ${running.url} (pid ${pid}).`);
} else {
  if (running && isOurServer(running)) {
    console.log(`Le serveur (pid ${running.pid}) ne répond pas : redémarrage. / The dev server (pid ${running.pid}) does not answer: restarting it.`);
    await stopServer(running.pid);
  }
  if (running) clearState();
  if (await portInUse(port)) {
    console.error(
      `Le port ${port} est déjà pris par un autre programme : arrêtez-le, ou choisissez un autre port avec QUALIGRID_DEV_PORT.\n` +
        `Port ${port} is taken by another program: stop it, or pick another port with QUALIGRID_DEV_PORT.`,
    );
    process.exit(1);
  }
  let ca;
  if (protocol === "https") {
    try {
      ({ ca } = await ensureDevCerts());
    } catch (err) {
      console.error(
        `Impossible de créer le certificat de https://localhost / Could not create the https://localhost certificate:\n  ${err instanceof Error ? err.message : String(err)}\n` +
          `Essayez / Try: npx office-addin-dev-certs install   (ou / or QUALIGRID_DEV_HTTP=1 npm start, sans Office / without Office)`,
      );
      process.exit(1);
    }
  }
  pid = await startServer({ url, ca });
}
printSideloadHelp({ url, pid });

/** Spawns `webpack serve` detached, waits until the task pane and the function metadata answer. */
async function startServer({ url, ca }) {
  mkdirSync(stateDir, { recursive: true });
  const log = openSync(logPath, "w");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: root,
    detached: true, // its own process group: it outlives this script and `npm stop` ends it whole
    stdio: ["ignore", log, log],
    windowsHide: true,
  });
  closeSync(log);
  let exited = null;
  child.once("exit", (exitCode, signal) => (exited = signal ?? exitCode));
  writeState({ pid: child.pid, startTicks: startTicks(child.pid), url, startedAt: new Date().toISOString(), log: path.relative(root, logPath) });
  console.log(`Démarrage du serveur / Starting the dev server (pid ${child.pid}, log ${rel(logPath)})…`);

  const timeoutMs = Number(process.env.QUALIGRID_START_TIMEOUT_MS ?? 240_000);
  const deadline = Date.now() + timeoutMs;
  let ready = false;
  let last;
  // The dev middleware holds requests until the first compilation is done.
  while (!ready && exited === null && Date.now() < deadline) {
    const pane = await probe(`${url}taskpane.html`);
    const metadata = pane === 200 ? await probe(`${url}functions.json`) : null;
    ready = pane === 200 && metadata === 200;
    last = pane instanceof Error ? pane.message : `taskpane.html ${pane}, functions.json ${metadata}`;
    if (!ready) await sleep(500);
  }
  if (!ready) {
    const why = exited !== null ? `it exited (${exited})` : `no answer after ${timeoutMs / 1000} s (${last})`;
    if (exited === null) await stopServer(child.pid);
    clearState();
    console.error(`Le serveur n'a pas démarré / The dev server did not start: ${why}.\n── ${rel(logPath)} ──\n${logTail()}`);
    process.exit(1);
  }
  if (ca) {
    // The same request, now requiring the certificate to chain to the office-addin-dev-certs CA.
    const verified = await probe(`${url}taskpane.html`, { ca });
    if (verified !== 200) {
      console.warn(`Attention / Warning: the server's certificate does not verify against ${certPaths.ca} (${verified instanceof Error ? verified.message : verified}).`);
    }
  }
  const compiled = /compiled with (\d+) errors?/.exec(logTail(200));
  if (compiled) {
    console.warn(
      `Attention : le serveur tourne, mais la compilation a ${compiled[1]} erreur(s) ; il recompile à chaque modification.\n` +
        `Warning: the server runs, but the build has ${compiled[1]} error(s); it rebuilds on every change. See ${rel(logPath)}.`,
    );
  }
  child.unref();
  return child.pid;
}

function printSideloadHelp({ url, pid }) {
  const manifestPath = manifest;
  const ca = certPaths.ca;
  const portNote =
    port === 3000
      ? ""
      : `\n  ! manifest.xml pointe vers le port 3000 / manifest.xml points at port 3000, not ${port}.`;
  const httpNote =
    protocol === "http"
      ? "\n  ! Servi en http (QUALIGRID_DEV_HTTP=1) : Office exige https, ce mode sert aux tests. / Served over http: Office needs https, this mode is for tests."
      : "";
  const certNote =
    protocol === "https"
      ? `\n  (certificat local : acceptez-le une fois dans le navigateur / local certificate: accept it once in the browser, or import ${ca})`
      : "";
  console.log(`
Atelier sans Excel / Workbench, no Excel needed: ${url}taskpane.html${certNote}
  Ouvrez un .xlsx ou partez d'un modèle ; tout reste dans le navigateur, « Télécharger » enregistre le classeur.
  Open an .xlsx or start from a template; everything stays in the browser, "Download" saves the workbook.

Le complément est servi sur ${url} (pid ${pid}). Arrêt : npm stop
The add-in is served on ${url} (pid ${pid}). To stop it: npm stop${portNote}${httpNote}

FR — Charger le complément dans Excel (manifeste : ${manifestPath})
  • Excel pour le web (tout navigateur, Linux compris) : ouvrez un classeur sur office.com, puis
    Insertion › Compléments › Plus de compléments › Charger mon complément, et choisissez ${manifestPath}.
    Le navigateur doit accepter le certificat de https://localhost:3000 : importez l'autorité
    ${ca} dans ses certificats (Autorités), ou ouvrez ${url}taskpane.html une fois et acceptez-le.
  • Windows et Mac : npx office-addin-debugging start manifest.xml desktop --dev-server-port ${port}
    (installe le certificat, inscrit le complément et ouvre Excel ; retrait : npx office-addin-debugging stop manifest.xml).
    Cet outil ne fonctionne pas sous Linux. Sans lui :
      - Windows : partagez un dossier qui contient manifest.xml ; dans Excel, Fichier › Options › Centre de gestion
        de la confidentialité › Paramètres › Catalogues de compléments approuvés, ajoutez \\\\poste\\dossier,
        cochez « Afficher dans le menu », redémarrez Excel, puis Insertion › Mes compléments › Dossier partagé.
      - Mac : copiez manifest.xml dans ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ (créez
        le dossier wef au besoin), redémarrez Excel, puis Insertion › Compléments › Mes compléments.
  Le bouton « Grille qualité » apparaît sous l'onglet Accueil.

EN — Sideload the add-in into Excel (manifest: ${manifestPath})
  • Excel on the web (any browser, Linux included): open a workbook on office.com, then
    Insert › Add-ins › More Add-ins › Upload My Add-in, and choose ${manifestPath}.
    The browser must trust the https://localhost:3000 certificate: import the authority
    ${ca} into its certificates (Authorities), or open ${url}taskpane.html once and accept it.
  • Windows and Mac: npx office-addin-debugging start manifest.xml desktop --dev-server-port ${port}
    (installs the certificate, registers the add-in and opens Excel; to remove it: npx office-addin-debugging stop manifest.xml).
    That tool does not run on Linux. Without it:
      - Windows: share a folder that holds manifest.xml; in Excel, File › Options › Trust Center › Trust Center
        Settings › Trusted Add-in Catalogs, add \\\\machine\\folder, tick "Show in Menu", restart Excel, then
        Insert › My Add-ins › Shared Folder.
      - Mac: copy manifest.xml into ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ (create the
        wef folder if needed), restart Excel, then Insert › Add-ins › My Add-ins.
  The "Quality grid" button appears on the Home tab.`);
}
