import { dateToSerial } from "../dates.js";
import { rangeName } from "../plan/a1.js";
import type { Lang, PlanValue, SheetPlan, WorkbookPlan } from "../plan/plan.js";
import { seededRandom } from "../numeric/random.js";

/** One demo table: a header row in the UI language, then data rows, with one number format per column. */
export interface SampleSheet {
  readonly role: "orders" | "opportunities" | "survey" | "costs";
  readonly name: string;
  readonly headers: string[];
  readonly rows: PlanValue[][];
  /** Number format of each column ("yyyy-mm-dd" on date columns), null for text columns. */
  readonly formats: (string | null)[];
}

export const DATE_FORMAT = "yyyy-mm-dd";
export const MONTH_FORMAT = "mmm yyyy";
export const MONEY_FORMAT = "#,##0.00";
export const INTEGER_FORMAT = "#,##0";
export const PERCENT_FORMAT = "0%";

const TEXT = {
  en: {
    sheets: { orders: "Orders", opportunities: "Opportunities", survey: "Survey", costs: "Costs" },
    orders: ["Date", "Customer", "Order", "Channel", "Product", "Amount"],
    opportunities: ["Created", "Closed", "Stage", "Outcome", "Amount", "Probability", "Owner", "Region"],
    survey: ["Date", "Score", "CSAT"],
    costs: ["Month", "Marketing", "Sales", "New customers"],
    channels: ["Web", "Store", "Phone", "Partner"],
    products: ["Starter", "Standard", "Premium", "Accessories", "Service"],
    stages: ["Lead", "Qualified", "Proposal", "Negotiation", "Contract"],
    outcomes: { won: "Won", lost: "Lost", open: "Open" },
    salespeople: ["Alice Moreno", "Ben Carter", "Chloe Nguyen", "Daniel Price", "Emma Walsh"],
    regions: ["North", "South", "East", "West"],
    firstNames: ["Blue", "North", "Silver", "Green", "Bright", "Alpine", "Oak", "River", "Sun", "Harbor"],
    lastNames: ["Labs", "Trading", "Studio", "Foods", "Systems", "Media", "Works", "Partners", "Retail"],
  },
  fr: {
    sheets: { orders: "Commandes", opportunities: "Opportunités", survey: "Enquête", costs: "Coûts" },
    orders: ["Date", "Client", "Commande", "Canal", "Produit", "Montant"],
    opportunities: ["Créée", "Clôturée", "Étape", "Statut", "Montant", "Probabilité", "Commercial", "Région"],
    survey: ["Date", "Note", "CSAT"],
    costs: ["Mois", "Marketing", "Ventes", "Nouveaux clients"],
    channels: ["Web", "Magasin", "Téléphone", "Partenaire"],
    products: ["Essentiel", "Standard", "Premium", "Accessoires", "Service"],
    stages: ["Prospect", "Qualifiée", "Proposition", "Négociation", "Contrat"],
    outcomes: { won: "Gagné", lost: "Perdu", open: "En cours" },
    salespeople: ["Camille Petit", "Hugo Lambert", "Léa Fontaine", "Lucas Mercier", "Manon Girard"],
    regions: ["Nord", "Sud", "Est", "Ouest"],
    firstNames: ["Atelier", "Maison", "Groupe", "Cabinet", "Comptoir", "Librairie", "Garage", "Studio", "Ferme"],
    lastNames: ["Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Simon", "Garnier", "Roux"],
  },
} as const;

const PRICES = [49, 99, 199, 25, 150];
const OWNER_SEED = 0x5a1e5;
const YEAR_START = dateToSerial(new Date(Date.UTC(2025, 0, 1)));
const YEAR_END = dateToSerial(new Date(Date.UTC(2025, 11, 31)));

function pick<T>(random: () => number, items: readonly T[], weights?: readonly number[]): T {
  if (!weights) return items[Math.floor(random() * items.length)] as T;
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

const cents = (x: number): number => Math.round(x * 100) / 100;

function orders(lang: Lang, random: () => number): PlanValue[][] {
  const t = TEXT[lang];
  const customers = t.firstNames.flatMap((a) => t.lastNames.map((b) => `${a} ${b}`));
  const lines: { date: number; customer: string; channel: string; product: number; amount: number; order: number }[] =
    [];
  let order = 0;
  for (const customer of customers) {
    // First orders lean to the start of the year so that the cohort triangle has depth.
    let date = Math.floor(YEAR_START + random() ** 1.6 * 330);
    const channel = pick(random, t.channels, [45, 30, 15, 10]);
    // Customers differ in how often they come back and in how soon they stop, as the customer-value models
    // (BG/NBD) expect of real order logs: a buying rate of their own, and a chance of leaving after each order.
    const gap = 20 / Math.max(0.05, random());
    // One-off buyers who soon leave, and regulars who rarely do: the spread the models estimate.
    const leaving = random() < 0.45 ? 0.5 + 0.5 * random() : 0.08 * random();
    for (let v = 0; v < 30 && date <= YEAR_END; v++) {
      order++;
      const products = random() < 0.25 ? 2 : 1;
      const first = pick(random, [0, 1, 2, 3, 4], [25, 35, 15, 15, 10]);
      for (let p = 0; p < products; p++) {
        const product = p === 0 ? first : (first + 1 + Math.floor(random() * 4)) % 5;
        const amount = cents((PRICES[product] as number) * (0.8 + random() * 0.5) * (1 + Math.floor(random() * 3)));
        lines.push({ date, customer, channel, product, amount, order });
      }
      if (random() < leaving) break;
      // Exponential waits (Poisson buying): regular gaps would look like no customer ever leaves.
      date += 1 + Math.floor(-gap * Math.log(1 - random()));
    }
  }
  lines.sort((a, b) => a.date - b.date || a.order - b.order);
  const ids = new Map<number, string>();
  return lines.map((line) => {
    let id = ids.get(line.order);
    if (!id) ids.set(line.order, (id = `SO-${1001 + ids.size}`));
    return [line.date, line.customer, id, line.channel, t.products[line.product] as string, line.amount];
  });
}

function opportunities(lang: Lang, random: () => number): PlanValue[][] {
  const t = TEXT[lang];
  const rows: PlanValue[][] = [];
  const probabilities = [0.1, 0.25, 0.5, 0.75, 0.9];
  for (let i = 0; i < 150; i++) {
    const created = Math.floor(YEAR_START + random() * 330);
    const stage = pick(random, [0, 1, 2, 3, 4], [34, 26, 18, 13, 9]);
    const amount = Math.round(20 + random() * 480) * 100;
    const closedSoFar = random() < (stage === 4 ? 0.9 : 0.45);
    let outcome: string = t.outcomes.open;
    let closed: PlanValue = "";
    let probability = probabilities[stage] as number;
    if (closedSoFar) {
      const won = stage === 4 || (stage === 3 && random() < 0.3);
      outcome = won ? t.outcomes.won : t.outcomes.lost;
      closed = Math.min(YEAR_END, created + 12 + Math.floor(random() * 100));
      probability = won ? 1 : 0;
    }
    rows.push([created, closed, t.stages[stage] as string, outcome, amount, probability]);
  }
  return rows.sort((a, b) => (a[0] as number) - (b[0] as number));
}

/**
 * Who owns each deal and where: drawn from their own generator so that the other columns (and every KPI over
 * them) stay what they were before these columns existed.
 */
function owners(lang: Lang, count: number, seed: number): PlanValue[][] {
  const t = TEXT[lang];
  const random = seededRandom(seed ^ OWNER_SEED);
  return Array.from({ length: count }, () => [
    pick(random, t.salespeople, [30, 25, 20, 15, 10]),
    pick(random, t.regions, [35, 25, 25, 15]),
  ]);
}

function survey(random: () => number): PlanValue[][] {
  const rows: PlanValue[][] = [];
  // Detractors slightly outnumber promoters: the seeded NPS sits well under any sensible target (a visible ALERT).
  const weights = [3, 2, 3, 5, 6, 8, 10, 12, 14, 17, 20];
  for (let i = 0; i < 200; i++) {
    const date = Math.floor(YEAR_START + random() * 364);
    const score = pick(random, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], weights);
    const csat = Math.max(1, Math.min(5, Math.round(score / 2.5 + random() * 1.6 - 0.3)));
    rows.push([date, score, csat]);
  }
  return rows.sort((a, b) => (a[0] as number) - (b[0] as number));
}

function costs(random: () => number): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (let m = 0; m < 12; m++) {
    const month = dateToSerial(new Date(Date.UTC(2025, m, 1)));
    const marketing = Math.round((8000 + random() * 4000 + m * 300) / 10) * 10;
    const sales = Math.round((12000 + random() * 3000) / 10) * 10;
    rows.push([month, marketing, sales, 40 + Math.floor(random() * 35)]);
  }
  return rows;
}

/** A sample sheet as a host reads it back once written from A1: its name, address and values under the header row. */
export function sampleTable(s: SampleSheet): { sheet: string; address: string; values: PlanValue[][] } {
  return {
    sheet: s.name,
    address: `${s.name}!${rangeName(0, 0, s.rows.length + 1, s.headers.length)}`,
    values: [s.headers, ...s.rows],
  };
}

/** Deals with their owner and region appended. */
function opportunityRows(lang: Lang, random: () => number, seed: number): PlanValue[][] {
  const rows = opportunities(lang, random);
  const extra = owners(lang, rows.length, seed);
  return rows.map((row, i) => [...row, ...(extra[i] ?? [])]);
}

/** The four demo tables in `lang`, identical for the same seed. */
export function sampleSheets(lang: Lang, seed = 2025): SampleSheet[] {
  const random = seededRandom(seed);
  const t = TEXT[lang];
  return [
    {
      role: "orders",
      name: t.sheets.orders,
      headers: [...t.orders],
      rows: orders(lang, random),
      formats: [DATE_FORMAT, null, null, null, null, MONEY_FORMAT],
    },
    {
      role: "opportunities",
      name: t.sheets.opportunities,
      headers: [...t.opportunities],
      rows: opportunityRows(lang, random, seed),
      formats: [DATE_FORMAT, DATE_FORMAT, null, null, MONEY_FORMAT, PERCENT_FORMAT, null, null],
    },
    {
      role: "survey",
      name: t.sheets.survey,
      headers: [...t.survey],
      rows: survey(random),
      formats: [DATE_FORMAT, "0", "0"],
    },
    {
      role: "costs",
      name: t.sheets.costs,
      headers: [...t.costs],
      rows: costs(random),
      formats: [MONTH_FORMAT, MONEY_FORMAT, MONEY_FORMAT, INTEGER_FORMAT],
    },
  ];
}

/** `base`, or `base 2`, `base 3`… : the first name no sheet uses yet (compared case-insensitively, as hosts do). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

/** A sample table as a sheet plan: one block for the header and data, one number format per dated/numeric column. */
export function sampleSheetPlan(sheet: SampleSheet, name: string): SheetPlan {
  const cols = sheet.headers.length;
  return {
    name,
    mode: "create",
    blocks: [
      { range: rangeName(0, 0, sheet.rows.length + 1, cols), kind: "values", cells: [sheet.headers, ...sheet.rows] },
    ],
    numberFormats: sheet.formats.flatMap((format, col) =>
      format ? [{ range: rangeName(1, col, sheet.rows.length, 1), format }] : [],
    ),
    styles: [{ range: rangeName(0, 0, 1, cols), bold: true, fill: "#DEECF9" }],
    conditionalFormats: [],
    charts: [],
    columnWidths: sheet.headers.map((_, col) => (col === 1 && sheet.role === "orders" ? 150 : 110)),
    freezeRows: 1,
  };
}

/** Inserting the sample data: four new sheets with names that collide with nothing in the workbook. */
export function samplePlan(lang: Lang, existingSheets: readonly string[], seed = 2025): WorkbookPlan {
  const taken = [...existingSheets];
  const sheets = sampleSheets(lang, seed).map((sheet) => {
    const name = uniqueSheetName(sheet.name, taken);
    taken.push(name);
    return sampleSheetPlan(sheet, name);
  });
  return { sheets };
}
