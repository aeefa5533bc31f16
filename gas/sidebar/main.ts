import { mountPane } from "../../pane/index.js";
import { sheetsHost } from "./sheets-host.js";

declare const google: {
  script: {
    run: {
      withSuccessHandler(handler: (locale: string) => void): {
        withFailureHandler(handler: () => void): { kpiDashboardLanguage(): void };
      };
    };
  };
};

/** Sidebar entry (inlined into Sidebar.html): asks the server for the user's Google locale, then mounts the pane. */
const root = document.getElementById("pane");
if (root) {
  const mount = (locale: string): void => mountPane(root, sheetsHost(locale));
  google.script.run
    .withSuccessHandler(mount)
    .withFailureHandler(() => mount(navigator.language))
    .kpiDashboardLanguage();
}
