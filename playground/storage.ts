import type { SavedChart } from "./charts.js";

/**
 * The user's work kept across reloads in the browser's own storage (nothing leaves the page): the workbook as
 * Univer snapshots it and the chart panels. One entry per language: the samples differ by language.
 */
export interface SavedWork {
  readonly version: 1;
  readonly workbook: unknown;
  readonly charts: readonly SavedChart[];
}

const key = (lang: string): string => `kpi-playground:work:${lang}`;

export function loadWork(lang: string, storage: Storage = localStorage): SavedWork | undefined {
  try {
    const text = storage.getItem(key(lang));
    if (!text) return undefined;
    const saved = JSON.parse(text) as Partial<SavedWork>;
    if (saved.version !== 1 || typeof saved.workbook !== "object" || !saved.workbook) return undefined;
    return { version: 1, workbook: saved.workbook, charts: Array.isArray(saved.charts) ? saved.charts : [] };
  } catch {
    // Unreadable (another version, hand-edited): start from the samples rather than fail to open.
    return undefined;
  }
}

/** Saves, and says whether it could (a full storage quota keeps the previous save). */
export function saveWork(lang: string, work: Omit<SavedWork, "version">, storage: Storage = localStorage): boolean {
  try {
    storage.setItem(key(lang), JSON.stringify({ version: 1, ...work }));
    return true;
  } catch {
    return false;
  }
}

export function forgetWork(lang: string, storage: Storage = localStorage): void {
  storage.removeItem(key(lang));
}

/** Calls `run` once calls have stopped for `ms`: a burst of edits saves once. */
export function debounce(run: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, ms);
  };
}
