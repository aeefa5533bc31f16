import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:https";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import makeConfigs from "../webpack.config.js";

/**
 * The add-in's development server: builds dist/addin in watch mode and serves it over https on localhost:3000,
 * the origin manifest.xml points at. (webpack-dev-server cannot load in this dependency tree: its schema-utils
 * resolves an incompatible ajv under legacy-peer-deps, so this small static server takes its place.)
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist", "addin");
const PORT = Number(process.env.PORT ?? 3000);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json; charset=utf-8",
};

/** office-addin-dev-certs' trusted certificate; if it cannot install its CA, the certificate it generated anyway. */
async function certificate(): Promise<{ key: string | Buffer; cert: string | Buffer }> {
  try {
    const devCerts = await import("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { key: options.key, cert: options.cert };
  } catch (error) {
    const dir = path.join(homedir(), ".office-addin-dev-certs");
    const key = path.join(dir, "localhost.key");
    const cert = path.join(dir, "localhost.crt");
    if (!existsSync(key) || !existsSync(cert)) throw error;
    console.warn(
      `The dev certificate's CA could not be installed (${(error as Error).message.split("\n")[0]}).\n` +
        "Serving with it anyway: open https://localhost:3000/functions.json once and accept the certificate.",
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  }
}

const configs = await makeConfigs({ target: "addin" }, { mode: "development" });
const compiler = webpack(configs);
compiler.watch({ aggregateTimeout: 300 }, (error, stats) => {
  if (error) console.error(error);
  else console.log(stats?.toString({ colors: true, preset: "errors-warnings" }) || "dist/addin built");
});

const server = createServer(await certificate(), (request, response) => {
  const url = new URL(request.url ?? "/", "https://localhost");
  const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
  if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end("not found");
    return;
  }
  response.writeHead(200, {
    "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": "no-store",
  });
  response.end(readFileSync(file));
});
server.listen(PORT, () => console.log(`Serving dist/addin on https://localhost:${PORT}`));
