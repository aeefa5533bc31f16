/** The dashboard's pure planning surface: what the pane, the executors and the playground import. */
export * from "../plan/plan.js";
export * from "../plan/a1.js";
export * from "./detect.js";
export * from "../plan/formula.js";
export * from "./sample-data.js";
export * from "./build.js";
export * from "./evaluate.js";
export * from "./chart.js";
