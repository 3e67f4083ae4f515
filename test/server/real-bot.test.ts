import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadGuides } from '../../src/core/guide/index.js';
import {
  httpRequest,
  replyTexts,
  sendExpectingReplies,
  startTestServer,
  type TestServer,
  userActivity,
} from './helpers.js';

const guides = loadGuides();
const guide = guides.fr;
let dataDir = '';
let services: Services | null = null;
let server: TestServer | null = null;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sme-bot-http-'));
  services = await createServices(loadConfig({ DATA_DIR: dataDir }));
  server = await startTestServer({ bot: services.bot });
});

afterEach(async () => {
  await server?.close();
  await services?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function baseUrl(): string {
  if (!server) throw new Error('server not started');
  return server.url;
}

function memberAdded(conversationId: string, memberId: string): Record<string, unknown> {
  return userActivity(conversationId, {
    type: 'conversationUpdate',
    channelId: 'msteams',
    text: undefined,
    membersAdded: [{ id: memberId, name: 'Respondent' }],
  });
}

describe('the interview bot behind the HTTP front door', () => {
  it('greets a member who joins once, not at every conversation update', async () => {
    const url = baseUrl();
    const first = await sendExpectingReplies(url, memberAdded('conv-greet', 'user-conv-greet'));
    expect(replyTexts(first).join('\n')).toContain(guide.bot.welcome);
    const again = await sendExpectingReplies(url, memberAdded('conv-greet', 'user-conv-greet'));
    expect(replyTexts(again).join('\n')).not.toContain(guide.bot.welcome);
  });

  it('answers the start of an interview with the language choice', async () => {
    const url = baseUrl();
    const replies = await sendExpectingReplies(url, userActivity('conv-start', { text: 'démarrer' }));
    expect(replyTexts(replies).join('\n')).toContain(guide.bot.chooseLanguage);
  });

  it.each([
    ['en', 'en-US', 'start'],
    ['fr', 'fr-FR', 'démarrer'],
  ] as const)(
    'greets a Teams reader and asks the language in %s when the locale is %s',
    async (lang, locale, start) => {
      const url = baseUrl();
      const bot = guides[lang].bot;
      const teams = { channelId: 'msteams', locale };
      const joined = await sendExpectingReplies(url, {
        ...memberAdded(`conv-${locale}`, `user-${locale}`),
        ...teams,
      });
      expect(replyTexts(joined)).toEqual([bot.welcome]);
      const started = await sendExpectingReplies(
        url,
        userActivity(`conv-${locale}`, { ...teams, text: start }),
      );
      expect(replyTexts(started)).toEqual([bot.chooseLanguage]);
    },
  );

  it.each([
    ['a card action without an action', 'adaptiveCard/action', {}],
    ['a card action', 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'x' } }],
    ['a message extension query', 'composeExtension/query', {}],
    ['a search without a value', 'application/search', undefined],
  ])(
    'answers %s, which it offers none of, as not implemented, and keeps serving',
    async (_what, name, value) => {
      const url = baseUrl();
      const invoke = userActivity('conv-invoke', {
        type: 'invoke',
        channelId: 'msteams',
        name,
        value,
        text: undefined,
        deliveryMode: undefined,
      });
      const reply = await httpRequest(`${url}/api/messages`, { body: invoke });
      expect(reply.status).toBe(501);
      expect(server?.log.lines().join('\n')).not.toContain('turn.failed');
      const after = await sendExpectingReplies(url, userActivity('conv-invoke', { text: 'démarrer' }));
      expect(replyTexts(after)).toEqual([guide.bot.chooseLanguage]);
    },
  );
});
