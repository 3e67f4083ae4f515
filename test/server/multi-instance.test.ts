import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { type SpawnedServer, spawnServer } from './helpers.js';
import { driveInterview } from './interview-driver.js';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
const POSTGRES_REQUIRED = process.env.REQUIRE_POSTGRES === '1';

/** A schema of its own, so runs and other test files never see each other's rows. */
const SCHEMA = `sme_server_${process.pid}_${randomBytes(4).toString('hex')}`;

function urlWithSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

if (TEST_DATABASE_URL === undefined && POSTGRES_REQUIRED) {
  describe('two server processes on one PostgreSQL database', () => {
    it('has a database to run against', () => {
      throw new Error(
        'REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is unset: set it to a postgres:// test database',
      );
    });
  });
}

describe.skipIf(TEST_DATABASE_URL === undefined)('two server processes on one PostgreSQL database', () => {
  const databaseUrl = TEST_DATABASE_URL ?? '';
  const servers: SpawnedServer[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await adminQuery(databaseUrl, `DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  });

  it('stores every answer of one conversation once, in order, when its turns alternate between them', async () => {
    await adminQuery(databaseUrl, `CREATE SCHEMA ${SCHEMA}`);
    const env = { DATABASE_URL: urlWithSearchPath(databaseUrl, SCHEMA) };
    // Started together, as a deployment would: the store's migrations must tolerate the race.
    const [first, second] = await Promise.all([spawnServer({ env }), spawnServer({ env })]);
    servers.push(first, second);

    const run = await driveInterview({
      conversationId: 'conv-two-instances',
      pickServer: (turn) => (turn % 2 === 0 ? first.url : second.url),
    });
    expect(run.done).toBe(true);
    expect(run.scripted).toBeGreaterThanOrEqual(5);

    const store = await openStore({ DATA_DIR: '', DATABASE_URL: databaseUrl }, { schema: SCHEMA });
    try {
      const interviews = await store.listInterviews();
      expect(interviews).toHaveLength(1);
      expect(interviews[0]?.status).toBe('completed');
      const turns = await store.getTurns(interviews[0]?.id ?? '');
      expect(turns.filter((turn) => turn.kind === 'answer').map((turn) => turn.text)).toEqual(run.answers);
      expect(turns.map((turn) => turn.seq)).toEqual(turns.map((_, index) => index + 1));
    } finally {
      await store.close();
    }
  });
});
