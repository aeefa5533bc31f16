import { seededRandom } from "../../core/numeric/random.js";

/** A seeded generator (core/numeric/random.ts) so that every random dataset can be replayed from its seed. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

export function seeded(seed: number): Rng {
  const next = seededRandom(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as never,
    chance: (p) => next() < p,
  };
}

/** The same label in the spellings users type: other case, stray spaces. */
export function respell(rng: Rng, label: string): string {
  const cased = rng.pick([label, label.toUpperCase(), label.toLowerCase()]);
  return rng.chance(0.2) ? ` ${cased}  ` : cased;
}

/** White space exports carry around labels: ASCII spaces and tabs, no-break, thin and ideographic spaces. */
export const PADDING = [" ", "  ", "\t", "\u00a0", "\u2009", "\u202f", "\u3000"] as const;
