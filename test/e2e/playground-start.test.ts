import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, expect, it } from "vitest";

/** Build included: two shared cores can take a while when the sources changed since the last build. */
const START_WITHIN_MS = 240_000;

let child: ChildProcess | undefined;

afterAll(() => {
  // npm runs tsx which runs node: the whole process group goes.
  if (child?.pid) process.kill(-child.pid, "SIGTERM");
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

it(
  "npm start builds and serves the playground on PORT and prints its URL",
  async () => {
    const port = await freePort();
    const url = `http://localhost:${port}/`;
    const started = Date.now();
    child = spawn("npm", ["start"], { env: { ...process.env, PORT: String(port) }, detached: true });
    let output = "";
    const printed = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no URL after ${START_WITHIN_MS} ms:\n${output}`)),
        START_WITHIN_MS,
      );
      const collect = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes(url)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child?.stdout?.on("data", collect);
      child?.stderr?.on("data", collect);
      child?.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    await printed;
    expect(Date.now() - started).toBeLessThan(START_WITHIN_MS);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("KPI functions playground");
    const script = /src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await fetch(new URL(script as string, url));
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toContain("javascript");
    // An encoded "../" must not reach files outside dist/playground.
    expect((await fetch(`${url}..%2f..%2fpackage.json`)).status).toBe(404);
  },
  START_WITHIN_MS + 30_000,
);
