/**
 * Writes every generated file that is committed: the function reference (English and French) and the
 * function list in the README. test/docs.test.ts fails when any of them is stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { renderReference, withReadmeList } from "./docs.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const RENDERERS: Record<string, () => string> = {
  "docs/functions.md": () => renderReference("en"),
  "docs/fonctions.md": () => renderReference("fr"),
  "README.md": () => withReadmeList(readFileSync(path.join(root, "README.md"), "utf8")),
};

/** Generated text as it is committed: formatted by the project's Prettier, so `prettier --check` agrees. */
export async function generated(file: string): Promise<string> {
  const render = RENDERERS[file];
  if (!render) throw new Error(`not a generated file: ${file}`);
  const absolute = path.join(root, file);
  return format(render(), { ...(await resolveConfig(absolute)), filepath: absolute });
}

export const GENERATED_FILES = Object.keys(RENDERERS);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(path.join(root, "docs"), { recursive: true });
  for (const file of GENERATED_FILES) {
    writeFileSync(path.join(root, file), await generated(file));
    console.log(`wrote ${file}`);
  }
}
