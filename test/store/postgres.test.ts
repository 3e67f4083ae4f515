import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, ConflictError } from '../../src/errors.js';
import { openStore } from '../../src/store/open.js';
import type { InterviewStore, KeyValueStore } from '../../src/store/types.js';
import { answer, frenchTags, newInterview, storeContract } from './contract.js';
import { requirePostgresIfDemanded, TEST_DATABASE_URL, TestSchemas } from './postgres-schema.js';

requirePostgresIfDemanded();

const schemas = new TestSchemas();
afterAll(async () => {
  if (TEST_DATABASE_URL !== undefined) await schemas.dropAll(TEST_DATABASE_URL);
});

const Counter = z.object({ count: z.number().int(), by: z.array(z.string()) });

function openIn(schema: string): Promise<InterviewStore> {
  return openStore({ DATA_DIR: '/nonexistent-never-used', DATABASE_URL: TEST_DATABASE_URL }, { schema });
}

describe.skipIf(TEST_DATABASE_URL === undefined)('postgres', () => {
  storeContract('postgres', (options) =>
    openStore(
      { DATA_DIR: '/nonexistent-never-used', DATABASE_URL: TEST_DATABASE_URL },
      { ...options, schema: schemas.next() },
    ),
  );

  describe('two server instances on one database', () => {
    it('migrate once when they start together', async () => {
      const schema = schemas.next();
      const stores = await Promise.all([openIn(schema), openIn(schema), openIn(schema)]);
      expect(stores.map((store) => store.kind)).toEqual(['postgres', 'postgres', 'postgres']);
      await Promise.all(stores.map((store) => store.close()));
      const reopened = await openIn(schema);
      expect(await reopened.countInterviews()).toBe(0);
      await reopened.close();
    });

    it('store every concurrent turn once, with dense seqs', async () => {
      const schema = schemas.next();
      const [first, second] = await Promise.all([openIn(schema), openIn(schema)]);
      if (!first || !second) throw new Error('stores did not open');
      try {
        const meta = await first.createInterview(newInterview());
        await Promise.all(
          Array.from({ length: 50 }, (_, index) =>
            (index % 2 === 0 ? first : second).appendTurns(meta.id, [answer(`réponse n°${index}`)]),
          ),
        );
        const turns = await second.getTurns(meta.id);
        expect(turns.map((turn) => turn.seq)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
        expect(new Set(turns.map((turn) => turn.text)).size).toBe(50);
        expect(turns.map((turn) => turn.text).sort()).toEqual(
          Array.from({ length: 50 }, (_, index) => `réponse n°${index}`).sort(),
        );
      } finally {
        await first.close();
        await second.close();
      }
    });

    it('read each other’s turns: appends, erasure and an id used again, with turn logs held in memory', async () => {
      const schema = schemas.next();
      const [first, second] = await Promise.all([openIn(schema), openIn(schema)]);
      if (!first || !second) throw new Error('stores did not open');
      try {
        const meta = await first.createInterview(newInterview({ id: 'partagé' }));
        await first.appendTurns(meta.id, [answer('un')]);
        expect((await second.getTurns(meta.id)).map((turn) => turn.text)).toEqual(['un']);
        expect((await first.getTurns(meta.id)).map((turn) => turn.text)).toEqual(['un']);

        await first.appendTurns(meta.id, [answer('deux', frenchTags)]);
        await second.appendTurns(meta.id, [answer('trois')]);
        const seenBySecond = await second.getTurns(meta.id);
        const seenByFirst = await first.getTurns(meta.id);
        expect(seenBySecond.map((turn) => [turn.seq, turn.text])).toEqual([
          [1, 'un'],
          [2, 'deux'],
          [3, 'trois'],
        ]);
        expect(seenByFirst).toEqual(seenBySecond);

        await first.eraseInterview(meta.id);
        expect(await second.getTurns(meta.id)).toEqual([]);

        await second.getTurns(meta.id);
        const again = await first.createInterview(newInterview({ id: 'partagé' }));
        await first.appendTurns(again.id, [answer('nouveau')]);
        await second.getTurns(again.id);
        await second.eraseInterview(again.id);
        const reborn = await second.createInterview(newInterview({ id: 'partagé' }));
        await second.appendTurns(reborn.id, [answer('autre'), answer('vie')]);
        await first.appendTurns(reborn.id, [answer('encore')]);
        expect((await first.getTurns(reborn.id)).map((turn) => turn.text)).toEqual([
          'autre',
          'vie',
          'encore',
        ]);
      } finally {
        await first.close();
        await second.close();
      }
    });

    it('never lose a state update when both retry on eTag conflicts', async () => {
      const schema = schemas.next();
      const [first, second] = await Promise.all([openIn(schema), openIn(schema)]);
      if (!first || !second) throw new Error('stores did not open');
      const key = 'msteams/conversations/a:shared';
      let conflicts = 0;
      const increment = async (kv: KeyValueStore, label: string) => {
        for (;;) {
          const current = (await kv.read([key]))[key];
          const state = Counter.parse(current?.value);
          try {
            await kv.write([
              { key, value: { count: state.count + 1, by: [...state.by, label] }, eTag: current?.eTag },
            ]);
            return;
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
            conflicts += 1;
          }
        }
      };
      const worker = async (kv: KeyValueStore, name: string) => {
        for (let step = 0; step < 10; step += 1) await increment(kv, `${name}-${step}`);
      };
      try {
        await first.kv.write([{ key, value: { count: 0, by: [] } }]);
        await Promise.all([
          worker(first.kv, 'a'),
          worker(second.kv, 'b'),
          worker(first.kv, 'c'),
          worker(second.kv, 'd'),
        ]);
        const final = Counter.parse((await first.kv.read([key]))[key]?.value);
        expect(final.count).toBe(40);
        expect(new Set(final.by).size).toBe(40);
        expect(conflicts).toBeGreaterThan(0);
      } finally {
        await first.close();
        await second.close();
      }
    });
  });

  it('leaves no row containing an erased answer', async () => {
    const schema = schemas.next();
    const store = await openIn(schema);
    const secret = 'Hippolyte-secret-9902';
    try {
      const doomed = await store.createInterview(newInterview());
      await store.appendTurns(doomed.id, [answer(`Notre expert-comptable ${secret} nous aide.`)]);
      await store.kv.write([{ key: 'conv/doomed', value: { interviewId: doomed.id, last: secret } }]);
      await store.createInvitation({
        code: 'SECR3T',
        interviewerId: 'iv',
        interviewerAddress: { note: secret },
        profile: 'manager',
        language: 'fr',
      });
      await store.redeemInvitation('SECR3T', doomed.id);
      expect(await store.eraseInterview(doomed.id)).toBe(true);

      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        for (const table of ['interviews', 'turns', 'kv', 'invitations', 'interviewers', 'api_tokens']) {
          const rows = await client.query(`SELECT t::text AS row FROM ${schema}.${table} t`);
          const leaking = rows.rows
            .map((row) => z.object({ row: z.string() }).parse(row).row)
            .filter((text) => text.includes(secret) || text.includes(doomed.id));
          expect(leaking, table).toEqual([]);
        }
      } finally {
        await client.end();
      }
    } finally {
      await store.close();
    }
  });

  it('records its schema version once and refuses a database from a newer version', async () => {
    const schema = schemas.next();
    await (await openIn(schema)).close();
    const store = await openIn(schema);
    expect(store.kind).toBe('postgres');
    await store.close();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const versions = await client.query(`SELECT version FROM ${schema}.schema_migrations`);
      expect(versions.rows).toEqual([{ version: 1 }, { version: 2 }]);
      await client.query(
        `INSERT INTO ${schema}.schema_migrations (version, name, applied_at) VALUES (99, 'future', now())`,
      );
    } finally {
      await client.end();
    }
    const error = await openIn(schema).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'storage' });
    expect(String(error)).toMatch(/schema version 99.*upgrade/);
  });

  it('fails the one write whose connection the server drops mid-transaction, and goes on serving', async () => {
    const schema = schemas.next();
    const store = await openIn(schema);
    const locker = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await locker.connect();
    try {
      const meta = await store.createInterview(newInterview());
      // Another session holds the turns table, so the store's write waits inside its transaction.
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${schema}.turns IN SHARE MODE`);
      const write = store.appendTurns(meta.id, [answer('Nous avons un ERP depuis 2019.')]).then(
        () => null,
        (caught: unknown) => caught,
      );
      let terminated = 0;
      for (let tries = 0; tries < 100 && terminated === 0; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const killed = await locker.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND query LIKE '%turns%'`,
        );
        terminated = killed.rowCount ?? 0;
      }
      expect(terminated).toBe(1);
      expect(await write).toMatchObject({ code: 'storage' });
      await locker.query('COMMIT');
      await store.appendTurns(meta.id, [answer('Et un CRM depuis 2021.')]);
      expect((await store.getTurns(meta.id)).map((turn) => turn.text)).toEqual(['Et un CRM depuis 2021.']);
    } finally {
      await locker.end();
      await store.close();
    }
  });

  it('names host and port, never the password, when PostgreSQL is unreachable', async () => {
    const error = await openStore({
      DATA_DIR: '/unused',
      DATABASE_URL: 'postgres://sme:Tr3s-Secret@127.0.0.1:1/sme_test',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'storage' });
    expect(String(error)).toContain('127.0.0.1:1');
    expect(String(error)).not.toContain('Tr3s-Secret');
  });

  it('names the server, never the password, when the credentials are refused', async () => {
    const url = new URL(TEST_DATABASE_URL ?? '');
    url.password = 'faux-mot-de-passe';
    const error = await openStore({ DATA_DIR: '/unused', DATABASE_URL: url.toString() }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'storage' });
    expect(String(error)).toContain(`${url.hostname}:${url.port || '5432'}`);
    expect(String(error)).not.toContain('faux-mot-de-passe');
  });
});
