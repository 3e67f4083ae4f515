import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Activity, ActivityTypes, ConversationState, TestAdapter, TurnContext } from 'botbuilder';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { KeyValueBotStorage } from '../../src/bot/bot-storage.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { InterviewStore } from '../../src/store/types.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const backends: [string, () => Promise<InterviewStore>][] = [
  ['memory', async () => createMemoryStore()],
  [
    'sqlite',
    async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'sme-bot-storage-'));
      folders.push(folder);
      return openSqliteStore(folder);
    },
  ],
];

function turnIn(conversationId: string, text = 'bonjour'): TurnContext {
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    channelId: 'test',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'Utilisatrice' },
    recipient: { id: 'bot', name: 'bot' },
    text,
  };
  return new TurnContext(new TestAdapter(), activity);
}

describe.each(backends)('botbuilder storage over the %s store', (_name, openBackend) => {
  const opened: InterviewStore[] = [];
  const open = async () => {
    const store = await openBackend();
    opened.push(store);
    return { store, storage: new KeyValueBotStorage(store.kv) };
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('saves conversation state and loads it back in a later turn', async () => {
    const { store, storage } = await open();
    const state = new ConversationState(storage);
    const progress = state.createProperty<{ interviewId: string; answered: string[] }>('progress');

    const first = turnIn('conv-a');
    await progress.set(first, { interviewId: 'entretien-1', answered: ['Oui, un ERP « maison ».'] });
    await state.saveChanges(first);

    const later = turnIn('conv-a');
    expect(await progress.get(later)).toEqual({
      interviewId: 'entretien-1',
      answered: ['Oui, un ERP « maison ».'],
    });
    expect(await progress.get(turnIn('conv-b'))).toBeUndefined();

    const raw = await store.kv.read(['test/conversations/conv-a/']);
    expect(raw['test/conversations/conv-a/']?.value).not.toHaveProperty('eTag');
  });

  it('deletes conversation state', async () => {
    const { store, storage } = await open();
    const state = new ConversationState(storage);
    const flag = state.createProperty<boolean>('flag');
    const turn = turnIn('conv-d');
    await flag.set(turn, true);
    await state.saveChanges(turn);
    await state.delete(turnIn('conv-d'));
    expect(await store.kv.read(['test/conversations/conv-d/'])).toEqual({});
    expect(await flag.get(turnIn('conv-d'))).toBeUndefined();
  });

  it('detects a write based on a stale read', async () => {
    const { storage } = await open();
    await storage.write({ 'conv/x': { step: 1 } });
    const mine = (await storage.read(['conv/x']))['conv/x'];
    const theirs = (await storage.read(['conv/x']))['conv/x'];
    expect(mine?.eTag).toEqual(expect.any(String));
    await storage.write({ 'conv/x': { ...theirs, step: 2 } });
    await expect(storage.write({ 'conv/x': { ...mine, step: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['conv/x']))['conv/x']).toMatchObject({ step: 2 });
  });

  it("overwrites with eTag '*' or none, and refuses a stale eTag on a deleted item", async () => {
    const { storage } = await open();
    await storage.write({ k: { v: 1 } });
    const eTag = (await storage.read(['k'])).k?.eTag;
    await storage.write({ k: { v: 2, eTag: '*' } });
    await storage.write({ k: { v: 3 } });
    expect((await storage.read(['k'])).k).toMatchObject({ v: 3 });
    await storage.delete(['k']);
    await expect(storage.write({ k: { v: 4, eTag } })).rejects.toThrow(/eTag conflict/);
    expect(await storage.read(['k'])).toEqual({});
  });

  it('refuses items that are not objects, writing none of the batch', async () => {
    const { storage } = await open();
    await expect(storage.write({ good: { v: 1 }, bad: 'texte' })).rejects.toThrow(/must be an object/);
    expect(await storage.read(['good', 'bad'])).toEqual({});
  });
});
