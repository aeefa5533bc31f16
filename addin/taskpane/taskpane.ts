/// <reference types="office-js" />
import { mountPane } from "../../pane/index.js";
import { excelHost } from "./excel-host.js";

/**
 * The task pane page. In the shared runtime it also hosts the custom functions (functions.js loads beside this
 * script), so it stays a thin shell: the pane itself is the same one the Sheets sidebar and the playground mount.
 */
// Fire-and-forget: the callback does the work, and Office.onReady's promise only repeats the host info it gets.
void Office.onReady(() => {
  const root = document.getElementById("pane");
  if (root) mountPane(root, excelHost);
});
