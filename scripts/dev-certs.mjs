// The dev server's HTTPS certificate for https://localhost:3000, made by office-addin-dev-certs.
//
// office-addin-dev-certs keeps its files in ~/.office-addin-dev-certs/ (ca.crt, localhost.crt,
// localhost.key). Its getHttpsServerOptions() refuses to return them unless the CA is installed in
// the system's trust store, which fails on machines without sudo (containers, CI). So this module
// generates the files with the package's own generateCertificates() when they are missing or about
// to expire, tries once to install the CA (Office and browsers only trust localhost if it is), and
// reads the files directly whether or not that worked.
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);

export const certDirectory = path.join(os.homedir(), ".office-addin-dev-certs");
export const certPaths = {
  ca: path.join(certDirectory, "ca.crt"),
  cert: path.join(certDirectory, "localhost.crt"),
  key: path.join(certDirectory, "localhost.key"),
};

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/** Why the existing files cannot be used, or null when they can. */
function unusableReason() {
  for (const [name, file] of Object.entries(certPaths)) {
    if (!existsSync(file)) return `${name} file missing (${file})`;
  }
  try {
    for (const file of [certPaths.ca, certPaths.cert]) {
      const validTo = Date.parse(new X509Certificate(readFileSync(file)).validTo);
      if (!(validTo > Date.now() + ONE_DAY_MS)) return `${path.basename(file)} expires ${new Date(validTo).toISOString()}`;
    }
  } catch (err) {
    return `unreadable certificate: ${err instanceof Error ? err.message : String(err)}`;
  }
  return null;
}

/**
 * Makes sure the localhost certificate files exist and are valid for at least a day, and returns
 * their contents for an HTTPS server. `log` receives progress lines (generation, CA install result).
 * Set QUALIGRID_SKIP_CA_INSTALL=1 to never try to install the CA into the system's trust store.
 */
export async function ensureDevCerts({ log = (line) => console.log(line) } = {}) {
  const reason = unusableReason();
  let caInstall = "unchanged";
  if (reason) {
    log(`[dev-certs] ${reason}: generating new certificates in ${certDirectory}`);
    // generateCertificates() only writes when ca.crt is absent: remove the three stale files first.
    for (const file of Object.values(certPaths)) rmSync(file, { force: true });
    const devCerts = require("office-addin-dev-certs");
    await devCerts.generateCertificates();
    if (process.env.QUALIGRID_SKIP_CA_INSTALL === "1") {
      caInstall = "skipped";
    } else {
      try {
        await devCerts.installCaCertificate();
        caInstall = "installed";
      } catch (err) {
        caInstall = "failed";
        const why = (err instanceof Error ? err.message : String(err)).split("\n")[0];
        log(`[dev-certs] the CA could not be installed in this machine's trust store (${why}).`);
        log(`[dev-certs] The server still uses the generated files; trust ${certPaths.ca} yourself if a browser or Office refuses https://localhost:3000.`);
      }
    }
  }
  return {
    key: readFileSync(certPaths.key),
    cert: readFileSync(certPaths.cert),
    ca: readFileSync(certPaths.ca),
    generated: Boolean(reason),
    caInstall,
  };
}
