/**
 * The one global of Code.js (`KPI_CORE`): the bundled core and the Sheets adapter. Everything Sheets calls by
 * name (custom functions, onOpen, menu handlers, server functions) is a generated top-level function that
 * forwards here; see scripts/hosts/gas-glue.ts.
 */
export { call } from "./adapter.js";
export { onOpen, onInstall } from "./menu.js";
import { MENU_ITEMS } from "./menu.js";
import { SERVER_API } from "./server-api.js";

export const menu: Record<string, () => void> = Object.fromEntries(MENU_ITEMS.map((item) => [item.handler, item.run]));
export const server: Record<string, (...args: never[]) => unknown> = SERVER_API;
