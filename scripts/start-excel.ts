import { spawn } from "node:child_process";

/**
 * `npm run start:excel`: serves the add-in over https on localhost:3000 (scripts/serve-addin.ts, with
 * office-addin-dev-certs) and sideloads manifest.xml into desktop Excel with office-addin-debugging.
 * Desktop Excel exists on Windows and macOS only; elsewhere this says so and points at Excel on the web.
 */

const DEV_SERVER = "tsx scripts/serve-addin.ts";

if (process.platform !== "win32" && process.platform !== "darwin") {
  console.error(
    [
      `start:excel sideloads into desktop Excel, which does not exist on ${process.platform}.`,
      "Use Excel on the web instead: `npm run start:web` serves the add-in and prints how to upload manifest.xml.",
    ].join("\n"),
  );
  process.exit(1);
}

const child = spawn(
  "office-addin-debugging",
  [
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    JSON.stringify(DEV_SERVER),
    "--dev-server-port",
    "3000",
  ],
  { stdio: "inherit", shell: true },
);
child.on("exit", (code) => process.exit(code ?? 1));
child.on("error", (error) => {
  console.error(`Could not run office-addin-debugging: ${error.message}`);
  process.exit(1);
});
