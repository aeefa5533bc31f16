/**
 * The echarts parts the chart panels draw with, registered once. Loaded by `import()` when the first chart opens:
 * echarts is a fifth of the playground's code and the first screen (the KPIs sheet) draws no chart.
 */
import { BarChart, FunnelChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  FunnelChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export const init = (element: HTMLElement): echarts.ECharts => echarts.init(element);
