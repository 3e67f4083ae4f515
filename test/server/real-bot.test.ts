import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadGuides } from '../../src/core/guide/index.js';
import {
  replyTexts,
  sendExpectingReplies,
  startTestServer,
  type TestServer,
  userActivity,
} from './helpers.js';

const guide = loadGuides().fr;
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
});
