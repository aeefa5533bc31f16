/// <reference types="google-apps-script" />
import { KPIS, publicName } from "../core/index.js";
import { DASHBOARD_SERVER_API } from "./dashboard-server.js";

/**
 * The public server surface of the Apps Script project: every function here becomes a top-level function of
 * Code.js (generated at build time), callable from the sidebar with `google.script.run.NAME(...)`. Add a server
 * function by adding it here; nothing else is exposed. Arguments and results must be JSON-safe (no Date).
 */

export interface CatalogueEntry {
  id: string;
  sheetsName: string;
  category: string;
  description: string;
  params: { name: string; description: string; optional: boolean }[];
}

/** The function list in the user's language (English unless the account is French). */
export function kpiCatalogue(lang?: string): CatalogueEntry[] {
  const fr = (lang ?? Session.getActiveUserLocale() ?? "").toLowerCase().startsWith("fr");
  return KPIS.map((kpi) => ({
    id: kpi.id,
    sheetsName: publicName("sheets", kpi.id),
    category: kpi.category,
    description: fr ? kpi.description.fr : kpi.description.en,
    params: kpi.params.map((p) => ({
      name: p.name,
      description: fr ? p.description.fr : p.description.en,
      optional: p.optional === true,
    })),
  }));
}

export const SERVER_API = { kpiCatalogue, ...DASHBOARD_SERVER_API } as const;
