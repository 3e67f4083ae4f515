import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/app.js';
import { createBotAdapter } from '../../src/bot/http-adapter.js';
import type { InterviewBot } from '../../src/bot/interview-bot.js';
import { parseInvitationRequest } from '../../src/bot/invitation-command.js';
import { summaryDeliveryHook } from '../../src/bot/invitation-delivery.js';
import {
  invitationMiddleware,
  newInvitationCode,
  teamsDeepLink,
} from '../../src/bot/invitation-middleware.js';
import { loadInvitationPrompts } from '../../src/bot/invitation-prompts.js';
import { loadConfig } from '../../src/config.js';
import { type BotHttpServer, createHttpServer } from '../../src/server/server.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { registerWebRoutes, type WebRoutes } from '../../src/web/routes.js';
import { until } from '../cli/chat-helpers.js';
import { captureLog, replyTexts, sendExpectingReplies, userActivity } from '../server/helpers.js';
import { nextStep } from '../server/interview-driver.js';

const prompts = loadInvitationPrompts();
const BOT = '28:e4f1a9c2-3b7d-4e8f-a1c6-9d2b5f7e3a10';
const TENANT = '5c1f8e2a-9b3d-4a6c-8e7f-1d2c3b4a5f60';

/**
 * Stands in for the Teams connector service: records what the bot posts to conversations. While `held`, it
 * answers no post until `release` (a channel that is slow to answer).
 */
async function fakeConnector(): Promise<{
  server: Server;
  url: string;
  received: { path: string; body: Record<string, unknown> }[];
  hold(): void;
  release(): void;
  unanswered(): number;
}> {
  const received: { path: string; body: Record<string, unknown> }[] = [];
  let held = false;
  const waiting: (() => void)[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: data ? JSON.parse(data) : {} });
      const id = `sent-${received.length}`;
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
      };
      if (held) waiting.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    received,
    hold: () => {
      held = true;
    },
    release: () => {
      held = false;
      for (const answer of waiting.splice(0)) answer();
    },
    unanswered: () => waiting.length,
  };
}

describe('invitation codes and links', () => {
  it('makes 6-10 character codes of capitals and digits with at least one of each', () => {
    for (let i = 0; i < 200; i++) expect(newInvitationCode()).toMatch(/^(?=.*[A-Z])(?=.*\d)[A-Z0-9]{6,10}$/);
  });

  it('links to a Teams chat with the bot, the code message filled in', () => {
    expect(teamsDeepLink(BOT, 'AB12CD34')).toBe(
      `https://teams.microsoft.com/l/chat/0/0?users=28%3Ae4f1a9c2-3b7d-4e8f-a1c6-9d2b5f7e3a10&message=code%20AB12CD34`,
    );
  });

  it('reads the interviewer request in French and English, and nothing else', () => {
    expect(parseInvitationRequest(prompts, 'inviter expert')).toEqual({
      profile: 'expert',
      language: 'fr',
      replyLanguage: 'fr',
    });
    expect(parseInvitationRequest(prompts, 'Invite manager FR')).toEqual({
      profile: 'manager',
      language: 'fr',
      replyLanguage: 'en',
    });
    expect(parseInvitationRequest(prompts, 'inviter dirigeant anglais')).toMatchObject({ language: 'en' });
    // The words advisers use most for the people they invite.
    expect(parseInvitationRequest(prompts, 'inviter un gérant')).toMatchObject({ profile: 'manager' });
    expect(parseInvitationRequest(prompts, 'inviter une gérante en anglais')).toEqual({
      profile: 'manager',
      language: 'en',
      replyLanguage: 'fr',
    });
    expect(parseInvitationRequest(prompts, 'invite a business adviser')).toMatchObject({ profile: 'expert' });
    expect(parseInvitationRequest(prompts, 'invitation de nos clients au salon')).toBeNull();
    expect(parseInvitationRequest(prompts, 'nous utilisons un ERP')).toBeNull();
  });
});

describe('invitation flow over HTTP, as Teams drives it', () => {
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let http: BotHttpServer;
  let url: string;
  let bot: InterviewBot;
  const store = createMemoryStore();

  beforeAll(async () => {
    connector = await fakeConnector();
    const config = loadConfig({ PORT: '0' });
    const log = captureLog('error');
    const adapter = createBotAdapter(config);
    adapter.use(invitationMiddleware({ store, prompts }));
    let web: WebRoutes | null = null;
    const services = await createServices(config, {
      store,
      hooks: {
        onCompleted: summaryDeliveryHook({
          store,
          prompts,
          channels: adapter,
          webChat: {
            continueConversationAsync: (appId, reference, logic) => {
              if (!web) throw new Error('web routes not mounted');
              return web.directLine.continueConversationAsync(appId, reference, logic);
            },
          },
          appId: '',
          logger: log.logger,
        }),
      },
    });
    bot = services.bot;
    http = createHttpServer({
      config,
      logger: log.logger,
      bot: services.bot,
      adapter,
      registerRoutes: (router) => {
        web = registerWebRoutes(router, {
          config,
          store,
          bot: services.bot,
          middleware: [invitationMiddleware({ store, prompts })],
        });
      },
    });
    url = `http://127.0.0.1:${(await http.listen(0, '127.0.0.1')).port}`;
  });

  afterAll(async () => {
    await http?.drain(1000);
    connector?.server.close();
  });

  const teams = (conversationId: string, from: Record<string, unknown>, text: string) =>
    userActivity(conversationId, {
      text,
      channelId: 'msteams',
      serviceUrl: connector.url,
      from,
      recipient: { id: BOT, name: 'Entretiens PME' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    });

  /** A respondent opens an interview with `code` and answers it to the end: the last step reached. */
  async function interviewedWithCode(
    conversationId: string,
    respondent: Record<string, unknown>,
    code: string | undefined,
  ): Promise<string> {
    let said = replyTexts(
      await sendExpectingReplies(url, teams(conversationId, respondent, `code ${code}`)),
    ).join('\n');
    let answers = 0;
    let step = nextStep(said, answers);
    for (let turn = 0; turn < 60 && step.kind !== 'done'; turn++) {
      if (step.kind === 'answer') answers++;
      said = replyTexts(await sendExpectingReplies(url, teams(conversationId, respondent, step.text))).join(
        '\n',
      );
      step = nextStep(said, answers);
    }
    return step.kind;
  }

  it('gives the interviewer a code; the respondent is interviewed; the summary card reaches the interviewer', async () => {
    const interviewer = { id: '29:alice', name: 'Alice', aadObjectId: 'aad-alice' };
    const answer = replyTexts(
      await sendExpectingReplies(url, teams('a:alice-chat', interviewer, 'inviter dirigeant fr')),
    ).join('\n');
    const code = /Code\u00a0: ([A-Z0-9]{6,10})/.exec(answer)?.[1];
    expect(code).toBeDefined();
    expect(answer).toContain(teamsDeepLink(BOT, code ?? ''));

    const respondent = { id: '29:rachid', name: 'Rachid', aadObjectId: 'aad-rachid' };
    expect(await interviewedWithCode('a:rachid-chat', respondent, code)).toBe('done');

    const [interview] = await store.listInterviews({ interviewerId: 'aad-alice' });
    expect(interview).toMatchObject({ status: 'completed', profile: 'manager', language: 'fr' });

    // Proactive: posted to the interviewer's conversation on the connector, not to the respondent's, once the
    // respondent has had the last reply.
    await bot.settled();
    const toAlice = connector.received.filter((post) =>
      post.path.startsWith('/v3/conversations/a%3Aalice-chat/activities'),
    );
    const card = toAlice.map((post) => post.body.attachments).find(Array.isArray);
    expect(card?.[0]).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive' });
    expect(connector.received.some((post) => post.path.includes('rachid'))).toBe(false);
  }, 120_000);

  it("gives the respondent the last reply without waiting for the interviewer's channel to take the summary", async () => {
    const interviewer = { id: '29:chloe', name: 'Chloé', aadObjectId: 'aad-chloe' };
    const answer = replyTexts(
      await sendExpectingReplies(url, teams('a:chloe-chat', interviewer, 'inviter dirigeant fr')),
    ).join('\n');
    const code = /Code\u00a0: ([A-Z0-9]{6,10})/.exec(answer)?.[1];
    const respondent = { id: '29:yann', name: 'Yann', aadObjectId: 'aad-yann' };
    connector.hold();
    try {
      expect(await interviewedWithCode('a:yann-chat', respondent, code)).toBe('done');
      // The last reply came back while the interviewer's channel had not yet answered the summary's post.
      await until(() => connector.unanswered() > 0, "the summary's post to the interviewer");
    } finally {
      connector.release();
    }
    await bot.settled();
    const toChloe = connector.received.filter((post) => post.path.includes('chloe-chat'));
    expect(toChloe.map((post) => post.body.attachments).find(Array.isArray)).toBeDefined();
  }, 120_000);

  it('refuses a code used twice, and an unknown code', async () => {
    const interviewer = { id: '29:bea', name: 'Béa', aadObjectId: 'aad-bea' };
    const answer = replyTexts(
      await sendExpectingReplies(url, teams('a:bea-chat', interviewer, 'invite expert en')),
    ).join('\n');
    const code = /Code: ([A-Z0-9]{6,10})/.exec(answer)?.[1] ?? '';
    expect(code).not.toBe('');
    const first = replyTexts(
      await sendExpectingReplies(url, teams('a:r1', { id: '29:r1' }, `code ${code}`)),
    ).join('\n');
    const second = replyTexts(
      await sendExpectingReplies(url, teams('a:r2', { id: '29:r2' }, `code ${code}`)),
    ).join('\n');
    const guess = replyTexts(
      await sendExpectingReplies(url, teams('a:r3', { id: '29:r3' }, 'code ZZ99ZZ99')),
    ).join('\n');
    expect(first).not.toBe(second);
    expect(second).toBe(guess);
  });

  it('delivers to an interviewer who invited from the web chat', async () => {
    const grant = await (await fetch(`${url}/directline/tokens/generate`, { method: 'POST' })).json();
    const auth = { authorization: `Bearer ${grant.token}`, 'content-type': 'application/json' };
    await fetch(`${url}/directline/conversations`, { method: 'POST', headers: auth });
    await fetch(`${url}/directline/conversations/${grant.conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', text: 'inviter' }),
    });
    const polled = await (
      await fetch(`${url}/directline/conversations/${grant.conversationId}/activities`, { headers: auth })
    ).json();
    const code = /Code\u00a0: ([A-Z0-9]{6,10})/.exec(JSON.stringify(polled.activities))?.[1] ?? '';
    expect(code).not.toBe('');

    const respondent = { id: '29:chloe' };
    let said = replyTexts(await sendExpectingReplies(url, teams('a:chloe', respondent, `code ${code}`))).join(
      '\n',
    );
    let answers = 0;
    let step = nextStep(said, answers);
    for (let turn = 0; turn < 60 && step.kind !== 'done'; turn++) {
      if (step.kind === 'answer') answers++;
      said = replyTexts(await sendExpectingReplies(url, teams('a:chloe', respondent, step.text))).join('\n');
      step = nextStep(said, answers);
    }
    expect(step.kind).toBe('done');
    const after = await (
      await fetch(`${url}/directline/conversations/${grant.conversationId}/activities`, { headers: auth })
    ).json();
    const lastCard = after.activities.at(-1);
    expect(lastCard.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  }, 120_000);
});
