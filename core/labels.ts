import { keyOf } from "./coerce.js";
import { fail } from "./errors.js";

/** Normalised won/lost labels; the same label for both would make every deal both, so it is refused. */
export function distinctLabels(wonLabel: string, lostLabel: string): [string, string] {
  const won = keyOf(wonLabel.trim());
  const lost = keyOf(lostLabel.trim());
  if (won === lost) throw fail.value(`wonLabel and lostLabel are both "${wonLabel}"`);
  return [won, lost];
}
