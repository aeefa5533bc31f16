import { finishRetention } from "../aggregate/finish.js";
import { param } from "../params.js";
import { defineKpi } from "../spec.js";

export const RETENTION = defineKpi({
  id: "RETENTION",
  category: "retention",
  title: { en: "Customer retention rate", fr: "Taux de rétention client" },
  description: {
    en: "Customer retention rate: (customers at end − new customers) / customers at start. More new customers than customers at the end is #NUM!.",
    fr: "Taux de rétention client : (clients en fin − nouveaux clients) / clients en début. Plus de nouveaux clients que de clients en fin donne #NUM!.",
  },
  formula: "(ΣcustomersAtEnd − ΣnewCustomers) / ΣcustomersAtStart",
  keywords: ["retention rate", "taux de rétention", "fidélisation", "crr"],
  params: [
    param.numberRange(
      "customersAtStart",
      { en: "Customers at the start of the period", fr: "Clients en début de période" },
      { min: 0 },
    ),
    param.numberRange(
      "customersAtEnd",
      { en: "Customers at the end of the period", fr: "Clients en fin de période" },
      { min: 0 },
    ),
    param.numberRange(
      "newCustomers",
      { en: "New customers won during the period", fr: "Nouveaux clients gagnés pendant la période" },
      { min: 0 },
    ),
  ],
  result: "number",
  unit: "rate",
  examples: [{ args: [[[200]], [[210]], [[30]]], result: 0.9 }],
  compute: ({ customersAtStart, customersAtEnd, newCustomers }) =>
    finishRetention(customersAtStart.sum(), customersAtEnd.sum(), newCustomers.sum()),
});
