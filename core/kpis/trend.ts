import { fail } from "../errors.js";
import { finite } from "../math.js";
import { HORIZON, TIME_SERIES } from "../params.js";
import { defineKpi } from "../spec.js";
import { orient } from "../shape.js";

export const TREND = defineKpi({
  id: "TREND",
  category: "analysis",
  title: { en: "Linear trend forecast", fr: "Prévision par tendance linéaire" },
  description: {
    en: "Linear trend forecast: the next horizon values of the least-squares line through (position, value), as Excel's FORECAST.LINEAR. Blanks are skipped but keep their position. Fewer than 2 values is #N/A.",
    fr: "Prévision par tendance linéaire : les horizon valeurs suivantes de la droite des moindres carrés passant par (position, valeur), comme PREVISION.LINEAIRE d'Excel. Les vides sont ignorés mais gardent leur position. Moins de 2 valeurs donne #N/A.",
  },
  formula: "FORECAST.LINEAR(n + h, values, positions)",
  keywords: ["trend", "tendance", "forecast", "prévision", "régression linéaire", "projection"],
  params: [TIME_SERIES, HORIZON],
  result: "spill",
  unit: "value",
  examples: [{ args: [[[100, 110, 120, 130]], 2], result: [[140, 150]] }],
  compute: ({ values: series, horizon }) => {
    // Two passes (means, then centred sums) keep the slope accurate on large, offset values.
    let n = 0;
    let sx = 0;
    let sy = 0;
    series.values.forEach((v, i) => {
      if (v === null) return;
      n++;
      sx += i + 1;
      sy += v;
    });
    if (n < 2)
      throw fail.na({
        en: `values has ${n} value${n === 1 ? "" : "s"}; a trend needs at least 2`,
        fr: `values a ${n} valeur${n > 1 ? "s" : ""} ; une tendance en demande au moins 2`,
      });
    const mx = sx / n;
    const my = sy / n;
    let sxy = 0;
    let sxx = 0;
    series.values.forEach((v, i) => {
      if (v === null) return;
      sxy += (i + 1 - mx) * (v - my);
      sxx += (i + 1 - mx) ** 2;
    });
    const slope = sxy / sxx;
    const last = series.values.length;
    const forecast = Array.from({ length: horizon }, (_, h) => finite(my + slope * (last + h + 1 - mx)));
    return orient(forecast, series);
  },
});
