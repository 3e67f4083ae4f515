import { afterEach, describe, expect, it } from 'vitest';
import { SUMMARY_FORMATS } from '../../src/export/index.js';
import type { InterviewStore } from '../../src/store/types.js';
import { unzip } from '../export/helpers.js';
import { probeBot, startWebServer, type WebTestServer } from '../web/helpers.js';

let server: WebTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Words only Bruno's respondent said: they must never reach Alice, whatever she asks for. */
const BRUNO_SECRET = 'Pangolin-Brasserie-5512';

async function seed(store: InterviewStore, interviewerId: string, answer: string, completed = true) {
  const meta = await store.createInterview({
    language: 'fr',
    profile: 'manager',
    guideVersion: 'test',
    interviewerId,
    conversationKey: null,
  });
  await store.appendTurns(
    meta.id,
    [
      {
        kind: 'question',
        section: 'presentation',
        questionId: 'presentation.company',
        text: 'Pouvez-vous présenter votre entreprise ?',
        tags: null,
        refSeq: null,
        data: null,
      },
      {
        kind: 'answer',
        section: 'presentation',
        questionId: 'presentation.company',
        text: answer,
        tags: null,
        refSeq: null,
        data: null,
      },
    ],
    completed ? { status: 'completed' } : undefined,
  );
  return meta.id;
}

async function setUp() {
  server = await startWebServer({ bot: probeBot });
  const { store } = server;
  await store.upsertInterviewer({ id: 'alice' });
  await store.upsertInterviewer({ id: 'bruno' });
  const alices = await seed(
    store,
    'alice',
    "Je m'appelle Claire Vasseur, je dirige la société Vasseur Frères ; claire@vasseur-freres.fr, 06 12 34 56 78.",
  );
  const alicesOpen = await seed(store, 'alice', 'Nous avons commencé hier.', false);
  // Not said as a firm's name (that would be pseudonymised in Bruno's own exports too).
  const brunos = await seed(
    store,
    'bruno',
    `Nous sommes 12 salariés, notre mot-clé interne : ${BRUNO_SECRET}.`,
  );
  return {
    alice: await store.issueApiToken('alice'),
    bruno: await store.issueApiToken('bruno'),
    alices,
    alicesOpen,
    brunos,
  };
}

async function get(path: string, authorization?: string) {
  if (!server) throw new Error('no server');
  const response = await fetch(`${server.url}${path}`, { headers: authorization ? { authorization } : {} });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return { status: response.status, bytes, text, type: response.headers.get('content-type') ?? '' };
}

function readable(reply: { bytes: Uint8Array; type: string; text: string }): string {
  return reply.type.startsWith('application/zip') ? [...unzip(reply.bytes).values()].join('\n') : reply.text;
}

describe('dashboard access', () => {
  it('refuses malformed, foreign-scheme, revoked and guessed credentials on every API path', async () => {
    const { alice, alices } = await setUp();
    const paths = ['/api/interviews', `/api/interviews/${alices}/summary?format=md`, '/api/study?format=csv'];
    const refused = [
      `Basic ${Buffer.from('alice:secret').toString('base64')}`,
      'Bearer',
      'Bearer ',
      `Bearer ${alice} extra`,
      `Bearer ${alice.slice(0, -1)}`,
      `Bearer ${alice}x`,
      `Bearer ${'A'.repeat(4096)}`,
      `Token ${alice}`,
      alice,
      'Bearer alice',
    ];
    for (const path of paths) {
      expect((await get(path, `Bearer ${alice}`)).status).toBe(200);
      for (const authorization of refused) {
        const reply = await get(path, authorization);
        expect(reply.status, `${path} with ${authorization.slice(0, 30)}`).toBe(401);
        expect(reply.text).not.toContain('Vasseur');
      }
    }
    expect(await server?.store.revokeApiTokens('alice')).toBe(1);
    for (const path of paths) expect((await get(path, `Bearer ${alice}`)).status).toBe(401);
  });

  it("never serves another interviewer's interview, in any format or spelling of its id", async () => {
    const { alice, brunos } = await setUp();
    const ids = [brunos, encodeURIComponent(brunos), `${brunos}%20`, `..%2F${brunos}`, brunos.toUpperCase()];
    for (const id of ids) {
      for (const format of SUMMARY_FORMATS) {
        const reply = await get(`/api/interviews/${id}/summary?format=${format}`, `Bearer ${alice}`);
        expect([404, 400]).toContain(reply.status);
        expect(reply.text).not.toContain(BRUNO_SECRET);
      }
    }
  });

  it("keeps each interviewer's list and study to their own interviews, completed ones only in the study", async () => {
    const { alice, bruno, alices, alicesOpen, brunos } = await setUp();
    const list = await get('/api/interviews', `Bearer ${alice}`);
    expect(list.text).toContain(alices);
    expect(list.text).toContain(alicesOpen);
    expect(list.text).not.toContain(brunos);
    for (const format of ['json', 'md', 'csv', 'qdpx']) {
      const study = readable(await get(`/api/study?format=${format}`, `Bearer ${alice}`));
      expect(study, format).not.toContain(BRUNO_SECRET);
      expect(study, format).not.toContain(brunos);
      expect(study, format).not.toContain(alicesOpen);
    }
    const brunosStudy = readable(await get('/api/study?format=qdpx', `Bearer ${bruno}`));
    expect(brunosStudy).toContain(BRUNO_SECRET);
    expect(brunosStudy).not.toContain(alices);
  });

  it('serves exports with names, e-mail addresses and phone numbers replaced by pseudonyms', async () => {
    const { alice, alices } = await setUp();
    for (const format of SUMMARY_FORMATS) {
      const reply = await get(`/api/interviews/${alices}/summary?format=${format}`, `Bearer ${alice}`);
      expect(reply.status).toBe(200);
      const text = readable(reply);
      for (const word of ['Claire', 'Vasseur', 'vasseur-freres', '06 12 34 56 78'])
        expect(text, format).not.toContain(word);
    }
  });

  it('ships a dashboard page that holds no interview data before the API is asked with a token', async () => {
    const { alices } = await setUp();
    const page = await get('/dashboard');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(alices);
    expect(page.text).not.toContain('Vasseur');
  });
});
