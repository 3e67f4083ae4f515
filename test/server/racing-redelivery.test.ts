import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/app.js';
import { KeyValueBotStorage } from '../../src/bot/bot-storage.js';
import { createBotAdapter } from '../../src/bot/http-adapter.js';
import { LOCAL_OWNER } from '../../src/bot/interview-bot.js';
import { summaryDeliveryHook } from '../../src/bot/invitation-delivery.js';
import { invitationMiddleware } from '../../src/bot/invitation-middleware.js';
import { loadInvitationPrompts } from '../../src/bot/invitation-prompts.js';
import { loadConfig } from '../../src/config.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { type BotHttpServer, createHttpServer } from '../../src/server/server.js';
import { openStore } from '../../src/store/open.js';
import type { InterviewStore } from '../../src/store/types.js';
import { requirePostgresIfDemanded, TEST_DATABASE_URL, TestSchemas } from '../store/postgres-schema.js';
import {
  type CapturedLog,
  captureLog,
  refuseKeyFetches,
  replyTexts,
  sendExpectingReplies,
  userActivity,
} from './helpers.js';
import { nextStep } from './interview-driver.js';

requirePostgresIfDemanded();

const guides = loadGuides();
const prompts = loadInvitationPrompts();
const schemas = new TestSchemas();
const dataDirs: string[] = [];

/** One server as `npm start` wires it: invitations on its Bot Framework endpoint, the summary to the interviewer. */
interface Instance {
  url: string;
  store: InterviewStore;
  storage: KeyValueBotStorage;
  log: CapturedLog;
  services: Services;
  http: BotHttpServer;
}

const opened: Instance[] = [];

afterEach(async () => {
  for (const instance of opened.splice(0)) {
    await instance.http.drain(1000);
    await instance.services.close();
    await instance.store.close();
  }
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

afterAll(async () => {
  if (TEST_DATABASE_URL !== undefined) await schemas.dropAll(TEST_DATABASE_URL);
});

async function instanceOn(store: InterviewStore): Promise<Instance> {
  const config = loadConfig({ PORT: '0' });
  const log = captureLog('debug');
  const storage = new KeyValueBotStorage(store.kv);
  const adapter = createBotAdapter(config);
  adapter.use(invitationMiddleware({ store, prompts, anonymous: true }));
  const services = await createServices(config, {
    store,
    storage,
    hooks: {
      onCompleted: summaryDeliveryHook({ store, prompts, channels: adapter, appId: '', logger: log.logger }),
    },
  });
  const http = createHttpServer({
    config,
    logger: log.logger,
    bot: services.bot,
    adapter,
    fetchSigningKeys: refuseKeyFetches,
  });
  const address = await http.listen(0, '127.0.0.1');
  const instance = { url: `http://127.0.0.1:${address.port}`, store, storage, log, services, http };
  opened.push(instance);
  return instance;
}

/** `count` servers sharing one database: PostgreSQL (a schema of its own) or one SQLite file. */
async function instances(kind: 'postgres' | 'sqlite', count: number): Promise<Instance[]> {
  const schema = schemas.next();
  const dataDir = mkdtempSync(join(tmpdir(), 'sme-redelivery-'));
  dataDirs.push(dataDir);
  const open = () =>
    kind === 'postgres'
      ? openStore({ DATA_DIR: dataDir, DATABASE_URL: TEST_DATABASE_URL }, { schema })
      : openStore({ DATA_DIR: dataDir, DATABASE_URL: undefined });
  const all: Instance[] = [];
  // One after the other: the first creates the tables the others find.
  for (let index = 0; index < count; index += 1) all.push(await instanceOn(await open()));
  return all;
}

/** Where racing turns meet: each of the first `count` calls waits for the others (or a few seconds). */
function meetingOf(count: number): () => Promise<void> {
  let waiting = count;
  let release: () => void = () => {};
  const allThere = new Promise<void>((resolve) => {
    release = resolve;
  });
  return async () => {
    if (waiting === 0) return;
    waiting -= 1;
    if (waiting === 0) release();
    await Promise.race([allThere, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };
}

/** Makes the first call of `method` on each instance's store wait until every instance has made it. */
function meetAt(all: readonly Instance[], method: 'createInvitation' | 'appendTurns'): void {
  const arrive = meetingOf(all.length);
  for (const { store } of all) {
    const original = store[method].bind(store);
    Object.assign(store, {
      [method]: async (...args: Parameters<typeof original>) => {
        await arrive();
        return Reflect.apply(original, store, args);
      },
    });
  }
}

/** Delays every end-of-turn state write, so a turn that got in first is still finishing when the others run again. */
function slowStateWrites(all: readonly Instance[], delayMs: number): void {
  for (const { storage } of all) {
    const write = storage.write.bind(storage);
    storage.write = async (changes) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return write(changes);
    };
  }
}

const CODE = /\b([A-HJ-NP-Z2-9]{8})\b/;

const kinds = [...(TEST_DATABASE_URL === undefined ? [] : (['postgres'] as const)), 'sqlite' as const];

describe.each(kinds)('an invitation request delivered to two servers at once (%s)', (kind) => {
  it.each([
    ['fr', 'inviter dirigeant fr', 'fr-FR'],
    ['en', 'invite a manager in English', 'en-GB'],
  ] as const)(
    'creates one invitation, and both answers give its code (%s)',
    async (_lang, text, locale) => {
      const all = await instances(kind, 2);
      meetAt(all, 'createInvitation');
      const message = userActivity(`conv-invite-${kind}-${locale}`, { id: 'invite-1', text, locale });
      const answers = await Promise.all(
        all.map(async ({ url }) => replyTexts(await sendExpectingReplies(url, message)).join('\n')),
      );
      const codes = answers.map((answer) => CODE.exec(answer)?.[1]);
      expect(codes[0]).toBeDefined();
      expect(codes[1]).toBe(codes[0]);
      const stored = await all[0]?.store.listInvitations(LOCAL_OWNER);
      expect(stored?.map((invitation) => invitation.code)).toEqual([codes[0]]);
    },
    30_000,
  );
});

describe.each(kinds)(
  'the last message of an invited interview delivered to three servers at once (%s)',
  (kind) => {
    it('gets the closing of its first delivery from each, and from a later retry', async () => {
      const guide = guides.fr;
      const all = await instances(kind, 3);
      const [first] = all;
      if (!first) throw new Error('no server');
      const invitation = await first.store.createInvitation({
        code: 'K7M2QX9P',
        interviewerId: LOCAL_OWNER,
        interviewerAddress: {
          channelId: 'test',
          serviceUrl: 'http://127.0.0.1:9',
          conversation: { id: 'conv-interviewer' },
        },
        profile: 'manager',
        language: 'fr',
      });
      const conversationId = `conv-last-${kind}`;
      let said = replyTexts(
        await sendExpectingReplies(
          first.url,
          userActivity(conversationId, { text: `code ${invitation.code}` }),
        ),
      ).join('\n');
      let scripted = 0;
      const review = guide.closing.questions.find((question) => question.expects === 'yes_no')?.text ?? '';
      for (let turn = 0; turn < 60 && !said.includes(review); turn += 1) {
        const step = nextStep(said, scripted);
        if (step.kind === 'done') throw new Error('the interview ended before its closing review');
        if (step.kind === 'answer' && step.scripted) scripted += 1;
        said = replyTexts(
          await sendExpectingReplies(first.url, userActivity(conversationId, { text: step.text })),
        ).join('\n');
      }
      expect(said).toContain(review);

      meetAt(all, 'appendTurns');
      slowStateWrites(all, 300);
      const last = userActivity(conversationId, { id: 'last-message', text: 'non' });
      const answers = await Promise.all(
        all.map(async ({ url }) => replyTexts(await sendExpectingReplies(url, last)).join('\n')),
      );
      expect(answers[0]).toContain(guide.closing.thanks);
      expect(answers).toEqual([answers[0], answers[0], answers[0]]);
      const retried = replyTexts(await sendExpectingReplies(first.url, last)).join('\n');
      expect(retried).toBe(answers[0]);
      const logs = all.flatMap(({ log }) => log.lines()).join('\n');
      expect(logs).not.toContain('turn.state_superseded');
    }, 60_000);
  },
);
