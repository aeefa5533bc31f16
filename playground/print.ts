import type { FUniver } from "@univerjs/presets";
import { element } from "./page.js";
import type { UniverHost } from "./univer-host.js";

/**
 * Shows the dashboard sheet (the active sheet when there is none) with its charts, then opens the browser's print
 * dialog, where "Save as PDF" is one of the printers.
 */
export async function printDashboard(api: FUniver, host: UniverHost): Promise<void> {
  const sheets = await host.listSheets();
  const dashboard = sheets.find((s) => s.dashboard);
  const sheet = dashboard ? api.getActiveWorkbook()?.getSheetByName(dashboard.name) : undefined;
  if (sheet) {
    sheet.activate();
    sheet.scrollToCell(0, 0);
    host.redrawCharts();
  }
  // Two frames: Univer draws the sheet just activated on the next frame.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  // The grid keeps its on-screen size while the pane and header leave the printed page (see index.html).
  const grid = element("sheet");
  const box = grid.getBoundingClientRect();
  Object.assign(grid.style, { width: `${box.width}px`, height: `${box.height}px` });
  grid.classList.add("printing");
  const restore = (): void => {
    Object.assign(grid.style, { width: "", height: "" });
    grid.classList.remove("printing");
  };
  window.addEventListener("afterprint", restore, { once: true });
  window.print();
}
