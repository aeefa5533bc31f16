/// <reference types="custom-functions-runtime" />
import { excelId, KPIS } from "../core/index.js";
import { excelFunction } from "./adapter.js";

// Every id in functions.json is generated from the same registry, so this loop registers exactly those.
for (const kpi of KPIS) CustomFunctions.associate(excelId(kpi.id), excelFunction(kpi));
