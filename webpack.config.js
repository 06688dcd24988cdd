// Builds the task pane page into dist-web/. The live add-in issue adds the functions and commands
// bundles, the dev server and the deployment URL rewrite.
import HtmlWebpackPlugin from "html-webpack-plugin";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export default (_env, argv) => ({
  mode: argv.mode ?? "production",
  devtool: argv.mode === "development" ? "source-map" : false,
  entry: { taskpane: "./taskpane/taskpane.ts" },
  output: { path: path.join(here, "dist-web"), filename: "[name].js", clean: true },
  resolve: {
    extensions: [".ts", ".js"],
    // Sources import "./x.js" (NodeNext); webpack finds the .ts file behind it.
    extensionAlias: { ".js": [".ts", ".js"] },
  },
  module: {
    rules: [{ test: /\.ts$/, loader: "ts-loader", exclude: /node_modules/, options: { transpileOnly: true, configFile: "tsconfig.json" } }],
  },
  plugins: [new HtmlWebpackPlugin({ template: "./taskpane/taskpane.html", filename: "taskpane.html", chunks: ["taskpane"] })],
  performance: { hints: false },
});
