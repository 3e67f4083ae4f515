import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

/**
 * PostgreSQL for tests: TEST_DATABASE_URL, or undefined (tests skip) unless REQUIRE_POSTGRES=1.
 * Each store gets its own schema (`openStore(config, { schema })`), dropped at the end.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const POSTGRES_REQUIRED = process.env.REQUIRE_POSTGRES === '1';

/** Registers a failing test when PostgreSQL is required but not configured, so the run cannot pass silently. */
export function requirePostgresIfDemanded(): void {
  if (POSTGRES_REQUIRED && TEST_DATABASE_URL === undefined) {
    describe('PostgreSQL', () => {
      it('is configured', () => {
        throw new Error(
          'REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is unset: set it to a postgres:// URL of a test database',
        );
      });
    });
  }
}

export class TestSchemas {
  private readonly names: string[] = [];

  /** A fresh schema name, unique across parallel test files and repeated runs. */
  next(): string {
    const name = `sme_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    this.names.push(name);
    return name;
  }

  async dropAll(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const name of this.names.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    } finally {
      await client.end();
    }
  }
}
