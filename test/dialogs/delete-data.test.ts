import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { KeyValueBotStorage } from '../../src/bot/bot-storage.js';
import { openStore } from '../../src/store/open.js';
import { BotHarness } from './harness.js';

const MARK = 'Cerfs-volants Zorbulax-4471';

/** The store folder's files (database, WAL, shared memory) that contain `needle`, read as raw bytes. */
function filesContaining(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return readdirSync(dir).filter((file) => readFileSync(join(dir, file)).includes(bytes));
}

/** Key-value rows whose key or value names `needle`, through a second, read-only connection. */
function kvRowsNaming(dir: string, needle: string): string[] {
  const [file] = readdirSync(dir).filter((f) => f.endsWith('.sqlite') || f.endsWith('.db'));
  if (!file) throw new Error(`no database file in ${dir}: ${readdirSync(dir).join(', ')}`);
  const db = new Database(join(dir, file), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT key FROM kv WHERE instr(key, ?) > 0 OR instr(value, ?) > 0')
      .pluck()
      .all(needle, needle)
      .map(String);
  } finally {
    db.close();
  }
}

describe('"delete my data" in the chat, on the SQLite store', () => {
  it('leaves neither the interview nor conversation state naming it in any store file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sme-delete-'));
    const store = await openStore({ DATA_DIR: dir });
    try {
      const bot = new BotHarness(store, new KeyValueBotStorage(store.kv));
      await bot.say('démarrer');
      await bot.say('1');
      await bot.say('1');
      await bot.say('oui');
      await bot.say(`Nous fabriquons des ${MARK} en Savoie, avec un ERP, 25 salariés.`);
      const { meta } = await bot.interview();
      // The dialog state names the interview while it runs: what must go with it.
      expect(kvRowsNaming(dir, meta.id).length).toBeGreaterThan(0);
      expect(kvRowsNaming(dir, 'conversations/conv-1/')).toHaveLength(1);
      expect(filesContaining(dir, MARK).length).toBeGreaterThan(0);

      expect(await bot.say('supprimer mes données')).toEqual([bot.guides.fr.bot.deleteConfirm]);
      expect(await bot.say('oui')).toEqual([bot.guides.fr.bot.deleted]);

      expect(await store.listInterviews()).toEqual([]);
      expect(await store.getTurns(meta.id)).toEqual([]);
      expect(kvRowsNaming(dir, meta.id)).toEqual([]);
      // The conversation's bot state is deleted, not written back emptied.
      expect(kvRowsNaming(dir, 'conversations/conv-1/')).toEqual([]);
      expect(filesContaining(dir, meta.id)).toEqual([]);
      expect(filesContaining(dir, MARK)).toEqual([]);

      // The conversation goes on afresh, and its new state names nothing erased.
      expect(await bot.say('Bonjour')).toEqual([bot.guides.fr.bot.welcome]);
      expect(filesContaining(dir, meta.id)).toEqual([]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('after "no", nothing is erased and the pending question is asked again', async () => {
    const bot = new BotHarness();
    await bot.say('start');
    await bot.say('english');
    await bot.say('manager');
    await bot.say('yes');
    await bot.say('We make furniture with an ERP, 25 people, in Savoie.');
    const before = await bot.interview();
    await bot.say('delete my data');
    expect(await bot.say('no')).toEqual([
      bot.guides.en.bot.deleteCancelled,
      bot.guides.en.messages.repeatQuestion,
      bot.guides.en.presentation.questions[1]?.text,
    ]);
    const after = await bot.interview();
    expect(after.turns).toEqual(before.turns);
    await bot.say('I am the managing director.');
    expect((await bot.interview()).turns.at(-2)).toMatchObject({
      kind: 'answer',
      questionId: 'presentation.role',
    });
  });
});
