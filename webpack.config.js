// Builds the Excel add-in into dist-web/ and serves it on https://localhost:3000.
//
//   webpack --mode production    dist-web/: taskpane.html (the task pane, which also loads the custom
//                                functions: one shared runtime), functions.js, functions.json (metadata
//                                generated from the JSDoc in functions/functions.ts) and functions.fr.json
//                                (the same with French names and help, functions/translations.fr.json), help.html,
//                                assets/icon-*.png and manifest.xml. With QUALIGRID_DEPLOY_URL set
//                                (https://…/), every https://localhost:3000/ in the manifest becomes it.
//   webpack serve                the same pages from memory on https://localhost:3000, with the
//                                office-addin-dev-certs certificate (scripts/dev-certs.mjs);
//                                QUALIGRID_DEV_HTTP=1 serves plain http (tests), QUALIGRID_DEV_PORT
//                                another port (the manifest still says 3000).
//
// No eval anywhere: the pages' Content Security Policy has no 'unsafe-eval', so devtool is
// "source-map" (separate .map files) in development and off in production.
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import { localizedMetadata, METADATA_FILES } from "./functions/metadata.localize.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(here, "package.json"), "utf8"));

/** A file of exceljs, or of a package exceljs depends on, wherever npm installed it. */
function fromExcelJs(request) {
  return createRequire(createRequire(import.meta.url).resolve("exceljs/package.json")).resolve(request);
}

/** The origin the source manifest points at: the dev server. */
export const DEV_URL = "https://localhost:3000/";
/** office.js as Office expects it: Microsoft's CDN, never bundled (the host picks its own build). */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * Content Security Policy of the add-in pages. office.js needs: its CDN for scripts and for a hidden
 * host-trust frame; MicrosoftAjax.js from ajax.aspnetcdn.com; inline styles (Excel on the web's
 * host script sets them, and Fluent UI inserts <style> rules). It never needs eval (checked in
 * @microsoft/office-js 1.1.110). connect-src 'self': the add-in itself talks to no other server.
 */
export const TASKPANE_CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' https://appsforoffice.microsoft.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
/** The help page has no script at all. */
export const HELP_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * QUALIGRID_DEPLOY_URL, normalized to end with "/", or undefined when it is not set. Throws when it
 * is not an https URL without query or fragment: Office loads add-ins over https only.
 */
export function deployUrlFrom(value) {
  if (value === undefined || value.trim() === "") return undefined;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`QUALIGRID_DEPLOY_URL is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "https:") throw new Error(`QUALIGRID_DEPLOY_URL must be an https:// URL (Office loads add-ins over https only): ${value}`);
  if (url.search || url.hash) throw new Error(`QUALIGRID_DEPLOY_URL must not have a query or a fragment: ${value}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Emits files that webpack does not bundle — the manifest and the icons — optionally rewriting
 * text on the way, and watches them in `webpack serve`.
 */
class StaticFilesPlugin {
  constructor(files, { warnings = [] } = {}) {
    this.files = files;
    this.warnings = warnings;
  }

  apply(compiler) {
    const name = "QualigridStaticFiles";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      for (const message of this.warnings) compilation.warnings.push(new webpack.WebpackError(message));
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const file of this.files) {
          compilation.fileDependencies.add(file.from);
          let content = readFileSync(file.from);
          if (file.transform) {
            try {
              content = Buffer.from(file.transform(content.toString("utf8")), "utf8");
            } catch (err) {
              compilation.errors.push(new webpack.WebpackError(`${file.to}: ${err instanceof Error ? err.message : String(err)}`));
              continue;
            }
          }
          compilation.emitAsset(file.to, new webpack.sources.RawSource(content));
        }
      });
    });
  }
}

/**
 * Finishes the custom functions metadata custom-functions-metadata-plugin generated (functions.json,
 * English): lets inputs carry Excel errors, moves help URLs to the deployment URL, and writes
 * functions.fr.json from functions/translations.fr.json. A function or parameter without a French
 * translation fails the build (functions/metadata.localize.mjs says which).
 */
class FunctionsMetadataPlugin {
  constructor({ translations, deployUrl }) {
    this.translations = translations;
    this.deployUrl = deployUrl;
  }

  apply(compiler) {
    const name = "QualigridFunctionsMetadata";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(this.translations);
        // Absent when the generator failed: custom-functions-metadata-plugin has reported why.
        const generated = compilation.getAsset(METADATA_FILES.en);
        if (!generated) return;
        try {
          const table = JSON.parse(readFileSync(this.translations, "utf8"));
          const { en, fr } = localizedMetadata(generated.source.source().toString(), table, { devUrl: DEV_URL, deployUrl: this.deployUrl });
          compilation.updateAsset(METADATA_FILES.en, new webpack.sources.RawSource(en));
          compilation.emitAsset(METADATA_FILES.fr, new webpack.sources.RawSource(fr));
        } catch (err) {
          compilation.errors.push(new webpack.WebpackError(`${path.relative(here, this.translations)}: ${err instanceof Error ? err.message : String(err)}`));
        }
      });
    });
  }
}

/** The chunks that load exceljs: the file host and the file services (`webpackChunkName` in addin/host). */
export const FILE_CHUNKS = ["file-host", "file-services"];
const fileChunks = (chunk) => FILE_CHUNKS.includes(chunk.name);

/** The manifest with every dev-server URL replaced by the deployment URL. */
function manifestFor(deployUrl) {
  return (xml) => {
    if (!deployUrl) return xml;
    const rewritten = xml.split(DEV_URL).join(deployUrl);
    if (/localhost/i.test(rewritten)) throw new Error("a localhost URL is left after the rewrite to QUALIGRID_DEPLOY_URL");
    return rewritten;
  };
}

export default async (env = {}, argv = {}) => {
  const mode = argv.mode ?? "production";
  const production = mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const deployUrl = production ? deployUrlFrom(process.env.QUALIGRID_DEPLOY_URL) : undefined;
  const warnings = [];
  if (production && !deployUrl && !serving) {
    warnings.push(
      `QUALIGRID_DEPLOY_URL is not set: manifest.xml still points at ${DEV_URL}. ` +
        "Set it to the https:// address where dist-web/ will be published, e.g. QUALIGRID_DEPLOY_URL=https://example.org/qualigrid/ npm run build",
    );
  }
  const icons = readdirSync(path.join(here, "assets"))
    .filter((f) => /^icon-\d+\.png$/.test(f))
    .map((f) => ({ from: path.join(here, "assets", f), to: `assets/${f}` }));

  return {
    mode,
    context: here,
    target: ["web", "es2020"],
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./taskpane/main.tsx",
      functions: "./functions/functions.ts",
    },
    output: {
      path: path.join(here, "dist-web"),
      // functions.js is named in the manifest; the task pane bundle gets a content hash in production
      // so Office's cache never serves an old one with a new page.
      filename: (pathData) => (production && pathData.chunk?.name !== "functions" ? "[name].[contenthash:8].js" : "[name].js"),
      // Chunks loaded on demand (the browser workbench and exceljs): hashed too, for the same reason.
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Sources import "./x.js" (NodeNext); webpack finds the .ts or .tsx file behind it.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      alias: {
        // exceljs's "browser" field points at a prebuilt bundle whose internals cannot be reached, and
        // addin/xlsx/exceljs.patch.ts patches one of them: use its source instead, the entry without
        // polyfills (the task pane targets ES2020 browsers), so Node and the bundle share one patched
        // module. Only code loaded on demand uses it (the file host of addin/host/host.file.ts and the
        // file services of addin/host/host.services.ts): never the task pane's first load in Excel,
        // nor the workbench's first screen.
        exceljs$: fromExcelJs("exceljs/lib/exceljs.bare.js"),
        // exceljs's CSV reader and writer (fast-csv, dayjs, fs): never used, left out of the bundle.
        [fromExcelJs("exceljs/lib/csv/csv.js")]: false,
        // JSZip (exceljs's zip library) from its source too: its browser build inlines a setImmediate
        // polyfill that holds a `new Function` the CSP forbids; a plain one stands in for it.
        jszip$: fromExcelJs("jszip/lib/index.js"),
        setimmediate$: path.join(here, "addin/xlsx/immediate.polyfill.ts"),
      },
      // What exceljs's source needs from Node in a browser: streams, events and Buffer polyfills;
      // no file system and no crypto (only used to hash sheet passwords, and Qualigrid sets none).
      fallback: {
        fs: false,
        crypto: false,
        stream: "readable-stream",
        buffer: "buffer/",
        events: "events/",
        // readable-stream only asks util for a debug logger, and does without one.
        util: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // Types are checked by `npm run lint` (tsc --noEmit); the bundle only needs JavaScript.
            transpileOnly: true,
            configFile: path.join(here, "tsconfig.json"),
            compilerOptions: {
              // Mac Excel runs add-ins in the system's Safari web view: stay below ES2022 syntax.
              target: "ES2020",
              useDefineForClassFields: true,
              // ES modules for webpack to tree-shake: under NodeNext, transpileOnly emits CommonJS.
              module: "ESNext",
              moduleResolution: "Bundler",
            },
          },
        },
        { test: /\.(png|svg|jpe?g|gif)$/i, type: "asset/resource", generator: { filename: "assets/[name].[contenthash:8][ext]" } },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ __QUALIGRID_VERSION__: JSON.stringify(pkg.version) }),
      // Globals exceljs's source and readable-stream expect from Node; only modules that use them get them.
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"], process: "process/browser.js" }),
      // An absolute input: the plugin resolves it against the working directory otherwise.
      new CustomFunctionsMetadataPlugin({ output: METADATA_FILES.en, input: path.join(here, "functions", "functions.ts") }),
      new FunctionsMetadataPlugin({ translations: path.join(here, "functions", "translations.fr.json"), deployUrl }),
      new HtmlWebpackPlugin({
        template: "./taskpane/taskpane.html",
        filename: "taskpane.html",
        // The shared runtime: the functions are registered by the task pane page itself.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        csp: TASKPANE_CSP,
        officeJs: OFFICE_JS_URL,
      }),
      new HtmlWebpackPlugin({ template: "./assets/help.html", filename: "help.html", inject: false, csp: HELP_CSP }),
      new StaticFilesPlugin(
        [...icons, { from: path.join(here, "manifest.xml"), to: "manifest.xml", transform: manifestFor(deployUrl) }],
        { warnings },
      ),
    ],
    // One terser compress pass instead of webpack's two: half the build time for 0.3 % more bytes.
    optimization: {
      minimizeOptions: { javascript: { compress: { passes: 1 } } },
      splitChunks: {
        cacheGroups: {
          // What the file host (the workbench's workbook) and the file services (check, upgrade…)
          // share, in two chunks of their own, fetched with the first of them and never before:
          // exceljs with its zip library and Node polyfills, and the project's code both use.
          exceljs: { test: /[\\/]node_modules[\\/]/, chunks: fileChunks, name: "exceljs", priority: 20, enforce: true },
          fileReader: { chunks: fileChunks, minChunks: 2, name: "file-reader", priority: 10, enforce: true },
        },
      },
    },
    performance: { hints: false },
    devServer: serving ? await devServer() : undefined,
  };
};

async function devServer() {
  const http = process.env.QUALIGRID_DEV_HTTP === "1";
  let server = "http";
  if (!http) {
    const { ensureDevCerts } = await import("./scripts/dev-certs.mjs");
    const { key, cert, ca } = await ensureDevCerts();
    server = { type: "https", options: { key, cert, ca } };
  }
  return {
    host: "localhost",
    port: Number(process.env.QUALIGRID_DEV_PORT ?? 3000),
    server,
    // Excel on the web fetches functions.json and the icons from its own origin.
    headers: { "Access-Control-Allow-Origin": "*" },
    // No live reload: its client needs a WebSocket the pages' CSP does not allow. Reload the pane.
    hot: false,
    liveReload: false,
    client: false,
    webSocketServer: false,
    static: false,
  };
}
