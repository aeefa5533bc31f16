import { keyOf } from "./coerce.js";
import { fail, quoteIn } from "./errors.js";
import type { Text } from "./spec.js";

/**
 * The won/lost labels of WINRATE and SALESCYCLE. A label the user passes keeps its exact meaning (compared
 * trimmed and case-insensitively, as every label). A label left out takes the default, which reads an outcome
 * column in either language: "Won", "Gagné" or "Gagnée" is won, "Lost", "Perdu" or "Perdue" is lost, also
 * without accents ("gagne"), since French CRM exports are often typed or stripped of them.
 */

const DEFAULT_WON = ["Won", "Gagné", "Gagnée"] as const;
const DEFAULT_LOST = ["Lost", "Perdu", "Perdue"] as const;

/** A label compared without case or accents: the default labels' comparison. */
const plain = (label: string): string => keyOf(label.trim()).normalize("NFD").replace(/\p{M}/gu, "");

export interface OutcomeLabel {
  /** Whether an outcome, already keyed (trimmed and lower-cased by the readers), is this label. */
  readonly matches: (key: string) => boolean;
  /** The label as a cause names it: `"Won"`, or the default's spellings in the cause's language. */
  readonly named: Text;
}

/** One side's label: the user's own (exact), or undefined for the default in both languages. */
export function outcomeLabel(
  label: string | undefined,
  defaults: readonly [string, string, ...string[]],
): OutcomeLabel {
  if (label !== undefined) {
    const key = keyOf(label.trim());
    return { matches: (k) => k === key, named: { en: quoteIn(label, "en"), fr: quoteIn(label, "fr") } };
  }
  const accepted = new Set(defaults.map(plain));
  // Outcome columns hold a handful of distinct values: each is normalised once, not once per row.
  const seen = new Map<string, boolean>();
  return {
    matches: (k) => {
      let found = seen.get(k);
      if (found === undefined) {
        found = accepted.has(plain(k));
        seen.set(k, found);
      }
      return found;
    },
    named: { en: quoteIn(defaults[0], "en"), fr: `${quoteIn(defaults[1], "fr")} (ou ${quoteIn(defaults[0], "fr")})` },
  };
}

export const wonLabelOf = (label: string | undefined): OutcomeLabel => outcomeLabel(label, DEFAULT_WON);

/**
 * Won and lost labels; one outcome counted as both would make every such deal both, so labels that meet are
 * refused (the same label twice, or a label given that is one of the other side's default spellings).
 */
export function distinctLabels(
  wonLabel: string | undefined,
  lostLabel: string | undefined,
): { won: OutcomeLabel; lost: OutcomeLabel; named: Text } {
  const won = wonLabelOf(wonLabel);
  const lost = outcomeLabel(lostLabel, DEFAULT_LOST);
  const clash = [wonLabel, lostLabel, ...DEFAULT_WON, ...DEFAULT_LOST].find(
    (label) => label !== undefined && won.matches(keyOf(label.trim())) && lost.matches(keyOf(label.trim())),
  );
  if (clash !== undefined)
    throw fail.value({
      en: `wonLabel and lostLabel are both "${clash}"`,
      fr: `wonLabel et lostLabel valent tous deux ${quoteIn(clash, "fr")}`,
    });
  return {
    won,
    lost,
    named: { en: `${won.named.en} or ${lost.named.en}`, fr: `${won.named.fr} ni ${lost.named.fr}` },
  };
}
