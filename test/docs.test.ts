import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KPIS, publicName } from "../core/index.js";
import { literal, README_END, README_START } from "../scripts/docs.js";
import { GENERATED_FILES, generated } from "../scripts/generate.js";

describe("generated documentation", () => {
  for (const file of GENERATED_FILES) {
    it(`${file} is up to date with the registry (run npm run gen when this fails)`, async () => {
      expect(readFileSync(file, "utf8")).toBe(await generated(file));
    });
  }

  it("the README carries the generated function list between its markers", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(README_START);
    expect(readme).toContain(README_END);
    for (const kpi of KPIS) expect(readme).toContain(`\`KPI_${kpi.id}\``);
  });

  it("the reference documents every function in both languages", () => {
    const en = readFileSync("docs/functions.md", "utf8");
    const fr = readFileSync("docs/fonctions.md", "utf8");
    for (const kpi of KPIS) {
      expect(en).toContain(`### ${publicName("excel", kpi.id)}\n`);
      expect(fr).toContain(kpi.description.fr);
    }
  });

  it("examples are written as array literals a user can paste into a cell", () => {
    expect(literal([[1], [2]])).toBe("{1;2}");
    expect(literal([[1, 2]])).toBe("{1,2}");
    expect(
      literal([
        ["a", ""],
        [true, 0.5],
      ]),
    ).toBe('{"a","";TRUE,0.5}');
  });
});
