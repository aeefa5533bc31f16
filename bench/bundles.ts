/** Sizes of what ships and the time to evaluate it from cold, each in a fresh `vm` context. */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

export interface BundleFigure {
  readonly workload: string;
  readonly file: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly coldEvalMs: number | null;
}

/** Globals the bundle may touch while loading (Excel registers its functions at load). */
const EXCEL_GLOBALS = (): Record<string, unknown> => ({
  CustomFunctions: {
    associate: () => undefined,
    Error: class {},
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  },
  Office: { onReady: () => Promise.resolve({}) },
});

function coldEval(source: string, globals: () => Record<string, unknown>): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = vm.createContext({ ...globals() });
    const start = performance.now();
    new vm.Script(source).runInContext(context);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2] as number;
}

export function bundleFigures(): BundleFigure[] {
  const files: { workload: string; file: string; globals?: () => Record<string, unknown> }[] = [
    { workload: "bundle:functions.js", file: "dist/addin/functions.js", globals: EXCEL_GLOBALS },
    { workload: "bundle:taskpane.js", file: "dist/addin/taskpane.js" },
    { workload: "bundle:Code.js", file: "dist/gas/Code.js", globals: () => ({}) },
  ];
  return files
    .filter(({ file }) => existsSync(file))
    .map(({ workload, file, globals }) => {
      const source = readFileSync(file);
      return {
        workload,
        file,
        rawBytes: source.length,
        gzipBytes: gzipSync(source).length,
        coldEvalMs: globals ? coldEval(source.toString("utf8"), globals) : null,
      };
    });
}
