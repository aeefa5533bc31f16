// The playground is its own build target (dist/playground/): nothing here may reach dist/addin or dist/gas.
import path from "node:path";
import { readFileSync } from "node:fs";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { common, emitPlugin, root } from "./webpack.common.js";

const univerCss = (pkg) => path.join(root, "node_modules", "@univerjs", pkg, "lib", "index.css");

const STYLESHEETS = [
  ["univer-sheets-core.css", "preset-sheets-core"],
  ["univer-conditional-formatting.css", "preset-sheets-conditional-formatting"],
];

const base = common("production", "es2022");

export default {
  ...base,
  optimization: {
    ...base.optimization,
    // The first screen needs Univer's 6 MB at once: in pieces of about 1 MB, Chromium compiles them on its
    // background threads while the previous ones run, instead of one script after the other. What the first screen
    // does not need (echarts, the pane, the other language's texts) is split off by import() in playground/.
    splitChunks: { chunks: "all", minSize: 200_000, maxSize: 1_000_000 },
  },
  entry: { playground: "./playground/main.ts" },
  output: {
    path: path.join(root, "dist", "playground"),
    filename: "[name].[contenthash:8].js",
    chunkFilename: "[name].[contenthash:8].js",
    clean: true,
  },
  plugins: [
    new HtmlWebpackPlugin({ template: "./playground/index.html", inject: "body", scriptLoading: "defer" }),
    // Univer's stylesheets are plain files shipped next to its code: emit them as they are rather than add
    // CSS loaders.
    emitPlugin("UniverStyles", () =>
      Object.fromEntries(STYLESHEETS.map(([file, pkg]) => [file, readFileSync(univerCss(pkg))])),
    ),
  ],
};
