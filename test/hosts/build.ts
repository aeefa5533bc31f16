import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Builds dist/addin and dist/gas once for the host tests. Test files run in parallel workers, so a lock
 * directory serialises the build, and a build newer than every input is reused instead of rebuilt.
 */

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DIST_ADDIN = path.join(ROOT, "dist", "addin");
export const DIST_GAS = path.join(ROOT, "dist", "gas");
/** For beforeAll: a cold build on a busy two-core machine takes far longer than vitest's 10 s hook default. */
export const BUILD_TIMEOUT = 180_000;

const INPUTS = [
  "core",
  "addin",
  "gas",
  "scripts/hosts",
  "assets",
  "manifest.xml",
  "appsscript.json",
  "webpack.config.js",
  "webpack.common.js",
];
const OUTPUTS = [path.join(DIST_ADDIN, "functions.js"), path.join(DIST_GAS, "Code.js")];
const LOCK = path.join(ROOT, "dist", ".host-build.lock");

function newestMtime(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

function isFresh(): boolean {
  if (!OUTPUTS.every(existsSync)) return false;
  // A development build (npm run start:web) has source maps: the tests check the production build.
  if (existsSync(`${OUTPUTS[0]}.map`)) return false;
  const built = Math.min(...OUTPUTS.map((file) => statSync(file).mtimeMs));
  const inputs = Math.max(
    ...INPUTS.map((file) => path.join(ROOT, file))
      .filter(existsSync)
      .map(newestMtime),
  );
  return built > inputs;
}

const sleep = (ms: number): void => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms) as unknown as void;

export function ensureBuilt(): void {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 170_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another worker is building; a lock older than the deadline is a crashed run's leftover.
      if (Date.now() > deadline || Date.now() - statSync(LOCK).mtimeMs > 170_000)
        rmSync(LOCK, { recursive: true, force: true });
      else sleep(250);
    }
  }
  try {
    if (isFresh()) return;
    const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const run = spawnSync(tsx, [cli, "--env", "target=addin,gas"], { cwd: ROOT, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`host build failed:\n${run.stdout}\n${run.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
