// Runs before `npm start` and `npm test` so that a fresh clone needs no separate install step: when
// node_modules is missing or older than package-lock.json, it runs `npm ci`. Plain Node, no dependencies.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import process from "node:process";

const installed = "node_modules/.package-lock.json";
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync("package-lock.json").mtimeMs;
if (stale) {
  process.stdout.write("Installing dependencies (npm ci)…\n");
  execSync("npm ci --no-audit --no-fund", { stdio: "inherit" });
}
