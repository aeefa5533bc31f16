import type { PlanValue } from "../plan/plan.js";

/** What a column means to the dashboard. */
export type Role =
  | "date"
  | "amount"
  | "customer"
  | "order"
  | "channel"
  | "salesperson"
  | "region"
  | "segment"
  | "product"
  | "created"
  | "closed"
  | "stage"
  | "outcome"
  | "probability"
  | "score"
  | "csat"
  | "month"
  | "marketing"
  | "sales"
  | "newCustomers";

export type TableKind = "orders" | "opportunities" | "survey" | "costs";

export const ROLES_OF: Readonly<Record<TableKind, readonly Role[]>> = {
  orders: ["date", "customer", "order", "channel", "product", "amount", "salesperson", "region", "segment"],
  opportunities: [
    "created",
    "closed",
    "stage",
    "outcome",
    "amount",
    "probability",
    "salesperson",
    "channel",
    "region",
    "segment",
  ],
  survey: ["date", "score", "csat"],
  costs: ["month", "marketing", "sales", "newCustomers"],
};

/**
 * Header words per role, already normalised (see `normalizeHeader`): English and French, with the usual
 * variants. A header matches when it equals one of them, or starts or ends with one of them as a word.
 */
const SYNONYMS: Readonly<Record<Role, readonly string[]>> = {
  date: ["date", "order date", "date commande", "date de commande", "jour", "day", "response date", "date reponse"],
  amount: [
    "amount",
    "montant",
    "revenue",
    "revenu",
    "ca",
    "chiffre d affaires",
    "total",
    "value",
    "valeur",
    "price",
    "prix",
  ],
  customer: ["customer", "client", "customer id", "id client", "account", "compte", "buyer", "acheteur"],
  order: ["order", "commande", "order id", "order number", "n commande", "numero de commande", "invoice", "facture"],
  channel: ["channel", "canal", "source", "sales channel", "canal de vente"],
  salesperson: [
    "salesperson",
    "sales person",
    "sales rep",
    "sales representative",
    "rep",
    "owner",
    "account owner",
    "deal owner",
    "account manager",
    "seller",
    "commercial",
    "commerciale",
    "vendeur",
    "vendeuse",
    "charge d affaires",
  ],
  region: ["region", "territory", "territoire", "zone", "area", "secteur"],
  segment: ["segment", "customer segment", "segment client", "market segment", "tier"],
  product: ["product", "produit", "item", "article", "sku", "offer", "offre"],
  created: ["created", "creee", "cree", "creation", "created date", "date de creation", "opened", "ouverte"],
  closed: ["closed", "cloturee", "cloture", "close date", "closed date", "date de cloture", "fermee"],
  stage: ["stage", "etape", "phase", "pipeline stage"],
  outcome: ["outcome", "statut", "status", "result", "resultat", "won lost", "issue"],
  probability: ["probability", "probabilite", "proba", "win probability"],
  score: ["score", "note", "nps", "nps score", "recommendation", "recommandation"],
  csat: ["csat", "satisfaction", "csat score"],
  month: ["month", "mois", "period", "periode"],
  marketing: ["marketing", "marketing costs", "marketing spend", "couts marketing", "depenses marketing"],
  sales: ["sales", "ventes", "sales costs", "couts commerciaux", "commercial", "sales spend"],
  newCustomers: ["new customers", "nouveaux clients", "new clients", "acquisitions", "new", "nouveaux"],
};

/** Lower case, accents and punctuation dropped, single spaces: "Clôturée" → "cloturee", "N° commande" → "n commande". */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** How well `header` names `role`: 2 for an exact synonym, 1 when a synonym is its first or last word(s), else 0. */
function matchStrength(header: string, role: Role): number {
  const h = normalizeHeader(header);
  if (!h) return 0;
  let best = 0;
  for (const word of SYNONYMS[role]) {
    if (h === word) return 2;
    if (word.length >= 3 && (h.startsWith(`${word} `) || h.endsWith(` ${word}`))) best = 1;
  }
  return best;
}

export type Mapping = Partial<Record<Role, number>>;

/** A table the dashboard can use: where it is, what it holds and which column plays which role. */
export interface MappedTable {
  readonly kind: TableKind;
  readonly sheet: string;
  /** Sheet-qualified address of the whole table, header row included ("Orders!A1:F267"). */
  readonly address: string;
  /** Header row first. */
  readonly values: PlanValue[][];
  /** Column index (0-based within the table) per role; the user may correct it. */
  readonly mapping: Mapping;
}

/** Each role of `kind` mapped to its best-matching header; a header serves one role at most. */
export function mapColumns(headers: readonly PlanValue[], kind: TableKind): Mapping {
  const mapping: Mapping = {};
  const used = new Set<number>();
  for (const strength of [2, 1]) {
    for (const role of ROLES_OF[kind]) {
      if (mapping[role] !== undefined) continue;
      const col = headers.findIndex((h, i) => !used.has(i) && matchStrength(String(h ?? ""), role) === strength);
      if (col >= 0) {
        mapping[role] = col;
        used.add(col);
      }
    }
  }
  return mapping;
}

/** The roles without which a kind of table yields no tile at all. */
const REQUIRED: Readonly<Record<TableKind, readonly (readonly Role[])[]>> = {
  orders: [["amount"], ["date", "customer", "order"]],
  opportunities: [["stage", "outcome", "probability", "closed"]],
  survey: [["score", "csat"]],
  costs: [["marketing", "sales"], ["newCustomers"]],
};

/**
 * What a table is, from its headers: each kind is scored by how many of its roles are found, and the kind
 * must have its required roles (at least one role of each group). Null when nothing fits.
 */
export function detectKind(headers: readonly PlanValue[]): { kind: TableKind; mapping: Mapping } | null {
  let best: { kind: TableKind; mapping: Mapping; score: number } | null = null;
  for (const kind of Object.keys(ROLES_OF) as TableKind[]) {
    const mapping = mapColumns(headers, kind);
    if (!REQUIRED[kind].every((group) => group.some((role) => mapping[role] !== undefined))) continue;
    const score = Object.keys(mapping).length / ROLES_OF[kind].length + Object.keys(mapping).length;
    if (!best || score > best.score) best = { kind, mapping, score };
  }
  return best && { kind: best.kind, mapping: best.mapping };
}

/** Detects every usable table among `tables` (one per sheet, header row first). */
export function detectTables(
  tables: readonly { sheet: string; address: string; values: PlanValue[][] }[],
): MappedTable[] {
  const found: MappedTable[] = [];
  for (const table of tables) {
    const headers = table.values[0];
    if (!headers || table.values.length < 2) continue;
    const detected = detectKind(headers);
    if (detected) found.push({ ...table, kind: detected.kind, mapping: detected.mapping });
  }
  return found;
}

/** The tables detected per kind, in workbook order: a kind with more than one is the user's choice to make. */
export function tablesByKind(tables: readonly MappedTable[]): Map<TableKind, MappedTable[]> {
  const byKind = new Map<TableKind, MappedTable[]>();
  for (const table of tables) byKind.set(table.kind, [...(byKind.get(table.kind) ?? []), table]);
  return byKind;
}

/**
 * The table of a kind the dashboard reads: the one at the chosen address (compared case-insensitively, as sheet
 * names are), else the first of the kind. A stale choice (that table is gone) falls back to the first.
 */
export function pickTable(
  tables: readonly MappedTable[],
  kind: TableKind,
  chosenAddress?: string,
): MappedTable | undefined {
  const ofKind = tables.filter((t) => t.kind === kind);
  const wanted = chosenAddress?.toLowerCase();
  return ofKind.find((t) => t.address.toLowerCase() === wanted) ?? ofKind[0];
}
