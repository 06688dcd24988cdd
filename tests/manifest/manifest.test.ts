/**
 * The add-in manifest, checked offline (`office-addin-manifest validate` needs Microsoft's service):
 * well-formed XML, every resid resolves to a resource of the right kind, the shared runtime and the
 * QG custom functions are wired to one page (their metadata in English, in French for fr-FR and
 * fr-CA), the requirement sets are declared, every display string exists in French and English,
 * the icons have the sizes the manifest claims — and, against one
 * production build made here, every URL names a file the build writes, the deployment URL replaces
 * localhost, and no page allows eval.
 */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(import.meta.url);
const run = promisify(execFile);

const DEV_URL = "https://localhost:3000/";
const DEPLOY_URL = "https://qualigrid.example.org/addin/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  vo: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};
const FRENCH = ["fr-FR", "fr-CA"];

/** Parses XML, failing on any error or warning the parser reports. */
function parseXml(text: string, name: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void problems.push(`${level}: ${message}`) }).parseFromString(
    text,
    "text/xml",
  );
  if (problems.length > 0) throw new Error(`${name} is not well-formed XML:\n${problems.join("\n")}`);
  return doc;
}

function all(scope: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(scope.getElementsByTagNameNS(ns, localName));
}

function one(scope: Document | Element, ns: string, localName: string): Element {
  const found = all(scope, ns, localName);
  if (found.length !== 1) throw new Error(`expected one <${localName}>, found ${found.length}`);
  return found[0]!;
}

function childElements(el: Element): Element[] {
  return Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
}

function attr(el: Element, name: string): string {
  const value = el.getAttribute(name);
  if (value === null) throw new Error(`<${el.localName}> has no ${name} attribute`);
  return value;
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS.xsi, "type");
}

/** A localized setting: its DefaultValue and its overrides by locale. */
function localized(el: Element): { value: string; overrides: Map<string, string> } {
  const overrides = new Map(
    childElements(el)
      .filter((c) => c.localName === "Override")
      .map((o) => [attr(o, "Locale"), attr(o, "Value")] as const),
  );
  return { value: attr(el, "DefaultValue"), overrides };
}

function pngSize(file: string): { width: number; height: number } {
  const head = readFileSync(file).subarray(0, 24);
  expect(head.subarray(0, 8).toString("hex"), `${file} is a PNG`).toBe("89504e470d0a1a0a");
  expect(head.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(pa!.length, pb!.length); i++) {
    const d = (pa![i] ?? 0) - (pb![i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const manifestText = readFileSync(path.join(root, "manifest.xml"), "utf8");
const manifest = parseXml(manifestText, "manifest.xml");
const versionOverrides = one(manifest, NS.vo, "VersionOverrides");
const resources = one(versionOverrides, NS.vo, "Resources");

/** The resource tables, by kind: id -> element. */
const tables = {
  image: new Map(all(one(resources, NS.bt, "Images"), NS.bt, "Image").map((e) => [attr(e, "id"), e])),
  url: new Map(all(one(resources, NS.bt, "Urls"), NS.bt, "Url").map((e) => [attr(e, "id"), e])),
  short: new Map(all(one(resources, NS.bt, "ShortStrings"), NS.bt, "String").map((e) => [attr(e, "id"), e])),
  long: new Map(all(one(resources, NS.bt, "LongStrings"), NS.bt, "String").map((e) => [attr(e, "id"), e])),
};
type Kind = keyof typeof tables;

/** Which resource table the resid of each element names. */
const RESID_KIND: Record<string, Kind> = {
  Image: "image",
  SourceLocation: "url",
  Runtime: "url",
  FunctionFile: "url",
  LearnMoreUrl: "url",
  Label: "short",
  Title: "short",
  Namespace: "short",
  Description: "long",
};

const residElements = Array.from(versionOverrides.getElementsByTagName("*")).filter((e) => e.hasAttribute("resid"));

function urlOf(resid: string): string {
  return attr(tables.url.get(resid)!, "DefaultValue");
}

/** Every URL in the manifest, with where it is. */
function manifestUrls(doc: Document): { where: string; url: string }[] {
  const found: { where: string; url: string }[] = [];
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    for (const name of ["DefaultValue", "Value"]) {
      const value = el.getAttribute(name);
      if (value && /^https?:/i.test(value)) found.push({ where: `<${el.nodeName}${el.hasAttribute("id") ? ` id="${el.getAttribute("id")}"` : ""}> ${name}`, url: value });
    }
  }
  return found;
}

describe("manifest.xml, offline", () => {
  it("is well-formed XML for a task pane add-in in Excel, with VersionOverrides 1.0", () => {
    expect(manifest.documentElement?.localName).toBe("OfficeApp");
    expect(manifest.documentElement?.namespaceURI).toBe(NS.app);
    expect(xsiType(manifest.documentElement!)).toBe("TaskPaneApp");
    expect(all(manifest, NS.app, "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    // Task pane add-ins support VersionOverrides 1.0 only; 1.1 is Outlook's.
    expect(xsiType(versionOverrides)).toBe("VersionOverridesV1_0");
    expect(all(versionOverrides, NS.vo, "Host").map(xsiType)).toEqual(["Workbook"]);
  });

  it("carries the package's version", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    expect(one(manifest, NS.app, "Version").textContent).toBe(`${pkg.version.replace(/[-+].*$/, "")}.0`);
  });

  it("resolves every resid to a resource of the right kind", () => {
    expect(residElements.length).toBeGreaterThan(10);
    for (const el of residElements) {
      const kind: Kind | undefined = RESID_KIND[el.localName ?? ""];
      expect(kind, `a rule for <${el.localName} resid>`).toBeDefined();
      expect(tables[kind!].has(attr(el, "resid")), `<${el.localName} resid="${attr(el, "resid")}"> is a ${kind} resource`).toBe(true);
    }
  });

  it("uses every resource, and declares each id once", () => {
    const used = new Set(residElements.map((e) => attr(e, "resid")));
    for (const [kind, table] of Object.entries(tables)) {
      for (const id of table.keys()) expect(used.has(id), `${kind} resource ${id} is used`).toBe(true);
    }
    const ids = Object.values(tables).flatMap((t) => [...t.keys()]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares the requirement sets the live add-in needs", () => {
    const sets = new Map(
      all(one(manifest, NS.app, "Requirements"), NS.app, "Set").map((s) => [attr(s, "Name"), s.getAttribute("MinVersion") ?? "1.1"]),
    );
    // CustomFunctionsRuntime 1.3: CustomFunctions.Error and its ErrorCode values (functions/functions.edge.ts).
    const minimum = { ExcelApi: "1.9", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" };
    for (const [name, version] of Object.entries(minimum)) {
      expect(sets.has(name), `requirement set ${name}`).toBe(true);
      expect(compareVersions(sets.get(name)!, version), `${name} ${sets.get(name)} >= ${version}`).toBeGreaterThanOrEqual(0);
    }
  });

  it("runs the task pane, the ribbon button and the QG functions in one long-lived runtime", () => {
    const runtime = one(one(versionOverrides, NS.vo, "Runtimes"), NS.vo, "Runtime");
    expect(attr(runtime, "lifetime")).toBe("long");
    const page = attr(runtime, "resid");
    // ?office=1: the page loads office.js only when Office launched it (taskpane/office.launch.ts).
    expect(urlOf(page)).toBe(`${DEV_URL}taskpane.html?office=1`);
    expect(attr(one(versionOverrides, NS.vo, "FunctionFile"), "resid")).toBe(page);

    const cf = all(versionOverrides, NS.vo, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    expect(cf, "CustomFunctions extension point").toBeDefined();
    const location = (name: string) => attr(one(one(cf, NS.vo, name), NS.vo, "SourceLocation"), "resid");
    expect(location("Page")).toBe(page);
    expect(urlOf(location("Script"))).toBe(`${DEV_URL}functions.js`);
    expect(urlOf(location("Metadata"))).toBe(`${DEV_URL}functions.json`);
    // The functions' names and help: English by default, French for French Office (fr-FR, fr-CA).
    const metadataOverrides = localized(tables.url.get(location("Metadata"))!).overrides;
    expect(Object.fromEntries(metadataOverrides)).toEqual(Object.fromEntries(FRENCH.map((l) => [l, `${DEV_URL}functions.fr.json`])));
    expect(attr(tables.short.get(attr(one(cf, NS.vo, "Namespace"), "resid"))!, "DefaultValue")).toBe("QG");

    const ribbon = all(versionOverrides, NS.vo, "ExtensionPoint").find((e) => xsiType(e) === "PrimaryCommandSurface")!;
    expect(attr(one(ribbon, NS.vo, "OfficeTab"), "id")).toBe("TabHome");
    const action = all(ribbon, NS.vo, "Action").find((a) => xsiType(a) === "ShowTaskpane")!;
    expect(action, "a button that shows the task pane").toBeDefined();
    expect(attr(one(action, NS.vo, "SourceLocation"), "resid")).toBe(page);
    expect(attr(one(manifest, NS.app, "DefaultSettings").getElementsByTagNameNS(NS.app, "SourceLocation")[0]!, "DefaultValue")).toBe(
      `${DEV_URL}taskpane.html?office=1`,
    );
  });

  it("has every display string in French (fr-FR, fr-CA) and English, within Office's length limits", () => {
    // Office takes no override for the default locale: English is the default so that fr-CA and
    // fr-FR can both be overrides (and get the French custom-function metadata).
    expect(one(manifest, NS.app, "DefaultLocale").textContent).toBe("en-US");
    const strings: { name: string; el: Element; max: number }[] = [
      { name: "DisplayName", el: one(manifest, NS.app, "DisplayName"), max: 125 },
      { name: "Description", el: one(manifest, NS.app, "Description"), max: 250 },
      ...[...tables.short].filter(([id]) => id !== "Functions.Namespace").map(([id, el]) => ({ name: id, el, max: 125 })),
      ...[...tables.long].map(([id, el]) => ({ name: id, el, max: 250 })),
    ];
    // The product name needs no translation; everything else must differ between the languages.
    const sameInEveryLanguage = new Set(["Qualigrid"]);
    for (const { name, el, max } of strings) {
      const { value, overrides } = localized(el);
      for (const locale of FRENCH) {
        expect(overrides.get(locale)?.trim(), `${name} has a ${locale} override`).toBeTruthy();
      }
      expect(overrides.has("en-US"), `${name} has no override for the default locale`).toBe(false);
      const texts = [value, ...overrides.values()];
      for (const text of texts) expect(text.length, `${name}: "${text}" fits in ${max} characters`).toBeLessThanOrEqual(max);
      // The default value is the English text; the French overrides are translations of it.
      for (const fr of FRENCH) {
        if (!sameInEveryLanguage.has(value)) expect(overrides.get(fr), `${name}: ${fr} is translated`).not.toBe(value);
      }
    }
  });

  it("points every URL at the dev server, so one rewrite deploys them all", () => {
    const urls = manifestUrls(manifest);
    expect(urls.length).toBeGreaterThan(5);
    for (const { where, url } of urls) expect(url.startsWith(DEV_URL), `${where}: ${url}`).toBe(true);
  });

  it("has icons of the sizes it claims, drawn by scripts/make-icons.mjs", () => {
    const claims: { file: string; size: number; where: string }[] = [];
    const file = (url: string) => path.join(root, url.slice(DEV_URL.length));
    for (const el of residElements.filter((e) => e.localName === "Image")) {
      claims.push({ file: file(attr(tables.image.get(attr(el, "resid"))!, "DefaultValue")), size: Number(attr(el, "size")), where: attr(el, "resid") });
    }
    claims.push({ file: file(attr(one(manifest, NS.app, "IconUrl"), "DefaultValue")), size: 32, where: "IconUrl" });
    claims.push({ file: file(attr(one(manifest, NS.app, "HighResolutionIconUrl"), "DefaultValue")), size: 64, where: "HighResolutionIconUrl" });
    claims.push({ file: path.join(root, "assets/icon-128.png"), size: 128, where: "store icon" });
    for (const { file: png, size, where } of claims) {
      expect(existsSync(png), `${where}: ${png}`).toBe(true);
      expect(pngSize(png), `${where}: ${path.relative(root, png)}`).toEqual({ width: size, height: size });
    }
    const check = spawnSync(process.execPath, [path.join(root, "scripts/make-icons.mjs"), "--check"], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });
});

describe("the production build", () => {
  let out = "";
  let builtManifest = "";
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");

  beforeAll(async () => {
    out = mkdtempSync(path.join(os.tmpdir(), "qualigrid-build-"));
    await run(process.execPath, [webpackCli, "--mode", "production", "--output-path", out], {
      cwd: root,
      env: { ...process.env, QUALIGRID_DEPLOY_URL: DEPLOY_URL },
      maxBuffer: 64 * 1024 * 1024,
    });
    builtManifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
  }, 240_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("writes a file for every URL in the manifest", () => {
    for (const { where, url } of manifestUrls(manifest)) {
      expect(existsSync(path.join(out, new URL(url).pathname.slice(new URL(DEV_URL).pathname.length))), `${where}: ${url}`).toBe(true);
    }
  });

  it("rewrites https://localhost:3000/ to QUALIGRID_DEPLOY_URL in the manifest, and nothing else", () => {
    expect(builtManifest).not.toMatch(/localhost/i);
    expect(builtManifest).toBe(manifestText.split(DEV_URL).join(DEPLOY_URL));
    const urls = manifestUrls(parseXml(builtManifest, "built manifest.xml"));
    for (const { where, url } of urls) expect(url.startsWith(DEPLOY_URL), `${where}: ${url}`).toBe(true);
  });

  it("generates the custom functions metadata from functions/functions.ts, in English and in French", () => {
    type Metadata = { functions: { id: string; name: string; helpUrl?: string }[] };
    const read = (file: string) => JSON.parse(readFileSync(path.join(out, file), "utf8")) as Metadata;
    const [en, fr] = [read("functions.json"), read("functions.fr.json")];
    const ids = ["SCORE", "DIMSCORE", "GAP", "LEVEL", "COMPLETION", "COVERAGE", "AGREEMENT", "SPREAD", "CONSENSUS"];
    expect(en.functions.map((f) => f.id)).toEqual(ids);
    expect(fr.functions.map((f) => f.id)).toEqual(ids);
    expect(en.functions.map((f) => f.name)).toEqual(ids);
    expect(fr.functions.map((f) => f.name)).toEqual(["SCORE", "SCOREDIM", "ECART", "NIVEAU", "COMPLETUDE", "COUVERTURE", "ACCORD", "DISPERSION", "CONSENSUS"]);
    for (const f of [...en.functions, ...fr.functions]) {
      // Excel needs ids and names of at least 3 characters.
      expect(Math.min(f.id.length, f.name.length)).toBeGreaterThanOrEqual(3);
      // Help links follow the deployment, as the manifest's URLs do.
      expect(f.helpUrl).toBe(`${DEPLOY_URL}help.html`);
    }
    // The plugin appends the associations to the functions bundle.
    const bundle = readFileSync(path.join(out, "functions.js"), "utf8");
    for (const id of ids) expect(bundle).toContain(`CustomFunctions.associate("${id}"`);
  });

  it("names office.js from Microsoft's CDN without loading it, then loads the functions and the task pane, on one page", () => {
    const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]!);
    // The bootstrap adds office.js only when Office launched the page: never outside Office.
    expect(scripts).not.toContain(OFFICE_JS);
    expect(/<meta name="?qualigrid:office-js"? content="?([^"\s>]+)"?/.exec(html)?.[1]).toBe(OFFICE_JS);
    expect(scripts.indexOf("functions.js")).toBe(0);
    const bundle = scripts.find((s) => /^taskpane\.[0-9a-f]+\.js$/.test(s));
    expect(bundle, `a hashed task pane bundle in ${scripts.join(", ")}`).toBeDefined();
    expect(existsSync(path.join(out, bundle!))).toBe(true);
    expect(html).toMatch(/<main id="?app"?>/);
  });

  it("keeps exceljs out of what Excel loads: under 300 KB gzipped, the workbench in chunks loaded on demand", () => {
    const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    const initial = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => readFileSync(path.join(out, m[1]!)));
    const gzipped = initial.reduce((n, code) => n + gzipSync(code, { level: 9 }).length, 0);
    expect(gzipped).toBeLessThan(300 * 1024);
    // JSZip is exceljs's zip library: its name survives minification as a string.
    for (const code of initial) expect(code.toString("utf8")).not.toContain("JSZip");
    const chunks = readdirSync(out).filter((f) => f.endsWith(".js") && !initial.some((c) => c === readFileSync(path.join(out, f))));
    expect(chunks.some((f) => /^workbench\.[0-9a-f]{8}\.js$/.test(f)), chunks.join(", ")).toBe(true);
    expect(chunks.some((f) => readFileSync(path.join(out, f), "utf8").includes("JSZip")), "exceljs in an on-demand chunk").toBe(true);
  });

  it("keeps exceljs out of the workbench's chunk: in one chunk of its own, which the file host and the file services share", () => {
    const js = readdirSync(out).filter((f) => f.endsWith(".js"));
    const workbench = js.find((f) => /^workbench\.[0-9a-f]{8}\.js$/.test(f));
    expect(workbench, js.join(", ")).toBeDefined();
    expect(readFileSync(path.join(out, workbench!), "utf8")).not.toContain("JSZip");
    expect(js.filter((f) => readFileSync(path.join(out, f), "utf8").includes("JSZip"))).toEqual([expect.stringMatching(/^exceljs\.[0-9a-f]{8}\.js$/)]);
    expect(js.some((f) => /^file-host\.[0-9a-f]{8}\.js$/.test(f)), js.join(", ")).toBe(true);
  });

  it("gives every page a Content Security Policy, first in <head>, without unsafe-eval", () => {
    const pages = readdirSync(out).filter((f) => f.endsWith(".html"));
    expect(pages.sort()).toEqual(["help.html", "taskpane.html"]);
    for (const page of pages) {
      const html = readFileSync(path.join(out, page), "utf8");
      const head = html.slice(html.indexOf("<head>") + "<head>".length);
      const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
      expect(csp, `${page} has a CSP`).toBeDefined();
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).toMatch(/default-src '(self|none)'/);
      // Only <meta charset> may come before it: a CSP meta governs what follows it.
      expect(head.replace(/^<meta charset="?utf-8"?>/i, "").startsWith("<meta http-equiv=")).toBe(true);
    }
  });

  it("compiles no code at run time: the CSP (no 'unsafe-eval') would refuse eval and new Function", () => {
    for (const js of readdirSync(out).filter((f) => f.endsWith(".js"))) {
      const code = readFileSync(path.join(out, js), "utf8");
      expect(code, `${js}: devtool must not wrap modules in eval`).not.toContain("sourceURL=webpack");
      expect(/\beval\(/.test(code), `${js} calls eval`).toBe(false);
      // e.g. Ajv's ajv.compile(schema) builds its validator with new Function: precompile it instead
      // (ajv/dist/standalone), or the page throws an EvalError under its CSP.
      const compiled = /.{0,80}\bnew Function\(.{0,40}/.exec(code)?.[0];
      expect(compiled, `${js} calls new Function`).toBeUndefined();
    }
  });

  it("refuses a deployment URL that is not https", async () => {
    const failed = await run(process.execPath, [webpackCli, "--mode", "production", "--output-path", path.join(out, "never")], {
      cwd: root,
      env: { ...process.env, QUALIGRID_DEPLOY_URL: "http://qualigrid.example.org/" },
    }).then(
      () => null,
      (err: { stderr?: string; stdout?: string }) => `${err.stderr ?? ""}${err.stdout ?? ""}`,
    );
    expect(failed).toMatch(/QUALIGRID_DEPLOY_URL must be an https:\/\/ URL/);
    expect(existsSync(path.join(out, "never"))).toBe(false);
  }, 60_000);
});
