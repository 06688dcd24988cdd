// The background dev server of `npm start` / `npm stop`: where its pid and log live, how to tell
// whether it still runs, and how to stop it. The state is in .qualigrid/ (git-ignored).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const stateDir = path.join(root, ".qualigrid");
export const statePath = path.join(stateDir, "dev-server.json");
export const logPath = path.join(stateDir, "dev-server.log");

/** Port, protocol and base URL the dev server uses, from the same variables as webpack.config.js. */
export function serverSettings() {
  const port = Number(process.env.QUALIGRID_DEV_PORT ?? 3000);
  const protocol = process.env.QUALIGRID_DEV_HTTP === "1" ? "http" : "https";
  return { port, protocol, url: `${protocol}://localhost:${port}/` };
}

/** The recorded server ({ pid, startTicks, url, startedAt, log }) or null. */
export function readState() {
  try {
    const state = JSON.parse(readFileSync(statePath, "utf8"));
    return Number.isInteger(state.pid) && state.pid > 0 ? state : null;
  } catch {
    return null;
  }
}

export function writeState(state) {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(statePath, `${JSON.stringify(state, null, 2)}\n`);
}

export function clearState() {
  rmSync(statePath, { force: true });
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err?.code === "EPERM";
  }
}

/** The command line of a running process, or null when it cannot be read (or on Windows). */
function commandLine(pid) {
  if (process.platform === "linux") {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
    } catch {
      return null;
    }
  }
  if (process.platform === "win32") return null;
  const ps = spawnSync("ps", ["-p", String(pid), "-o", "command="], { encoding: "utf8" });
  return ps.status === 0 ? ps.stdout.trim() : null;
}

/**
 * When a process started, as Linux counts it (clock ticks since boot; field 22 of /proc/PID/stat),
 * or null elsewhere. Recorded at launch, it tells the server apart from a later process with its pid.
 */
export function startTicks(pid) {
  if (process.platform !== "linux") return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether the recorded server `{ pid, startTicks }` still runs — and is not another program that got
 * the same pid after the server ended. webpack-cli names its process "webpack". On Windows, where
 * neither check is at hand, a live pid counts.
 */
export function isOurServer(state) {
  if (!isAlive(state.pid)) return false;
  if (state.startTicks) return startTicks(state.pid) === state.startTicks;
  const cmd = commandLine(state.pid);
  return cmd === null ? process.platform === "win32" : /webpack/.test(cmd);
}

/** Stops the server and its children (it leads its own process group). Resolves once it is gone. */
export async function stopServer(pid) {
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/PID", String(pid), "/T", "/F"], { stdio: "ignore" });
  } else {
    for (const signal of ["SIGTERM", "SIGKILL"]) {
      try {
        process.kill(-pid, signal);
      } catch {
        try {
          process.kill(pid, signal);
        } catch {
          /* already gone */
        }
      }
      for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
      if (!isAlive(pid)) break;
    }
  }
  return !isAlive(pid);
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether something accepts TCP connections on localhost:port. */
export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "localhost" });
    socket.setTimeout(2000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * GETs `url` and resolves with the HTTP status, or with an Error (connection refused, TLS, timeout).
 * With `ca`, the server's certificate must chain to it; without, any certificate is accepted.
 */
export function probe(url, { ca } = {}) {
  return new Promise((resolve) => {
    const client = url.startsWith("https:") ? https : http;
    const options = url.startsWith("https:") ? (ca ? { ca } : { rejectUnauthorized: false }) : {};
    const req = client.get(url, { ...options, timeout: 10_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once("timeout", () => req.destroy(new Error("timed out")));
    req.once("error", (err) => resolve(err));
  });
}

/** The last lines of the server log, to show why it did not start. */
export function logTail(lines = 25) {
  if (!existsSync(logPath)) return "";
  return readFileSync(logPath, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}
