import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.js';
import { openStore } from '../../src/store/open.js';
import { startRetention } from '../../src/store/retention.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { InterviewStore, StoreOptions } from '../../src/store/types.js';
import { captureLog } from '../server/helpers.js';
import { answer, newInterview, type StoreFactory, steppingClock } from './contract.js';
import { requirePostgresIfDemanded, TEST_DATABASE_URL, TestSchemas } from './postgres-schema.js';

requirePostgresIfDemanded();

const DAY = 24 * 60 * 60 * 1000;
const folders: string[] = [];
const schemas = new TestSchemas();
const opened: InterviewStore[] = [];
afterAll(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  if (TEST_DATABASE_URL !== undefined) await schemas.dropAll(TEST_DATABASE_URL);
});

const backends: [string, StoreFactory][] = [
  ['memory', async (options) => createMemoryStore(options)],
  [
    'sqlite',
    (options) => {
      const folder = mkdtempSync(path.join(tmpdir(), 'sme-retention-'));
      folders.push(folder);
      return openSqliteStore(folder, options);
    },
  ],
  ...(TEST_DATABASE_URL === undefined
    ? []
    : [
        [
          'postgres',
          (options: StoreOptions) =>
            openStore(
              { DATA_DIR: '/nonexistent-never-used', DATABASE_URL: TEST_DATABASE_URL },
              { ...options, schema: schemas.next() },
            ),
        ] satisfies [string, StoreFactory],
      ]),
];

for (const [name, factory] of backends) {
  const open = async (options: StoreOptions = {}) => {
    const store = await factory(options);
    opened.push(store);
    return store;
  };

  describe(`${name} store`, () => {
    it('purges interviews left in progress or paused by their last activity, not by their start', async () => {
      const clock = steppingClock('2025-01-01T00:00:00.000Z');
      const store = await open({ now: clock.now });
      const abandoned = await store.createInterview(newInterview({ conversationKey: 'test:abandoned' }));
      await store.appendTurns(abandoned.id, [answer('Réponse laissée en plan')]);
      const pausedLongAgo = await store.createInterview(newInterview());
      await store.appendTurns(pausedLongAgo.id, [answer('Réponse avant la pause')], { status: 'paused' });
      const startedLongAgo = await store.createInterview(newInterview());
      const completedLongAgo = await store.createInterview(newInterview());
      await store.updateInterview(completedLongAgo.id, { status: 'completed' });
      await store.kv.write([
        { key: 'test/conversations/abandoned', value: { dialog: { interviewId: abandoned.id } } },
      ]);
      // Begun in January, still answered in June: its last activity, not its start, counts.
      clock.set('2025-06-01T00:00:00.000Z');
      await store.appendTurns(startedLongAgo.id, [answer('Réponse récente')]);
      const recentlyPaused = await store.createInterview(newInterview());
      await store.updateInterview(recentlyPaused.id, { status: 'paused' });

      expect(await store.purgeUnfinished(new Date('2025-03-01T00:00:00.000Z'))).toBe(2);
      expect(await store.getInterview(abandoned.id)).toBeNull();
      expect(await store.getTurns(abandoned.id)).toEqual([]);
      expect(await store.getInterview(pausedLongAgo.id)).toBeNull();
      expect(await store.kv.read(['test/conversations/abandoned'])).toEqual({});
      // A completed interview is kept by its completion date (purgeCompleted), whatever its last activity.
      expect((await store.listInterviews()).map((meta) => meta.id).sort()).toEqual(
        [startedLongAgo.id, completedLongAgo.id, recentlyPaused.id].sort(),
      );
      expect(await store.purgeUnfinished(new Date('2025-03-01T00:00:00.000Z'))).toBe(0);
    });

    it("lists an interviewer's invitations, newest first, with the interview each opened", async () => {
      const clock = steppingClock('2025-02-01T09:00:00.000Z');
      const store = await open({ now: clock.now });
      const invite = (code: string, interviewerId: string, language: 'fr' | 'en' = 'fr') =>
        store.createInvitation({
          code,
          interviewerId,
          interviewerAddress: { conversation: { id: `chat-${interviewerId}` } },
          profile: 'manager',
          language,
        });
      await invite('K7M2QX9P', 'alice');
      await invite('B4RN8Q2Z', 'bruno');
      await invite('Z9X8W7V6', 'alice', 'en');
      const used = await store.createInterview(newInterview({ interviewerId: 'alice' }));
      await store.redeemInvitation('K7M2QX9P', used.id);

      const listed = await store.listInvitations('alice');
      expect(
        listed.map(({ code, language, profile, interviewId }) => ({ code, language, profile, interviewId })),
      ).toEqual([
        { code: 'Z9X8W7V6', language: 'en', profile: 'manager', interviewId: null },
        { code: 'K7M2QX9P', language: 'fr', profile: 'manager', interviewId: used.id },
      ]);
      expect(listed[0]?.createdAt).toBe('2025-02-01T09:00:03.000Z');
      expect(await store.listInvitations('nobody')).toEqual([]);

      await store.eraseInterview(used.id);
      expect((await store.listInvitations('alice')).map((invitation) => invitation.code)).toEqual([
        'Z9X8W7V6',
      ]);
    });

    it('RETENTION_DAYS erases an interview abandoned for longer than the period, at start and hourly', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      try {
        let now = Date.parse('2025-01-01T00:00:00.000Z');
        const clock = () => new Date(now);
        const store = await open({ now: clock });
        const abandonedOld = await store.createInterview(newInterview());
        now += 2 * DAY;
        const abandonedLater = await store.createInterview(newInterview());
        await store.appendTurns(abandonedLater.id, [answer('Puis plus rien')], { status: 'paused' });
        now += 6 * DAY;
        const log = captureLog('info');
        const stop = startRetention(store, 7, { clock, intervalMs: 60_000, log: log.logger });
        await vi.waitFor(async () => expect(await store.getInterview(abandonedOld.id)).toBeNull());
        expect(await store.getInterview(abandonedLater.id)).not.toBeNull();
        expect(log.lines().join('\n')).toContain('"unfinished":1');

        now += 2 * DAY;
        await vi.advanceTimersByTimeAsync(60_000);
        await vi.waitFor(async () => expect(await store.getInterview(abandonedLater.id)).toBeNull());
        stop();
      } finally {
        vi.useRealTimers();
      }
    });
  });
}
