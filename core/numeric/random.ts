/**
 * mulberry32, a small seeded 32-bit generator: the same seed gives the same numbers on every machine, which the
 * sample workbook, the simulated forecast intervals, the SQL example and the tests' random data all rely on.
 * Not for anything secret.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const TWO_32 = 4_294_967_296;

/** Uniform numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  const bits = mulberry32(seed);
  return () => bits() / TWO_32;
}

/** Uniform numbers in the open interval (0, 1): half a step off zero, so that log(u) is always finite. */
export function seededOpenRandom(seed: number): () => number {
  const bits = mulberry32(seed);
  return () => (bits() + 0.5) / TWO_32;
}
