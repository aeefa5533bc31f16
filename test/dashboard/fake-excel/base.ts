/** What every proxy of the fake shares: Office.js's rule that a property is read only after load() and sync(). */

export type Queue = (() => void)[];

export class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

export class Loadable {
  protected loaded = false;
  protected requested = false;
  load(_props?: string): this {
    this.requested = true;
    return this;
  }
  /** Called by sync for objects whose load was requested. */
  resolve(): void {
    if (this.requested) this.loaded = true;
  }
  protected check(what: string): void {
    if (!this.loaded) throw new NotLoaded(what);
  }
}
