import { afterEach, describe, expect, it } from 'vitest';
import type { NewInterview, NewTurn } from '../../src/core/interview/record.js';
import type { Tags } from '../../src/core/tags.js';
import { AppError, ConflictError } from '../../src/errors.js';
import {
  conversationStateKey,
  runInTurnScope,
  StaleTurnError,
  TurnScope,
} from '../../src/store/turn-scope.js';
import type { InterviewStore, StoreOptions } from '../../src/store/types.js';

export type StoreFactory = (options: StoreOptions) => Promise<InterviewStore>;

/** A clock that moves one second on every reading, so timestamps are distinct and predictable. */
export function steppingClock(startIso = '2025-03-01T08:00:00.000Z'): {
  now: () => Date;
  set: (iso: string) => void;
} {
  let current = Date.parse(startIso);
  return {
    now: () => {
      current += 1000;
      return new Date(current);
    },
    set: (iso: string) => {
      current = Date.parse(iso);
    },
  };
}

export function newInterview(overrides: Partial<NewInterview> = {}): NewInterview {
  return {
    language: 'fr',
    profile: 'manager',
    guideVersion: 'guide-1',
    interviewerId: null,
    conversationKey: null,
    ...overrides,
  };
}

export const frenchTags: Tags = {
  lang: 'fr',
  values: [{ id: 'functional', confidence: 0.8, evidence: [{ start: 0, end: 13, text: 'Notre logiciel' }] }],
  tools: [{ id: 'erp', confidence: 1, evidence: [{ start: 20, end: 23, text: 'ERP' }] }],
  levers: [],
  actors: [{ id: 'clients', role: 'beneficiary', evidence: [{ start: 40, end: 47, text: 'clients' }] }],
  facets: [{ id: 'opportunity', confidence: 0.5, evidence: [] }],
};

export function question(questionId: string, text: string): NewTurn {
  return { kind: 'question', section: 'tools', questionId, text, tags: null, refSeq: null, data: null };
}

export function answer(text: string, tags: Tags | null = null): NewTurn {
  return { kind: 'answer', section: 'tools', questionId: 'tools.main', text, tags, refSeq: null, data: null };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

async function expectCode(promise: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code });
  if (!(error instanceof AppError)) throw error;
  return error;
}

/** The behaviour every `InterviewStore` backend must show, registered for one factory. */
export function storeContract(name: string, factory: StoreFactory): void {
  describe(`${name} store contract`, () => {
    const opened: InterviewStore[] = [];
    const open = async (options: StoreOptions = {}) => {
      const store = await factory({ now: steppingClock().now, ...options });
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    describe('interviews', () => {
      it('creates an interview in progress and reads it back', async () => {
        const store = await open();
        const created = await store.createInterview(
          newInterview({ interviewerId: 'iv-1', conversationKey: 'test:c1' }),
        );
        expect(created).toMatchObject({
          status: 'in_progress',
          language: 'fr',
          profile: 'manager',
          guideVersion: 'guide-1',
          interviewerId: 'iv-1',
          conversationKey: 'test:c1',
          consentVersion: null,
          consentAt: null,
          completedAt: null,
        });
        expect(created.id).not.toBe('');
        expect(created.startedAt).toBe(created.updatedAt);
        expect(await store.getInterview(created.id)).toEqual(created);
        expect(await store.getInterview('no-such-interview')).toBeNull();
      });

      it('keeps a chosen id and refuses a second interview with the same id', async () => {
        const store = await open();
        const created = await store.createInterview(newInterview({ id: 'entretien-42' }));
        expect(created.id).toBe('entretien-42');
        await expectCode(store.createInterview(newInterview({ id: 'entretien-42' })), 'conflict');
      });

      it('refuses malformed input with a bad_input error naming the field', async () => {
        const store = await open();
        const wrongLanguage = { ...newInterview(), language: 'de' } as unknown as NewInterview;
        const error = await expectCode(store.createInterview(wrongLanguage), 'bad_input');
        expect(error.message).toContain('language');
        expect(await store.countInterviews()).toBe(0);
      });

      it('lists newest first and filters by interviewer and status', async () => {
        const store = await open();
        const first = await store.createInterview(newInterview({ interviewerId: 'alice' }));
        const second = await store.createInterview(newInterview({ interviewerId: 'bob', profile: 'expert' }));
        const third = await store.createInterview(newInterview({ interviewerId: 'alice', language: 'en' }));
        await store.updateInterview(first.id, { status: 'completed' });

        expect((await store.listInterviews()).map((meta) => meta.id)).toEqual([
          third.id,
          second.id,
          first.id,
        ]);
        expect((await store.listInterviews({ interviewerId: 'alice' })).map((meta) => meta.id)).toEqual([
          third.id,
          first.id,
        ]);
        expect((await store.listInterviews({ status: 'completed' })).map((meta) => meta.id)).toEqual([
          first.id,
        ]);
        expect(await store.listInterviews({ interviewerId: 'alice', status: 'paused' })).toEqual([]);
        expect(await store.countInterviews()).toBe(3);
        expect(await store.countInterviews({ interviewerId: 'alice' })).toBe(2);
      });

      it('finds the interviews of one conversation, newest first', async () => {
        const store = await open();
        const older = await store.createInterview(newInterview({ conversationKey: 'msteams:conv-1' }));
        await store.createInterview(newInterview({ conversationKey: 'webchat:conv-1' }));
        const newer = await store.createInterview(newInterview({ conversationKey: 'msteams:conv-1' }));
        await store.createInterview(newInterview());
        expect(
          (await store.listInterviews({ conversationKey: 'msteams:conv-1' })).map((meta) => meta.id),
        ).toEqual([newer.id, older.id]);
        expect(await store.countInterviews({ conversationKey: 'msteams:conv-1', status: 'completed' })).toBe(
          0,
        );
        expect(await store.listInterviews({ conversationKey: 'msteams:inconnue' })).toEqual([]);
      });

      it('orders interviews started in the same millisecond by creation, newest first', async () => {
        const fixed = new Date('2025-05-05T10:00:00.000Z');
        const store = await open({ now: () => fixed });
        const ids: string[] = [];
        for (const index of [1, 2, 3])
          ids.push((await store.createInterview(newInterview({ id: `same-${index}` }))).id);
        expect((await store.listInterviews()).map((meta) => meta.id)).toEqual(ids.reverse());
      });

      it('updates the header and its updatedAt; an unknown id is not_found', async () => {
        const store = await open();
        const created = await store.createInterview(newInterview());
        const updated = await store.updateInterview(created.id, {
          status: 'paused',
          language: 'en',
          consentVersion: 'consent-2',
          consentAt: '2025-03-01T09:30:00+02:00',
          conversationKey: 'web:xyz',
        });
        expect(updated).toMatchObject({
          id: created.id,
          status: 'paused',
          language: 'en',
          consentVersion: 'consent-2',
          consentAt: '2025-03-01T07:30:00.000Z',
          conversationKey: 'web:xyz',
          startedAt: created.startedAt,
        });
        expect(updated.updatedAt > created.updatedAt).toBe(true);
        expect(await store.getInterview(created.id)).toEqual(updated);
        await expectCode(store.updateInterview('missing', { status: 'paused' }), 'not_found');
        await expectCode(store.updateInterview(created.id, { completedAt: 'demain matin' }), 'bad_input');
      });

      it('stamps completedAt when an interview is completed without a date', async () => {
        const store = await open();
        const created = await store.createInterview(newInterview());
        const completed = await store.updateInterview(created.id, { status: 'completed' });
        expect(completed.completedAt).toBe(completed.updatedAt);
        const dated = await store.createInterview(newInterview());
        const explicit = await store.updateInterview(dated.id, {
          status: 'completed',
          completedAt: '2024-12-31T23:00:00.000Z',
        });
        expect(explicit.completedAt).toBe('2024-12-31T23:00:00.000Z');
      });
    });

    describe('turns', () => {
      it('assigns dense seqs across calls and applies the patch with the turns', async () => {
        const store = await open();
        const meta = await store.createInterview(newInterview());
        const firstBatch = await store.appendTurns(meta.id, [
          question('tools.main', 'Quels outils numériques utilisez-vous ?'),
          answer('Un ERP et Teams.'),
        ]);
        expect(firstBatch.map((turn) => turn.seq)).toEqual([1, 2]);
        const secondBatch = await store.appendTurns(meta.id, [question('value.main', 'Qu’y gagnez-vous ?')], {
          status: 'paused',
        });
        expect(secondBatch.map((turn) => turn.seq)).toEqual([3]);
        expect(secondBatch[0]?.interviewId).toBe(meta.id);

        const after = await store.getInterview(meta.id);
        expect(after?.status).toBe('paused');
        expect(after?.updatedAt).toBe(secondBatch[0]?.at);
        expect((await store.getTurns(meta.id)).map((turn) => turn.seq)).toEqual([1, 2, 3]);
      });

      it('keeps seqs per interview', async () => {
        const store = await open();
        const one = await store.createInterview(newInterview());
        const two = await store.createInterview(newInterview());
        await store.appendTurns(one.id, [answer('a'), answer('b')]);
        const appended = await store.appendTurns(two.id, [answer('c')]);
        expect(appended[0]?.seq).toBe(1);
      });

      it('round-trips text, tags, references and data exactly', async () => {
        const store = await open();
        const meta = await store.createInterview(newInterview());
        const rich: NewTurn[] = [
          answer('Notre logiciel « maison » + l’ERP : les clients y gagnent 😀 <b>vraiment</b>', frenchTags),
          {
            kind: 'amend',
            section: 'tools',
            questionId: 'tools.main',
            text: 'Finalement, surtout l’ERP.',
            tags: { ...frenchTags, id: 'amend-1', lang: 'en' },
            refSeq: 1,
            data: { reason: 'précision', nested: { list: [1, 'deux', null, true] } },
          },
          {
            kind: 'event',
            section: 'opening',
            questionId: null,
            text: '',
            tags: null,
            refSeq: null,
            data: { event: 'consent' },
          },
        ];
        const stored = await store.appendTurns(meta.id, rich);
        const read = await store.getTurns(meta.id);
        expect(read).toEqual(stored);
        expect(read.map(({ interviewId: _i, seq: _s, at: _a, ...turn }) => turn)).toEqual(rich);
        expect(await store.getTurns('no-such-interview')).toEqual([]);
      });

      it('stores nothing when one turn is malformed, and an unknown interview is not_found', async () => {
        const store = await open();
        const meta = await store.createInterview(newInterview());
        const broken = { ...answer('ok'), kind: 'shout' } as unknown as NewTurn;
        await expectCode(
          store.appendTurns(meta.id, [answer('valide'), broken], { status: 'paused' }),
          'bad_input',
        );
        await expectCode(store.appendTurns(meta.id, [answer('texte\u0000nul')]), 'bad_input');
        expect(await store.getTurns(meta.id)).toEqual([]);
        expect((await store.getInterview(meta.id))?.status).toBe('in_progress');
        await expectCode(store.appendTurns('missing', [answer('x')]), 'not_found');
      });

      it('gives distinct dense seqs to concurrent appends on one store', async () => {
        const store = await open();
        const meta = await store.createInterview(newInterview());
        await Promise.all(
          Array.from({ length: 20 }, (_, index) => store.appendTurns(meta.id, [answer(`réponse ${index}`)])),
        );
        const turns = await store.getTurns(meta.id);
        expect(turns.map((turn) => turn.seq)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
        expect(new Set(turns.map((turn) => turn.text)).size).toBe(20);
      });
    });

    describe('key-value state', () => {
      it('returns only stored keys, with an eTag that changes on every write', async () => {
        const store = await open();
        expect(await store.kv.read(['absent'])).toEqual({});
        await store.kv.write([{ key: 'conv/1', value: { step: 1, texte: 'été' } }]);
        const first = await store.kv.read(['conv/1', 'absent']);
        expect(Object.keys(first)).toEqual(['conv/1']);
        expect(first['conv/1']?.value).toEqual({ step: 1, texte: 'été' });
        const eTag = first['conv/1']?.eTag ?? '';
        expect(eTag).not.toBe('');
        expect(eTag).not.toBe('*');
        await store.kv.write([{ key: 'conv/1', value: { step: 2 }, eTag }]);
        const second = await store.kv.read(['conv/1']);
        expect(second['conv/1']?.value).toEqual({ step: 2 });
        expect(second['conv/1']?.eTag).not.toBe(eTag);
      });

      it('rejects a stale eTag and keeps the stored value', async () => {
        const store = await open();
        await store.kv.write([{ key: 'k', value: 1 }]);
        const stale = (await store.kv.read(['k'])).k?.eTag;
        await store.kv.write([{ key: 'k', value: 2, eTag: stale }]);
        const error = await rejection(store.kv.write([{ key: 'k', value: 3, eTag: stale }]));
        expect(error).toBeInstanceOf(ConflictError);
        expect(String(error)).toMatch(/eTag conflict/);
        expect((await store.kv.read(['k'])).k?.value).toBe(2);
      });

      it("overwrites with '*' or without an eTag", async () => {
        const store = await open();
        await store.kv.write([{ key: 'k', value: 'a' }]);
        await store.kv.write([{ key: 'k', value: 'b', eTag: '*' }]);
        expect((await store.kv.read(['k'])).k?.value).toBe('b');
        await store.kv.write([{ key: 'k', value: 'c' }]);
        expect((await store.kv.read(['k'])).k?.value).toBe('c');
        await store.kv.write([{ key: 'new', value: 'n', eTag: '*' }]);
        expect((await store.kv.read(['new'])).new?.value).toBe('n');
      });

      it('refuses a write carrying the eTag of an item that no longer exists', async () => {
        const store = await open();
        await store.kv.write([{ key: 'gone', value: { secret: 'x' } }]);
        const eTag = (await store.kv.read(['gone'])).gone?.eTag;
        await store.kv.delete(['gone']);
        await expect(store.kv.write([{ key: 'gone', value: { secret: 'x' }, eTag }])).rejects.toBeInstanceOf(
          ConflictError,
        );
        expect(await store.kv.read(['gone'])).toEqual({});
      });

      it('lets exactly one of several claims of a new key win, and keeps its value', async () => {
        const store = await open();
        const claims = await Promise.allSettled(
          ['poste-1', 'poste-2', 'poste-3'].map((holder) =>
            store.kv.write([{ key: 'claim', value: { holder }, ifAbsent: true }]),
          ),
        );
        const won = claims.findIndex((claim) => claim.status === 'fulfilled');
        expect(claims.filter((claim) => claim.status === 'fulfilled')).toHaveLength(1);
        for (const claim of claims)
          if (claim.status === 'rejected') expect(claim.reason).toBeInstanceOf(ConflictError);
        expect((await store.kv.read(['claim'])).claim?.value).toEqual({ holder: `poste-${won + 1}` });
        await store.kv.delete(['claim']);
        await store.kv.write([{ key: 'claim', value: { holder: 'poste-4' }, ifAbsent: true }]);
        expect((await store.kv.read(['claim'])).claim?.value).toEqual({ holder: 'poste-4' });
      });

      it('writes a batch all or nothing', async () => {
        const store = await open();
        await store.kv.write([{ key: 'a', value: 1 }]);
        const eTag = (await store.kv.read(['a'])).a?.eTag;
        await store.kv.write([{ key: 'a', value: 2 }]);
        await expect(
          store.kv.write([
            { key: 'b', value: 'nouveau' },
            { key: 'a', value: 3, eTag },
          ]),
        ).rejects.toBeInstanceOf(ConflictError);
        expect(await store.kv.read(['a', 'b'])).toEqual({ a: { value: 2, eTag: expect.any(String) } });
      });

      it('deletes keys and tolerates unknown ones; odd keys are plain data', async () => {
        const store = await open();
        await store.kv.write([
          { key: '__proto__', value: { x: 1 } },
          { key: 'emulator/conversations/ä b', value: [1, 2] },
          { key: 'keep', value: null },
        ]);
        const read = await store.kv.read(['__proto__', 'emulator/conversations/ä b', 'keep']);
        expect(Object.keys(read).sort()).toEqual(['__proto__', 'emulator/conversations/ä b', 'keep']);
        expect(read.keep?.value).toBeNull();
        await store.kv.delete(['__proto__', 'emulator/conversations/ä b', 'never-written']);
        expect(Object.keys(await store.kv.read(['__proto__', 'emulator/conversations/ä b', 'keep']))).toEqual(
          ['keep'],
        );
      });

      it('refuses a value that is not JSON', async () => {
        const store = await open();
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        await expectCode(store.kv.write([{ key: 'c', value: cyclic }]), 'bad_input');
      });
    });

    describe('invitations', () => {
      const invitation = {
        code: 'K7M2Q9',
        interviewerId: 'iv-1',
        interviewerAddress: { conversation: { id: 'a:1' }, serviceUrl: 'http://127.0.0.1:1/' },
        profile: 'expert' as const,
        language: 'en' as const,
      };

      it('creates, reads, redeems once and finds by interview', async () => {
        const store = await open();
        const created = await store.createInvitation(invitation);
        expect(created).toMatchObject({ ...invitation, interviewId: null });
        expect(await store.getInvitation('K7M2Q9')).toEqual(created);
        expect(await store.getInvitation('NOPE00')).toBeNull();

        const meta = await store.createInterview(newInterview({ interviewerId: 'iv-1' }));
        expect(await store.findInvitationByInterview(meta.id)).toBeNull();
        expect(await store.redeemInvitation('K7M2Q9', meta.id)).toBe(true);
        expect(await store.redeemInvitation('K7M2Q9', 'another-interview')).toBe(false);
        expect(await store.findInvitationByInterview(meta.id)).toEqual({ ...created, interviewId: meta.id });
        expect(await store.findInvitationByInterview('another-interview')).toBeNull();
      });

      it('refuses a taken code and an unknown code', async () => {
        const store = await open();
        await store.createInvitation(invitation);
        await expectCode(store.createInvitation({ ...invitation, interviewerId: 'iv-2' }), 'conflict');
        await expectCode(store.redeemInvitation('ZZZZ99', 'x'), 'not_found');
      });
    });

    describe('interviewers and API tokens', () => {
      it('upserts interviewers, keeping the creation date and the name when none is given', async () => {
        const store = await open();
        const created = await store.upsertInterviewer({ id: 'aad:1', displayName: 'Claire Martin' });
        expect(created).toMatchObject({ id: 'aad:1', displayName: 'Claire Martin' });
        const renamed = await store.upsertInterviewer({ id: 'aad:1', displayName: 'Claire M.' });
        expect(renamed).toEqual({ ...created, displayName: 'Claire M.' });
        expect(await store.upsertInterviewer({ id: 'aad:1' })).toEqual(renamed);
        expect(await store.getInterviewer('aad:1')).toEqual(renamed);
        expect(await store.getInterviewer('aad:2')).toBeNull();
      });

      it('issues random tokens that resolve to their interviewer and issue time until revoked', async () => {
        const issuedAt = new Date('2025-03-04T09:30:00.000Z');
        const store = await open({ now: () => issuedAt });
        await store.upsertInterviewer({ id: 'alice', displayName: null });
        await store.upsertInterviewer({ id: 'bob', displayName: null });
        const first = await store.issueApiToken('alice');
        const second = await store.issueApiToken('alice');
        const bobs = await store.issueApiToken('bob');
        expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(new Set([first, second, bobs]).size).toBe(3);
        expect(await store.resolveApiToken(first)).toEqual({
          interviewerId: 'alice',
          issuedAt: issuedAt.toISOString(),
        });
        expect((await store.resolveApiToken(bobs))?.interviewerId).toBe('bob');
        expect(await store.resolveApiToken(`${first}x`)).toBeNull();
        expect(await store.resolveApiToken('')).toBeNull();

        expect(await store.revokeApiTokens('alice')).toBe(2);
        expect(await store.resolveApiToken(first)).toBeNull();
        expect(await store.resolveApiToken(second)).toBeNull();
        expect((await store.resolveApiToken(bobs))?.interviewerId).toBe('bob');
        await expectCode(store.issueApiToken('nobody'), 'not_found');
      });
    });

    describe('turns of one conversation (turn scopes)', () => {
      const stateKey = conversationStateKey('test', 'conv-scoped');
      /** A turn as the bot runs one: reads the conversation state and the log, then commits. */
      const readTurn = async (store: InterviewStore, scope: TurnScope, id: string) =>
        runInTurnScope(scope, async () => {
          await store.kv.read([stateKey]);
          return store.getTurns(id);
        });

      it('commit nothing of a turn another turn of the conversation committed before, and say it is stale', async () => {
        const store = await open();
        await store.kv.write([{ key: stateKey, value: { dialogState: 'q1' } }]);
        const meta = await store.createInterview(newInterview());
        await store.appendTurns(meta.id, [question('tools.main', 'Quels outils ?')]);
        const first = new TurnScope(stateKey);
        const second = new TurnScope(stateKey);
        await readTurn(store, first, meta.id);
        await readTurn(store, second, meta.id);
        await runInTurnScope(first, () => store.appendTurns(meta.id, [answer('un ERP')]));
        const refused = await rejection(
          runInTurnScope(second, () => store.appendTurns(meta.id, [answer('un CRM')], { status: 'paused' })),
        );
        expect(refused).toBeInstanceOf(StaleTurnError);
        expect(second.stale).toBe(true);
        expect((await store.getTurns(meta.id)).map((turn) => turn.text)).toEqual([
          'Quels outils ?',
          'un ERP',
        ]);
        expect((await store.getInterview(meta.id))?.status).toBe('in_progress');
        // Nor its state, saved unconditionally as botbuilder does.
        await expectCode(
          runInTurnScope(second, () =>
            store.kv.write([{ key: stateKey, value: { dialogState: 'q2' }, eTag: '*' }]),
          ),
          'conflict',
        );
        await runInTurnScope(first, () =>
          store.kv.write([{ key: stateKey, value: { dialogState: 'q2-first' }, eTag: '*' }]),
        );
        expect((await store.kv.read([stateKey]))[stateKey]?.value).toEqual({ dialogState: 'q2-first' });

        // Run again on fresh state, it commits.
        const again = new TurnScope(stateKey);
        expect(await readTurn(store, again, meta.id)).toHaveLength(2);
        await runInTurnScope(again, () => store.appendTurns(meta.id, [answer('un CRM')]));
        expect((await store.getTurns(meta.id)).map((turn) => turn.seq)).toEqual([1, 2, 3]);
      });

      it('refuse a stale turn whose records are an interview created or changed', async () => {
        const store = await open();
        const meta = await store.createInterview(newInterview());
        const first = new TurnScope(stateKey);
        const second = new TurnScope(stateKey);
        await readTurn(store, first, meta.id);
        await readTurn(store, second, meta.id);
        // No state yet: the first turn to commit takes the conversation on.
        await runInTurnScope(first, () => store.updateInterview(meta.id, { status: 'paused' }));
        await expectCode(
          runInTurnScope(second, () => store.createInterview(newInterview({ id: 'second-start' }))),
          'conflict',
        );
        expect(await store.getInterview('second-start')).toBeNull();
        await expectCode(
          runInTurnScope(second, () => store.updateInterview(meta.id, { status: 'completed' })),
          'conflict',
        );
        expect((await store.getInterview(meta.id))?.status).toBe('paused');
      });

      it('keep what a turn committed when a later turn that read it saves the state first', async () => {
        const store = await open();
        const meta = await store.createInterview(newInterview());
        const first = new TurnScope(stateKey);
        await readTurn(store, first, meta.id);
        await runInTurnScope(first, () => store.appendTurns(meta.id, [answer('un ERP')]));
        const later = new TurnScope(stateKey);
        await readTurn(store, later, meta.id);
        await runInTurnScope(later, () => store.appendTurns(meta.id, [answer('un CRM')]));
        await runInTurnScope(later, () =>
          store.kv.write([{ key: stateKey, value: { by: 'later' }, eTag: '*' }]),
        );
        // The first turn's state write is left out, not an error: its records stand.
        await runInTurnScope(first, () =>
          store.kv.write([{ key: stateKey, value: { by: 'first' }, eTag: '*' }]),
        );
        expect(first.stateWriteDropped).toBe(true);
        expect((await store.kv.read([stateKey]))[stateKey]?.value).toEqual({ by: 'later' });
        expect((await store.getTurns(meta.id)).map((turn) => turn.text)).toEqual(['un ERP', 'un CRM']);
      });

      it('behave as before outside a turn scope', async () => {
        const store = await open();
        const meta = await store.createInterview(newInterview());
        await store.kv.write([{ key: stateKey, value: { a: 1 } }]);
        await store.appendTurns(meta.id, [answer('un')]);
        await store.kv.write([{ key: stateKey, value: { a: 2 }, eTag: '*' }]);
        await store.appendTurns(meta.id, [answer('deux')]);
        expect((await store.getTurns(meta.id)).map((turn) => turn.seq)).toEqual([1, 2]);
      });
    });

    describe('erasure', () => {
      it('removes the interview, its turns, its invitation and state naming it, and nothing else', async () => {
        const store = await open();
        const doomed = await store.createInterview(newInterview({ conversationKey: 'test:doomed' }));
        const kept = await store.createInterview(newInterview());
        await store.appendTurns(doomed.id, [answer('Réponse à effacer')]);
        await store.appendTurns(kept.id, [answer('Réponse à garder')]);
        await store.createInvitation({
          code: 'ERASE1',
          interviewerId: 'iv',
          interviewerAddress: null,
          profile: 'manager',
          language: 'fr',
        });
        await store.redeemInvitation('ERASE1', doomed.id);
        await store.kv.write([
          { key: 'test/conversations/doomed', value: { dialog: { interviewId: doomed.id } } },
          { key: 'test/conversations/kept', value: { dialog: { interviewId: kept.id } } },
        ]);

        expect(await store.eraseInterview(doomed.id)).toBe(true);
        expect(await store.getInterview(doomed.id)).toBeNull();
        expect(await store.getTurns(doomed.id)).toEqual([]);
        expect(await store.getInvitation('ERASE1')).toBeNull();
        expect(await store.findInvitationByInterview(doomed.id)).toBeNull();
        expect(
          Object.keys(await store.kv.read(['test/conversations/doomed', 'test/conversations/kept'])),
        ).toEqual(['test/conversations/kept']);
        expect((await store.getTurns(kept.id)).map((turn) => turn.text)).toEqual(['Réponse à garder']);
        expect(await store.eraseInterview(doomed.id)).toBe(false);
      });

      it('erases an interview and gives its invitation back unused, with its first createdAt', async () => {
        const store = await open();
        const created = await store.createInvitation({
          code: 'AGAIN7',
          interviewerId: 'iv',
          interviewerAddress: { conversation: { id: 'a:1' } },
          profile: 'expert',
          language: 'en',
        });
        const declined = await store.createInterview(newInterview({ interviewerId: 'iv' }));
        await store.appendTurns(declined.id, [question('consent', 'Do you agree?'), answer('no')]);
        await store.redeemInvitation('AGAIN7', declined.id);
        await store.kv.write([{ key: 'test/conversations/declined', value: { interviewId: declined.id } }]);

        expect(await store.eraseInterviewAndReopenInvitation(declined.id)).toEqual(created);
        expect(await store.getInterview(declined.id)).toBeNull();
        expect(await store.getTurns(declined.id)).toEqual([]);
        expect(await store.kv.read(['test/conversations/declined'])).toEqual({});
        expect(await store.getInvitation('AGAIN7')).toEqual(created);
        expect(await store.listInvitations('iv')).toEqual([created]);
        // The code opens a new interview again.
        const next = await store.createInterview(newInterview({ interviewerId: 'iv' }));
        expect(await store.redeemInvitation('AGAIN7', next.id)).toBe(true);

        const uninvited = await store.createInterview(newInterview());
        expect(await store.eraseInterviewAndReopenInvitation(uninvited.id)).toBeNull();
        expect(await store.getInterview(uninvited.id)).toBeNull();
        expect(await store.getInvitation('AGAIN7')).toEqual({ ...created, interviewId: next.id });
      });

      it('purges completed interviews older than the cutoff only', async () => {
        const clock = steppingClock('2025-01-01T00:00:00.000Z');
        const store = await open({ now: clock.now });
        const old = await store.createInterview(newInterview());
        await store.appendTurns(old.id, [answer('ancienne')], { status: 'completed' });
        const oldOpen = await store.createInterview(newInterview());
        clock.set('2025-06-01T00:00:00.000Z');
        const recent = await store.createInterview(newInterview());
        await store.updateInterview(recent.id, { status: 'completed' });

        expect(await store.purgeCompleted(new Date('2025-03-01T00:00:00.000Z'))).toBe(1);
        expect(await store.getInterview(old.id)).toBeNull();
        expect(await store.getTurns(old.id)).toEqual([]);
        expect((await store.listInterviews()).map((meta) => meta.id).sort()).toEqual(
          [oldOpen.id, recent.id].sort(),
        );
        expect(await store.purgeCompleted(new Date('2025-03-01T00:00:00.000Z'))).toBe(0);
      });
    });
  });
}
