// One run of the real command line in a fresh process, measured from outside: wall time from spawn
// to exit, the kernel's peak RSS of the whole process and its CPU time (`/usr/bin/time -f "%M %U %S"`
// when present, else the hostile suite's wrapper.mjs, which reports `process.resourceUsage()` at exit),
// killed with its process group past a deadline. Used by the `hostile` and `upgrade` suites.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin/qualigrid.js");
const WRAPPER = fileURLToPath(new URL("../suites/hostile/wrapper.mjs", import.meta.url));
const TIME = "/usr/bin/time";

/** Whether GNU time can report peak RSS and CPU here (`QUALIGRID_BENCH_NO_TIME=1` forces the wrapper). */
export function hasGnuTime() {
  if (process.env.QUALIGRID_BENCH_NO_TIME || !existsSync(TIME)) return false;
  return new Promise((resolve) => {
    const p = spawn(TIME, ["-f", "%M %U %S", process.execPath, "-e", "0"], { stdio: "ignore" });
    p.on("error", () => resolve(false));
    p.on("close", (code) => resolve(code === 0));
  });
}

/**
 * Runs `node bin/qualigrid.js …args` once: { code, signal, wallMs, cpuMs, rssMb, stdout, stderr, killed }.
 * cpuMs is NaN without GNU time; rssMb NaN for a process killed before it could report.
 */
export function runCli(args, { useTime, dir, killAfterMs }) {
  const out = join(dir, "time.out");
  const [cmd, argv] = useTime ? [TIME, ["-o", out, "-f", "%M %U %S", process.execPath, BIN, ...args]] : [process.execPath, [WRAPPER, ...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe", "pipe"], detached: true });
    const stdout = [];
    const stderr = [];
    const res = [];
    child.stdout.on("data", (d) => stdout.push(d));
    child.stderr.on("data", (d) => stderr.push(d));
    child.stdio[3].on("data", (d) => res.push(d));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, killAfterMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      let rssKb = NaN;
      let cpuMs = NaN;
      try {
        if (useTime) {
          const [m, u, s] = readFileSync(out, "utf8").trim().split("\n").pop().split(" ").map(Number);
          rssKb = m;
          cpuMs = (u + s) * 1000;
        } else rssKb = JSON.parse(Buffer.concat(res).toString()).maxRssKb;
        rmSync(out, { force: true });
      } catch {
        // Killed before it could report.
      }
      resolve({ code, signal, wallMs, cpuMs, rssMb: rssKb / 1024, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString(), killed });
    });
  });
}

/** The runs asked for: `--runs` when given on the command line, else the suite's own default (the runner's is 5). */
export function runsAsked(runs, suiteDefault) {
  return process.argv.some((a) => a === "--runs" || a.startsWith("--runs=")) ? runs : suiteDefault;
}
