import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError, ConflictError } from '../../src/errors.js';
import { openSqliteStore, SQLITE_FILE } from '../../src/store/sqlite.js';
import { answer, frenchTags, newInterview, question } from './contract.js';

const folders: string[] = [];
function tempDir(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'sme-batch-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Another connection to the file, as another process would have: it sees only committed data. */
function rawCount(folder: string, sql: string, ...params: unknown[]): number {
  const raw = new Database(path.join(folder, SQLITE_FILE), { readonly: true });
  try {
    const value = raw
      .prepare(sql)
      .pluck()
      .get(...params);
    return typeof value === 'number' ? value : Number.NaN;
  } finally {
    raw.close();
  }
}

describe('sqlite writes issued together', () => {
  it('are all durable once resolved: close, reopen and read every one back', async () => {
    const folder = tempDir();
    const store = await openSqliteStore(folder);
    const ids = Array.from({ length: 20 }, (_, index) => `entretien-${index}`);
    await Promise.all(ids.map((id) => store.createInterview(newInterview({ id }))));

    // Issued in one tick: appends, state writes, a header change and a new interview.
    await Promise.all([
      ...ids.map((id, index) =>
        store.appendTurns(id, [question('tools.main', 'Quels outils ?'), answer(`Réponse ${index}`)]),
      ),
      ...ids.map((id, index) => store.kv.write([{ key: `conv/${index}`, value: { interviewId: id } }])),
      store.updateInterview('entretien-0', { status: 'paused' }),
      store.createInterview(newInterview({ id: 'entretien-neuf' })),
    ]);
    // Resolved means committed: another connection sees everything already.
    expect(rawCount(folder, 'SELECT COUNT(*) FROM turns')).toBe(40);
    await store.close();

    const reopened = await openSqliteStore(folder);
    for (const [index, id] of ids.entries()) {
      expect((await reopened.getTurns(id)).map((turn) => turn.text)).toEqual([
        'Quels outils ?',
        `Réponse ${index}`,
      ]);
      expect((await reopened.kv.read([`conv/${index}`]))[`conv/${index}`]?.value).toEqual({
        interviewId: id,
      });
    }
    expect(await reopened.getInterview('entretien-0')).toMatchObject({ status: 'paused' });
    expect(await reopened.getInterview('entretien-neuf')).not.toBeNull();
    await reopened.close();
  });

  it('let one failing write fail alone: the others of the same tick are kept', async () => {
    const folder = tempDir();
    const store = await openSqliteStore(folder);
    const meta = await store.createInterview(newInterview({ id: 'gardé' }));
    await store.kv.write([{ key: 'state', value: { step: 1 } }]);
    const stale = (await store.kv.read(['state'])).state?.eTag;
    await store.kv.write([{ key: 'state', value: { step: 2 } }]);

    const outcomes = await Promise.allSettled([
      store.appendTurns(meta.id, [answer('avant')]),
      store.kv.write([{ key: 'state', value: { step: 'périmé' }, eTag: stale }]),
      store.appendTurns('inconnu', [answer('perdu')]),
      store.createInterview(newInterview({ id: 'gardé' })),
      store.kv.write([{ key: 'other', value: { fine: true } }]),
      store.appendTurns(meta.id, [answer('après')]),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const reasons = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(reasons[0]).toBeInstanceOf(ConflictError);
    expect(reasons[1]).toMatchObject({ code: 'not_found' });
    expect(reasons[2]).toMatchObject({ code: 'conflict' });
    await store.close();

    const reopened = await openSqliteStore(folder);
    expect((await reopened.getTurns(meta.id)).map((turn) => [turn.seq, turn.text])).toEqual([
      [1, 'avant'],
      [2, 'après'],
    ]);
    const state = await reopened.kv.read(['state', 'other']);
    expect(state.state?.value).toEqual({ step: 2 });
    expect(state.other?.value).toEqual({ fine: true });
    expect(await reopened.countInterviews()).toBe(1);
    await reopened.close();
  });

  it('undo a failing multi-key state write entirely, within a batch that commits', async () => {
    const store = await openSqliteStore(tempDir());
    await store.kv.write([{ key: 'a', value: 1 }]);
    const [batch, single] = await Promise.allSettled([
      store.kv.write([
        { key: 'b', value: 2 },
        { key: 'a', value: 3, eTag: 'not-the-tag' },
      ]),
      store.kv.write([{ key: 'c', value: 4 }]),
    ]);
    expect(batch.status).toBe('rejected');
    expect(single.status).toBe('fulfilled');
    const read = await store.kv.read(['a', 'b', 'c']);
    expect(Object.keys(read).sort()).toEqual(['a', 'c']);
    expect(read.a?.value).toBe(1);
    await store.close();
  });

  it('refuse bad input at once, without touching the writes queued with it', async () => {
    const store = await openSqliteStore(tempDir());
    const meta = await store.createInterview(newInterview());
    const [bad, good] = await Promise.allSettled([
      store.appendTurns(meta.id, [
        { ...answer('x'), kind: 'murmure' } as unknown as ReturnType<typeof answer>,
      ]),
      store.appendTurns(meta.id, [answer('valide')]),
    ]);
    expect(bad.status === 'rejected' && bad.reason instanceof AppError && bad.reason.code).toBe('bad_input');
    expect(good.status).toBe('fulfilled');
    expect((await store.getTurns(meta.id)).map((turn) => turn.text)).toEqual(['valide']);
    await store.close();
  });

  it('commit what is still queued when the store is closed', async () => {
    const folder = tempDir();
    const store = await openSqliteStore(folder);
    const pending = store.createInterview(newInterview({ id: 'en-vol' }));
    await store.close();
    await pending;
    expect(rawCount(folder, 'SELECT COUNT(*) FROM interviews WHERE id = ?', 'en-vol')).toBe(1);
  });
});

describe('sqlite turn logs and state from memory', () => {
  it('give the same turns as a fresh read of the file, after appends and patches', async () => {
    const folder = tempDir();
    const store = await openSqliteStore(folder);
    const meta = await store.createInterview(newInterview());
    expect(await store.getTurns(meta.id)).toEqual([]);
    await store.appendTurns(meta.id, [question('tools.main', 'Quels outils utilisez-vous ?')]);
    await store.getTurns(meta.id);
    await store.appendTurns(meta.id, [
      answer('Notre logiciel : un ERP pour nos clients.', frenchTags),
      { ...answer('Correction'), kind: 'correction', refSeq: 2, data: { note: 'précision', n: 2 } },
    ]);
    const fromMemory = await store.getTurns(meta.id);

    const other = await openSqliteStore(folder);
    expect(await other.getTurns(meta.id)).toEqual(fromMemory);
    expect(fromMemory.map((turn) => turn.seq)).toEqual([1, 2, 3]);
    await other.close();
    await store.close();
  });

  it('cannot be changed through what a caller was given', async () => {
    const store = await openSqliteStore(tempDir());
    const meta = await store.createInterview(newInterview());
    await store.appendTurns(meta.id, [answer('Un ERP pour nos clients.', frenchTags)]);
    const given = await store.getTurns(meta.id);
    const [first] = given;
    if (first === undefined) throw new Error('the appended turn is missing');
    given.push({ ...first, seq: 99 });
    expect(() => {
      first.text = 'falsifié';
    }).toThrow(TypeError);
    expect(() => first.tags?.tools.push({ id: 'crm', confidence: 1, evidence: [] })).toThrow(TypeError);
    const state = { count: 1 };
    await store.kv.write([{ key: 'k', value: state }]);
    const read = (await store.kv.read(['k'])).k?.value;
    if (typeof read === 'object' && read !== null && 'count' in read) read.count = 42;
    state.count = 7;

    const header = await store.getInterview(meta.id);
    if (header === null) throw new Error('the interview is missing');
    header.status = 'completed';
    meta.status = 'paused';

    expect(await store.getInterview(meta.id)).toMatchObject({ status: 'in_progress' });
    const again = await store.getTurns(meta.id);
    expect(again).toHaveLength(1);
    expect(again[0]?.text).toBe('Un ERP pour nos clients.');
    expect(again[0]?.tags?.tools.map((tool) => tool.id)).toEqual(['erp']);
    expect((await store.kv.read(['k'])).k?.value).toEqual({ count: 1 });
    await store.close();
  });

  it('forget erased and purged interviews and the state that named them', async () => {
    const store = await openSqliteStore(tempDir());
    const erased = await store.createInterview(newInterview());
    const purged = await store.createInterview(newInterview());
    await store.appendTurns(erased.id, [answer('à effacer')]);
    await store.appendTurns(purged.id, [answer('à purger')], { status: 'completed' });
    await store.kv.write([{ key: 'conv', value: { interviewId: erased.id } }]);
    expect(await store.getTurns(erased.id)).toHaveLength(1);
    expect(await store.getTurns(purged.id)).toHaveLength(1);
    expect(Object.keys(await store.kv.read(['conv']))).toEqual(['conv']);

    await store.eraseInterview(erased.id);
    expect(await store.getTurns(erased.id)).toEqual([]);
    expect(await store.kv.read(['conv'])).toEqual({});
    expect(await store.purgeCompleted(new Date(Date.now() + 60_000))).toBe(1);
    expect(await store.getTurns(purged.id)).toEqual([]);
    await store.close();
  });

  it('see what another connection to the same file committed', async () => {
    const folder = tempDir();
    const first = await openSqliteStore(folder);
    const second = await openSqliteStore(folder);
    const meta = await first.createInterview(newInterview());
    await first.appendTurns(meta.id, [answer('un')]);
    await first.kv.write([{ key: 'conv', value: { step: 1 } }]);
    expect(await first.getTurns(meta.id)).toHaveLength(1);
    expect((await first.kv.read(['conv', 'absent'])).conv?.value).toEqual({ step: 1 });

    await second.appendTurns(meta.id, [answer('deux')]);
    await second.kv.write([
      { key: 'conv', value: { step: 2 } },
      { key: 'absent', value: 'présent' },
    ]);
    expect((await first.getTurns(meta.id)).map((turn) => turn.text)).toEqual(['un', 'deux']);
    const state = await first.kv.read(['conv', 'absent']);
    expect(state.conv?.value).toEqual({ step: 2 });
    expect(state.absent?.value).toBe('présent');

    expect(await first.getInterview(meta.id)).toMatchObject({ status: 'in_progress' });
    await second.updateInterview(meta.id, { status: 'paused' });
    expect(await first.getInterview(meta.id)).toMatchObject({ status: 'paused' });

    // The erase command runs in its own process while the server holds the file.
    await second.eraseInterview(meta.id);
    expect(await first.getTurns(meta.id)).toEqual([]);
    expect(await first.getInterview(meta.id)).toBeNull();
    await first.close();
    await second.close();
  });
});
