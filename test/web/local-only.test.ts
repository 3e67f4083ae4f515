import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/config.js';
import { type AppServer, createAppServer } from '../../src/server/app-server.js';
import { type RunningServer, startServer } from '../../src/server/start.js';
import { isFromThisComputer } from '../../src/web/local-only.js';
import { issueLocalDashboardToken } from '../../src/web/routes.js';
import { captureLog, httpRequest, userActivity } from '../server/helpers.js';
import { probeBot, startWebServer, type WebTestServer } from './helpers.js';

const CREDENTIALS = {
  MicrosoftAppId: '00000000-0000-4000-8000-0000000000a1',
  MicrosoftAppPassword: 'not-a-real-secret',
};

/** What a request relayed by a proxy carries, whichever address the proxy connects from. */
const THROUGH_A_PROXY: ReadonlyArray<Record<string, string>> = [
  { 'x-forwarded-for': '203.0.113.7' },
  { forwarded: 'for=203.0.113.7;proto=https' },
  { 'x-real-ip': '203.0.113.7' },
  { via: '1.1 ingress' },
];

const Refusal = z.object({ error: z.object({ code: z.literal('forbidden'), message: z.string() }) });
const Grant = z.object({ conversationId: z.string(), token: z.string() });

let server: WebTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('the web chat of a deployed bot (app credentials set)', () => {
  it('is refused, with one JSON error saying it is local, to requests that came through a proxy', async () => {
    server = await startWebServer({ bot: probeBot, env: CREDENTIALS });
    for (const headers of THROUGH_A_PROXY) {
      const requests = [
        httpRequest(`${server.url}/`, { headers }),
        httpRequest(`${server.url}/static/chat.js`, { headers }),
        httpRequest(`${server.url}/directline/tokens/generate`, { method: 'POST', headers }),
        httpRequest(`${server.url}/directline/conversations`, {
          method: 'POST',
          headers: { ...headers, authorization: 'Bearer dl1.x.y' },
        }),
      ];
      for (const reply of await Promise.all(requests)) {
        expect(reply.status, JSON.stringify(headers)).toBe(403);
        expect(reply.text.split('\n')).toHaveLength(1);
        expect(Refusal.parse(reply.json).error.message).toMatch(/web chat is local/);
      }
    }
  });

  it('still answers this computer, and leaves /healthz, /api/messages and the dashboard as they were', async () => {
    server = await startWebServer({ bot: probeBot, env: CREDENTIALS });
    expect((await httpRequest(`${server.url}/`)).status).toBe(200);
    const grant = await httpRequest(`${server.url}/directline/tokens/generate`, { method: 'POST' });
    expect(grant.status).toBe(200);
    const { token, conversationId } = Grant.parse(grant.json);
    const started = await httpRequest(`${server.url}/directline/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(started.status).toBe(201);
    // A token obtained here is no way in from elsewhere either.
    const relayed = await httpRequest(`${server.url}/directline/conversations/${conversationId}/activities`, {
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.7' },
    });
    expect(relayed.status).toBe(403);

    const proxied = { 'x-forwarded-for': '203.0.113.7' };
    expect((await httpRequest(`${server.url}/healthz`, { headers: proxied })).status).toBe(200);
    expect((await httpRequest(`${server.url}/dashboard`, { headers: proxied })).status).toBe(200);
    const message = await httpRequest(`${server.url}/api/messages`, {
      body: userActivity('conv-deployed', { text: 'bonjour' }),
      headers: proxied,
    });
    expect(message.status).toBe(401);
  });
});

describe('the web chat in local anonymous mode', () => {
  it('answers whoever reaches it, as HOST allows', async () => {
    server = await startWebServer({ bot: probeBot });
    const proxied = { 'x-forwarded-for': '203.0.113.7' };
    expect((await httpRequest(`${server.url}/`, { headers: proxied })).status).toBe(200);
    const grant = await httpRequest(`${server.url}/directline/tokens/generate`, {
      method: 'POST',
      headers: proxied,
    });
    expect(grant.status).toBe(200);
  });
});

describe('a request from this computer', () => {
  it('comes from a loopback address, IPv4, IPv6 or IPv4 mapped, with no proxy header', () => {
    const from = (remoteAddress: string, headers: Record<string, string> = {}) =>
      isFromThisComputer({ socket: { remoteAddress }, headers });
    expect(from('127.0.0.1')).toBe(true);
    expect(from('127.4.5.6')).toBe(true);
    expect(from('::1')).toBe(true);
    expect(from('::ffff:127.0.0.1')).toBe(true);
    expect(from('203.0.113.7')).toBe(false);
    expect(from('::ffff:203.0.113.7')).toBe(false);
    expect(from('10.0.0.4')).toBe(false);
    expect(from('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' })).toBe(false);
  });
});

const Listing = z.object({
  interviews: z.array(z.unknown()),
  pendingInvitations: z.array(z.looseObject({ code: z.string() })),
});

describe('an invitation asked in the web chat of a deployed bot', () => {
  let dataDir = '';
  let app: AppServer;
  let running: RunningServer;
  let url = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sme-local-webchat-'));
    app = await createAppServer(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...CREDENTIALS }),
      captureLog('debug').logger,
    );
    running = await startServer(app.start);
    url = `http://127.0.0.1:${running.port}`;
  });

  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is the local interviewer's, shown in the dashboard the start-up token opens (French and English)", async () => {
    const { token, conversationId } = Grant.parse(
      (await httpRequest(`${url}/directline/tokens/generate`, { method: 'POST' })).json,
    );
    const auth = { authorization: `Bearer ${token}` };
    await httpRequest(`${url}/directline/conversations`, { method: 'POST', headers: auth });
    for (const text of ['inviter dirigeant fr', 'invite expert in English']) {
      const posted = await httpRequest(`${url}/directline/conversations/${conversationId}/activities`, {
        body: { type: 'message', text, from: { id: 'ignored' } },
        headers: auth,
      });
      expect(posted.status).toBe(200);
    }
    const dashboardToken = await issueLocalDashboardToken(app.services.store);
    const listing = await httpRequest(`${url}/api/interviews`, {
      headers: { authorization: `Bearer ${dashboardToken}` },
    });
    expect(Listing.parse(listing.json).pendingInvitations).toHaveLength(2);
  });
});
