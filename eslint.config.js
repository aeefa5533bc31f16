import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-artifacts/"] },
  js.configs.recommended,
  // Type-aware rules (no-floating-promises, no-misused-promises, no-unsafe-*, …) through the TypeScript project
  // service: each file is checked with the tsconfig.json that includes it.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // A promise nobody awaits hides its rejection: await it, or mark a deliberate fire-and-forget with `void`.
      "@typescript-eslint/no-floating-promises": "error",
      // Cell text must never reach the DOM as markup.
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Use textContent: cell contents must never be parsed as HTML." },
        { property: "outerHTML", message: "Use textContent: cell contents must never be parsed as HTML." },
      ],
    },
  },
  {
    // Plain JavaScript (configs, scripts/ensure-deps.js, sql/kpi-sql.mjs) is outside the TypeScript project.
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests drive values whose type is `any` on purpose: a browser page through Playwright's evaluate(), JSON and XML
    // parsed to check generated files, results of vm sandboxes. Typing each of those would add casts, not safety (a
    // wrong shape fails the test anyway). Fake hosts implement async interfaces without awaiting anything, and
    // assertion messages stringify whatever value a case holds.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-base-to-string": "off",
    },
  },
  {
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        "Office",
        "Excel",
        "CustomFunctions",
        "SpreadsheetApp",
        "Utilities",
        "window",
        "document",
      ],
    },
  },
);
