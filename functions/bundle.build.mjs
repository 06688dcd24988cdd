// Builds the custom functions alone — functions.js, functions.json, functions.fr.json — with the
// production configuration of webpack.config.js minus the task pane, for the tests and the bench
// (seconds instead of the whole add-in's build). Reports the files and every module in the bundle.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import webpack from "webpack";

const root = fileURLToPath(new URL("../", import.meta.url));
const KEEP = new Set(["CustomFunctionsMetadataPlugin", "FunctionsMetadataPlugin", "DefinePlugin"]);

function moduleNames(modules, out) {
  for (const m of modules ?? []) {
    // A concatenated module lists the modules it holds; report those rather than the wrapper.
    if (m.modules && m.modules.length > 0) moduleNames(m.modules, out);
    else if (m.name) out.push(m.name);
  }
  return out;
}

/**
 * Builds into `outDir`. `translations` replaces functions/translations.fr.json (to test a broken
 * table); `deployUrl` plays QUALIGRID_DEPLOY_URL. Resolves with webpack's errors and warnings (as
 * text), the emitted file names and the modules of the bundle (paths relative to the project).
 */
export async function buildFunctionsBundle({ outDir, translations, deployUrl } = {}) {
  const { default: configFor } = await import(pathToFileURL(path.join(root, "webpack.config.js")).href);
  const saved = process.env.QUALIGRID_DEPLOY_URL;
  let config;
  try {
    if (deployUrl === undefined) delete process.env.QUALIGRID_DEPLOY_URL;
    else process.env.QUALIGRID_DEPLOY_URL = deployUrl;
    config = await configFor({}, { mode: "production" });
  } finally {
    if (saved === undefined) delete process.env.QUALIGRID_DEPLOY_URL;
    else process.env.QUALIGRID_DEPLOY_URL = saved;
  }
  config.entry = { functions: config.entry.functions };
  config.output = { ...config.output, path: outDir };
  config.plugins = config.plugins.filter((p) => KEEP.has(p.constructor.name));
  if (translations) {
    for (const p of config.plugins) if (p.constructor.name === "FunctionsMetadataPlugin") p.translations = translations;
  }
  const compiler = webpack(config);
  const stats = await new Promise((resolve, reject) => {
    compiler.run((err, result) => {
      compiler.close(() => (err ? reject(err) : resolve(result)));
    });
  });
  const json = stats.toJson({ all: false, errors: true, warnings: true, modules: true, nestedModules: true });
  return {
    errors: (json.errors ?? []).map((e) => e.message),
    warnings: (json.warnings ?? []).map((w) => w.message),
    files: existsSync(outDir) ? readdirSync(outDir).sort() : [],
    modules: [...new Set(moduleNames(json.modules, []))].sort(),
  };
}
