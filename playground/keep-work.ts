import { CommandType, type FUniver } from "@univerjs/presets";
import type { ChartLayer } from "./charts.js";
import { lang, status, TEXT } from "./page.js";
import { debounce, forgetWork, saveWork } from "./storage.js";

/** Set by "Reset", so that the save a pending edit schedules does not bring the old workbook back. */
let resetting = false;

/** Forgets the saved workbook and reloads the page on the samples. */
export function resetWork(): void {
  resetting = true;
  forgetWork(lang);
  location.reload();
}

/** Saves the workbook and the charts after each burst of changes, and when the page is left. */
export function keepWork(api: FUniver, charts: ChartLayer): void {
  const save = (): void => {
    const workbook = api.getActiveWorkbook();
    if (!workbook || resetting) return;
    if (!saveWork(lang, { workbook: workbook.save(), charts: charts.saved() })) status.textContent = TEXT.notSaved;
  };
  const later = debounce(save, 400);
  api.addEvent(api.Event.CommandExecuted, ({ type }) => {
    if (type === CommandType.MUTATION) later();
  });
  charts.onChange = later;
  window.addEventListener("pagehide", save);
}
