// The LibreOffice runner with stand-in programs (shell scripts named by SOFFICE): which program it
// finds, and each way a run fails — an exit code, no file written, a timeout that kills the whole
// process group. LibreOffice itself is exercised by tests/cli/report.test.ts and tests/libreoffice.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { convertWithSoffice, findSoffice, SofficeFailed, SofficeMissing } from "./soffice.run.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qg-soffice-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** An executable shell script in `dir`. */
function script(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

/** An input file for a conversion (its content does not matter to a stand-in). */
function input(name: string): string {
  fs.mkdirSync(path.join(dir, "in"), { recursive: true });
  const file = path.join(dir, "in", name);
  fs.writeFileSync(file, "x");
  return file;
}

const failure = async (p: Promise<unknown>): Promise<unknown> => p.then(() => null, (e: unknown) => e);

describe("findSoffice", () => {
  it("takes the program SOFFICE names, and only it: a name that is not an executable finds nothing", () => {
    const fake = script("named", "exit 0");
    expect(findSoffice({ SOFFICE: fake, PATH: "" })).toBe(fake);
    expect(findSoffice({ SOFFICE: path.join(dir, "absent"), PATH: path.dirname(fake) })).toBeNull();
    fs.writeFileSync(path.join(dir, "not-executable"), "#!/bin/sh\n", { mode: 0o644 });
    expect(findSoffice({ SOFFICE: path.join(dir, "not-executable") })).toBeNull();
  });

  it("looks on PATH for soffice, then libreoffice", () => {
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, "libreoffice"), "#!/bin/sh\n", { mode: 0o755 });
    expect(findSoffice({ PATH: bin })).toBe(path.join(bin, "libreoffice"));
    fs.writeFileSync(path.join(bin, "soffice"), "#!/bin/sh\n", { mode: 0o755 });
    expect(findSoffice({ PATH: bin })).toBe(path.join(bin, "soffice"));
  });
});

describe("convertWithSoffice", () => {
  it("throws SofficeMissing, naming SOFFICE, when there is no LibreOffice", async () => {
    const e = await failure(convertWithSoffice([input("a.xlsx")], path.join(dir, "out"), "pdf", { env: { SOFFICE: path.join(dir, "absent") } }));
    expect(e).toBeInstanceOf(SofficeMissing);
    expect((e as SofficeMissing).named).toBe(path.join(dir, "absent"));
  });

  it("returns the files LibreOffice wrote, in input order, with the throw-away profile that recalculates", async () => {
    // The stand-in writes `<name>.pdf` for each input after --outdir, and copies the profile it was given.
    const fake = script(
      "writes",
      `out=""; prev=""; for a in "$@"; do case "$prev" in --outdir) out="$a";; esac; case "$a" in -env:UserInstallation=file://*) cp "\${a#-env:UserInstallation=file://}/user/registrymodifications.xcu" "${dir}/profile.xcu";; esac; prev="$a"; done
for a in "$@"; do case "$a" in *.xlsx) n=$(basename "$a" .xlsx); echo pdf > "$out/$n.pdf";; esac; done`,
    );
    const outs = await convertWithSoffice([input("b.xlsx"), input("a.xlsx")], path.join(dir, "out1"), "pdf", { env: { SOFFICE: fake } });
    expect(outs).toEqual([path.join(dir, "out1", "b.pdf"), path.join(dir, "out1", "a.pdf")]);
    const profile = fs.readFileSync(path.join(dir, "profile.xcu"), "utf8");
    expect(profile).toContain('<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value>');
    expect(profile).toContain('<prop oor:name="EmptyPages" oor:op="fuse"><value>false</value>');
  });

  it("fails with the exit code and what LibreOffice printed", async () => {
    const fake = script("exits", "echo 'Error: source file could not be loaded' >&2\nexit 81");
    const e = await failure(convertWithSoffice([input("c.xlsx")], path.join(dir, "out2"), "pdf", { env: { SOFFICE: fake } }));
    expect(e).toBeInstanceOf(SofficeFailed);
    expect(e).toMatchObject({ reason: "exit", detail: "81", output: "Error: source file could not be loaded" });
  });

  it("fails when LibreOffice exits cleanly without writing the file, a stale one of an earlier run not counting", async () => {
    const fake = script("silent", "exit 0");
    fs.mkdirSync(path.join(dir, "out3"));
    fs.writeFileSync(path.join(dir, "out3", "d.pdf"), "an earlier run's");
    const e = await failure(convertWithSoffice([input("d.xlsx")], path.join(dir, "out3"), "pdf", { env: { SOFFICE: fake } }));
    expect(e).toMatchObject({ reason: "noOutput", detail: "d.pdf" });
    expect(fs.existsSync(path.join(dir, "out3", "d.pdf"))).toBe(false);
  });

  it("kills the whole process group on timeout, leaving no program running", async () => {
    const pidFile = path.join(dir, "child.pid");
    const fake = script("hangs", `sleep 60 &\necho $! > "${pidFile}"\nwait`);
    const started = Date.now();
    const e = await failure(convertWithSoffice([input("e.xlsx")], path.join(dir, "out4"), "pdf", { env: { SOFFICE: fake }, timeoutMs: 500 }));
    expect(e).toMatchObject({ reason: "timeout", detail: "1" });
    expect(Date.now() - started).toBeLessThan(10_000);
    const child = Number(fs.readFileSync(pidFile, "utf8"));
    // The grandchild (as soffice.bin is to the soffice script) is gone too: no process, or a zombie
    // left for PID 1 to reap (in a container, it may take its time).
    const running = (): boolean => {
      try {
        return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${child}/stat`, "utf8"));
      } catch {
        return false;
      }
    };
    expect(running()).toBe(false);
  });

  it("on Ctrl-C kills the process group, removes its profile, and the process still ends by SIGINT", async () => {
    const pidFile = path.join(dir, "interrupted.pid");
    const fake = script("interrupted", `sleep 60 &\necho $! > "${pidFile}"\nwait`);
    const runner = fileURLToPath(new URL("./soffice.run.ts", import.meta.url));
    const main = path.join(dir, "interrupt.mts");
    fs.writeFileSync(
      main,
      `import { convertWithSoffice } from ${JSON.stringify(runner)};\n` +
        `await convertWithSoffice([${JSON.stringify(input("g.xlsx"))}], ${JSON.stringify(path.join(dir, "out5"))}, "pdf", { env: { SOFFICE: ${JSON.stringify(fake)} } });\n`,
    );
    const child = spawn(process.execPath, ["--import", "tsx", main], { stdio: "ignore", env: { ...process.env, TMPDIR: path.join(dir, "tmp") } });
    fs.mkdirSync(path.join(dir, "tmp"));
    // Interrupted once the stand-in LibreOffice runs.
    for (let i = 0; i < 200 && !fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 50));
    expect(fs.readdirSync(path.join(dir, "tmp")).filter((n) => n.startsWith("qualigrid-lo-profile-"))).toHaveLength(1);
    child.kill("SIGINT");
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on("exit", (c, s) => r([c, s])));
    expect([code, signal]).toEqual([null, "SIGINT"]);
    const grandchild = Number(fs.readFileSync(pidFile, "utf8"));
    await new Promise((r) => setTimeout(r, 200));
    expect(fs.existsSync(`/proc/${grandchild}`) && !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${grandchild}/stat`, "utf8"))).toBe(false);
    // (tsx keeps its cache there too.)
    expect(fs.readdirSync(path.join(dir, "tmp")).filter((n) => n.startsWith("qualigrid-"))).toEqual([]);
  }, 30_000);

  it("refuses an output folder that is an input's, which LibreOffice would overwrite", async () => {
    const fake = script("unused", "exit 0");
    const file = input("f.xlsx");
    await expect(convertWithSoffice([file], path.dirname(file), "xlsx", { env: { SOFFICE: fake } })).rejects.toThrow(/must differ from the input's directory/);
  });
});
