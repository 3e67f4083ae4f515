import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.js';
import type { InterviewStore } from '../../src/store/types.js';
import { registerDashboardApi } from '../../src/web/dashboard/api.js';
import { type CapturedLog, captureLog, startTestServer, type TestServer } from '../server/helpers.js';
import { seedCompletedInterview, seedStartedInterview } from './fixtures.js';

/** The dashboard API alone on a loopback port, with a log to read. */
interface ApiServer {
  server: TestServer;
  store: InterviewStore;
  log: CapturedLog;
  alice: string;
  bruno: string;
}

let running: TestServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function startApi(): Promise<ApiServer> {
  const store = createMemoryStore();
  const log = captureLog('info');
  const server = await startTestServer({
    bot: { run: async () => {} },
    registerRoutes: (router) =>
      registerDashboardApi(router, {
        store,
        auth: { store, tokenLifetimeDays: 7 },
        logger: log.logger,
      }),
  });
  running = server;
  await store.upsertInterviewer({ id: 'alice' });
  await store.upsertInterviewer({ id: 'bruno' });
  return {
    server,
    store,
    log,
    alice: await store.issueApiToken('alice'),
    bruno: await store.issueApiToken('bruno'),
  };
}

function call(api: ApiServer, path: string, token?: string, method = 'GET') {
  return fetch(`${api.server.url}${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

const invite = (store: InterviewStore, code: string, interviewerId: string, language: 'fr' | 'en' = 'fr') =>
  store.createInvitation({
    code,
    interviewerId,
    interviewerAddress: { conversation: { id: `secret-chat-of-${interviewerId}` } },
    profile: language === 'en' ? 'expert' : 'manager',
    language,
  });

describe('erasing an interview from the dashboard (DELETE /api/interviews/{id})', () => {
  it('erases what `sme-interview erase` erases: the interview, its turns, its invitation and the state naming it', async () => {
    const api = await startApi();
    const { store, alice } = api;
    const doomed = await seedCompletedInterview(store, 'alice');
    const kept = await seedCompletedInterview(store, 'alice');
    await invite(store, 'K7M2QX9P', 'alice');
    await store.redeemInvitation('K7M2QX9P', doomed);
    await store.kv.write([
      { key: 'webchat/conversations/doomed', value: { dialog: { interviewId: doomed } } },
      { key: 'webchat/conversations/kept', value: { dialog: { interviewId: kept } } },
    ]);

    const reply = await call(api, `/api/interviews/${doomed}`, alice, 'DELETE');
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({ erased: doomed });

    expect(await store.getInterview(doomed)).toBeNull();
    expect(await store.getTurns(doomed)).toEqual([]);
    expect(await store.getInvitation('K7M2QX9P')).toBeNull();
    expect(
      Object.keys(await store.kv.read(['webchat/conversations/doomed', 'webchat/conversations/kept'])),
    ).toEqual(['webchat/conversations/kept']);
    expect((await call(api, `/api/interviews/${doomed}/summary`, alice)).status).toBe(404);
    const { interviews } = (await (await call(api, '/api/interviews', alice)).json()) as {
      interviews: { id: string }[];
    };
    expect(interviews.map((interview) => interview.id)).toEqual([kept]);
  });

  it('logs the erasure without any answer text', async () => {
    const api = await startApi();
    const id = await seedCompletedInterview(api.store, 'alice');
    expect((await call(api, `/api/interviews/${id}`, api.alice, 'DELETE')).status).toBe(200);
    const lines = api.log.lines().filter((line) => line.includes('dashboard.interview_erased'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(id);
    expect(lines[0]).not.toContain('alice');
    expect(api.log.lines().join('\n')).not.toMatch(/ERP|flexibilit|clients/);
  });

  it("answers 401 without a valid token, and 404 for an unknown id or another interviewer's interview", async () => {
    const api = await startApi();
    const brunos = await seedCompletedInterview(api.store, 'bruno');
    expect((await call(api, `/api/interviews/${brunos}`, undefined, 'DELETE')).status).toBe(401);
    expect((await call(api, `/api/interviews/${brunos}`, 'made-up', 'DELETE')).status).toBe(401);
    expect((await call(api, `/api/interviews/${brunos}`, api.alice, 'DELETE')).status).toBe(404);
    expect(await api.store.getInterview(brunos)).not.toBeNull();
    expect((await call(api, '/api/interviews/no-such-interview', api.alice, 'DELETE')).status).toBe(404);
    expect((await call(api, `/api/interviews/${brunos}`, api.bruno, 'DELETE')).status).toBe(200);
    // Erased already: nothing left.
    expect((await call(api, `/api/interviews/${brunos}`, api.bruno, 'DELETE')).status).toBe(404);
    expect(api.log.lines().filter((line) => line.includes('dashboard.interview_erased'))).toHaveLength(1);
  });
});

describe('invitations in the interview list (GET /api/interviews)', () => {
  it('gives each interview its invitation code and lists the codes nobody has used yet', async () => {
    const api = await startApi();
    const { store, alice } = api;
    await invite(store, 'K7M2QX9P', 'alice');
    await invite(store, 'Q3W8E5R1', 'alice', 'en');
    await invite(store, 'B4RN8Q2Z', 'bruno');
    await invite(store, 'H6J2K9L4', 'alice');
    const invited = await seedStartedInterview(store, 'alice', [['question', 'opening', 'opening.consent']]);
    await store.redeemInvitation('K7M2QX9P', invited);
    const alone = await seedCompletedInterview(store, 'alice');

    const reply = await call(api, '/api/interviews', alice);
    const body = (await reply.json()) as {
      interviews: { id: string; invitationCode: string | null }[];
      pendingInvitations: unknown[];
    };
    const codeOf = new Map(body.interviews.map((row) => [row.id, row.invitationCode]));
    expect(codeOf.get(invited)).toBe('K7M2QX9P');
    expect(codeOf.get(alone)).toBeNull();
    expect(body.pendingInvitations).toEqual([
      { code: 'H6J2K9L4', createdAt: expect.any(String), profile: 'manager', language: 'fr' },
      { code: 'Q3W8E5R1', createdAt: expect.any(String), profile: 'expert', language: 'en' },
    ]);
    // The interviewer's own chat address, kept for the summary's delivery, is no business of the page.
    expect(JSON.stringify(body)).not.toContain('secret-chat-of');
  });
});

describe('CSV separator (format=csv&separator=semicolon)', () => {
  it('separates fields with semicolons when asked, for one interview and the study, commas otherwise', async () => {
    const api = await startApi();
    const id = await seedCompletedInterview(api.store, 'alice');
    const header = async (path: string) => {
      const reply = await call(api, path, api.alice);
      expect(reply.status).toBe(200);
      return (await reply.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    };
    for (const base of [`/api/interviews/${id}/summary?format=csv`, '/api/study?format=csv']) {
      expect(await header(`${base}&separator=semicolon`)).toBe(
        'interview;theme;question;quote;code_type;code;start;end;answer',
      );
      expect(await header(`${base}&separator=comma`)).toBe(
        'interview,theme,question,quote,code_type,code,start,end,answer',
      );
      expect(await header(base)).toBe('interview,theme,question,quote,code_type,code,start,end,answer');
    }
  });

  it('refuses a separator for another format than CSV, or one it does not know, saying why', async () => {
    const api = await startApi();
    const id = await seedCompletedInterview(api.store, 'alice');
    for (const path of [
      `/api/interviews/${id}/summary?format=md&separator=semicolon`,
      '/api/study?separator=semicolon',
      `/api/interviews/${id}/summary?format=csv&separator=tab`,
    ]) {
      const reply = await call(api, path, api.alice);
      expect(reply.status).toBe(400);
      expect(JSON.stringify(await reply.json())).toContain('separator');
    }
  });
});
