import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium: Playwright's own browser download cannot work on an offline machine. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Playwright gives each launch its own temporary profile (it refuses a --user-data-dir argument). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}: install it with \`apt-get install chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Collects console errors, uncaught page errors and every request that leaves localhost. */
export function watchPage(page: Page): { consoleErrors: string[]; externalRequests: string[] } {
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  page.on("request", (request) => {
    const url = new URL(request.url());
    const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    if (!local && !["data:", "blob:", "about:"].includes(url.protocol)) externalRequests.push(request.url());
  });
  return { consoleErrors, externalRequests };
}

/** Screenshots go to test-artifacts/ (ignored by git, kept by CI as artifacts). */
export const artifactPath = (name: string): string => path.join(process.cwd(), "test-artifacts", name);
