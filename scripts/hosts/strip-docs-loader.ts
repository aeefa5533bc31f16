import ts from "typescript";

/**
 * Webpack loader for the Excel functions bundle only: blanks the documentation of each KPI definition (title,
 * descriptions, keywords, examples, formula text). Excel reads that text from functions.json, so the runtime does not need it,
 * and it is half the size of the core. The implementations and parameter specs are untouched.
 */

const BLANK_TEXT = '{ en: "", fr: "" }';

const DOC_PROPERTIES: Record<string, string> = {
  title: BLANK_TEXT,
  description: BLANK_TEXT,
  keywords: "[]",
  examples: "[]",
  formula: '""',
};

/**
 * The description of a parameter declared as `param.<kind>(name, description, options?)` (core/params.ts): an object
 * literal, else undefined.
 */
export function paramDescription(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const callee = node.expression.expression;
  const description = node.arguments[1];
  return ts.isIdentifier(callee) && callee.text === "param" && description && ts.isObjectLiteralExpression(description)
    ? description
    : undefined;
}

export function stripDocs(source: string, fileName = "kpi.ts"): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    const description = paramDescription(node);
    if (description) edits.push({ start: description.getStart(file), end: description.getEnd(), text: BLANK_TEXT });
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      const replacement = DOC_PROPERTIES[node.name.text];
      const value = node.initializer;
      const literal =
        ts.isStringLiteral(value) ||
        ts.isNoSubstitutionTemplateLiteral(value) ||
        ts.isObjectLiteralExpression(value) ||
        ts.isArrayLiteralExpression(value);
      if (replacement !== undefined && literal) {
        edits.push({ start: value.getStart(file), end: value.getEnd(), text: replacement });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

export default function stripDocsLoader(this: { resourcePath: string }, source: string): string {
  return stripDocs(source, this.resourcePath);
}
