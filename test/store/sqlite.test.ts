import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { openStore } from '../../src/store/open.js';
import { openSqliteStore, SQLITE_FILE } from '../../src/store/sqlite.js';
import { answer, newInterview, storeContract } from './contract.js';

const folders: string[] = [];
function tempDir(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'sme-store-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

storeContract('sqlite', (options) => openSqliteStore(tempDir(), options));

function storeFiles(folder: string): Buffer[] {
  return [SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`]
    .map((name) => path.join(folder, name))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file));
}

describe('sqlite store on disk', () => {
  it('creates the data folder and keeps everything across close and reopen', async () => {
    const folder = path.join(tempDir(), 'nested', 'data');
    const store = await openSqliteStore(folder);
    const meta = await store.createInterview(newInterview({ interviewerId: 'iv' }));
    await store.appendTurns(meta.id, [answer('Nous avons adopté un CRM en 2021.')], { status: 'paused' });
    await store.kv.write([{ key: 'conv', value: { interviewId: meta.id } }]);
    await store.upsertInterviewer({ id: 'iv', displayName: 'Inès' });
    const token = await store.issueApiToken('iv');
    await store.close();

    const reopened = await openSqliteStore(folder);
    expect(await reopened.getInterview(meta.id)).toMatchObject({ status: 'paused', interviewerId: 'iv' });
    expect((await reopened.getTurns(meta.id)).map((turn) => turn.text)).toEqual([
      'Nous avons adopté un CRM en 2021.',
    ]);
    expect((await reopened.kv.read(['conv'])).conv?.value).toEqual({ interviewId: meta.id });
    expect((await reopened.resolveApiToken(token))?.interviewerId).toBe('iv');
    await reopened.close();
  });

  it('sees the writes of another open store on the same folder (two processes sharing a file)', async () => {
    const folder = tempDir();
    const first = await openSqliteStore(folder);
    const second = await openSqliteStore(folder);
    const meta = await first.createInterview(newInterview());
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? first : second).appendTurns(meta.id, [answer(`tour ${index}`)]),
      ),
    );
    expect((await second.getTurns(meta.id)).map((turn) => turn.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await first.close();
    await second.close();
  });

  it('leaves no byte of an erased answer in the database, WAL or shared-memory files', async () => {
    const folder = tempDir();
    const store = await openSqliteStore(folder);
    const secret = 'Zébulon-confidentiel-7731';
    const kept = await store.createInterview(newInterview());
    await store.appendTurns(kept.id, [answer('Une réponse qui reste.')]);
    const doomed = await store.createInterview(newInterview({ conversationKey: 'test:doomed' }));
    await store.appendTurns(doomed.id, [answer(`Notre fournisseur ${secret} gère la paie.`)]);
    await store.appendTurns(doomed.id, [answer(`${secret} `.repeat(400))]);
    await store.kv.write([
      { key: 'test/conversations/doomed', value: { interviewId: doomed.id, last: secret } },
    ]);
    await store.kv.write([
      { key: 'test/conversations/doomed', value: { interviewId: doomed.id, last: `${secret}!` } },
    ]);
    expect(storeFiles(folder).some((bytes) => bytes.includes(secret))).toBe(true);

    expect(await store.eraseInterview(doomed.id)).toBe(true);
    for (const bytes of storeFiles(folder)) expect(bytes.includes(secret)).toBe(false);
    expect(await store.getTurns(kept.id)).toHaveLength(1);
    await store.close();
    for (const bytes of storeFiles(folder)) expect(bytes.includes(secret)).toBe(false);
  });

  it('purges with the same scrubbing as erase', async () => {
    const folder = tempDir();
    const store = await openSqliteStore(folder);
    const secret = 'Périmé-secret-4410';
    const meta = await store.createInterview(newInterview());
    await store.appendTurns(meta.id, [answer(secret)], { status: 'completed' });
    expect(await store.purgeCompleted(new Date(Date.now() + 60_000))).toBe(1);
    for (const bytes of storeFiles(folder)) expect(bytes.includes(secret)).toBe(false);
    await store.close();
  });

  it('names the folder when DATA_DIR is not a usable folder', async () => {
    const parent = tempDir();
    const notAFolder = path.join(parent, 'plain-file');
    writeFileSync(notAFolder, 'not a folder');
    const error = await openSqliteStore(path.join(notAFolder, 'data')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'storage' });
    expect(String(error)).toContain(path.join(notAFolder, 'data'));
  });

  it('says to set DATA_DIR to a folder when it names a file', async () => {
    const parent = tempDir();
    const file = path.join(parent, 'afile');
    writeFileSync(file, 'not a folder');
    const error = await openSqliteStore(file).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'storage' });
    expect(String(error)).toContain(`cannot use the data folder ${file}: it is a file, not a folder`);
    expect(String(error)).toContain('set DATA_DIR to a writable folder');
    expect(String(error)).not.toContain('unable to open database file');
  });

  it.skipIf(!existsSync('/proc/self'))(
    'fails promptly when DATA_DIR lies in a pseudo file system',
    async () => {
      const error = await openSqliteStore('/proc/sme-interview/data').catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'storage' });
      expect(String(error)).toContain('/proc/sme-interview/data');
    },
  );

  it.skipIf(process.getuid?.() === 0)('names the folder when DATA_DIR is read-only', async () => {
    const folder = tempDir();
    chmodSync(folder, 0o500);
    try {
      const error = await openSqliteStore(folder).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'storage' });
      expect(String(error)).toContain(folder);
    } finally {
      chmodSync(folder, 0o700);
    }
  });

  it('reports a corrupt database file clearly instead of overwriting it', async () => {
    const folder = tempDir();
    const file = path.join(folder, SQLITE_FILE);
    const garbage = 'ceci n’est pas une base de données '.repeat(200);
    writeFileSync(file, garbage);
    const error = await openSqliteStore(folder).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'storage' });
    expect(String(error)).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe(garbage);
  });

  it('is what openStore gives when DATABASE_URL is unset', async () => {
    const folder = tempDir();
    const store = await openStore({ DATA_DIR: folder, DATABASE_URL: undefined });
    expect(store.kind).toBe('sqlite');
    await store.close();
    expect(existsSync(path.join(folder, SQLITE_FILE))).toBe(true);
  });

  it('records its schema version once and refuses a database from a newer version', async () => {
    const folder = tempDir();
    await (await openSqliteStore(folder)).close();
    await (await openSqliteStore(folder)).close();
    const raw = new Database(path.join(folder, SQLITE_FILE));
    expect(raw.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1, 2]);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw
      .prepare(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', '2030-01-01')",
      )
      .run();
    raw.close();
    const error = await openSqliteStore(folder).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'storage' });
    expect(String(error)).toMatch(/schema version 99.*upgrade/);
  });
});
