import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT, DIST_GAS, ensureBuilt, ROOT } from "../hosts/build.js";

beforeAll(ensureBuilt, BUILD_TIMEOUT);

describe("dist/gas/appsscript.json", () => {
  const manifest = (): Record<string, unknown> =>
    JSON.parse(readFileSync(path.join(DIST_GAS, "appsscript.json"), "utf8")) as Record<string, unknown>;

  it("runs on V8 with a time zone and Stackdriver exception logging", () => {
    const m = manifest();
    expect(m.runtimeVersion).toBe("V8");
    expect(typeof m.timeZone).toBe("string");
    expect(() => new Intl.DateTimeFormat("en", { timeZone: m.timeZone as string })).not.toThrow();
    expect(m.exceptionLogging).toBe("STACKDRIVER");
  });

  it("asks for exactly the two minimal scopes", () => {
    expect(manifest().oauthScopes).toStrictEqual([
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
      "https://www.googleapis.com/auth/script.container.ui",
    ]);
  });

  it("is the root appsscript.json, and .clasp.json.example pushes from dist/gas", () => {
    expect(manifest()).toStrictEqual(JSON.parse(readFileSync(path.join(ROOT, "appsscript.json"), "utf8")));
    const clasp = JSON.parse(readFileSync(path.join(ROOT, ".clasp.json.example"), "utf8")) as { rootDir: string };
    expect(clasp.rootDir).toBe("dist/gas");
  });
});
