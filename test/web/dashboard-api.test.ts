import { generateKeyPairSync, type JsonWebKey, sign } from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.js';
import { ENTRA_KEYS_URL, entraSigningKeys } from '../../src/web/dashboard/teams-sso.js';
import {
  type SeededAnswer,
  seedCompletedInterview,
  seedLeverInterview,
  seedStartedInterview,
} from './fixtures.js';
import { probeBot, startWebServer, type WebTestServer } from './helpers.js';

let server: WebTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function get(path: string, token?: string) {
  if (!server) throw new Error('no server');
  return fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function withInterviewers() {
  server = await startWebServer({ bot: probeBot });
  const { store } = server;
  await store.upsertInterviewer({ id: 'alice' });
  await store.upsertInterviewer({ id: 'bruno' });
  const alicesInterview = await seedCompletedInterview(store, 'alice');
  const brunosInterview = await seedCompletedInterview(store, 'bruno');
  return {
    store,
    alice: await store.issueApiToken('alice'),
    alicesInterview,
    brunosInterview,
  };
}

/** Value chain in two clear answers, product and market in one, no cluster: an unbalanced reading. */
const FRENCH_LEVER_ANSWERS: SeededAnswer[] = [
  {
    text: 'Nos fournisseurs reçoivent les commandes par EDI.',
    levers: [['value_chain', 'fournisseurs', 0.9]],
  },
  {
    text: "Nos clients suivent leurs livraisons en ligne, et on vend maintenant à l'export.",
    levers: [
      ['value_chain', 'livraisons', 0.8],
      ['product_market', "l'export", 0.8],
    ],
  },
];

/** How those answers read, worded in French. */
const FRENCH_READING = {
  verdict: 'unbalanced',
  text: 'déséquilibré\u00a0: Clusters et réseaux absent(s)\u202f; Produits et marchés à peine évoqué(s)',
  levers: {
    cluster: { strength: 'missing', text: 'absent (jamais évoqué)' },
    product_market: { strength: 'weak', text: 'faible (une seule réponse)' },
    value_chain: { strength: 'strong', text: 'bien étayé (2 réponses)' },
  },
};

describe('dashboard API', () => {
  it('answers 401 without a token or with an unknown one', async () => {
    const { alicesInterview } = await withInterviewers();
    for (const path of [
      '/api/interviews',
      `/api/interviews/${alicesInterview}/summary`,
      `/api/interviews/${alicesInterview}/lever-reading`,
      '/api/study',
      '/api/study/lever-reading',
    ]) {
      expect((await get(path)).status).toBe(401);
      expect((await get(path, 'made-up-token')).status).toBe(401);
    }
    const refused = await get('/api/interviews');
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses a dashboard token older than DASHBOARD_TOKEN_DAYS, saying it expired, and accepts a younger one', async () => {
    const days = (n: number) => new Date(Date.now() - n * 24 * 60 * 60 * 1000);
    let clock = days(8);
    const store = createMemoryStore({ now: () => clock });
    server = await startWebServer({ bot: probeBot, store, env: { DASHBOARD_TOKEN_DAYS: '7' } });
    await store.upsertInterviewer({ id: 'alice' });
    const old = await store.issueApiToken('alice');
    clock = days(6);
    const recent = await store.issueApiToken('alice');

    const refused = await get('/api/interviews', old);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect((await refused.json()).error.message).toMatch(/^dashboard token expired \(tokens last 7 days/);
    expect((await get('/api/interviews', recent)).status).toBe(200);
    // An unknown token is still told apart from an expired one.
    expect((await (await get('/api/interviews', 'made-up-token')).json()).error.message).toBe(
      'unknown or revoked dashboard token',
    );
  });

  it('says a one-day token lasts "1 day"', async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    const store = createMemoryStore({ now: () => twoDaysAgo });
    server = await startWebServer({ bot: probeBot, store, env: { DASHBOARD_TOKEN_DAYS: '1' } });
    await store.upsertInterviewer({ id: 'alice' });
    const old = await store.issueApiToken('alice');
    const refused = await get('/api/interviews', old);
    expect((await refused.json()).error.message).toMatch(/^dashboard token expired \(tokens last 1 day,/);
  });

  it("lists only the interviewer's own interviews, with status and progress", async () => {
    const { alice, alicesInterview } = await withInterviewers();
    const body = await (await get('/api/interviews', alice)).json();
    expect(body.interviews).toEqual([
      expect.objectContaining({
        id: alicesInterview,
        status: 'completed',
        progress: { asked: 2, answered: 2, section: 'value' },
      }),
    ]);
  });

  it('tells where an unfinished interview stands: the guide part of the last question asked', async () => {
    const { store, alice } = await withInterviewers();
    const id = await seedStartedInterview(store, 'alice', [
      ['question', 'presentation', 'presentation.role'],
      ['answer', 'presentation', 'presentation.role'],
      ['question', 'meaning', 'meaning.main'],
    ]);
    const body = await (await get('/api/interviews', alice)).json();
    expect(body.interviews.find((row: { id: string }) => row.id === id)).toMatchObject({
      status: 'in_progress',
      progress: { asked: 2, answered: 1, section: 'meaning' },
    });
    await store.createInterview({
      language: 'en',
      profile: 'manager',
      guideVersion: 'test',
      interviewerId: 'alice',
      conversationKey: null,
    });
    const rows = (await (await get('/api/interviews', alice)).json()).interviews;
    expect(rows.map((row: { progress: unknown }) => row.progress)).toContainEqual({
      asked: 0,
      answered: 0,
      section: null,
    });
  });

  it('tells an interview whose respondent took their consent back from one merely paused', async () => {
    const { store, alice } = await withInterviewers();
    const withdrawn = await seedStartedInterview(store, 'alice', [['question', 'meaning', 'meaning.main']]);
    const paused = await seedStartedInterview(store, 'alice', [['question', 'meaning', 'meaning.main']]);
    const stop = (consent: 'withdrawn' | null) => ({
      kind: 'event' as const,
      section: 'meaning',
      questionId: null,
      text: '',
      tags: null,
      refSeq: null,
      data: consent ? { event: 'stop', consent } : { event: 'stop' },
    });
    await store.appendTurns(withdrawn, [stop('withdrawn')]);
    await store.appendTurns(paused, [stop(null)]);
    for (const id of [withdrawn, paused]) await store.updateInterview(id, { status: 'paused' });
    const rows = (await (await get('/api/interviews', alice)).json()).interviews;
    const row = (id: string) => rows.find((r: { id: string }) => r.id === id);
    expect(row(withdrawn)).toMatchObject({ status: 'paused', consentWithdrawn: true });
    expect(row(paused)).toMatchObject({ status: 'paused', consentWithdrawn: false });
  });

  it('names each interview by the firm as presented, its names pseudonymised, its amended text', async () => {
    const { store, alice } = await withInterviewers();
    const id = await seedStartedInterview(store, 'alice', [
      ['question', 'presentation', 'presentation.company'],
    ]);
    const turn = (kind: 'answer' | 'amend', text: string, refSeq: number | null) => ({
      kind,
      section: 'presentation',
      questionId: 'presentation.company',
      text,
      tags: null,
      refSeq,
      data: null,
    });
    const [answer] = await store.appendTurns(id, [
      turn('answer', 'Je dirige la Miellerie Kerlann, en Dordogne. Nous sommes deux.', null),
    ]);
    await store.appendTurns(id, [
      turn(
        'amend',
        'Je dirige la Miellerie Kerlann, miel et pain d’épices en Dordogne. Nous sommes deux.',
        answer?.seq ?? 0,
      ),
    ]);
    const rows = (await (await get('/api/interviews', alice)).json()).interviews;
    const firm: string = rows.find((r: { id: string }) => r.id === id).firm;
    expect(firm).toMatch(/^Je dirige la \[ENTREPRISE-[0-9A-F]{6}\], miel et pain d’épices en Dordogne$/);
    expect(firm).not.toContain('Kerlann');
    // Nothing said yet: no line.
    const silent = await seedStartedInterview(store, 'alice', [['question', 'meaning', 'meaning.main']]);
    const again = (await (await get('/api/interviews', alice)).json()).interviews;
    expect(again.find((r: { id: string }) => r.id === silent).firm).toBeNull();
  });

  it("hides another interviewer's interview behind a 404, like a missing one", async () => {
    const { alice, brunosInterview } = await withInterviewers();
    for (const what of ['summary', 'lever-reading']) {
      const foreign = await get(`/api/interviews/${brunosInterview}/${what}`, alice);
      const missing = await get(`/api/interviews/no-such-interview/${what}`, alice);
      expect([foreign.status, missing.status]).toEqual([404, 404]);
    }
  });

  it('serves the summary JSON with its value matrix and levers', async () => {
    const { alice, alicesInterview } = await withInterviewers();
    const summary = await (await get(`/api/interviews/${alicesInterview}/summary?format=json`, alice)).json();
    expect(summary.interview).toMatchObject({ id: alicesInterview, status: 'completed' });
    expect(summary.valueMatrix.functional.security).toBe(1);
    expect(summary.valueMatrix.functional.benevolence).toBe(1);
    expect(summary.levers.value_chain.count).toBe(1);
    expect(summary.levers.product_market.count).toBe(1);
    expect(summary.leverBalance).toEqual(['cluster']);
  });

  it('words how well each lever is evidenced, and the verdict, as the exports word them, in the language asked', async () => {
    const { store, alice } = await withInterviewers();
    const id = await seedLeverInterview(store, 'alice', 'fr', FRENCH_LEVER_ANSWERS);
    const french = await (await get(`/api/interviews/${id}/lever-reading`, alice)).json();
    expect(french).toEqual(FRENCH_READING);
    const english = await (await get(`/api/interviews/${id}/lever-reading?lang=en`, alice)).json();
    expect(english).toMatchObject({
      text: 'unbalanced: Clusters and networks missing; Products and markets only weakly evidenced',
      levers: { product_market: { text: 'weak (a single answer)' } },
    });
    // The same words as the summary card's.
    const card = await (await get(`/api/interviews/${id}/summary?format=card&lang=en`, alice)).text();
    expect(card).toContain(JSON.stringify(english.text));
    expect(card).toContain(JSON.stringify(english.levers.value_chain.text));
    expect((await get(`/api/interviews/${id}/lever-reading?lang=de`, alice)).status).toBe(400);
  });

  it('offers every export as a download of the right type', async () => {
    const { alice, alicesInterview } = await withInterviewers();
    const expected: Record<string, RegExp> = {
      json: /^application\/json/,
      md: /^text\/markdown/,
      html: /^text\/html/,
      card: /^application\/vnd\.microsoft\.card\.adaptive\+json/,
      csv: /^text\/csv/,
      qdpx: /^application\/zip/,
    };
    for (const [format, type] of Object.entries(expected)) {
      const response = await get(`/api/interviews/${alicesInterview}/summary?format=${format}`, alice);
      expect(response.status, format).toBe(200);
      expect(response.headers.get('content-type')).toMatch(type);
      // Every format saves under the same name, its own extension after it.
      const extension = format === 'card' ? 'card.json' : format;
      expect(response.headers.get('content-disposition'), format).toBe(
        `attachment; filename="interview-${alicesInterview}.${extension}"`,
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (format === 'qdpx') expect(Object.keys(unzipSync(bytes))).toContain('project.qde');
      if (format === 'csv') expect(new TextDecoder().decode(bytes)).toContain('ERP');
    }
    const bad = await get(`/api/interviews/${alicesInterview}/summary?format=pdf`, alice);
    expect(bad.status).toBe(400);
  });

  it("words each study interview's lever reading as its own lever reading words it, and only the interviewer's", async () => {
    const { store, alice, alicesInterview } = await withInterviewers();
    const french = await seedLeverInterview(store, 'alice', 'fr', FRENCH_LEVER_ANSWERS);
    const english = await seedLeverInterview(store, 'alice', 'en', [
      {
        text: 'We joined the business club, and customers now order online.',
        levers: [
          ['cluster', 'business club', 0.9],
          ['value_chain', 'order online', 0.5],
        ],
      },
    ]);
    const study = await (await get('/api/study?format=json&lang=fr', alice)).json();
    const readings = await (await get('/api/study/lever-reading?lang=fr', alice)).json();
    // The same interviews, in the same order and with the same references, as the study.
    expect(readings.interviews.map((i: { id: string; ref: string }) => [i.ref, i.id])).toEqual(
      study.interviews.map((i: { id: string; ref: string }) => [i.ref, i.id]),
    );
    expect(readings.interviews.map((i: { id: string }) => i.id).sort()).toEqual(
      [alicesInterview, french, english].sort(),
    );
    const byId = new Map(readings.interviews.map((i: { id: string }) => [i.id, i]));
    expect(byId.get(french)).toMatchObject(FRENCH_READING);
    // Worded in the language asked, as the interview's own reading is in that language.
    const own = await (await get(`/api/interviews/${english}/lever-reading?lang=fr`, alice)).json();
    const { id: _id, ref: _ref, ...worded } = byId.get(english) as Record<string, unknown>;
    expect(worded).toEqual(own);
    expect(own.levers.value_chain).toEqual({ strength: 'weak', text: 'faible (une seule réponse)' });
    const inEnglish = await (await get('/api/study/lever-reading?lang=en', alice)).json();
    expect(inEnglish.interviews.find((i: { id: string }) => i.id === french).levers.product_market).toEqual({
      strength: 'weak',
      text: 'weak (a single answer)',
    });
    expect((await get('/api/study/lever-reading?lang=de', alice)).status).toBe(400);
  });

  it("numbers the study oldest first, as the command line does, and speaks the oldest interview's language", async () => {
    const { store, alice, alicesInterview } = await withInterviewers();
    const later = await seedLeverInterview(store, 'alice', 'en', [
      { text: 'We joined the business club.', levers: [['cluster', 'business club', 0.9]] },
    ]);
    const study = await (await get('/api/study?format=json', alice)).json();
    expect(study.interviews.map((i: { ref: string; id: string }) => [i.ref, i.id])).toEqual([
      ['I1', alicesInterview],
      ['I2', later],
    ]);
    const markdown = await (await get('/api/study?format=md', alice)).text();
    expect(markdown).toContain("Synthèse de l'étude");
  });

  it("puts the interviewer's completed interviews together in the study view", async () => {
    const { alice } = await withInterviewers();
    const study = await (await get('/api/study?format=json', alice)).json();
    expect(study.interviews).toHaveLength(1);
    expect(study.values.functional.count).toBe(2);
    const csv = await get('/api/study?format=csv', alice);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    // Saved as study.<ext>, the JSON as the other formats.
    for (const format of ['json', 'md', 'csv', 'qdpx']) {
      const response = await get(`/api/study?format=${format}`, alice);
      expect(response.headers.get('content-disposition'), format).toBe(
        `attachment; filename="study.${format}"`,
      );
    }
  });
});

describe('dashboard API inside Teams (SSO token)', () => {
  const APP_ID = 'e4f1a9c2-3b7d-4e8f-a1c6-9d2b5f7e3a10';
  const TENANT = '5c1f8e2a-9b3d-4a6c-8e7f-1d2c3b4a5f60';
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk: JsonWebKey = { ...publicKey.export({ format: 'jwk' }), kid: 'k1' };
  const keys = async (kid: string) => (kid === 'k1' ? jwk : null);

  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  function token(claims: Record<string, unknown>, key = privateKey): string {
    const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${part(claims)}`;
    return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
  }
  const now = Math.floor(Date.now() / 1000);
  const good = {
    aud: `api://entretiens.example.org/${APP_ID}`,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    exp: now + 3600,
    nbf: now - 10,
    oid: 'aad-object-of-alice',
    tid: TENANT,
  };

  it('accepts a valid Teams token as its object id, and refuses forged, expired or foreign ones', async () => {
    server = await startWebServer({
      bot: probeBot,
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-only', MicrosoftAppType: 'MultiTenant' },
      teamsSigningKeys: keys,
    });
    const interviewId = await seedCompletedInterview(server.store, 'aad-object-of-alice');
    const list = await (await get('/api/interviews', token(good))).json();
    expect(list.interviews.map((row: { id: string }) => row.id)).toEqual([interviewId]);

    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect((await get('/api/interviews', token(good, otherKey))).status).toBe(401);
    expect((await get('/api/interviews', token({ ...good, exp: now - 3600 }))).status).toBe(401);
    expect((await get('/api/interviews', token({ ...good, aud: 'api://elsewhere/other-app' }))).status).toBe(
      401,
    );
    expect((await get('/api/interviews', token({ ...good, iss: 'https://evil.example/' }))).status).toBe(401);
  });

  it('answers 503 with Retry-After while Entra ID cannot be reached, without calling it on every request', async () => {
    const fetched: string[] = [];
    const offline = entraSigningKeys(async (url) => {
      fetched.push(url);
      throw new TypeError('fetch failed');
    });
    server = await startWebServer({
      bot: probeBot,
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-only', MicrosoftAppType: 'MultiTenant' },
      teamsSigningKeys: offline,
    });
    for (let index = 0; index < 4; index += 1) {
      const reply = await get('/api/interviews', token(good));
      expect(reply.status).toBe(503);
      expect(reply.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(await reply.json()).toMatchObject({ error: { code: 'unavailable' } });
    }
    expect(fetched).toEqual([ENTRA_KEYS_URL]);
  });

  it('refuses a token with a key id Entra ID does not publish with 401, fetching the keys once', async () => {
    const fetched: string[] = [];
    const published = entraSigningKeys(async (url) => {
      fetched.push(url);
      return { keys: [jwk] };
    });
    server = await startWebServer({
      bot: probeBot,
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-only', MicrosoftAppType: 'MultiTenant' },
      teamsSigningKeys: published,
    });
    await seedCompletedInterview(server.store, 'aad-object-of-alice');
    for (let index = 0; index < 4; index += 1) {
      const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: `made-up-${index}` })}.${part(good)}`;
      const forged = `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
      const reply = await get('/api/interviews', forged);
      expect(reply.status).toBe(401);
    }
    expect((await get('/api/interviews', token(good))).status).toBe(200);
    expect(fetched).toEqual([ENTRA_KEYS_URL]);
  });

  it('ignores JWTs entirely while no app credentials are configured', async () => {
    server = await startWebServer({ bot: probeBot, teamsSigningKeys: keys });
    await seedCompletedInterview(server.store, 'aad-object-of-alice');
    expect((await get('/api/interviews', token(good))).status).toBe(401);
  });
});
