/* global process */
// Builds the two host targets: the Excel add-in (dist/addin/) and the Apps Script bundle (dist/gas/).
// Run through tsx (see package.json): the generators below are TypeScript modules that read the registry.
//   npm run build                  both targets, production
//   npm run build:addin / build:gas one target (webpack --env target=addin|gas)
//   ADDIN_URL=https://example.com/kpi npm run build   dist/addin/manifest.xml for that hosting URL
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack from "webpack";
import { common, emitPlugin, minifier, root } from "./webpack.common.js";
import { functionsJson } from "./scripts/hosts/excel-metadata.ts";
import { CORE_GLOBAL, gasGlue } from "./scripts/hosts/gas-glue.ts";
import { productionManifest } from "./scripts/hosts/manifest.ts";

const { RawSource, ConcatSource } = webpack.sources;

/**
 * Both targets build on webpack.common.js. Excel's shared runtime needs a WebView2/WebKit page, so ES2021 runs
 * everywhere custom functions do; Apps Script V8 gets ES2019 output, which its runtime has supported from the start.
 * Neither keeps legal comments.
 */
const hostCommon = (mode, esTarget) => common(mode, esTarget, { legalComments: "none" });

const read = (file) => readFileSync(path.join(root, file));

// ---------------------------------------------------------------------------------------------------------------
// Excel add-in: functions.js (custom functions, kept free of pane code), the task pane page that hosts the shared
// runtime (it loads functions.js too), functions.json generated from the registry, assets and the manifest.
const ICONS = readdirSync(path.join(root, "assets")).filter((file) => file.endsWith(".png"));

function addinConfig(mode) {
  const hostingUrl = process.env.ADDIN_URL;
  return {
    ...hostCommon(mode, "es2021"),
    target: ["web", "es2021"],
    name: "addin",
    // The functions bundle is its own layer so that only its copy of the KPI definitions loses the documentation
    // text (Excel reads it from functions.json); the pane's copy keeps it.
    experiments: { layers: true },
    module: {
      rules: [
        ...hostCommon(mode, "es2021").module.rules,
        {
          test: /core[\\/](kpis[\\/][^\\/]+|(clv[\\/])?params)\.ts$/,
          issuerLayer: "functions",
          enforce: "pre",
          loader: path.join(root, "scripts", "hosts", "strip-docs-loader.ts"),
        },
      ],
    },
    entry: {
      functions: { import: "./addin/functions.ts", layer: "functions" },
      taskpane: "./addin/taskpane/taskpane.ts",
    },
    output: { path: path.join(root, "dist", "addin"), filename: "[name].js", clean: true },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./addin/taskpane/taskpane.html",
        // The shared runtime runs the custom functions inside this page: functions.js must load here.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      emitPlugin(
        "KpiAddinFiles",
        () => ({
          "functions.json": functionsJson("en"),
          "functions.fr-FR.json": functionsJson("fr"),
          "manifest.xml": hostingUrl
            ? productionManifest(read("manifest.xml").toString(), hostingUrl)
            : read("manifest.xml"),
          ...Object.fromEntries(ICONS.map((icon) => [`assets/${icon}`, read(`assets/${icon}`)])),
        }),
        ["manifest.xml"],
      ),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Apps Script: Code.js is the core + Sheets adapter in ONE global (var KPI_CORE), followed by the generated
// top-level functions (KPI_*, onOpen, menu handlers, server functions). The sidebar script is inlined into
// Sidebar.html: clasp pushes every .js and .html of dist/gas, so only Code.js may be a script there.
// The sidebar is the dashboard pane (gas/sidebar/main.ts), the same UI as the Excel task pane.
const GAS_PAGES = [{ template: "gas/sidebar/index.html", chunk: "sidebar/main", output: "Sidebar.html" }];

const gasAssemblyPlugin = {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("KpiGasAssembly", (compilation) => {
      compilation.hooks.processAssets.tap(
        // After minification, so the JSDoc blocks Sheets reads survive.
        { name: "KpiGasAssembly", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          compilation.updateAsset("Code.js", (source) => new ConcatSource(source, gasGlue()));
          for (const page of GAS_PAGES) {
            const script = compilation.getAsset(`${page.chunk}.js`);
            const code = script.source
              .source()
              .toString()
              .replace(/<\/script/gi, "<\\/script");
            const html = readFileSync(path.join(root, page.template), "utf8").replace(
              "</body>",
              // A function, not a string: "$$", "$&" or "$'" in the bundle must not be read as replacement patterns.
              () => `<script>\n${code}\n</script>\n</body>`,
            );
            compilation.deleteAsset(`${page.chunk}.js`);
            compilation.emitAsset(page.output, new RawSource(html));
          }
        },
      );
    });
  },
};

function gasConfig(mode) {
  return {
    ...hostCommon(mode, "es2019"),
    name: "gas",
    target: ["web", "es2019"],
    entry: {
      Code: { import: "./gas/main.ts", library: { name: CORE_GLOBAL, type: "var" } },
      ...Object.fromEntries(GAS_PAGES.map((page) => [page.chunk, `./gas/${page.chunk}.ts`])),
    },
    output: { path: path.join(root, "dist", "gas"), filename: "[name].js", clean: true },
    optimization: {
      // `format: undefined` keeps the output a plain script: the minifier's default for web targets would wrap it in
      // a closure and hide the `var KPI_CORE` global that the generated functions call.
      minimizer: [minifier("es2019", { format: undefined, legalComments: "none" })],
      splitChunks: false,
      runtimeChunk: false,
    },
    plugins: [
      gasAssemblyPlugin,
      emitPlugin("KpiGasFiles", () => ({ "appsscript.json": read("appsscript.json") }), ["appsscript.json"]),
    ],
  };
}

export default async (env = {}, argv = {}) => {
  const mode = argv.mode ?? "production";
  const targets = String(env.target ?? "addin,gas").split(",");
  const configs = [];
  if (targets.includes("addin")) configs.push(addinConfig(mode));
  if (targets.includes("gas")) configs.push(gasConfig(mode));
  return configs;
};
