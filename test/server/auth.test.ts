import { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEchoBot } from '../../src/bot/echo-bot.js';
import { httpRequest, startTestServer, type TestServer, userActivity } from './helpers.js';

/** Every connection this process opens to a host other than loopback (there must be none). */
const outsideConnections: string[] = [];
const originalConnect = Socket.prototype.connect;

beforeAll(() => {
  Socket.prototype.connect = function connect(this: Socket, ...args: unknown[]) {
    // net.connect passes its normalised arguments as one array: [options, callback].
    const first: unknown = Array.isArray(args[0]) ? args[0][0] : args[0];
    const host =
      typeof first === 'object' && first !== null && 'host' in first ? String(first.host) : 'localhost';
    const isLocal = host === '127.0.0.1' || host === 'localhost' || host === '::1';
    const isPipe =
      typeof first === 'object' && first !== null && 'path' in first && typeof first.path === 'string';
    if (!isLocal && !isPipe) {
      outsideConnections.push(host);
      this.destroy(new Error(`test refused a connection to ${host}`));
      return this;
    }
    return Reflect.apply(originalConnect, this, args);
  } as typeof Socket.prototype.connect;
});

afterAll(() => {
  Socket.prototype.connect = originalConnect;
});

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const CREDENTIALS = {
  MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
  MicrosoftAppPassword: 'not-a-real-secret',
};

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A well-formed JWT signed by nobody Bot Framework trusts. */
const FOREIGN_JWT = [
  base64url({ alg: 'RS256', typ: 'JWT', kid: 'unknown-key' }),
  base64url({
    iss: 'https://issuer.invalid/',
    aud: CREDENTIALS.MicrosoftAppId,
    exp: Math.floor(Date.now() / 1000) + 600,
    serviceurl: 'http://127.0.0.1:9',
  }),
  Buffer.from('signature').toString('base64url'),
].join('.');

describe('Bot Framework authentication', () => {
  it('refuses every request without a valid token when app credentials are set, without leaving the machine', async () => {
    server = await startTestServer({ bot: createEchoBot(), env: CREDENTIALS });
    const cases: Array<[string, Record<string, string>]> = [
      ['no Authorization header', {}],
      ['a garbage bearer token', { authorization: 'Bearer garbage' }],
      ['a non-bearer scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['a JWT from an unknown issuer', { authorization: `Bearer ${FOREIGN_JWT}` }],
    ];
    for (const [name, headers] of cases) {
      const reply = await httpRequest(`${server.url}/api/messages`, {
        body: userActivity('conv-auth', { text: 'bonjour' }),
        headers,
      });
      expect(reply.status, name).toBe(401);
      expect(reply.json, name).toMatchObject({ error: { code: 'unauthorized' } });
      expect(reply.text, name).not.toContain('bonjour');
    }
    expect(outsideConnections).toEqual([]);
    const refusals = server.log.lines().filter((line) => line.includes('"event":"turn.refused"'));
    expect(refusals).toHaveLength(cases.length);
  });

  it('serves anonymous requests when no app credentials are set', async () => {
    server = await startTestServer({ bot: createEchoBot() });
    const reply = await httpRequest(`${server.url}/api/messages`, {
      body: userActivity('conv-anon', { text: 'salut' }),
    });
    expect(reply.status).toBe(200);
    expect(outsideConnections).toEqual([]);
  });
});
