import { KPIS, KpiDate, publicName, type AnyKpi, type Category, type ParamSpec } from "../core/index.js";
import { GENERAL_FORMAT, numberFormatOf, UNIT_NAMES, type Unit } from "../core/format/units.js";

/**
 * Renders the function reference from the registry. Nothing here is written per function: the docs can
 * only say what the registry says, so they cannot drift from the code.
 */

export type Lang = "en" | "fr";

const CATEGORY_TITLES: Record<Category, Record<Lang, string>> = {
  acquisition: { en: "Acquisition and funnel", fr: "Acquisition et entonnoir" },
  revenue: { en: "Revenue", fr: "Chiffre d'affaires" },
  retention: { en: "Retention and value", fr: "Rétention et valeur client" },
  satisfaction: { en: "Satisfaction", fr: "Satisfaction" },
  targets: { en: "Targets and alerts", fr: "Objectifs et alertes" },
  analysis: { en: "Analysis", fr: "Analyse" },
  time: { en: "Time and forecasting", fr: "Périodes et prévisions" },
  value: { en: "Customer value", fr: "Valeur client" },
};

const WORDS = {
  title: { en: "KPI function reference", fr: "Référence des fonctions KPI" },
  generated: {
    en: "Generated from the registry by `npm run gen`; do not edit. Excel name `KPI.NAME`, Google Sheets name `KPI_NAME`, same arguments in the same order.",
    fr: "Généré depuis le registre par `npm run gen` ; ne pas modifier. Nom Excel `KPI.NOM`, nom Google Sheets `KPI_NOM`, mêmes arguments dans le même ordre.",
  },
  other: {
    en: "Version française : [fonctions.md](fonctions.md)",
    fr: "English version: [functions.md](functions.md)",
  },
  formula: { en: "Formula", fr: "Formule" },
  argument: { en: "Argument", fr: "Argument" },
  description: { en: "Description", fr: "Description" },
  optional: { en: "optional", fr: "facultatif" },
  default: { en: "default", fr: "par défaut" },
  examples: { en: "Examples", fr: "Exemples" },
  result: { en: "Result", fr: "Résultat" },
  spill: { en: "spills a table", fr: "renvoie un tableau (débordement)" },
  sheets: { en: "in Google Sheets", fr: "dans Google Sheets" },
} as const;

/** A host value as it would be typed in a formula: arrays as `{a,b;c,d}` literals. */
export function literal(value: unknown): string {
  if (Array.isArray(value)) {
    const rows = value.every((row) => Array.isArray(row)) ? (value as unknown[][]) : [value];
    return `{${rows.map((row) => row.map(literal).join(",")).join(";")}}`;
  }
  if (typeof value === "string") return `"${value.replaceAll('"', '""')}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof KpiDate) return `DATE(${isoOf(value.serial)})`;
  if (typeof value === "number") return String(Number(value.toPrecision(12)));
  return "";
}

const isoOf = (serial: number): string => {
  const d = new Date(Math.round((serial - 25_569) * 86_400_000));
  return `${d.getUTCFullYear()},${d.getUTCMonth() + 1},${d.getUTCDate()}`;
};

export const excelName = (kpi: AnyKpi): string => publicName("excel", kpi.id);
export const sheetsName = (kpi: AnyKpi): string => publicName("sheets", kpi.id);

const signature = (kpi: AnyKpi, name: string): string =>
  `${name}(${kpi.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;

const cellText = (text: string): string => text.replaceAll("|", "\\|");

function paramRow(p: ParamSpec, lang: Lang): string {
  const notes: string[] = [];
  if (p.optional) notes.push(WORDS.optional[lang]);
  if (p.default !== undefined) notes.push(`${WORDS.default[lang]} ${literal(p.default)}`);
  const suffix = notes.length ? ` (${notes.join(", ")})` : "";
  return `| \`${p.name}\` | ${cellText(p.description[lang])}${suffix} |`;
}

/** The unit of the result (of each column of a spill) and the number format the hosts give it. */
function resultUnits(kpi: AnyKpi, lang: Lang): string {
  const units: readonly Unit[] = typeof kpi.unit === "string" ? [kpi.unit] : kpi.unit;
  return units
    .map((unit) => {
      const code = numberFormatOf(unit, lang);
      return code === GENERAL_FORMAT ? UNIT_NAMES[unit][lang] : `${UNIT_NAMES[unit][lang]} (\`${code}\`)`;
    })
    .join(", ");
}

function renderKpi(kpi: AnyKpi, lang: Lang): string {
  const lines = [
    `### ${excelName(kpi)}`,
    "",
    // The title under the heading, not in it: the README links to the heading's anchor, made from the name alone.
    `**${kpi.title[lang]}**`,
    "",
    `\`${signature(kpi, excelName(kpi))}\` · \`${sheetsName(kpi)}\` ${WORDS.sheets[lang]}${kpi.result === "spill" ? ` · ${WORDS.spill[lang]}` : ""}`,
    "",
    kpi.description[lang],
    "",
    `${WORDS.formula[lang]}: \`${kpi.formula}\``,
    "",
    `${WORDS.result[lang]}: ${resultUnits(kpi, lang)}`,
    "",
    `| ${WORDS.argument[lang]} | ${WORDS.description[lang]} |`,
    "| --- | --- |",
    ...kpi.params.map((p) => paramRow(p, lang)),
    "",
    `${WORDS.examples[lang]}:`,
    "",
    ...kpi.examples.map(
      (e) =>
        `- \`=${excelName(kpi)}(${e.args.map(literal).join(", ")})\` → \`${typeof e.result === "string" ? e.result : literal(e.result)}\``,
    ),
    "",
  ];
  return lines.join("\n");
}

export function renderReference(lang: Lang): string {
  const categories = [...new Set(KPIS.map((k) => k.category))];
  const parts = [`# ${WORDS.title[lang]}`, "", WORDS.generated[lang], "", WORDS.other[lang], ""];
  for (const category of categories) {
    parts.push(`## ${CATEGORY_TITLES[category][lang]}`, "");
    for (const kpi of KPIS.filter((k) => k.category === category)) parts.push(renderKpi(kpi, lang));
  }
  return `${parts.join("\n").trimEnd()}\n`;
}

/** The README's function list: one line per function, linking to the reference. */
export function renderReadmeList(): string {
  const rows = KPIS.map((kpi) => {
    const anchor = excelName(kpi)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
    return `| [\`${signature(kpi, excelName(kpi))}\`](docs/functions.md#${anchor}) | \`${sheetsName(kpi)}\` | ${cellText(firstSentence(kpi.description.en))} |`;
  });
  return ["| Excel | Google Sheets | What it computes |", "| --- | --- | --- |", ...rows].join("\n");
}

const firstSentence = (text: string): string => {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
};

export const README_START = "<!-- functions:start -->";
export const README_END = "<!-- functions:end -->";

/** README with the generated list between its markers; unchanged when the markers are missing. */
export function withReadmeList(readme: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start === -1 || end === -1 || end < start) return readme;
  return `${readme.slice(0, start + README_START.length)}\n\n${renderReadmeList()}\n\n${readme.slice(end)}`;
}
