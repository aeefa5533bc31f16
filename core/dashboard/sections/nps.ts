import { rangeName } from "../../plan/a1.js";
import { kpiFormula } from "../../plan/formula.js";
import { fragment, HELPER_COL, type Fragment } from "../layout.js";
import { roleRange } from "../tables.js";
import type { SectionContext } from "./context.js";
import { kpiNumberFormat } from "../../format/kpi-formats.js";

/** NPSBREAKDOWN's columns: promoter, passive and detractor shares, responses. */
const WIDTH = 4;
const SHARES = 3;

/** The NPS breakdown as one spilled row under its header, drawn as a 100 % stacked bar of the three shares. */
export function npsSection(ctx: SectionContext, top: number): Fragment | null {
  const survey = ctx.tableOf("survey");
  const scores = survey && roleRange(survey, "score");
  if (!scores) return null;
  const { L } = ctx;
  return fragment({
    rows: 2,
    blocks: [
      {
        range: rangeName(top, HELPER_COL, 2, WIDTH),
        kind: "formulas",
        cells: [[...L.npsHeader], [kpiFormula(ctx.syntax, "NPSBREAKDOWN", [{ ref: scores }]), "", "", ""]],
      },
    ],
    numberFormats: [
      { range: rangeName(top + 1, HELPER_COL, 1, SHARES), format: kpiNumberFormat("NPSBREAKDOWN", ctx.lang, 0, WIDTH) },
    ],
    styles: [{ range: rangeName(top, HELPER_COL, 1, WIDTH), bold: true }],
    charts: [
      {
        id: "nps-breakdown",
        type: "stacked100",
        title: L.nps,
        source: { range: rangeName(top, HELPER_COL, 2, SHARES) },
        seriesIn: "columns",
        headerRow: true,
        labelColumn: false,
        axisFormat: "0%",
      },
    ],
  });
}
