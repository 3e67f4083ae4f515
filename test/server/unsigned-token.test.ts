import { afterEach, describe, expect, it } from 'vitest';
import { createEchoBot } from '../../src/bot/echo-bot.js';
import type { FetchJson } from '../../src/signing-keys.js';
import { httpRequest, startTestServer, type TestServer, userActivity } from './helpers.js';

const CREDENTIALS = {
  MicrosoftAppId: '00000000-0000-4000-8000-0000000000b2',
  MicrosoftAppPassword: 'not-a-real-secret',
};

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A token as a channel's would read, from the Bot Framework issuer, but signed by nobody. */
function unsignedToken(header: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = base64url({
    iss: 'https://api.botframework.com',
    aud: CREDENTIALS.MicrosoftAppId,
    exp: now + 600,
    nbf: now - 60,
    serviceurl: 'http://127.0.0.1:9',
  });
  return `${base64url(header)}.${claims}.`;
}

describe('an unsigned token on /api/messages', () => {
  it('is refused 401 at once, even while the signing keys cannot be fetched, and fetches nothing', async () => {
    const fetched: string[] = [];
    const unreachable: FetchJson = async (url) => {
      fetched.push(url);
      throw new TypeError('fetch failed');
    };
    server = await startTestServer({ bot: createEchoBot(), env: CREDENTIALS, fetchSigningKeys: unreachable });
    const headers = [
      { alg: 'none', typ: 'JWT' },
      { alg: 'none', typ: 'JWT', kid: 'k1' },
      { alg: 'HS256', typ: 'JWT', kid: 'k1' },
      { alg: 'RS256', typ: 'JWT' },
    ];
    for (const [index, header] of headers.entries()) {
      const reply = await httpRequest(`${server.url}/api/messages`, {
        body: userActivity(`conv-unsigned-${index}`, { text: index % 2 === 0 ? 'bonjour' : 'hello' }),
        headers: { authorization: `Bearer ${unsignedToken(header)}` },
      });
      expect(reply.status, JSON.stringify(header)).toBe(401);
      expect(reply.json).toMatchObject({ error: { code: 'unauthorized' } });
      expect(reply.headers['retry-after']).toBeUndefined();
    }
    expect(fetched).toEqual([]);
  });
});
