import { fail } from "../errors.js";
import { fitBgNbd, type BgNbd } from "./bgnbd.js";
import { fitGammaGamma, type GammaGamma } from "./gamma-gamma.js";
import { frequencyRecencyAge, repeatMeans, summarise, type CustomerSummaries, type Rfm } from "./summary.js";

/** Fewer customers than this leave the four BG/NBD parameters without support. */
export const MIN_CUSTOMERS = 10;

export interface ClvModels {
  readonly summaries: CustomerSummaries;
  readonly rfm: Rfm;
  readonly repeatCustomers: number;
  readonly bgnbd: BgNbd & { logLikelihood: number };
  /** Present when amounts were given. */
  readonly gammaGamma?: GammaGamma & { logLikelihood: number };
  readonly means?: Float64Array;
}

/** The fits CLV and CLVMODEL share: the order log summarised, BG/NBD on all customers, Gamma-Gamma on amounts. */
export function fitModels(
  ids: readonly string[],
  days: readonly number[],
  amounts: readonly number[] | undefined,
  asOf: number | undefined,
): ClvModels {
  const summaries = summarise(ids, days, amounts, asOf);
  if (summaries.count < MIN_CUSTOMERS) {
    const n = summaries.count;
    throw fail.na({
      en: `${n} customer${n === 1 ? "" : "s"} with an order up to asOf: the models need at least ${MIN_CUSTOMERS}`,
      fr: `${n} client${n > 1 ? "s" : ""} avec une commande jusqu'à asOf : les modèles en demandent au moins ${MIN_CUSTOMERS}`,
    });
  }
  const rfm = frequencyRecencyAge(summaries);
  let repeatCustomers = 0;
  for (let c = 0; c < summaries.count; c++) if ((rfm.x[c] as number) > 0) repeatCustomers++;
  if (repeatCustomers === 0) {
    throw fail.na({
      en: "no repeat customer (nobody ordered on two different days): the models need at least one",
      fr: "aucun client fidèle (personne n'a commandé deux jours différents) : les modèles en demandent au moins un",
    });
  }
  const bgnbd = fitBgNbd(rfm);
  if (!amounts) return { summaries, rfm, repeatCustomers, bgnbd };
  const means = repeatMeans(summaries);
  const gammaGamma = fitGammaGamma(rfm.x, means);
  return { summaries, rfm, repeatCustomers, bgnbd, gammaGamma, means };
}
