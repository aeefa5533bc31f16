// What webpack.config.js (dist/addin, dist/gas) and webpack.playground.config.js (dist/playground) share: TypeScript
// through esbuild, NodeNext `.js` import paths resolved to `.ts` files, esbuild as the minifier and a plugin that
// emits generated or copied files.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EsbuildPlugin } from "esbuild-loader";
import webpack from "webpack";

/** The repository root: every build's context. */
export const root = path.dirname(fileURLToPath(import.meta.url));

/** esbuild as the minifier: it minifies the 5 MB of Univer in seconds where terser takes minutes on two cores. */
export const minifier = (esTarget, options = {}) => new EsbuildPlugin({ target: esTarget, ...options });

/**
 * The base of every build. `esTarget` is the syntax esbuild writes; `minify` adds options to the minifier (the hosts
 * drop legal comments, the playground keeps esbuild's default).
 */
export const common = (mode, esTarget, minify = {}) => ({
  mode,
  context: root,
  devtool: mode === "development" ? "source-map" : false,
  resolve: {
    extensions: [".ts", ".js"],
    // Sources use NodeNext import paths ending in .js that point at .ts files.
    extensionAlias: { ".js": [".ts", ".js"] },
  },
  module: { rules: [{ test: /\.ts$/, loader: "esbuild-loader", options: { target: esTarget } }] },
  optimization: { minimizer: [minifier(esTarget, minify)] },
  performance: { hints: false },
});

/**
 * Emits generated and copied files: `files()` maps output names to their contents, `sources` are the files they are
 * made from (watched in watch mode). copy-webpack-plugin is not used: under legacy-peer-deps its schema-utils resolves
 * an incompatible ajv and fails to load.
 */
export const emitPlugin = (name, files, sources = []) => ({
  apply(compiler) {
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      for (const file of sources) compilation.fileDependencies.add(path.join(root, file));
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [file, content] of Object.entries(files())) {
          compilation.emitAsset(file, new webpack.sources.RawSource(content));
        }
      });
    });
  },
});
