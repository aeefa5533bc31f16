/** Fluent-like look: Segoe UI, neutral greys, the Office blue for primary actions. Injected as a style sheet. */
export const PANE_CSS = `
.kpi-pane { font: 13px/1.45 "Segoe UI", "Segoe UI Web (West European)", -apple-system, Roboto, Arial, sans-serif;
  color: #242424; background: #fff; padding: 0 12px 16px; box-sizing: border-box; }
.kpi-pane * { box-sizing: border-box; }
.kpi-pane header { display: flex; align-items: center; justify-content: space-between; padding: 10px 0 6px; }
.kpi-pane h1 { font-size: 18px; font-weight: 600; margin: 0; color: #0f6cbd; }
.kpi-pane h2 { font-size: 14px; font-weight: 600; margin: 14px 0 6px; }
.kpi-pane h3 { font-size: 13px; font-weight: 600; margin: 10px 0 4px; }
.kpi-pane p { margin: 4px 0 8px; }
.kpi-pane .muted { color: #616161; }
.kpi-pane nav { display: flex; gap: 2px; border-bottom: 1px solid #e0e0e0; margin-bottom: 10px; }
.kpi-pane nav button { border: 0; background: none; padding: 8px 10px; font: inherit; color: #424242; cursor: pointer;
  border-bottom: 2px solid transparent; }
.kpi-pane nav button[aria-selected="true"] { color: #0f6cbd; border-bottom-color: #0f6cbd; font-weight: 600; }
.kpi-pane input, .kpi-pane select { font: inherit; padding: 5px 8px; border: 1px solid #d1d1d1; border-radius: 4px;
  background: #fff; width: 100%; }
.kpi-pane input:focus, .kpi-pane select:focus { outline: 2px solid #0f6cbd; outline-offset: -1px; }
.kpi-pane button.primary, .kpi-pane button.secondary { font: inherit; border-radius: 4px; padding: 6px 12px;
  cursor: pointer; margin: 4px 0; }
.kpi-pane button.primary { background: #0f6cbd; color: #fff; border: 1px solid #0f6cbd; font-weight: 600; }
.kpi-pane button.primary:hover { background: #115ea3; }
.kpi-pane button.secondary { background: #fff; color: #242424; border: 1px solid #d1d1d1; }
.kpi-pane button.secondary:hover { background: #f5f5f5; }
.kpi-pane button:disabled { opacity: 0.5; cursor: default; }
.kpi-pane ul.results { list-style: none; margin: 6px 0; padding: 0; }
.kpi-pane ul.results li button { display: block; width: 100%; text-align: left; border: 0; background: none; font: inherit;
  padding: 6px 4px; border-bottom: 1px solid #f0f0f0; cursor: pointer; }
.kpi-pane ul.results li button:hover { background: #f5f5f5; }
.kpi-pane code, .kpi-pane .name { font-family: Consolas, "Courier New", monospace; font-weight: 600; color: #0f6cbd; }
.kpi-pane .title { font-weight: 600; }
.kpi-pane .param { border: 1px solid #e0e0e0; border-radius: 4px; padding: 6px 8px; margin: 6px 0; }
.kpi-pane .param .row { display: flex; gap: 6px; align-items: center; margin-top: 4px; }
.kpi-pane .param .row input { flex: 1; }
.kpi-pane .param .row button { white-space: nowrap; margin: 0; }
.kpi-pane .preview { background: #f5f5f5; border-radius: 4px; padding: 8px; font-family: Consolas, monospace; overflow-x: auto; }
.kpi-pane .preview.error { background: #fde7e9; color: #a4262c; }
.kpi-pane table { border-collapse: collapse; width: 100%; }
.kpi-pane td, .kpi-pane th { border-bottom: 1px solid #f0f0f0; padding: 3px 4px; text-align: left; }
.kpi-pane .status { min-height: 18px; margin: 6px 0; }
.kpi-pane .status.error { color: #a4262c; }
.kpi-pane .shortcut { margin: 8px 0 12px; padding-bottom: 10px; border-bottom: 1px solid #edebe9; }
.kpi-pane .badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 11px; font-weight: 600; }
.kpi-pane .badge.WARN { background: #fff4ce; color: #8a6100; }
.kpi-pane .badge.ALERT { background: #fde7e9; color: #a4262c; }
.kpi-pane .badge.OK { background: #dff6dd; color: #107c10; }
.kpi-pane .mapping { border: 1px solid #e0e0e0; border-radius: 4px; padding: 6px 8px; margin: 6px 0; }
.kpi-pane .mapping label { display: grid; grid-template-columns: 45% 55%; align-items: center; margin: 3px 0; }
.kpi-pane label.field { display: block; margin: 6px 0; }
`;
