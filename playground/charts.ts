import type * as echarts from "echarts/core";
import type { ChartSpec } from "../core/plan/plan.js";
import { chartOption, type ChartData } from "./chart-options.js";

export { chartData, chartOption, type ChartData } from "./chart-options.js";

/** echarts, loaded with the first chart (see echarts-setup.ts): shared by every panel. */
let drawing: Promise<typeof import("./echarts-setup.js")> | undefined;
const loadEcharts = () => (drawing ??= import(/* webpackChunkName: "charts" */ "./echarts-setup.js"));

interface PlacedChart {
  readonly sheet: string;
  readonly spec: ChartSpec;
  readonly frame: HTMLElement;
  /** Set once echarts has loaded; `data` waits there until then. */
  chart?: echarts.ECharts;
  data?: ChartData;
  /** Top-left in the sheet's own pixels (Univer's cell coordinates, headers included, before scrolling). */
  at: { x: number; y: number };
  /** Where the plan anchored it, for a chart moved into view: it goes back towards there when the grid grows. */
  anchor?: { x: number; y: number };
  /** Set once the user drags it: from then on it stays where they put it. */
  moved?: boolean;
}

/** A chart as the playground keeps it across reloads: where it is and what it draws. */
export interface SavedChart {
  readonly sheet: string;
  readonly spec: ChartSpec;
  readonly at: { x: number; y: number };
}

/** Room kept between a chart opened in view and the edges of the cell area. */
const MARGIN = 8;

/**
 * Where a chart anchored at `at` opens so that it is in the visible cell area: where it is when it fits, else moved
 * left just enough (never past the area's left edge), and down below the top edge when its anchor is scrolled above
 * it. A chart anchored below the visible rows stays there: moving it up would lay the charts of a dashboard, which
 * are stacked one under the other, over each other. `view` is the area in the sheet's pixels.
 */
export function placeInView(
  at: { x: number; y: number },
  size: { width: number },
  view: { x: number; y: number; width: number; height: number },
): { x: number; y: number } {
  const fit = (start: number, length: number, from: number, span: number): number =>
    Math.max(from + MARGIN, Math.min(start, from + span - length - MARGIN));
  return { x: fit(at.x, size.width, view.x, view.width), y: Math.max(at.y, view.y + MARGIN) };
}

/** The sheet's frame of reference: where its cells start on the canvas, and how far it is scrolled. */
export interface GridView {
  /** Width of the row headers and height of the column headers: where cell A1 starts. */
  readonly headers: { readonly x: number; readonly y: number };
  readonly scroll: { readonly x: number; readonly y: number };
}

/**
 * Univer's open-source sheets have no charts, so plan charts float over the grid in panels drawn by echarts.
 * A panel is pinned to its anchor cell and moves with the sheet as it scrolls, clipped to the cell area like
 * a native chart; it shows only while its sheet is active, and can be dragged or closed.
 */
export class ChartLayer {
  private readonly charts: PlacedChart[] = [];
  private readonly layer: HTMLElement;
  private view: GridView = { headers: { x: 0, y: 0 }, scroll: { x: 0, y: 0 } };

  /** Called after a chart is added, moved or closed, so that the page can keep the layout. */
  onChange: () => void = () => undefined;

  /** `locale` formats the axis numbers (a BCP 47 tag: "en-US", "fr-FR"). */
  constructor(
    private readonly container: HTMLElement,
    private readonly locale = "en-US",
  ) {
    this.layer = container.ownerDocument.createElement("div");
    this.layer.className = "kpi-chart-layer";
  }

  /** Univer renders into the same container after start-up and drops what it finds there: attach late. */
  private attach(): void {
    if (!this.layer.isConnected) this.container.append(this.layer);
  }

  /**
   * Adds (or replaces, by sheet and id) a chart whose top-left is at `at`, in the sheet's pixels. With `inView`, an
   * anchor outside the visible cell area (off to the right, under the pane) is moved into it.
   */
  place(sheet: string, spec: ChartSpec, at: { x: number; y: number }, inView = false): void {
    const anchor = inView ? at : undefined;
    if (inView) at = placeInView(at, spec, this.visibleArea());
    this.remove((c) => c.sheet === sheet && c.spec.id === spec.id);
    const doc = this.container.ownerDocument;
    const frame = doc.createElement("section");
    frame.className = "kpi-chart";
    frame.dataset.chartId = spec.id;
    frame.dataset.sheet = sheet;
    frame.setAttribute("aria-label", spec.title);
    frame.style.width = `${spec.width}px`;
    const bar = doc.createElement("header");
    const title = doc.createElement("span");
    // The grip says the bar is a handle: the panel moves by dragging it.
    title.textContent = `⠿ ${spec.title}`;
    bar.title = "Drag to move";
    const close = doc.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.title = "Close";
    close.addEventListener("click", () => this.remove((c) => c.frame === frame));
    bar.append(title, close);
    const body = doc.createElement("div");
    Object.assign(body.style, { width: `${spec.width}px`, height: `${spec.height}px` });
    frame.append(bar, body);
    this.attach();
    this.layer.append(frame);
    const placed: PlacedChart = anchor ? { sheet, spec, frame, at, anchor } : { sheet, spec, frame, at };
    draggable(
      bar,
      (dx, dy) => {
        placed.moved = true;
        placed.at = { x: placed.at.x + dx, y: placed.at.y + dy };
        this.position(placed);
      },
      () => this.onChange(),
    );
    this.charts.push(placed);
    this.position(placed);
    void loadEcharts().then(({ init }) => {
      if (!frame.isConnected) return;
      placed.chart = init(body);
      if (placed.data) placed.chart.setOption(chartOption(spec, placed.data, this.locale), true);
    });
    this.onChange();
  }

  /** The charts as they stand, to be placed again after a reload. */
  saved(): SavedChart[] {
    return this.charts.map(({ sheet, spec, at }) => ({ sheet, spec, at }));
  }

  /** The visible cell area in the sheet's pixels (headers included, scroll added), as the layer clips it. */
  private visibleArea(): { x: number; y: number; width: number; height: number } {
    this.fitLayer();
    const { headers, scroll } = this.view;
    return {
      x: headers.x + scroll.x,
      y: headers.y + scroll.y,
      width: this.layer.clientWidth || 600,
      height: this.layer.clientHeight || 400,
    };
  }

  /**
   * Places again, after the grid changed size (the pane hidden or shown, the window resized), the charts that were
   * moved into view and that the user has not dragged since: as near their plan anchor as the visible area allows.
   */
  refit(): void {
    const view = this.visibleArea();
    for (const placed of this.charts) {
      if (!placed.anchor || placed.moved || placed.frame.hidden) continue;
      placed.at = placeInView(placed.anchor, placed.spec, view);
      this.position(placed);
    }
  }

  /** Follows the active sheet's headers and scroll position. */
  setView(view: GridView): void {
    this.view = view;
    this.fitLayer();
    for (const placed of this.charts) this.position(placed);
  }

  /** Redraws every chart from fresh data (after a recalculation). */
  update(read: (sheet: string, spec: ChartSpec) => ChartData | null): void {
    for (const placed of this.charts) {
      const data = read(placed.sheet, placed.spec);
      if (!data) continue;
      placed.data = data;
      placed.chart?.setOption(chartOption(placed.spec, data, this.locale), true);
      // How many numbers the chart draws: lets a test (or a curious user) see it is not empty.
      placed.frame.dataset.points = String(data.series.flatMap((x) => x.values).filter((v) => v !== null).length);
    }
  }

  /** Shows the charts of the active sheet only. */
  showSheet(sheet: string): void {
    for (const c of this.charts) c.frame.hidden = c.sheet !== sheet;
  }

  removeSheet(sheet: string): void {
    this.remove((c) => c.sheet === sheet);
  }

  count(sheet?: string): number {
    return this.charts.filter((c) => sheet === undefined || c.sheet === sheet).length;
  }

  private position(placed: PlacedChart): void {
    const { headers, scroll } = this.view;
    placed.frame.style.left = `${placed.at.x - headers.x - scroll.x}px`;
    placed.frame.style.top = `${placed.at.y - headers.y - scroll.y}px`;
  }

  /**
   * Lays the clipping layer over the cell area of Univer's main canvas (the largest one; the others are
   * rulers and overlays), below the column headers and right of the row headers.
   */
  private fitLayer(): void {
    this.attach();
    const canvases = Array.from(this.container.querySelectorAll("canvas"));
    const main = canvases.sort((a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight)[0];
    if (!main) return;
    this.watch(main);
    const outer = this.container.getBoundingClientRect();
    const inner = main.getBoundingClientRect();
    const { x, y } = this.view.headers;
    Object.assign(this.layer.style, {
      left: `${inner.left - outer.left + x}px`,
      top: `${inner.top - outer.top + y}px`,
      width: `${Math.max(0, inner.width - x)}px`,
      height: `${Math.max(0, inner.height - y)}px`,
    });
  }

  private watched?: HTMLCanvasElement;
  private observer?: ResizeObserver;

  /**
   * Univer resizes its canvas a few frames after the page's layout changes (the pane hidden or shown, the window
   * resized): the charts are fitted again when the canvas has its new size, not when the change began.
   */
  private watch(canvas: HTMLCanvasElement): void {
    if (this.watched === canvas || typeof ResizeObserver === "undefined") return;
    this.observer ??= new ResizeObserver(() => {
      this.refit();
      for (const placed of this.charts) this.position(placed);
    });
    if (this.watched) this.observer.unobserve(this.watched);
    this.observer.observe(canvas);
    this.watched = canvas;
  }

  private remove(match: (c: PlacedChart) => boolean): void {
    let removed = false;
    for (let i = this.charts.length - 1; i >= 0; i--) {
      const c = this.charts[i] as PlacedChart;
      if (!match(c)) continue;
      c.chart?.dispose();
      c.frame.remove();
      this.charts.splice(i, 1);
      removed = true;
    }
    if (removed) this.onChange();
  }
}

/** Calls `moved` with each pointer step while `handle` is dragged, and `dropped` when it is let go. */
function draggable(handle: HTMLElement, moved: (dx: number, dy: number) => void, dropped: () => void): void {
  handle.addEventListener("pointerdown", (down) => {
    if ((down.target as HTMLElement).tagName === "BUTTON") return;
    let last = { x: down.clientX, y: down.clientY };
    const move = (e: PointerEvent): void => {
      moved(e.clientX - last.x, e.clientY - last.y);
      last = { x: e.clientX, y: e.clientY };
    };
    const up = (): void => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      dropped();
    };
    handle.setPointerCapture(down.pointerId);
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
  });
}
