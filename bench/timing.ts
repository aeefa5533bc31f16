/** How the benchmarks time code: medians of repeated runs, and two functions timed in alternation. */

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * Times two functions in alternation and returns their medians. Both are warmed up together and each repeat
 * swaps which runs first: run one after the other, two copies of the same loop measured 10% apart (whichever
 * was warmed first was slower), and a GC left over from building the data or another process meanwhile falls
 * on both alike.
 */
export function timeBoth(first: () => unknown, second: () => unknown, repeats: number): [number, number] {
  // Warm-up by time, not by count: small inputs need many runs before the optimising compiler takes over.
  const warmUntil = performance.now() + 600;
  for (let i = 0; i < 3 || performance.now() < warmUntil; i++) {
    first();
    second();
  }
  const a: number[] = [];
  const b: number[] = [];
  const time = (run: () => unknown, times: number[]): void => {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  };
  for (let i = 0; i < repeats; i++) {
    if (i % 2 === 0) {
      time(first, a);
      time(second, b);
    } else {
      time(second, b);
      time(first, a);
    }
  }
  return [median(a), median(b)];
}
