import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

// The engine (model, scoring, plan) runs in plain Node and in the browser: it must not depend on
// Office.js, React, exceljs or the renderers (style.md, rule 1).
const engineIsIndependent = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        { group: ["exceljs", "react", "react-dom", "@fluentui/*", "@microsoft/office-js", "office-addin-*"], message: "The engine must stay independent of Office, React and exceljs." },
        { group: ["**/excel/*", "**/xlsx/*", "**/cli/*", "**/taskpane/*"], message: "The engine must not import a renderer, the CLI or the task pane." },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "dist-web/", "out/", "coverage/", "test-artifacts/", "**/*.generated.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  { files: ["addin/model/**/*.ts", "addin/scoring/**/*.ts", "addin/plan/**/*.ts"], ignores: ["**/*.test.ts"], rules: engineIsIndependent },
  // The custom functions load with every workbook: they stay free of the task pane's heavy dependencies.
  {
    files: ["functions/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["exceljs", "react", "react-dom", "@fluentui/*"], message: "The custom functions must not pull in exceljs, React or Fluent UI." },
            { group: ["**/taskpane/*", "**/xlsx/*", "**/excel/*", "**/cli/*"], message: "The custom functions are thin wrappers over addin/scoring." },
          ],
        },
      ],
    },
  },
);
