import { sheetRange } from "../core/plan/a1.js";
import { kpiFormula, type FormulaArg } from "../core/plan/formula.js";
import type { Lang } from "../core/plan/plan.js";
import type { SampleSheet } from "../core/dashboard/sample-data.js";
import { formulaToFrench, localPattern } from "./csv.js";
import type { PlainSheet } from "./workbook.js";

/**
 * A sample sheet as the playground loads it: header row, data rows, one number format per column, written the way
 * the language reads dates and percentages (`dd/mm/yyyy`, `12,5 %` in French).
 */
export function plainSampleSheet(sample: SampleSheet, lang: Lang = "en"): PlainSheet {
  const columnFormats: Record<number, string> = {};
  sample.formats.forEach((format, col) => {
    if (format) columnFormats[col] = localPattern(format, lang);
  });
  return {
    name: sample.name,
    rows: [sample.headers, ...sample.rows],
    columnFormats,
    columnWidths: Object.fromEntries(sample.headers.map((_, col) => [col, col === 1 ? 150 : 110])),
  };
}

const LABELS = {
  en: {
    title: ["KPI", "Formula", "Value"],
    cac: "Customer acquisition cost",
    nps: "Net Promoter Score",
    csat: "Customer satisfaction (share ≥ 4)",
    aov: "Average order value",
    repeat: "Repeat purchase rate",
    winrate: "Win rate",
    cycle: "Sales cycle (days, won deals)",
    pipeline: "Weighted pipeline",
    error: "Errors tell their cause: type this in a cell, then point at it",
    npsSplit: "NPS breakdown: promoters, passives, detractors, responses (spills right)",
    channels: "Revenue by channel: channel, revenue, share (spills down)",
  },
  fr: {
    title: ["Indicateur", "Formule", "Valeur"],
    cac: "Coût d'acquisition client",
    nps: "Net Promoter Score",
    csat: "Satisfaction client (part ≥ 4)",
    aov: "Panier moyen",
    repeat: "Taux de réachat",
    winrate: "Taux de réussite",
    cycle: "Cycle de vente (jours, affaires gagnées)",
    pipeline: "Pipeline pondéré",
    error: "Les erreurs disent leur cause : tapez ceci dans une cellule, puis pointez-la",
    npsSplit: "Répartition NPS : promoteurs, passifs, détracteurs, réponses (déborde à droite)",
    channels: "Chiffre d'affaires par canal : canal, montant, part (déborde vers le bas)",
  },
} as const;

/**
 * The "KPIs" sheet the playground opens on: one live formula per row over the sample sheets, written the way
 * the pane writes them (absolute, exact ranges), plus an error and two spills to show how those look.
 */
export function kpiSheet(samples: readonly SampleSheet[], lang: Lang): PlainSheet {
  const t = LABELS[lang];
  const column = (role: SampleSheet["role"], col: number): { ref: string } => {
    const sample = samples.find((s) => s.role === role);
    if (!sample) throw new Error(`no ${role} sample sheet`);
    return { ref: sheetRange(sample.name, { row: 1, col, rows: sample.rows.length, cols: 1 }) };
  };
  const kpi = (id: string, ...args: FormulaArg[]): string => kpiFormula("excel", id, args);
  const rows: [string, string][] = [
    [t.cac, kpi("CAC", column("costs", 1), column("costs", 2), column("costs", 3))],
    [t.nps, kpi("NPS", column("survey", 1))],
    [t.csat, kpi("CSAT", column("survey", 2))],
    [t.aov, kpi("AOV", column("orders", 5), column("orders", 2))],
    [t.repeat, kpi("REPEATRATE", column("orders", 1), column("orders", 2))],
    [
      t.winrate,
      kpi("WINRATE", column("opportunities", 3), lang === "fr" ? "Gagné" : "Won", lang === "fr" ? "Perdu" : "Lost"),
    ],
    [
      t.cycle,
      kpi(
        "SALESCYCLE",
        column("opportunities", 0),
        column("opportunities", 1),
        column("opportunities", 3),
        lang === "fr" ? "Gagné" : "Won",
      ),
    ],
    [t.pipeline, kpi("WEIGHTEDPIPELINE", column("opportunities", 4), column("opportunities", 5))],
    // Shown, not computed: the sheet opens without an error on screen (the cause shows when users try it).
    [t.error, kpi("CAC", 100, 100, 0)],
    [t.npsSplit, kpi("NPSBREAKDOWN", column("survey", 1))],
    [t.channels, kpi("BREAKDOWN", column("orders", 3), column("orders", 5))],
  ];
  const local = (formats: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(formats).map(([range, format]) => [range, localPattern(format, lang)]));
  // Column B shows each formula as users type it in their language: `;` between arguments in French.
  const shown = (formula: string): string => (lang === "fr" ? formulaToFrench(formula) : formula).slice(1);
  return {
    name: "KPIs",
    columnWidths: { 0: 300, 1: 320, 2: 110, 3: 110, 4: 90, 5: 90 },
    columnFormats: { 2: "#,##0.00" },
    // Rows follow `rows` above: 2 CAC … 12 BREAKDOWN; the spills' cells get formats too.
    rangeFormats: local({
      C3: "0.0",
      C4: "0.0%",
      C6: "0.0%",
      C7: "0.0%",
      C8: "0.0",
      "C11:E11": "0.0%",
      F11: "0",
      "D12:D30": "#,##0.00",
      "E12:E30": "0.0%",
    }),
    // The formula is shown as text next to its result (without "=", so it stays text); the error row only shows it.
    rows: [
      [...t.title],
      ...rows.map(([label, formula]) => [label, shown(formula), label === t.error ? null : formula]),
    ],
  };
}
