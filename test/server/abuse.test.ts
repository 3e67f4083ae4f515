import { afterEach, describe, expect, it } from 'vitest';
import { createEchoBot } from '../../src/bot/echo-bot.js';
import {
  httpRequest,
  replyTexts,
  sendExpectingReplies,
  startTestServer,
  type TestServer,
  userActivity,
} from './helpers.js';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('per-conversation rate limit', () => {
  it('answers 429 past the burst, only for the conversation that floods, and says when to retry', async () => {
    server = await startTestServer({
      bot: createEchoBot(),
      env: { RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_SECOND: '0.01' },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const reply = await httpRequest(`${server.url}/api/messages`, {
        body: userActivity('flood', { text: `message ${i}` }),
      });
      statuses.push(reply.status);
      if (reply.status === 429) expect(reply.text).toMatch(/send again in \d+ s/);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const other = await sendExpectingReplies(server.url, userActivity('calm', { text: 'bonjour' }));
    expect(replyTexts(other).join(' ')).toContain('bonjour');
  });
});

describe('anonymous local mode', () => {
  it('refuses to post replies to a non-loopback service URL', async () => {
    server = await startTestServer({ bot: createEchoBot() });
    const reply = await httpRequest(`${server.url}/api/messages`, {
      body: userActivity('elsewhere', {
        text: 'hello',
        deliveryMode: 'normal',
        serviceUrl: 'https://attacker.example.com/',
      }),
    });
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('loopback serviceUrl');
  });

  it('still serves expectReplies whatever the service URL, since nothing is posted to it', async () => {
    server = await startTestServer({ bot: createEchoBot() });
    const replies = await sendExpectingReplies(
      server.url,
      userActivity('remote-tool', { text: 'ping', serviceUrl: 'https://channel.example.com/' }),
    );
    expect(replyTexts(replies).join(' ')).toContain('ping');
  });
});
