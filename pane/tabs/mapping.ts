import { mapColumns, ROLES_OF, type MappedTable, type TableKind } from "../../core/dashboard/index.js";
import type { PaneContext } from "../context.js";
import { h } from "../dom.js";
import { KIND_LABEL, ROLE_LABEL } from "../labels.js";

/**
 * The detected tables as forms: each table's kind and which column plays each role. A change calls `update` with
 * the table as the user now maps it; a change of kind also redraws (the roles differ by kind).
 */
export function mappingForms(
  ctx: PaneContext,
  tables: readonly MappedTable[],
  update: (index: number, table: MappedTable, redraw: boolean) => void,
): Node[] {
  const { s } = ctx;
  if (tables.length === 0) return [h("p", { class: "muted" }, s("noTables"))];
  return tables.map((table, index) => {
    const headers = table.values[0] ?? [];
    const kind = h("select", { "data-table": String(index), "data-field": "kind" });
    for (const k of Object.keys(ROLES_OF) as TableKind[])
      kind.append(h("option", { value: k, selected: k === table.kind }, s(KIND_LABEL[k])));
    kind.addEventListener("change", () => {
      const next = kind.value as TableKind;
      update(index, { ...table, kind: next, mapping: mapColumns(headers, next) }, true);
    });
    const roles = ROLES_OF[table.kind].map((role) => {
      const select = h("select", { "data-table": String(index), "data-role": role });
      select.append(h("option", { value: "" }, s("notMapped")));
      headers.forEach((header, col) =>
        select.append(h("option", { value: String(col), selected: table.mapping[role] === col }, String(header ?? ""))),
      );
      select.addEventListener("change", () => {
        const mapping = { ...table.mapping };
        if (select.value === "") delete mapping[role];
        else mapping[role] = Number(select.value);
        update(index, { ...table, mapping }, false);
      });
      return h("label", {}, s(ROLE_LABEL[role]), select);
    });
    return h(
      "div",
      { class: "mapping" },
      h("h3", {}, s("table", table.address)),
      h("label", {}, s("kind"), kind),
      ...roles,
    );
  });
}
