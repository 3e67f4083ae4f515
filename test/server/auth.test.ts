import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEchoBot } from '../../src/bot/echo-bot.js';
import type { FetchJson } from '../../src/signing-keys.js';
import { httpRequest, replyTexts, startTestServer, type TestServer, userActivity } from './helpers.js';

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

/** The Bot Framework channels' OpenID configuration (what botbuilder reads first) and the keys it points to. */
const CHANNEL_METADATA = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const CHANNEL_KEYS = 'https://login.botframework.com/v1/.well-known/keys';

const channelKey = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** A key service that publishes `channelKey` as `k1`, counting the fetches it is asked for. */
function keyService(): { fetcher: FetchJson; fetched: string[] } {
  const fetched: string[] = [];
  const fetcher: FetchJson = async (url) => {
    fetched.push(url);
    if (url === CHANNEL_METADATA) return { issuer: 'https://api.botframework.com', jwks_uri: CHANNEL_KEYS };
    if (url === CHANNEL_KEYS)
      return { keys: [{ ...channelKey.publicKey.export({ format: 'jwk' }), kid: 'k1' }] };
    throw new Error(`no such document: ${url}`);
  };
  return { fetcher, fetched };
}

/** A key service that cannot be reached (as here: no internet), counting the tries. */
function unreachableKeyService(): { fetcher: FetchJson; fetched: string[] } {
  const fetched: string[] = [];
  const fetcher: FetchJson = async (url) => {
    fetched.push(url);
    throw new TypeError('fetch failed');
  };
  return { fetcher, fetched };
}

/** A Bot Framework channel token as the service signs them (RS256, issuer api.botframework.com). */
function channelToken(options: { kid?: string; key?: KeyObject; aud?: string } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? 'k1' });
  const claims = base64url({
    iss: 'https://api.botframework.com',
    aud: options.aud ?? CREDENTIALS.MicrosoftAppId,
    exp: now + 600,
    nbf: now - 60,
    serviceurl: 'http://127.0.0.1:9',
  });
  const signature = sign(
    'RSA-SHA256',
    Buffer.from(`${header}.${claims}`),
    options.key ?? channelKey.privateKey,
  );
  return `${header}.${claims}.${signature.toString('base64url')}`;
}

function postWithToken(url: string, conversationId: string, token: string | null, text = 'bonjour') {
  return httpRequest(`${url}/api/messages`, {
    body: userActivity(conversationId, { text }),
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
}

describe('Bot Framework signing keys', () => {
  it('serves a request signed with a key the channel service publishes', async () => {
    const keys = keyService();
    server = await startTestServer({
      bot: createEchoBot(),
      env: CREDENTIALS,
      fetchSigningKeys: keys.fetcher,
    });
    const reply = await postWithToken(server.url, 'conv-signed', channelToken());
    expect(reply.status, reply.text).toBe(200);
    expect(replyTexts((reply.json as { activities: [] }).activities).join(' ')).toContain('bonjour');
    expect(outsideConnections).toEqual([]);
  });

  it('refuses a forged token with 401, fetching the keys once whatever key ids are made up', async () => {
    const keys = keyService();
    server = await startTestServer({
      bot: createEchoBot(),
      env: CREDENTIALS,
      fetchSigningKeys: keys.fetcher,
    });
    const forgedKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    for (let index = 0; index < 5; index += 1) {
      const unknownKid = await postWithToken(
        server.url,
        'conv-forged',
        channelToken({ kid: `kid-${index}` }),
      );
      expect(unknownKid.status, unknownKid.text).toBe(401);
      expect(unknownKid.json).toMatchObject({ error: { code: 'unauthorized' } });
    }
    // A known key id with a signature of another key: refused as such, not a failed turn.
    const badSignature = await postWithToken(server.url, 'conv-forged', channelToken({ key: forgedKey }));
    expect(badSignature.status, badSignature.text).toBe(401);
    expect(keys.fetched).toEqual([CHANNEL_METADATA, CHANNEL_KEYS]);
    expect(outsideConnections).toEqual([]);
  });

  it('answers 503 with Retry-After while the key service cannot be reached, and does not call it per request', async () => {
    const keys = unreachableKeyService();
    server = await startTestServer({
      bot: createEchoBot(),
      env: CREDENTIALS,
      fetchSigningKeys: keys.fetcher,
    });
    for (let index = 0; index < 5; index += 1) {
      const reply = await postWithToken(
        server.url,
        'conv-offline',
        channelToken({ kid: `unknown-${index}` }),
      );
      expect(reply.status, reply.text).toBe(503);
      expect(reply.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(reply.json).toMatchObject({ error: { code: 'unavailable' } });
      expect(reply.text).not.toContain('send it again');
    }
    expect(keys.fetched).toEqual([CHANNEL_METADATA]);
    expect(server.log.lines().some((line) => line.includes('"event":"turn.failed"'))).toBe(false);
  });
});

describe('the per-conversation rate limit with app credentials', () => {
  it('is charged only once a request is authenticated: unauthenticated floods do not silence the conversation', async () => {
    const keys = keyService();
    server = await startTestServer({
      bot: createEchoBot(),
      env: { ...CREDENTIALS, RATE_LIMIT_BURST: '5', RATE_LIMIT_PER_SECOND: '0.001' },
      fetchSigningKeys: keys.fetcher,
    });
    const statuses: number[] = [];
    for (let index = 0; index < 12; index += 1) {
      statuses.push((await postWithToken(server.url, 'a:victim', null)).status);
      statuses.push((await postWithToken(server.url, 'a:victim', channelToken({ kid: 'made-up' }))).status);
    }
    expect(new Set(statuses)).toEqual(new Set([401]));
    const real = await postWithToken(server.url, 'a:victim', channelToken(), 'la vraie réponse');
    expect(real.status, real.text).toBe(200);
    // The limit still holds for authenticated traffic.
    const after: number[] = [];
    for (let index = 0; index < 5; index += 1)
      after.push((await postWithToken(server.url, 'a:victim', channelToken())).status);
    expect(after.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(after[4]).toBe(429);
  });
});

describe('an Azure managed identity (MicrosoftAppType=UserAssignedMSI)', () => {
  const MSI = {
    MicrosoftAppType: 'UserAssignedMSI',
    MicrosoftAppId: '00000000-0000-4000-8000-0000000000aa',
    MicrosoftAppTenantId: '00000000-0000-4000-8000-0000000000bb',
  };

  it('is credentials mode: unauthenticated requests are refused, channel tokens for its id are served', async () => {
    const keys = keyService();
    server = await startTestServer({ bot: createEchoBot(), env: MSI, fetchSigningKeys: keys.fetcher });
    const anonymous = await postWithToken(server.url, 'conv-msi', null);
    expect(anonymous.status).toBe(401);
    // Not the local anonymous mode's refusal of a serviceUrl it would not reply to.
    const notLoopback = await httpRequest(`${server.url}/api/messages`, {
      body: userActivity('conv-msi', {
        deliveryMode: 'normal',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
      }),
    });
    expect(notLoopback.status).toBe(401);
    const signed = await postWithToken(server.url, 'conv-msi', channelToken({ aud: MSI.MicrosoftAppId }));
    expect(signed.status, signed.text).toBe(200);
    const otherApp = await postWithToken(server.url, 'conv-msi', channelToken());
    expect(otherApp.status).toBe(401);
    expect(outsideConnections).toEqual([]);
  });
});
