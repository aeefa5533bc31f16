import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRangeKind, KPIS, excelId, type AnyKpi } from "../../core/index.js";
import { functionsJson, type FunctionMetadata } from "../../scripts/hosts/excel-metadata.js";
import { BUILD_TIMEOUT, DIST_ADDIN, ensureBuilt } from "../hosts/build.js";

/**
 * An independent oracle for functions.json: Microsoft's own generator (custom-functions-metadata) reads a
 * JSDoc-annotated TypeScript shim written from the registry, the way an Office add-in author declares custom
 * functions by hand, and its metadata must match the file our build writes. The shim states only facts (names,
 * descriptions, which arguments are ranges or optional, that the addresses are wanted); the generator decides how
 * they are spelt in JSON, so a wrong shape, a missing flag or a misnamed key in our generator shows as a difference.
 */

/** JSDoc text cannot hold the comment terminator, and a line break would end a tag's description. */
const jsdoc = (text: string): string => text.replace(/\*\//g, "*\\/").replace(/\s*\n\s*/g, " ");

function shimOf(kpi: AnyKpi, description: (kpi: AnyKpi, param?: string) => string): string {
  const id = excelId(kpi.id);
  const params = kpi.params.map((p) => {
    const type = isRangeKind(p.kind) ? "any[][]" : "any";
    return { name: p.name, optional: p.optional === true, type };
  });
  const lines = [
    "/**",
    ` * ${jsdoc(description(kpi))}`,
    ` * @customfunction ${id} ${id}`,
    " * @requiresParameterAddresses",
    ...params.map((p) => ` * @param ${p.name} ${jsdoc(description(kpi, p.name))}`),
    " * @param invocation Where the call is and where its arguments come from",
    " * @returns The KPI, as a matrix so that Excel hands over the argument addresses",
    " */",
    `export function kpi_${id.replace(/\./g, "_")}(${[
      ...params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`),
      "invocation?: CustomFunctions.Invocation",
    ].join(", ")}): any[][] {`,
    "  return [[invocation]];",
    "}",
  ];
  return lines.join("\n");
}

let dir: string;
let oracle: { functions: FunctionMetadata[] };
let errors: string[];

beforeAll(async () => {
  ensureBuilt();
  // The built file is the one compared, and its descriptions (already cut to Excel's limit) feed the shim, so the
  // oracle checks structure and spelling, not the cutting, which test/addin/metadata.test.ts covers.
  const built = JSON.parse(readFileSync(path.join(DIST_ADDIN, "functions.json"), "utf8")) as {
    functions: FunctionMetadata[];
  };
  const byId = new Map(built.functions.map((f) => [f.id, f]));
  const description = (kpi: AnyKpi, param?: string): string => {
    const f = byId.get(excelId(kpi.id));
    if (!f) return "";
    return param === undefined ? f.description : (f.parameters.find((p) => p.name === param)?.description ?? "");
  };
  dir = mkdtempSync(path.join(tmpdir(), "kpi-metadata-oracle-"));
  const shim = path.join(dir, "functions.ts");
  writeFileSync(shim, KPIS.map((kpi) => shimOf(kpi, description)).join("\n\n"));
  const result = await generateCustomFunctionsMetadata(shim, false);
  // The generator reports problems in its result and does not throw: they are checked below.
  errors = result.errors;
  oracle = JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] };
}, BUILD_TIMEOUT);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Keys sorted at every level, so that the comparison is about content, not the order keys were written in. */
const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sorted)
    : value !== null && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value;

describe("functions.json against Microsoft's custom-functions-metadata generator", () => {
  it("the generator accepts the shim without an error", () => {
    expect(errors).toEqual([]);
  });

  it("generates the same metadata as our build, key for key", () => {
    const ours = JSON.parse(functionsJson("en")) as { functions: FunctionMetadata[] };
    expect(oracle.functions.map((f) => f.id)).toEqual(ours.functions.map((f) => f.id));
    // The one intended difference: we spell out `dimensionality: "scalar"`, the default the generator leaves out.
    const withoutDefaults = (f: FunctionMetadata): unknown => ({
      ...f,
      parameters: f.parameters.map(({ dimensionality, ...rest }) =>
        dimensionality === "scalar" ? rest : { ...rest, dimensionality },
      ),
    });
    const differences = oracle.functions.filter(
      (theirs, i) => JSON.stringify(sorted(withoutDefaults(ours.functions[i]!))) !== JSON.stringify(sorted(theirs)),
    );
    expect(differences.map((f) => f.id)).toEqual([]);
    for (const [i, theirs] of oracle.functions.entries())
      expect(sorted(withoutDefaults(ours.functions[i]!)), theirs.id).toEqual(sorted(theirs));
  });
});
