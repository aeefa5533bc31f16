import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { DEV_ORIGIN, productionManifest } from "../../scripts/hosts/manifest.js";
import { BUILD_TIMEOUT, DIST_ADDIN, ensureBuilt, ROOT } from "../hosts/build.js";

/**
 * Offline checks of manifest.xml (Office's own validator posts the manifest to an online service): well-formed,
 * every resid defined, the CustomFunctions extension point pointing at built files, a consistent shared runtime.
 */

const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});
const doc = parser.parse(source) as Node;

/** Every element named `name` anywhere below `node`. */
function all(node: unknown, name: string): Node[] {
  const found: Node[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (key === name) found.push(...(child as Node[]));
        walk(child);
      }
    }
  };
  walk(node);
  return found;
}

const one = (node: unknown, name: string): Node => {
  const found = all(node, name);
  expect(found, name).toHaveLength(1);
  return found[0] as Node;
};

const resources = one(doc, "Resources");
const urls = new Map(all(resources, "bt:Url").map((u) => [u["@id"] as string, u["@DefaultValue"] as string]));
const strings = new Map(all(resources, "bt:String").map((s) => [s["@id"] as string, s]));
const images = new Map(all(resources, "bt:Image").map((i) => [i["@id"] as string, i["@DefaultValue"] as string]));
const resid = (node: Node): string => node["@resid"] as string;
const builtFile = (url: string): string => path.join(DIST_ADDIN, url.slice(`${DEV_ORIGIN}/`.length));

beforeAll(ensureBuilt, BUILD_TIMEOUT);

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(source)).toBe(true);
  });

  it("defines every resid it uses, with unique ids", () => {
    const defined = [...urls.keys(), ...strings.keys(), ...images.keys()];
    expect(new Set(defined).size).toBe(defined.length);
    const used = [...source.matchAll(/resid="([^"]+)"/g)].map((m) => m[1] as string);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined, `resid ${id}`).toContain(id);
  });

  it("points the CustomFunctions Script, Page and Metadata at files the build produces", () => {
    const point = all(doc, "ExtensionPoint").find((p) => p["@xsi:type"] === "CustomFunctions") as Node;
    expect(point).toBeDefined();
    const location = (part: string): string => {
      const url = urls.get(resid(one(one(point, part), "SourceLocation")));
      if (!url) throw new Error(`${part} has no URL`);
      return url;
    };
    expect(location("Script")).toBe(`${DEV_ORIGIN}/functions.js`);
    expect(location("Metadata")).toBe(`${DEV_ORIGIN}/functions.json`);
    expect(location("Page")).toBe(`${DEV_ORIGIN}/taskpane.html`);
    for (const part of ["Script", "Metadata", "Page"]) expect(existsSync(builtFile(location(part))), part).toBe(true);
    const french = all(resources, "bt:Url").find(
      (u) => u["@id"] === resid(one(one(point, "Metadata"), "SourceLocation")),
    );
    for (const override of all(french, "bt:Override"))
      expect(existsSync(builtFile(override["@Value"] as string))).toBe(true);
  });

  it("runs functions and task pane in one long-lived shared runtime hosted by the task pane page", () => {
    const runtime = one(one(doc, "Runtimes"), "Runtime");
    expect(runtime["@lifetime"]).toBe("long");
    const point = all(doc, "ExtensionPoint").find((p) => p["@xsi:type"] === "CustomFunctions") as Node;
    const page = resid(one(one(point, "Page"), "SourceLocation"));
    expect(resid(runtime)).toBe(page);
    expect(resid(one(doc, "FunctionFile"))).toBe(page);
    const action = one(doc, "Action");
    expect(action["@xsi:type"]).toBe("ShowTaskpane");
    expect(resid(one(action, "SourceLocation"))).toBe(page);
    // The Runtimes element comes first in the Workbook host, as the shared-runtime template has it.
    const host = all(doc, "Host").find((h) => h["@xsi:type"] === "Workbook") as Node;
    expect(Object.keys(host).find((key) => !key.startsWith("@"))).toBe("Runtimes");
  });

  it("declares the KPI namespace", () => {
    const point = all(doc, "ExtensionPoint").find((p) => p["@xsi:type"] === "CustomFunctions") as Node;
    expect(strings.get(resid(one(point, "Namespace")))?.["@DefaultValue"]).toBe("KPI");
  });

  it("requires the shared runtime and the custom-functions set that has #DIV/0! and #NUM!, with ReadWriteDocument", () => {
    const sets = Object.fromEntries(all(one(doc, "Requirements"), "Set").map((s) => [s["@Name"], s["@MinVersion"]]));
    expect(sets).toStrictEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" });
    expect(all(doc, "Permissions")).toStrictEqual(["ReadWriteDocument"]);
  });

  it("has French display strings and icons the build ships", () => {
    expect(all(one(doc, "DisplayName"), "Override").map((o) => o["@Locale"])).toContain("fr-FR");
    for (const [id, s] of strings) {
      if (id === "Functions.Namespace") continue;
      expect(
        all(s, "bt:Override").map((o) => o["@Locale"]),
        id,
      ).toContain("fr-FR");
    }
    const icons = [...images.values(), ...all(doc, "IconUrl"), ...all(doc, "HighResolutionIconUrl")].map((i) =>
      typeof i === "string" ? i : (i["@DefaultValue"] as string),
    );
    for (const icon of icons) expect(existsSync(builtFile(icon)), icon).toBe(true);
  });

  it("uses only dev URLs on https://localhost:3000", () => {
    // Plain http only appears in XML namespace names.
    for (const url of source.match(/https:\/\/[^"<\s)]+/g) ?? []) {
      expect(url.startsWith(`${DEV_ORIGIN}/`) || url === DEV_ORIGIN, url).toBe(true);
    }
  });
});

describe("the built task pane page", () => {
  it("hosts the shared runtime: Office.js from Microsoft's CDN first, then functions.js", () => {
    const html = readFileSync(path.join(DIST_ADDIN, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1] as string);
    expect(scripts[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(scripts).toContain("functions.js");
    expect(scripts.filter((src) => /^https?:/.test(src))).toHaveLength(1);
  });
});

describe("the production manifest", () => {
  const production = productionManifest(source, "https://example.com/kpi/");

  it("points every URL at the hosting URL and its origin, and nothing at localhost", () => {
    expect(production).not.toContain("localhost");
    expect(production).toContain('DefaultValue="https://example.com/kpi/functions.json"');
    expect(production).toContain("<AppDomain>https://example.com</AppDomain>");
    expect(production).toContain("<!-- Production manifest for https://example.com/kpi/");
    expect(XMLValidator.validate(production)).toBe(true);
  });

  it("refuses a hosting URL that is not https", () => {
    expect(() => productionManifest(source, "http://example.com/kpi")).toThrow(/https/);
    expect(() => productionManifest(source, "example.com")).toThrow(/not a URL/);
  });

  it("is what the build writes to dist/addin when ADDIN_URL is unset: the dev manifest", () => {
    expect(readFileSync(path.join(DIST_ADDIN, "manifest.xml"), "utf8")).toBe(source);
  });
});
