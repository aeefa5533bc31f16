import type { PaneHost } from "./host.js";

/** Placeholder until the pane lands: shows the host it is wired to. */
export class Pane {
  constructor(
    private readonly root: HTMLElement,
    private readonly host: PaneHost,
  ) {}

  start(): void {
    const heading = this.root.ownerDocument.createElement("h1");
    heading.textContent = `KPI (${this.host.name})`;
    this.root.replaceChildren(heading);
  }
}
