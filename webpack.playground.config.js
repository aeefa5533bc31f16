// The playground is its own build target (dist/playground/): nothing here may reach dist/addin or dist/gas.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { EsbuildPlugin } from "esbuild-loader";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack from "webpack";

const root = path.dirname(fileURLToPath(import.meta.url));
const univerCss = (pkg) => path.join(root, "node_modules", "@univerjs", pkg, "lib", "index.css");

const STYLESHEETS = [
  ["univer-sheets-core.css", "preset-sheets-core"],
  ["univer-conditional-formatting.css", "preset-sheets-conditional-formatting"],
];

export default {
  mode: "production",
  context: root,
  entry: { playground: "./playground/main.ts" },
  output: {
    path: path.join(root, "dist", "playground"),
    filename: "[name].[contenthash:8].js",
    chunkFilename: "[name].[contenthash:8].js",
    clean: true,
  },
  resolve: {
    extensions: [".ts", ".js"],
    // Sources use NodeNext import paths ending in .js that point at .ts files.
    extensionAlias: { ".js": [".ts", ".js"] },
  },
  module: {
    rules: [{ test: /\.ts$/, loader: "esbuild-loader", options: { target: "es2022" } }],
  },
  optimization: {
    // esbuild minifies the 5 MB of Univer in seconds where terser takes minutes on two cores.
    minimizer: [new EsbuildPlugin({ target: "es2022" })],
  },
  performance: { hints: false },
  devtool: false,
  plugins: [
    new HtmlWebpackPlugin({ template: "./playground/index.html", inject: "body", scriptLoading: "defer" }),
    // Univer's stylesheets are plain files shipped next to its code: emit them as they are rather than add
    // CSS loaders (copy-webpack-plugin cannot load here: its schema validator needs another ajv major).
    {
      apply(compiler) {
        compiler.hooks.thisCompilation.tap("UniverStyles", (compilation) => {
          compilation.hooks.processAssets.tap(
            { name: "UniverStyles", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
            () => {
              for (const [file, pkg] of STYLESHEETS) {
                compilation.emitAsset(file, new webpack.sources.RawSource(readFileSync(univerCss(pkg))));
              }
            },
          );
        });
      },
    },
  ],
};
