/// <reference types="office-js" />
import { KPIS } from "../../core/index.js";

/**
 * The task pane page. In the shared runtime it is also the page that hosts the custom functions (functions.js
 * is loaded beside this script), so it must stay light. For now it lists the functions; the dashboard replaces it.
 */

function render(lang: "en" | "fr"): void {
  const list = document.getElementById("functions");
  const status = document.getElementById("status");
  if (!list || !status) return;
  status.textContent =
    lang === "fr"
      ? `${KPIS.length} fonctions : tapez =KPI. dans une cellule.`
      : `${KPIS.length} functions: type =KPI. in a cell.`;
  list.replaceChildren(
    ...KPIS.map((kpi) => {
      const item = document.createElement("li");
      const signature = document.createElement("code");
      const params = kpi.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
      signature.textContent = `KPI.${kpi.id}(${params})`;
      const description = document.createElement("div");
      description.className = "muted";
      description.textContent = kpi.description[lang];
      item.append(signature, description);
      return item;
    }),
  );
}

Office.onReady(() => {
  render(Office.context.displayLanguage?.toLowerCase().startsWith("fr") ? "fr" : "en");
});
