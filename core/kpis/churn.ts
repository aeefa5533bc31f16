import { finishChurn } from "../aggregate/finish.js";
import { param } from "../params.js";
import { column, defineKpi } from "../spec.js";

export const CHURN = defineKpi({
  id: "CHURN",
  category: "retention",
  title: { en: "Churn rate", fr: "Taux d'attrition" },
  description: {
    en: "Churn rate: customers lost / customers at the start. Losing more customers than there were is #NUM!.",
    fr: "Taux d'attrition (churn) : clients perdus / clients en début de période. Perdre plus de clients qu'il n'y en avait donne #NUM!.",
  },
  formula: "ΣcustomersLost / ΣcustomersAtStart",
  keywords: ["churn rate", "attrition", "taux d'attrition", "taux de churn", "désabonnement", "perte de clients"],
  params: [
    param.numberRange(
      "customersAtStart",
      { en: "Customers at the start of the period(s)", fr: "Clients en début de période(s)" },
      { min: 0 },
    ),
    param.numberRange(
      "customersLost",
      { en: "Customers lost during the period(s)", fr: "Clients perdus pendant la ou les périodes" },
      { min: 0 },
    ),
  ],
  result: "number",
  unit: "rate",
  examples: [
    { args: [column(1000, 1100), column(50, 55)], result: 0.05 },
    { args: [[[10]], [[12]]], result: "#NUM!" },
  ],
  compute: ({ customersAtStart, customersLost }) => finishChurn(customersAtStart.sum(), customersLost.sum()),
});
