import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { DIST_GAS } from "./build.js";

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

/** Offset of a zone at an instant as Apps Script's `Z` pattern gives it ("+0900", "-0800"). */
export function zonePattern(date: Date, timeZone: string): string {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(date)
      .find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? `${match[1]}${match[2]}${match[3]}` : "+0000";
}

const offsetMs = (time: number, timeZone: string): number => {
  const pattern = zonePattern(new Date(time), timeZone);
  const minutes = Number(pattern.slice(1, 3)) * 60 + Number(pattern.slice(3, 5));
  return (pattern.startsWith("-") ? -minutes : minutes) * 60_000;
};

/** The instant Sheets passes for a date cell: midnight of that day in the spreadsheet's zone. */
export function sheetMidnight(serial: number, timeZone: string): number {
  const wall = (serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY;
  return wall - offsetMs(wall - offsetMs(wall, timeZone), timeZone);
}

/** The day a Date shows as in the spreadsheet's zone, as a serial. */
export function sheetSerial(date: Date, timeZone: string): number {
  const time = date.getTime();
  return (time + offsetMs(time, timeZone)) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export interface SheetsSandbox {
  context: vm.Context;
  /** A Date made in the sandbox's realm, as Sheets would pass it. */
  date: (serial: number) => Date;
  /** Calls records of the Ui and HtmlService fakes. */
  log: string[];
  call(name: string, args: unknown[]): unknown;
}

export interface SheetsOptions {
  spreadsheetTimeZone: string;
  scriptTimeZone?: string;
  /** Extra stubs or overrides, e.g. a SpreadsheetApp that throws to simulate AuthMode.NONE. */
  globals?: Record<string, unknown>;
}

/** Fakes of the Apps Script services Code.js may touch; nothing of Node is reachable from the sandbox. */
function services(options: SheetsOptions, log: string[]): Record<string, unknown> {
  const menu = {
    addItem(label: string, handler: string) {
      log.push(`menu item ${label} -> ${handler}`);
      return menu;
    },
    addSeparator: () => menu,
    addToUi: () => log.push("menu added"),
  };
  const ui = {
    createAddonMenu: () => (log.push("createAddonMenu"), menu),
    createMenu: (title: string) => (log.push(`createMenu ${title}`), menu),
    showSidebar: (html: { title?: string }) => log.push(`showSidebar ${html.title ?? ""}`),
    showModelessDialog: (_html: unknown, title: string) => log.push(`showModelessDialog ${title}`),
  };
  const htmlOutput = (origin: string) => {
    const output = {
      title: "",
      origin,
      append(html: string) {
        log.push(`append ${html}`);
        return output;
      },
      appendUntrusted(text: string) {
        log.push(`appendUntrusted ${text}`);
        return output;
      },
      setTitle(title: string) {
        output.title = title;
        return output;
      },
      setWidth: () => output,
      setHeight: () => output,
    };
    return output;
  };
  return {
    SpreadsheetApp: {
      getActive: () => ({ getSpreadsheetTimeZone: () => options.spreadsheetTimeZone }),
      getUi: () => ui,
    },
    Session: {
      getScriptTimeZone: () => options.scriptTimeZone ?? "Etc/UTC",
      getActiveUserLocale: () => "en",
    },
    Utilities: {
      formatDate(date: Date, timeZone: string, pattern: string) {
        if (pattern !== "Z") throw new Error(`fake Utilities.formatDate only knows the Z pattern, got ${pattern}`);
        return zonePattern(new Date(date.getTime()), timeZone);
      },
    },
    HtmlService: {
      createHtmlOutput: (html = "") => (log.push(`createHtmlOutput ${html}`), htmlOutput("inline")),
      createHtmlOutputFromFile: (file: string) => (log.push(`createHtmlOutputFromFile ${file}`), htmlOutput(file)),
    },
    ...options.globals,
  };
}

export const STUB_NAMES = ["SpreadsheetApp", "Session", "Utilities", "HtmlService"];

/** Runs the BUILT Code.js as a classic script in a fresh context with only the Apps Script fakes. */
export function loadCodeJs(options: SheetsOptions): SheetsSandbox {
  const log: string[] = [];
  const context = vm.createContext(services(options, log));
  vm.runInContext(readFileSync(path.join(DIST_GAS, "Code.js"), "utf8"), context, { filename: "Code.js" });
  const SandboxDate = vm.runInContext("Date", context) as DateConstructor;
  return {
    context,
    log,
    date: (serial) => new SandboxDate(sheetMidnight(serial, options.spreadsheetTimeZone)),
    call(name, args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== "function") throw new Error(`Code.js has no global function ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
  };
}
