import type { Config } from '../config.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { InterviewStore, StoreOptions } from './types.js';

export interface OpenStoreOptions extends StoreOptions {
  /** PostgreSQL only: keep the tables in this schema (tests give each run its own). */
  schema?: string;
}

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded SQLite store under DATA_DIR. */
export function openStore(
  config: Pick<Config, 'DATA_DIR' | 'DATABASE_URL'>,
  options: OpenStoreOptions = {},
): Promise<InterviewStore> {
  const { schema, ...storeOptions } = options;
  if (config.DATABASE_URL) {
    return openPostgresStore({ ...storeOptions, connectionString: config.DATABASE_URL, schema });
  }
  return openSqliteStore(config.DATA_DIR, storeOptions);
}
