import { excelId, isRangeKind, KPIS, type AnyKpi } from "../../core/index.js";

/**
 * Emits Excel's custom-functions metadata (functions.json) from the registry: nothing about a function is
 * written by hand. Limits follow the custom-functions naming rules: ids and names start with a letter and have
 * 3 to 128 characters, ids use A–Z, 0–9, `.` and `_`, names any letter, digits, `.` and `_`; Excel's function and
 * argument help is cut at 255 characters.
 */

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9._]{2,127}$/;
export const NAME_PATTERN = /^\p{L}[\p{L}0-9._]{2,127}$/u;
export const MAX_DESCRIPTION = 255;

export type Lang = "en" | "fr";

export interface ParameterMetadata {
  name: string;
  description: string;
  type: "any";
  dimensionality: "scalar" | "matrix";
  optional?: true;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: ParameterMetadata[];
  result: { dimensionality: "matrix" };
  options: { requiresParameterAddresses: true };
}

/**
 * Shortens a description to Excel's limit at a sentence, else a word, boundary. The full text stays in the
 * registry, the pane and the docs.
 */
export function fitDescription(text: string, max = MAX_DESCRIPTION): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const sentence = head.lastIndexOf(". ");
  if (sentence >= max / 2) return head.slice(0, sentence + 1);
  const word = head.slice(0, max - 1).lastIndexOf(" ");
  return `${head.slice(0, word > 0 ? word : max - 1).trimEnd()}…`;
}

export function functionMetadata(kpi: AnyKpi, lang: Lang): FunctionMetadata {
  return {
    id: excelId(kpi.id),
    name: excelId(kpi.id),
    description: fitDescription(kpi.description[lang]),
    parameters: kpi.params.map((param) => ({
      name: param.name,
      description: fitDescription(param.description[lang]),
      // "any" lets text, numbers, booleans and blanks through untouched: the core's coercion decides.
      type: "any",
      dimensionality: isRangeKind(param.kind) ? "matrix" : "scalar",
      ...(param.optional ? { optional: true as const } : {}),
    })),
    // The addresses let the adapter tell Excel desktop's invented zeros from real ones. Excel gives them only
    // to functions whose result is declared a matrix (requiresParameterAddresses in the functions.json
    // reference), so every function is one: a single value goes back as a 1×1 matrix, which shows as a value.
    result: { dimensionality: "matrix" },
    options: { requiresParameterAddresses: true },
  };
}

export function functionsJson(lang: Lang = "en", kpis: readonly AnyKpi[] = KPIS): string {
  // Lets "any" results be data types (CustomFunctionsRuntime 1.4): numbers that carry their unit's format
  // (addin/formatted.ts). Excel versions without data types ignore it and get plain numbers.
  const metadata = { allowCustomDataForDataTypeAny: true, functions: kpis.map((kpi) => functionMetadata(kpi, lang)) };
  return `${JSON.stringify(metadata, null, 2)}\n`;
}
