import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { KPIS, excelId } from "../../core/index.js";
import {
  fitDescription,
  functionsJson,
  ID_PATTERN,
  MAX_DESCRIPTION,
  NAME_PATTERN,
  type FunctionMetadata,
} from "../../scripts/hosts/excel-metadata.js";
import { BUILD_TIMEOUT, DIST_ADDIN, ensureBuilt } from "../hosts/build.js";

const SCALAR_KINDS = ["number", "date", "text", "boolean"];
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const built = (file: string): { functions: FunctionMetadata[] } =>
  JSON.parse(readFileSync(path.join(DIST_ADDIN, file), "utf8")) as { functions: FunctionMetadata[] };

beforeAll(ensureBuilt, BUILD_TIMEOUT);

describe("the built functions.json", () => {
  it("is exactly what the registry generates today (no drift, nothing hand-written)", () => {
    expect(readFileSync(path.join(DIST_ADDIN, "functions.json"), "utf8")).toBe(functionsJson("en"));
    expect(readFileSync(path.join(DIST_ADDIN, "functions.fr-FR.json"), "utf8")).toBe(functionsJson("fr"));
  });

  for (const file of ["functions.json", "functions.fr-FR.json"]) {
    it(`${file} lists every registry function in order with its parameters, optional flags and shapes`, () => {
      const { functions } = built(file);
      // Excel ids need three characters: BY is registered as BYGROUP.
      expect(functions.map((f) => f.id)).toStrictEqual(KPIS.map((k) => excelId(k.id)));
      functions.forEach((f, i) => {
        const kpi = KPIS[i];
        if (!kpi) throw new Error("registry shorter than metadata");
        expect(f.name).toBe(excelId(kpi.id));
        expect(f.parameters.map((p) => p.name)).toStrictEqual(kpi.params.map((p) => p.name));
        expect(f.parameters.map((p) => p.optional === true)).toStrictEqual(kpi.params.map((p) => p.optional === true));
        expect(f.parameters.map((p) => p.dimensionality)).toStrictEqual(
          kpi.params.map((p) => (SCALAR_KINDS.includes(p.kind) ? "scalar" : "matrix")),
        );
        expect(f.parameters.every((p) => p.type === "any")).toBe(true);
        // requiresParameterAddresses is only honoured with a matrix result.
        expect(f.result.dimensionality).toBe("matrix");
        expect(f.options.requiresParameterAddresses).toBe(true);
      });
    });

    it(`${file} stays within the custom-functions metadata limits`, () => {
      const { functions } = built(file);
      for (const f of functions) {
        expect(f.id, f.id).toMatch(ID_PATTERN);
        expect(f.name, f.id).toMatch(NAME_PATTERN);
        expect(f.description.length, `${f.id} description`).toBeGreaterThan(0);
        expect(f.description.length, `${f.id} description`).toBeLessThanOrEqual(MAX_DESCRIPTION);
        // Optional parameters must come last, or Excel cannot tell which argument was left out.
        const firstOptional = f.parameters.findIndex((p) => p.optional);
        if (firstOptional >= 0)
          expect(
            f.parameters.slice(firstOptional).every((p) => p.optional),
            f.id,
          ).toBe(true);
        for (const p of f.parameters) {
          expect(p.name, `${f.id} parameter`).toMatch(PARAMETER_NAME);
          expect(p.description.length, `${f.id}.${p.name}`).toBeGreaterThan(0);
          expect(p.description.length, `${f.id}.${p.name}`).toBeLessThanOrEqual(MAX_DESCRIPTION);
        }
      }
      expect(new Set(functions.map((f) => f.id.toUpperCase())).size).toBe(functions.length);
    });
  }
});

describe("fitDescription", () => {
  it("keeps a description that fits", () => {
    expect(fitDescription("Short.")).toBe("Short.");
  });

  it("cuts a long description at the last whole sentence that fits", () => {
    const text = `${"First sentence is long enough. ".repeat(6)}Tail that would overflow the limit of the help box.`;
    const fitted = fitDescription(text, 200);
    expect(fitted.length).toBeLessThanOrEqual(200);
    expect(fitted.endsWith("enough.")).toBe(true);
  });

  it("cuts a long sentence at a word and marks the cut", () => {
    const fitted = fitDescription("word ".repeat(80), 100);
    expect(fitted.length).toBeLessThanOrEqual(100);
    expect(fitted.endsWith("word…")).toBe(true);
  });
});
