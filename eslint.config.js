import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // Cell text must never reach the DOM as markup.
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Use textContent: cell contents must never be parsed as HTML." },
        { property: "outerHTML", message: "Use textContent: cell contents must never be parsed as HTML." },
      ],
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
