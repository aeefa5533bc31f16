#!/usr/bin/env node
// The `kpi-sql` bin: loads the TypeScript CLI through tsx (a dependency of this package).
import { register } from "tsx/esm/api";

register();
await import("./cli.ts");
