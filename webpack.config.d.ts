import type { Configuration } from "webpack";

/** Types of webpack.config.js for scripts that drive webpack through its Node API (scripts/serve-addin.ts). */
declare const makeConfigs: (
  env?: Record<string, unknown>,
  argv?: { mode?: "production" | "development" },
) => Promise<Configuration[]>;
export default makeConfigs;
