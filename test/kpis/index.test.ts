import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { KPIS } from "../../core/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, "utf8");

/** KPIs whose behaviour tests live outside test/kpis/, with the file that tests each. */
const TESTED_ELSEWHERE: Readonly<Record<string, string>> = {
  FORECAST: "test/forecast/behaviour.test.ts",
  FORECASTSTAT: "test/forecast/behaviour.test.ts",
  CLV: "test/clv/cdnow.test.ts",
  CLVMODEL: "test/clv/cdnow.test.ts",
  RFM: "test/clv/rfm-oracle.test.ts",
  PERIODS: "test/periods/periods.test.ts",
  BY: "test/core/by.test.ts",
};

const ownFile = (id: string): string => `test/kpis/${id.toLowerCase()}.test.ts`;

describe("every KPI has its tests", () => {
  it.each(KPIS.map((k) => k.id))("%s has test/kpis/<id>.test.ts or a listed test file", (id) => {
    const elsewhere = TESTED_ELSEWHERE[id];
    if (elsewhere === undefined) {
      expect(existsSync(`${root}${ownFile(id)}`), `${ownFile(id)} is missing`).toBe(true);
      expect(read(ownFile(id))).toContain(`describe("${id}", `);
    } else {
      expect(existsSync(`${root}${ownFile(id)}`), `${id} is listed as tested in ${elsewhere}, not ${ownFile(id)}`).toBe(
        false,
      );
      expect(existsSync(`${root}${elsewhere}`), `${elsewhere} is missing`).toBe(true);
      expect(read(elsewhere)).toMatch(new RegExp(`\\b${id}\\b`));
    }
  });

  it("lists only registry KPIs, and test/kpis/ holds only their files", () => {
    const ids = new Set(KPIS.map((k) => k.id));
    for (const id of Object.keys(TESTED_ELSEWHERE)) expect(ids.has(id), `${id} is not a KPI`).toBe(true);
    const files = readdirSync(`${root}test/kpis`).filter((f) => f.endsWith(".test.ts") && f !== "index.test.ts");
    for (const file of files) {
      const id = file.replace(/\.test\.ts$/, "").toUpperCase();
      expect(ids.has(id) && TESTED_ELSEWHERE[id] === undefined, `${file} matches no KPI tested here`).toBe(true);
    }
  });
});
