#!/usr/bin/env node
// Runs before vitest in `npm test`. Some suites need programs that are system packages, not npm ones:
//   - LibreOffice Calc (`soffice`): recalculates generated workbooks so tests can check the formulas;
//   - the Carlito font and poppler-utils (`pdftotext`, `pdfinfo`): LibreOffice prints workbooks to PDF
//     with Calibri's metrics, and the print suite reads the pages back;
//   - Chromium (/usr/bin/chromium): drives the task pane in a real browser.
// When all are present this does nothing. Otherwise, where it can (root, Debian, apt-get), it
// installs them; where it cannot, it says which suites will be skipped and how to install them.
// It never fails `npm test`: it always exits 0. Set QUALIGRID_SKIP_SYSTEM_DEPS=1 to never install.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";

const INSTALL_CMD = "apt-get install -y --no-install-recommends libreoffice-calc fonts-crosextra-carlito poppler-utils chromium";
const TAG = "[qualigrid ensure-system-deps]";

function isExecutable(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

function findSoffice() {
  return (
    onPath("soffice") ??
    onPath("libreoffice") ??
    ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"].find(isExecutable) ??
    null
  );
}

function findCarlito() {
  const res = spawnSync("fc-list", [":family=Carlito", "family"], { encoding: "utf8" });
  return res.status === 0 && /carlito/i.test(res.stdout) ? "Carlito" : null;
}

function findPoppler() {
  const pdftotext = onPath("pdftotext");
  return pdftotext && onPath("pdfinfo") ? pdftotext : null;
}

function findChromium() {
  return isExecutable("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
}

const DEPS = [
  {
    pkg: "libreoffice-calc",
    what: "LibreOffice Calc (soffice)",
    find: findSoffice,
    suites: "LibreOffice recalculation and report suites (workbook formulas are not proved to compute the engine's numbers, and `qualigrid report` is not proved to write the PDF)",
  },
  {
    pkg: "fonts-crosextra-carlito",
    what: "the Carlito font (Calibri's metrics)",
    find: findCarlito,
    suites: "print and report PDF suites (sheets and the reports printing one page wide with their headers on A4 and Letter are not proved)",
  },
  {
    pkg: "poppler-utils",
    what: "poppler-utils (pdftotext, pdfinfo)",
    find: findPoppler,
    suites: "print and report PDF suites (sheets and the reports printing one page wide with their headers on A4 and Letter are not proved)",
  },
  {
    pkg: "chromium",
    what: "Chromium (/usr/bin/chromium)",
    find: findChromium,
    suites: "browser suites (the task pane is not proved in a real browser)",
  },
];

function missingDeps() {
  return DEPS.filter((d) => !d.find());
}

function warnSkipped(missing, reason) {
  const lines = [
    "",
    `${TAG} WARNING: ${reason}`,
    ...missing.map((d) => `  - ${d.what} is missing: the ${d.suites} will be SKIPPED.`),
    "  To run them, install the system packages (Debian/Ubuntu, as root):",
    `    apt-get update && apt-get install -y --no-install-recommends ${missing.map((d) => d.pkg).join(" ")}`,
    "",
  ];
  console.warn(lines.join("\n"));
}

function run(cmd, args, timeoutMs) {
  console.log(`${TAG} $ ${cmd} ${args.join(" ")}`);
  const res = spawnSync(cmd, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    timeout: timeoutMs,
  });
  if (res.error) {
    console.warn(`${TAG} ${cmd} failed: ${res.error.message}`);
    return false;
  }
  if (res.status !== 0) {
    console.warn(`${TAG} ${cmd} exited with ${res.status ?? res.signal}`);
    return false;
  }
  return true;
}

function main() {
  const missing = missingDeps();
  if (missing.length === 0) return;

  if (process.env.QUALIGRID_SKIP_SYSTEM_DEPS === "1") {
    warnSkipped(missing, "QUALIGRID_SKIP_SYSTEM_DEPS=1, not installing system packages.");
    return;
  }
  const aptGet = onPath("apt-get") ?? (isExecutable("/usr/bin/apt-get") ? "/usr/bin/apt-get" : null);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (process.platform !== "linux" || !existsSync("/etc/debian_version") || !aptGet) {
    warnSkipped(missing, "cannot install system packages automatically here (not Debian/Ubuntu with apt-get).");
    return;
  }
  if (!isRoot) {
    warnSkipped(missing, "cannot install system packages automatically: not running as root.");
    return;
  }

  const pkgs = missing.map((d) => d.pkg);
  console.log(
    `${TAG} ${missing.map((d) => d.what).join(" and ")} not found; the ${missing
      .map((d) => d.suites)
      .join(" and the ")} need ${pkgs.length > 1 ? "them" : "it"}.\n` +
      `${TAG} Installing with apt-get (set QUALIGRID_SKIP_SYSTEM_DEPS=1 to skip this; the full command is: ${INSTALL_CMD}).`,
  );
  if (!run(aptGet, ["update"], 10 * 60_000)) {
    console.warn(`${TAG} apt-get update failed; trying the install with the package lists already on this machine.`);
  }
  // DPkg::Lock::Timeout: wait for another apt/dpkg run to finish instead of failing at once.
  const ok = run(
    aptGet,
    ["install", "-y", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=300", ...pkgs],
    30 * 60_000,
  );
  const still = missingDeps();
  if (still.length > 0) {
    warnSkipped(still, ok ? "apt-get finished but some programs are still missing." : "the apt-get install failed.");
    return;
  }
  console.log(`${TAG} installed: ${missing.map((d) => d.what).join(", ")}.`);
}

try {
  main();
} catch (err) {
  console.warn(`${TAG} unexpected error (ignored, tests continue): ${err instanceof Error ? err.message : String(err)}`);
}
process.exit(0);
