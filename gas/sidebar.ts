/**
 * Sidebar page script (runs in the HtmlService iframe, not in Apps Script): lists the functions the server
 * returns. Everything reaches the page through textContent.
 */

interface CatalogueEntry {
  sheetsName: string;
  description: string;
  params: { name: string; optional: boolean }[];
}

interface ScriptRun {
  withSuccessHandler(handler: (value: CatalogueEntry[]) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  kpiCatalogue(): void;
}

declare const google: { script: { run: ScriptRun } };

function render(entries: CatalogueEntry[]): void {
  const list = document.getElementById("functions");
  const status = document.getElementById("status");
  if (!list || !status) return;
  status.textContent = `${entries.length} functions: type =KPI_ in a cell.`;
  for (const entry of entries) {
    const item = document.createElement("li");
    const signature = document.createElement("code");
    signature.textContent = `${entry.sheetsName}(${entry.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
    const description = document.createElement("div");
    description.className = "muted";
    description.textContent = entry.description;
    item.append(signature, description);
    list.append(item);
  }
}

google.script.run
  .withSuccessHandler(render)
  .withFailureHandler((error) => {
    const status = document.getElementById("status");
    if (status) status.textContent = `Could not load the functions: ${error.message}`;
  })
  .kpiCatalogue();
