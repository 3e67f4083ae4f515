import { afterAll, describe, expect, it } from 'vitest';
import { buildStudy, buildSummary, renderStudy, renderSummary } from '../../src/core/summary/index.js';
import { STUDY_FORMATS, SUMMARY_FORMATS } from '../../src/export/index.js';
import { openStore } from '../../src/store/open.js';
import { getStudyKey, studyKeyName } from '../../src/store/study-key.js';
import { cli, storeWith } from '../cli/summary-helpers.js';
import { unescapeXml, unzip } from '../export/helpers.js';
import { requirePostgresIfDemanded, TEST_DATABASE_URL, TestSchemas } from '../store/postgres-schema.js';
import { metaFor, TurnLog } from '../summary/helpers.js';

requirePostgresIfDemanded();

const KEY = 'a'.repeat(64);
const OTHER_KEY = 'b'.repeat(64);

/** Words that identify the respondent of the interview below; none may reach an export. */
const IDENTIFYING = ['Garnier', 'garnier', 'Hélène', '04 75 12 34 56', 'tg-transports'];

function identifiedInterview(id = 'itv-privacy', firm = 'Transports Garnier') {
  const log = new TurnLog(id, 'fr');
  log.qa(
    'presentation',
    'company',
    'Pouvez-vous vous présenter ?',
    `Bonjour, je m'appelle Hélène Garnier, je dirige la société ${firm} à Valence, 35 salariés.`,
  );
  const tools = `Chez ${firm} nous utilisons un ERP ; écrivez à h.garnier@tg-transports.fr ou au 04 75 12 34 56, voir www.tg-transports.fr pour nos clients.`;
  log.qa('tools', 'tools', `Quels outils ${firm} utilise-t-elle ?`, tools, {
    tools: [['erp', 'ERP']],
    // Evidence that starts inside the firm's name: it must cover the pseudonym afterwards.
    values: [['functional', `${firm.split(' ')[1]} nous utilisons un ERP`]],
    actors: [['clients', 'beneficiary', 'clients']],
  });
  return { meta: metaFor(id, 'fr'), turns: log.turns };
}

function bodyText(body: string | Uint8Array): string {
  if (typeof body === 'string') return body;
  return [...unzip(body).values()].join('\n');
}

describe('pseudonymised exports', () => {
  const interview = identifiedInterview();
  const summary = buildSummary(interview.meta, interview.turns, { pseudonymKey: KEY });

  it.each(SUMMARY_FORMATS)('leave no name, e-mail, phone number or URL in the %s export', (format) => {
    const text = bodyText(renderSummary(summary, format).body);
    for (const word of IDENTIFYING) expect(text).not.toContain(word);
    expect(text).toContain('ENTREPRISE-');
  });

  it.each(STUDY_FORMATS)('leave none in the study %s export either', (format) => {
    const other = identifiedInterview('itv-privacy-2');
    const study = buildStudy([summary, buildSummary(other.meta, other.turns, { pseudonymKey: KEY })], 'fr');
    const text = bodyText(renderStudy(study, format, 'fr').body);
    for (const word of IDENTIFYING) expect(text).not.toContain(word);
  });

  it('keeps the rest of the answer and moves evidence onto the same words', () => {
    const answer = summary.themes.find((t) => t.id === 'tools')?.answers[0];
    expect(answer?.text).toMatch(
      /^Chez \[ENTREPRISE-[0-9A-F]{6}\] nous utilisons un ERP ; écrivez à \[EMAIL-/,
    );
    for (const tag of [...(answer?.tags.tools ?? []), ...(answer?.tags.values ?? [])])
      for (const e of tag.evidence) expect(answer?.text.slice(e.start, e.end)).toBe(e.text);
    expect(answer?.tags.tools[0]?.evidence[0]?.text).toBe('ERP');
    expect(answer?.tags.values[0]?.evidence[0]?.text).toMatch(
      /^\[ENTREPRISE-[0-9A-F]{6}\] nous utilisons un ERP$/,
    );
    expect(summary.respondent.headcount).toBe(35);
  });

  it('lets every REFI-QDA coding slice the pseudonymised source to its pseudonymised quote', () => {
    const files = unzip(
      renderSummary(summary, 'qdpx', 'fr', { createdAt: '2025-03-05T09:00:00.000Z' }).body as Uint8Array,
    );
    const project = files.get('project.qde') ?? '';
    const selections = [
      ...project.matchAll(
        /<PlainTextSelection guid="[^"]+" name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"/g,
      ),
    ];
    expect(selections.length).toBeGreaterThanOrEqual(3);
    const source = [...files.entries()].find(([name]) => name.startsWith('sources/'))?.[1] ?? '';
    const characters = Array.from(source);
    for (const s of selections)
      expect(characters.slice(Number(s[2]), Number(s[3])).join('')).toBe(unescapeXml(s[1] ?? ''));
    expect(selections.some((s) => (s[1] ?? '').startsWith('[ENTREPRISE-'))).toBe(true);
  });

  it('gives a firm the same pseudonym across a study with one key, and another with another key', () => {
    const second = identifiedInterview('itv-privacy-2');
    const again = buildSummary(second.meta, second.turns, { pseudonymKey: KEY });
    const firmIn = (s: typeof summary) =>
      /\[ENTREPRISE-[0-9A-F]{6}\]/.exec(s.themes[2]?.answers[0]?.text ?? '')?.[0];
    expect(firmIn(again)).toBe(firmIn(summary));
    const elsewhere = buildSummary(second.meta, second.turns, { pseudonymKey: OTHER_KEY });
    expect(firmIn(elsewhere)).not.toBe(firmIn(summary));
  });

  it('pseudonymises even without a study key, and keeps the words only when raw is asked for', () => {
    const unkeyed = buildSummary(interview.meta, interview.turns);
    expect(JSON.stringify(unkeyed)).not.toContain('Garnier');
    const raw = buildSummary(interview.meta, interview.turns, { raw: true });
    expect(JSON.stringify(raw)).toContain('Transports Garnier');
  });
});

describe('the study key', () => {
  it('is created once per study, 32 random bytes, and read back by the next store opened on the files', async () => {
    const ctx = await storeWith([]);
    try {
      const store = await openStore({ DATA_DIR: ctx.env.DATA_DIR });
      const first = await getStudyKey(store, 'interviewer-1');
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(await getStudyKey(store, 'interviewer-1')).toBe(first);
      expect(await getStudyKey(store, null)).not.toBe(first);
      expect(Object.keys(await store.kv.read([studyKeyName('interviewer-1')]))).toHaveLength(1);
      await store.close();
      const reopened = await openStore({ DATA_DIR: ctx.env.DATA_DIR });
      expect(await getStudyKey(reopened, 'interviewer-1')).toBe(first);
      await reopened.close();
    } finally {
      ctx.cleanup();
    }
  });

  const schemas = new TestSchemas();
  afterAll(async () => {
    if (TEST_DATABASE_URL !== undefined) await schemas.dropAll(TEST_DATABASE_URL);
  });

  it.skipIf(TEST_DATABASE_URL === undefined)('is the same on two PostgreSQL instances', async () => {
    const schema = schemas.next();
    const config = { DATA_DIR: '/nonexistent-never-used', DATABASE_URL: TEST_DATABASE_URL };
    const [a, b] = await Promise.all([openStore(config, { schema }), openStore(config, { schema })]);
    try {
      const key = await getStudyKey(a, 'interviewer-pg');
      expect(await getStudyKey(b, 'interviewer-pg')).toBe(key);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('CLI exports', () => {
  it('summary and study print pseudonyms that agree with each other', async () => {
    const one = identifiedInterview('itv-cli-1');
    const two = identifiedInterview('itv-cli-2');
    const ctx = await storeWith([one, two]);
    try {
      const summary = await cli(['summary', ctx.ids[0] ?? '', '--format', 'json'], ctx.env);
      expect(summary.code).toBe(0);
      const study = await cli(['study', '--format', 'csv'], ctx.env);
      expect(study.code).toBe(0);
      for (const out of [summary.stdout, study.stdout])
        for (const word of IDENTIFYING) expect(out).not.toContain(word);
      const firm = /\[ENTREPRISE-[0-9A-F]{6}\]/.exec(summary.stdout)?.[0] ?? 'missing';
      expect(study.stdout).toContain(firm);
    } finally {
      ctx.cleanup();
    }
  });
});
