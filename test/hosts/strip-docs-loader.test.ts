import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import stripDocsLoader, { paramDescription, stripDocs } from "../../scripts/hosts/strip-docs-loader.js";

const KPIS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "core", "kpis");
const DOCS = new Set(["title", "description", "keywords", "examples", "formula"]);

const DEFINITION = `import { defineKpi } from "../spec.js";

export const AOV = defineKpi({
  id: "AOV",
  category: "revenue",
  title: { en: "Average order value", fr: "Panier moyen" },
  description: {
    en: "Average order value: revenue divided by orders.",
    fr: "Panier moyen : chiffre d'affaires divisé par les commandes.",
  },
  formula: "Σrevenue / orders",
  keywords: ["average order value", "panier moyen"],
  params: [{ name: "revenue", kind: "numberList", description: { en: "Revenue", fr: "Montant" } }],
  result: "number",
  examples: [{ args: [[[120], [80]]], result: 100 }],
  compute: ({ revenue }) => revenue.reduce((a, b) => a + b, 0) / revenue.length,
});
`;

/**
 * The source text of every property outside the documentation, in order: what the stripped module must keep as
 * written. Documentation properties, and the descriptions of parameters declared with `param.<kind>`, are skipped with
 * what they hold.
 */
function nonDocProperties(source: string): string[] {
  const file = ts.createSourceFile("kpi.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      if (DOCS.has(node.name.text)) return;
      const value = node.initializer;
      // Containers are compared through what they hold (a parameter list holds descriptions).
      if (!ts.isObjectLiteralExpression(value) && !ts.isArrayLiteralExpression(value)) out.push(node.getText(file));
    }
    const description = paramDescription(node);
    ts.forEachChild(node, (child) => {
      if (child !== description) visit(child);
    });
  };
  visit(file);
  return out;
}

const syntaxErrors = (source: string): readonly ts.Diagnostic[] =>
  ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } })
    .diagnostics ?? [];

describe("the doc-stripping loader", () => {
  it("blanks a definition's title, description, formula, keywords and examples", () => {
    const stripped = stripDocs(DEFINITION);
    expect(stripped).toContain('  title: { en: "", fr: "" },\n');
    expect(stripped).toContain('  description: { en: "", fr: "" },\n  formula: "",\n  keywords: [],');
    expect(stripped).toContain("  examples: [],\n");
    expect(stripped).not.toContain("Average order value");
    expect(stripped).not.toContain("panier moyen");
    expect(stripped).not.toContain("Σrevenue");
    expect(stripped).not.toContain("120");
  });

  it("keeps the id, the parameter names and kinds, the result type and the implementation as written", () => {
    const stripped = stripDocs(DEFINITION);
    expect(nonDocProperties(stripped)).toEqual(nonDocProperties(DEFINITION));
    expect(stripped).toContain(
      '  params: [{ name: "revenue", kind: "numberList", description: { en: "", fr: "" } }],\n  result: "number",',
    );
    expect(stripped).toContain(
      "  compute: ({ revenue }) => revenue.reduce((a, b) => a + b, 0) / revenue.length,\n});\n",
    );
  });

  it("blanks the description of a parameter declared with param.<kind>, keeping its name and options", () => {
    const source = DEFINITION.replace(
      '[{ name: "revenue", kind: "numberList", description: { en: "Revenue", fr: "Montant" } }]',
      '[param.numberList("revenue", { en: "Revenue", fr: "Montant" }, { min: 0 })]',
    );
    const stripped = stripDocs(source);
    expect(stripped).toContain('  params: [param.numberList("revenue", { en: "", fr: "" }, { min: 0 })],\n');
    expect(stripped).not.toContain("Montant");
    expect(nonDocProperties(stripped)).toEqual(nonDocProperties(source));
  });

  it("blanks every definition of a file, each at its own place", () => {
    const two = `${DEFINITION}\n${DEFINITION.replace(/AOV/g, "AOV2").replace('import { defineKpi } from "../spec.js";\n', "")}`;
    const stripped = stripDocs(two);
    expect(stripped.match(/formula: "",/g)).toHaveLength(2);
    expect(stripped.match(/examples: \[\],/g)).toHaveLength(2);
    expect(nonDocProperties(stripped)).toEqual(nonDocProperties(two));
    expect(syntaxErrors(stripped)).toEqual([]);
  });

  it("leaves a documentation property alone when its value is not a literal", () => {
    const source = [
      "const shared = { en: 'x', fr: 'y' };",
      "export const A = { description: shared, formula: `${'a'} / b`, keywords: KEYWORDS, examples: examples() };",
      "",
    ].join("\n");
    expect(stripDocs(source)).toBe(source);
  });

  it("leaves other properties, shorthand properties and strings that only mention a documentation name alone", () => {
    const source = [
      "const description = 'kept';",
      "export const A = { description, label: 'formula: x', notes: { keywords: 'text' }.keywords };",
      'const text = "description: { en: \\"kept\\" }";',
      "",
    ].join("\n");
    expect(stripDocs(source)).toBe(source.replace("{ keywords: 'text' }", "{ keywords: [] }"));
  });

  it("turns every KPI of core/kpis into valid TypeScript with the same implementation and a smaller size", () => {
    const files = readdirSync(KPIS_DIR).filter((file) => file.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(path.join(KPIS_DIR, file), "utf8");
      const stripped = stripDocs(source, file);
      expect(syntaxErrors(stripped), file).toEqual([]);
      expect(nonDocProperties(stripped), file).toEqual(nonDocProperties(source));
      if (/\bdescription:/.test(source)) expect(stripped.length, file).toBeLessThan(source.length);
    }
  });

  it("strips the module webpack hands it, whatever the module's path", () => {
    const loaded = stripDocsLoader.call({ resourcePath: "/repo/core/kpis/aov.ts" }, DEFINITION);
    expect(loaded).toBe(stripDocs(DEFINITION));
  });
});
