import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import type { Actor } from "./auth/policy.js";
import { createLoaders, type Loaders } from "./loaders.js";

export interface Context {
  ds: DataSource;
  actor: Actor | null;
  loaders: Loaders;
  requestId: string;
  log: Logger;
}

export function createContext(ds: DataSource, actor: Actor | null, requestId: string, log: Logger): Context {
  return { ds, actor, loaders: createLoaders(ds, actor), requestId, log };
}
