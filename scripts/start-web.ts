import { spawn } from "node:child_process";

/**
 * `npm run start:web`: serves the add-in over https on localhost:3000 and explains how to sideload it into
 * Excel on the web, where sideloading is a manual upload of manifest.xml (it works from any OS).
 */

const STEPS = `
KPI add-in for Excel on the web: serving dist/addin on https://localhost:3000

  1. Open https://localhost:3000/functions.json in this browser once and accept the certificate if asked
     (a certificate trusted by office-addin-dev-certs needs no step).
  2. Open a workbook in Excel on the web.
  3. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, then choose manifest.xml
     from the project root (it points at https://localhost:3000).
  4. Type =KPI. in a cell; the KPI dashboard button is on the Home tab.

  Functions missing or #NAME?: reload the workbook; Excel caches function metadata, so after changing
  functions.json remove the add-in and upload the manifest again. Ctrl+C stops the server.
`;

console.log(STEPS);
const server = spawn("tsx", ["scripts/serve-addin.ts"], { stdio: "inherit", shell: process.platform === "win32" });
server.on("exit", (code) => process.exit(code ?? 1));
server.on("error", (error) => {
  console.error(`Could not start the dev server: ${error.message}`);
  process.exit(1);
});
