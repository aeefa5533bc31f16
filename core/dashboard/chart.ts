import { parseAddress, rangeName, cellName } from "../plan/a1.js";
import type { ChartSpec, ChartType, PlanValue, WorkbookPlan } from "../plan/plan.js";

export interface ChartRequest {
  /** Sheet of the selection. */
  readonly sheet: string;
  /** Sheet-qualified or local address of the selected data. */
  readonly address: string;
  readonly values: PlanValue[][];
  /** The table around the selection (current region): the chart goes to its right so it covers no data. */
  readonly regionAddress?: string;
  readonly type: ChartType;
  readonly title: string;
}

const isText = (cell: PlanValue | undefined): boolean => typeof cell === "string" && cell.trim() !== "";
const isNumber = (cell: PlanValue | undefined): cell is number => typeof cell === "number";

/** Serials of 1970-01-01 and 2100-01-01: whole numbers between them, in time order, read as dates. */
const FIRST_DATE = 25_569;
const LAST_DATE = 73_051;

/**
 * A first column of dates arrives as serial numbers (the plan sees values, not formats). Excel makes a
 * date-formatted first column the category axis; whole-day serials in increasing order are taken the same way,
 * so monthly revenue is plotted against its months rather than with them.
 */
function isDateColumn(rows: PlanValue[][]): boolean {
  let previous = -Infinity;
  for (const row of rows) {
    const cell = row[0];
    if (!isNumber(cell) || !Number.isInteger(cell) || cell < FIRST_DATE || cell > LAST_DATE || cell <= previous) {
      return false;
    }
    previous = cell;
  }
  return rows.length > 1;
}

/**
 * Guesses the shape of a selection: a header row when the first row is text over numbers, a label column
 * when the first column is text or dates (or the only non-numeric column), and a % axis when every value lies in
 * [-1, 1].
 */
export function chartShape(values: PlanValue[][]): { headerRow: boolean; labelColumn: boolean; axisFormat: string } {
  const first = values[0] ?? [];
  const body = values.slice(1);
  const headerRow =
    values.length > 1 && first.some(isText) && !first.some(isNumber) && body.some((row) => row.some(isNumber));
  const data = headerRow ? body : values;
  const labelColumn =
    (values[0]?.length ?? 0) > 1 &&
    data.length > 0 &&
    (data.every((row) => !isNumber(row[0]) || isText(row[0])) || isDateColumn(data));
  const numbers = data.flatMap((row) => (labelColumn ? row.slice(1) : row)).filter(isNumber);
  const percent = numbers.length > 0 && numbers.every((n) => Math.abs(n) <= 1);
  return { headerRow, labelColumn, axisFormat: percent ? "0%" : "#,##0" };
}

/**
 * A native chart over the selection, placed one column right of the data's region at the selection's top row:
 * the plan writes no cell, so the user's data is never touched.
 */
export function planChart(request: ChartRequest): WorkbookPlan {
  const { rect } = parseAddress(request.address);
  const region = request.regionAddress ? parseAddress(request.regionAddress).rect : rect;
  const right = Math.max(rect.col + rect.cols, region.col + region.cols);
  const shape = chartShape(request.values);
  const chart: ChartSpec = {
    id: `chart-${request.type}`,
    type: request.type,
    title: request.title,
    source: { sheet: request.sheet, range: rangeName(rect.row, rect.col, rect.rows, rect.cols) },
    seriesIn: "columns",
    headerRow: shape.headerRow,
    labelColumn: shape.labelColumn,
    ...(request.type === "doughnut" ? {} : { axisFormat: shape.axisFormat }),
    anchor: cellName(rect.row, right + 1),
    width: 480,
    height: 288,
  };
  return {
    sheets: [
      {
        name: request.sheet,
        mode: "existing",
        blocks: [],
        numberFormats: [],
        styles: [],
        conditionalFormats: [],
        charts: [chart],
      },
    ],
  };
}
