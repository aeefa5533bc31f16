import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse, type Comment, type FunctionDeclaration, type Program } from "acorn";
import { beforeAll, describe, expect, it } from "vitest";
import { KPIS, aliasesOf } from "../../core/index.js";
import { MENU_ITEMS } from "../../gas/menu.js";
import { SERVER_API } from "../../gas/server-api.js";
import { BUILD_TIMEOUT, DIST_GAS, ensureBuilt } from "../hosts/build.js";
import { loadCodeJs, sheetSerial, STUB_NAMES } from "../hosts/sheets-sandbox.js";

let code: string;
let program: Program;
let comments: Comment[];

beforeAll(() => {
  ensureBuilt();
  code = readFileSync(path.join(DIST_GAS, "Code.js"), "utf8");
  comments = [];
  // ES2019 as a classic script: an import or export, or newer syntax, fails to parse.
  program = parse(code, { ecmaVersion: 2019, sourceType: "script", onComment: comments });
}, BUILD_TIMEOUT);

const declarations = (): FunctionDeclaration[] =>
  program.body.filter((node): node is FunctionDeclaration => node.type === "FunctionDeclaration");

/** The block comment that ends right before a declaration, with only whitespace between. */
function jsDocOf(fn: FunctionDeclaration): string | undefined {
  const before = comments.filter((c) => c.type === "Block" && c.end <= fn.start).at(-1);
  if (!before || code.slice(before.end, fn.start).trim() !== "") return undefined;
  return before.value;
}

const EXPECTED_GLOBALS = [
  "KPI_CORE",
  ...KPIS.flatMap((k) => [k.id, ...aliasesOf(k.id)].map((name) => `KPI_${name}`)),
  "onOpen",
  "onInstall",
  ...MENU_ITEMS.map((item) => item.handler),
  ...Object.keys(SERVER_API),
].sort();

describe("the built Code.js, parsed as a classic script", () => {
  it("stays under 200 KB (the forecasting and customer-value models included)", () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(200 * 1024);
  });

  it("has one KPI_CORE variable, the bundle that fills it, and top-level functions only", () => {
    const variables = program.body.filter((n) => n.type === "VariableDeclaration");
    expect(variables).toHaveLength(1);
    const names = [
      ...variables.flatMap((v) => (v.type === "VariableDeclaration" ? v.declarations : [])),
      ...declarations(),
    ].map((d) => (d.id && "name" in d.id ? d.id.name : "?"));
    expect(names.sort()).toStrictEqual(EXPECTED_GLOBALS);
    expect(program.body.filter((n) => n.type === "ExpressionStatement")).toHaveLength(1);
  });

  for (const kpi of KPIS) {
    it(`declares KPI_${kpi.id} with the registry's parameters under a JSDoc Sheets can read`, () => {
      const fn = declarations().find((d) => d.id.name === `KPI_${kpi.id}`);
      if (!fn) throw new Error(`no top-level KPI_${kpi.id}`);
      expect(fn.params.map((p) => (p.type === "Identifier" ? p.name : p.type))).toStrictEqual(
        kpi.params.map((p) => p.name),
      );
      const doc = jsDocOf(fn);
      if (!doc) throw new Error(`KPI_${kpi.id} has no JSDoc directly above it`);
      expect(doc.startsWith("*")).toBe(true);
      expect(doc).toMatch(/@customfunction/);
      expect(doc).toMatch(/@return \{[^}]+\} \S/);
      const documented = [...doc.matchAll(/@param \{[^}]+\} (\w+) \S/g)].map((m) => m[1]);
      expect(documented).toStrictEqual(kpi.params.map((p) => p.name));
      // The first line is the description Sheets shows.
      expect(doc.split("\n")[1]?.replace(/^\s*\*\s*/, "")).toBe(kpi.description.en.replace(/\s+/g, " ").trim());
    });
  }
});

describe("the built Code.js, run in a fresh context with only Apps Script fakes", () => {
  it("adds exactly the expected globals and nothing else", () => {
    const sandbox = loadCodeJs({ spreadsheetTimeZone: "Europe/Paris" });
    const added = Object.keys(sandbox.context).filter((key) => !STUB_NAMES.includes(key));
    expect(added.sort()).toStrictEqual(EXPECTED_GLOBALS);
  });

  it("reads Sheets-shaped arguments: a scalar for one cell, blanks as empty strings, Dates", () => {
    const sandbox = loadCodeJs({ spreadsheetTimeZone: "Asia/Tokyo" });
    expect(sandbox.call("KPI_CAC", [[[100], [""], [50]], 50, [[2], [""], [1]]])).toBeCloseTo(200 / 3, 12);
    const created = [[sandbox.date(46023)], [sandbox.date(46030)]];
    const closed = [[sandbox.date(46033)], [""]];
    expect(sandbox.call("KPI_SALESCYCLE", [created, closed, undefined, undefined, undefined])).toBe(10);
  });

  it("returns cohort months as Dates that show the first of the month in the spreadsheet's zone", () => {
    const zone = "Pacific/Kiritimati";
    const sandbox = loadCodeJs({ spreadsheetTimeZone: zone, scriptTimeZone: "Pacific/Honolulu" });
    const ids = [["a"], ["a"], ["b"]];
    // 2026-01-01, 2026-02-01 and 2026-02-01 as the sheet shows them; in UTC these are still December and January.
    const dates = [[sandbox.date(46023)], [sandbox.date(46054)], [sandbox.date(46054)]];
    const rows = sandbox.call("KPI_COHORT", [ids, dates, 2]) as unknown[][];
    const months = rows.map((row) => row[0] as Date);
    expect(months.every((d) => Object.prototype.toString.call(d) === "[object Date]")).toBe(true);
    expect(Array.from(months, (d) => sheetSerial(d, zone))).toStrictEqual([46023, 46054]);
    expect(rows.map((row) => row.slice(1))).toEqual([
      [1, 1, 1],
      [1, 1, ""],
    ]);
  });

  it("shows an error inside a spill as its code text, and never null", () => {
    const sandbox = loadCodeJs({ spreadsheetTimeZone: "Etc/UTC" });
    const rows = sandbox.call("KPI_GROWTHSERIES", [[[100], [0], [50], [""]], undefined]) as unknown[][];
    expect(rows.flat()).toEqual(["", -1, "#DIV/0!", ""]);
  });

  it("throws an Error whose message starts with the Excel code and the Sheets name", () => {
    const sandbox = loadCodeJs({ spreadsheetTimeZone: "Etc/UTC" });
    expect(() => sandbox.call("KPI_CAC", [100, 50, 0])).toThrow(/^#DIV\/0! KPI_CAC: newCustomers sums to 0$/);
  });

  it("builds the KPI menu in AuthMode.NONE without touching the document", () => {
    const sandbox = loadCodeJs({
      spreadsheetTimeZone: "Etc/UTC",
      globals: {
        SpreadsheetApp: {
          getUi: () => ({
            createAddonMenu: () => {
              const menu = {
                items: [] as string[],
                addItem: (label: string, handler: string) => (menu.items.push(`${label}:${handler}`), menu),
                addToUi: () => ((sandbox.context as { menuItems?: string[] }).menuItems = menu.items),
              };
              return menu;
            },
          }),
          getActive: () => {
            throw new Error("the document is not readable in AuthMode.NONE");
          },
        },
      },
    });
    sandbox.call("onOpen", [{ authMode: "NONE" }]);
    const items = (sandbox.context as { menuItems?: string[] }).menuItems ?? [];
    expect(items).toStrictEqual(MENU_ITEMS.map((item) => `${item.label}:${item.handler}`));
    for (const item of MENU_ITEMS)
      expect(typeof (sandbox.context as Record<string, unknown>)[item.handler]).toBe("function");
  });

  it("opens Sidebar.html, a file the build ships, from the menu", () => {
    const sandbox = loadCodeJs({ spreadsheetTimeZone: "Etc/UTC" });
    sandbox.call("kpiOpenDashboard", []);
    expect(sandbox.log).toContain("createHtmlOutputFromFile Sidebar");
    expect(sandbox.log.some((line) => line.startsWith("showSidebar"))).toBe(true);
    expect(readdirSync(DIST_GAS).sort()).toStrictEqual(["Code.js", "Sidebar.html", "appsscript.json"]);
  });

  it("shows function help with every description passed as untrusted text, never as markup", () => {
    const sandbox = loadCodeJs({ spreadsheetTimeZone: "Etc/UTC" });
    sandbox.call("kpiShowHelp", []);
    const untrusted = sandbox.log.filter((line) => line.startsWith("appendUntrusted "));
    for (const kpi of KPIS) expect(untrusted).toContain(`appendUntrusted ${kpi.description.en}`);
    const markup = sandbox.log.filter((line) => line.startsWith("append "));
    for (const kpi of KPIS) expect(markup.some((line) => line.includes(kpi.description.en))).toBe(false);
    expect(sandbox.log.at(-1)).toBe("showModelessDialog KPI functions");
  });

  it("serves the function catalogue to the sidebar as JSON-safe data", () => {
    const sandbox = loadCodeJs({ spreadsheetTimeZone: "Etc/UTC" });
    const catalogue = sandbox.call("kpiCatalogue", ["fr"]) as { sheetsName: string; description: string }[];
    expect(JSON.parse(JSON.stringify(catalogue))).toEqual(catalogue);
    expect(Array.from(catalogue, (c) => c.sheetsName)).toStrictEqual(KPIS.map((k) => `KPI_${k.id}`));
    expect(catalogue[0]?.description).toBe(KPIS[0]?.description.fr);
  });
});

describe("the built Sidebar.html", () => {
  it("is one file with its script inlined and no remote script", () => {
    const html = readFileSync(path.join(DIST_GAS, "Sidebar.html"), "utf8");
    expect(html).toMatch(/<script>[\s\S]*google\.script\.run[\s\S]*<\/script>/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/innerHTML/);
  });
});
