import { describe, expect, it, vi } from "vitest";
import { debounce, forgetWork, loadWork, saveWork } from "../../playground/storage.js";

/** A browser Storage kept in a Map; `quota` makes setItem throw as a full localStorage does. */
function memoryStorage(quota = Infinity): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      if (value.length > quota) throw new DOMException("quota exceeded", "QuotaExceededError");
      items.set(key, value);
    },
  };
}

const chart = {
  sheet: "Dashboard",
  spec: { id: "c1", title: "Revenue" } as never,
  at: { x: 120, y: 40 },
};

describe("the work kept across reloads", () => {
  it("gives back the workbook and charts saved for a language, and nothing for the other", () => {
    const storage = memoryStorage();
    expect(saveWork("fr", { workbook: { id: "kpi-playground" }, charts: [chart] }, storage)).toBe(true);
    expect(loadWork("fr", storage)).toEqual({ version: 1, workbook: { id: "kpi-playground" }, charts: [chart] });
    expect(loadWork("en", storage)).toBeUndefined();
  });

  it("forgets the work on reset", () => {
    const storage = memoryStorage();
    saveWork("en", { workbook: {}, charts: [] }, storage);
    forgetWork("en", storage);
    expect(loadWork("en", storage)).toBeUndefined();
  });

  it("opens the samples rather than fail on an unreadable or foreign entry", () => {
    const storage = memoryStorage();
    storage.setItem("kpi-playground:work:en", "{not json");
    expect(loadWork("en", storage)).toBeUndefined();
    storage.setItem("kpi-playground:work:en", JSON.stringify({ version: 2, workbook: {} }));
    expect(loadWork("en", storage)).toBeUndefined();
  });

  it("says so when the storage is full, keeping the previous save", () => {
    const storage = memoryStorage(200);
    expect(saveWork("en", { workbook: { a: 1 }, charts: [] }, storage)).toBe(true);
    expect(saveWork("en", { workbook: { big: "x".repeat(500) }, charts: [] }, storage)).toBe(false);
    expect(loadWork("en", storage)?.workbook).toEqual({ a: 1 });
  });

  it("saves once after a burst of changes", () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const later = debounce(run, 400);
    later();
    vi.advanceTimersByTime(300);
    later();
    vi.advanceTimersByTime(300);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
