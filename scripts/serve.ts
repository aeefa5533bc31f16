/**
 * `npm start`: builds the playground when its sources changed since the last build, then serves
 * dist/playground on http://localhost:8080 (PORT to change). Nothing but Node is needed.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PLAYGROUND_DIR = path.join(ROOT, "dist", "playground");
const SOURCES = [
  "playground",
  "core",
  "pane",
  "webpack.playground.config.js",
  "webpack.common.js",
  "package-lock.json",
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** A build is fresh when it is newer than every source it is made from. */
export function isBuildFresh(): boolean {
  const built = newestMtime(path.join(PLAYGROUND_DIR, "index.html"));
  return built > 0 && SOURCES.every((source) => newestMtime(path.join(ROOT, source)) < built);
}

export function buildPlayground(): void {
  const webpack = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const result = spawnSync(process.execPath, [webpack, "-c", "webpack.playground.config.js"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`the playground build failed (exit code ${result.status})`);
}

/** Serves `dir` on localhost only: the playground is a local tool, not something to expose on a network. */
export function serveStatic(dir: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(dir, pathname === "/" ? "index.html" : pathname);
    // Refuse anything that escapes the served folder (`/../package.json`).
    if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({ server, url: `http://localhost:${actual}/` });
    });
  });
}

async function main(): Promise<void> {
  if (process.argv.includes("--build")) {
    if (isBuildFresh()) console.log("dist/playground is up to date, skipping the build");
    else buildPlayground();
  }
  if (!existsSync(path.join(PLAYGROUND_DIR, "index.html"))) {
    throw new Error("dist/playground is missing: run `npm run build:playground` first");
  }
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await serveStatic(PLAYGROUND_DIR, port);
  console.log(`KPI playground: ${url}  (Ctrl+C to stop)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
