import { KPIS } from "./registry.js";
import type { AnyKpi, Text } from "./spec.js";

/**
 * The catalogue search of the pane (and of anything else that lists the KPIs): words in English or French against
 * each KPI's id, title, keywords, descriptions and parameters.
 */

type Lang = keyof Text;

/** Lower case without accents, so "rétention", "Retention" and "retention" are one word. */
export const fold = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

interface Indexed {
  readonly kpi: AnyKpi;
  readonly id: string;
  readonly keywords: string[];
  readonly title: Record<Lang, string>;
  /** The words of both titles, split once (the same separators as a query's words). */
  readonly titleWords: ReadonlySet<string>;
  readonly description: Record<Lang, string>;
  readonly params: string;
}

/** What separates words, in a query and in a title (spaces, apostrophes, brackets, colons, commas, hyphens). */
const WORD_BREAK = /[\s'():,-]+/;

let index: Indexed[] | undefined;

function catalogueIndex(): Indexed[] {
  index ??= KPIS.map((kpi) => ({
    kpi,
    id: kpi.id.toLowerCase(),
    keywords: (kpi.keywords ?? []).map(fold),
    title: { en: fold(kpi.title.en), fr: fold(kpi.title.fr) },
    titleWords: new Set(`${fold(kpi.title.en)} ${fold(kpi.title.fr)}`.split(WORD_BREAK)),
    description: { en: fold(kpi.description.en), fr: fold(kpi.description.fr) },
    params: kpi.params.map((p) => `${fold(p.name)} ${fold(p.description.en)} ${fold(p.description.fr)}`).join(" "),
  }));
  return index;
}

/**
 * Finds KPIs for words in English or French. Every word must appear somewhere (id, title, keywords, descriptions
 * in both languages, parameter names); the id, the title and whole keyword phrases weigh most, so "churn" puts
 * CHURN before LTVCHURN and "panier moyen" finds AOV. An empty query lists the whole catalogue in registry order.
 */
export function searchKpis(query: string, lang: Lang = "en"): AnyKpi[] {
  const q = fold(query)
    .trim()
    .replace(/\s+/g, " ")
    .replace(/^=?kpi[._]/, "");
  if (!q) return [...KPIS];
  const words = q.split(WORD_BREAK).filter(Boolean);
  const other: Lang = lang === "en" ? "fr" : "en";
  const scored: { kpi: AnyKpi; score: number; order: number }[] = [];
  catalogueIndex().forEach((entry, order) => {
    let score = 0;
    // The exact name comes first, whatever else matches ("nps" is NPS before NPSBREAKDOWN, whose title says NPS).
    if (entry.id === q) score += 1000;
    if (entry.title[lang] === q || entry.title[other] === q) score += 60;
    else if (entry.title[lang].includes(q) || entry.title[other].includes(q)) score += 20;
    for (const keyword of entry.keywords) {
      if (keyword === q) score += 50;
      else if (keyword.includes(q)) score += 25;
    }
    if (entry.description[lang].includes(q)) score += 10;
    if (entry.description[other].includes(q)) score += 6;
    for (const word of words) {
      let found = 0;
      if (entry.id.includes(word)) found += 8;
      if (entry.titleWords.has(word)) found += 6;
      if (entry.keywords.some((k) => k.split(/[\s'-]+/).includes(word))) found += 6;
      else if (entry.keywords.some((k) => k.includes(word))) found += 3;
      if (entry.description[lang].includes(word) || entry.description[other].includes(word)) found += 2;
      if (entry.params.includes(word)) found += 1;
      if (found === 0) return;
      score += found;
    }
    scored.push({ kpi: entry.kpi, score, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.kpi);
}
