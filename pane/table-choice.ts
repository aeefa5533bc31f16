import { pickTable, tablesByKind, type MappedTable, type TableKind } from "../core/dashboard/detect.js";
import type { PaneContext } from "./context.js";
import { h } from "./dom.js";
import { KIND_LABEL } from "./labels.js";

/** One kind with several detected tables: their addresses, and the one the dashboard reads now. */
export interface KindChoice {
  readonly kind: TableKind;
  readonly addresses: readonly string[];
  readonly chosen: string;
}

/**
 * The kinds the user has to choose a table for (more than one detected), in workbook order. The current choice is
 * the table the planner would read (`pickTable`): the chosen address, else the first table of the kind.
 */
export function kindChoices(
  tables: readonly MappedTable[],
  chosen: Readonly<Partial<Record<TableKind, string>>>,
): KindChoice[] {
  return [...tablesByKind(tables)]
    .filter(([, ofKind]) => ofKind.length > 1)
    .map(([kind, ofKind]) => ({
      kind,
      addresses: ofKind.map((t) => t.address),
      chosen: pickTable(tables, kind, chosen[kind])?.address ?? "",
    }));
}

/**
 * A form that lets the user choose, for each kind with several tables, the one that feeds the tiles and charts:
 * `choose(kind, address)` is called on each change, to be passed to the build as `chosenTables`. Null when there is
 * nothing to choose. Addresses (user sheet names) only ever go in as text nodes.
 */
export function tableChoice(
  s: PaneContext["s"],
  tables: readonly MappedTable[],
  chosen: Readonly<Partial<Record<TableKind, string>>>,
  choose: (kind: TableKind, address: string) => void,
): HTMLElement | null {
  const choices = kindChoices(tables, chosen);
  if (choices.length === 0) return null;
  return h(
    "div",
    { class: "table-choice", "data-test": "table-choice" },
    h("h3", {}, s("chooseTables")),
    h("p", { class: "muted" }, s("chooseTablesHelp")),
    ...choices.map(({ kind, addresses, chosen: current }) => {
      const select = h("select", { "data-choose-kind": kind });
      for (const address of addresses)
        select.append(h("option", { value: address, selected: address === current }, address));
      select.addEventListener("change", () => choose(kind, select.value));
      return h("label", { class: "field" }, s("chooseTableFor", s(KIND_LABEL[kind])), select);
    }),
  );
}
