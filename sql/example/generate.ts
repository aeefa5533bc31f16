import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { seededRandom } from "../../core/numeric/random.js";

/**
 * `npm run sql:example [-- DIR]`: writes three small CSV files for the sql/README.md examples (default
 * directory: <tmp>/kpi-sql-example): orders.csv, survey.csv and costs.csv. Seeded, so every run writes
 * the same rows.
 */

const iso = (day: number): string => new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

export function exampleFiles(): Record<string, string> {
  const random = seededRandom(17);
  const channels = ["Web", "Shop", "Phone"];
  const orders = ["order_id,customer,order_date,amount,channel"];
  for (let i = 1; i <= 600; i++) {
    const customer = `C${String(1 + Math.floor(random() ** 1.5 * 80)).padStart(3, "0")}`;
    const day = Math.floor(random() * 365);
    const amount = (20 + random() * 180).toFixed(2);
    orders.push(`O${i},${customer},${iso(day)},${amount},${channels[Math.floor(random() * 3)]}`);
  }
  const survey = ["answered_on,channel,score"];
  for (let i = 0; i < 400; i++) {
    const score = Math.min(10, Math.floor(random() * 6 + random() * 6));
    survey.push(`${iso(Math.floor(random() * 365))},${channels[i % 3]},${score}`);
  }
  const costs = ["month,marketing,sales,new_customers"];
  for (let m = 0; m < 12; m++) {
    const month = `2025-${String(m + 1).padStart(2, "0")}-01`;
    costs.push(`${month},${Math.round(2000 + random() * 3000)},${Math.round(1000 + random() * 2000)},${5 + m}`);
  }
  return {
    "orders.csv": `${orders.join("\n")}\n`,
    "survey.csv": `${survey.join("\n")}\n`,
    "costs.csv": `${costs.join("\n")}\n`,
  };
}

const dir = resolve(process.argv[2] ?? join(tmpdir(), "kpi-sql-example"));
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(exampleFiles())) writeFileSync(join(dir, name), text);
console.log(dir);
