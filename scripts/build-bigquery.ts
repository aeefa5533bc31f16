import { buildBigQuery } from "../sql/bigquery/build.js";

/**
 * `npm run build:bigquery [-- --dataset my_project.kpi --library gs://my-bucket/kpi-core.js]` writes
 * dist/bigquery/: kpi-core.js (the core as one script defining the global `kpiCore`, to upload to Cloud
 * Storage) and kpi-functions.sql (the DDL of every UDF and UDAF). See sql/README.md.
 */

const option = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
};

const built = await buildBigQuery("dist/bigquery", {
  dataset: option("dataset", "DATASET"),
  library: option("library", "gs://BUCKET/kpi-core.js"),
});
console.log(`${built.library} (${Math.round(built.bytes / 1024)} KB)\n${built.ddl}`);
