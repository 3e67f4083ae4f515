import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { InterviewMeta, TurnRecord } from '../../src/core/interview/record.js';
import {
  buildStudy,
  buildSummary,
  renderStudy,
  renderSummary,
  Summary,
} from '../../src/core/summary/index.js';
import { SUMMARY_FORMATS, type SummaryFormat } from '../../src/export/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { openStore } from '../../src/store/open.js';
import { studyKeys } from '../../src/store/study-key.js';
import { parseCsv, unescapeXml, unzip } from '../export/helpers.js';
import { httpRequest, spawnServer, userActivity } from '../server/helpers.js';
import { CANARY, hostileText, malformedBody, ODD_TYPES, pick, type Random, seededRandom } from './hostile.js';
import { answerQuestions } from './respondent.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20251123);
const TOTAL = Number(process.env.FUZZ_COUNT ?? 10_000);
const WORKERS = 12;
const OVERSIZE = 12;
const XSD = readFileSync(join(PACKAGE_ROOT, 'schemas', 'refi-qda-project-1.0.xsd'), 'utf8');

interface Outcome {
  kind: string;
  status: number;
}

describe(`fuzzing POST /api/messages (seed ${SEED}, FUZZ_SEED=<n> reproduces a run)`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sme-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const failures: string[] = [];
  const outcomes: Outcome[] = [];

  it(`answers ${TOTAL} hostile requests without a crash, a 5xx or a corrupted interview`, async () => {
    const server = await spawnServer({ env: { DATA_DIR: dir, LOG_LEVEL: 'info' } });
    const agent = new Agent({ keepAlive: true, maxSockets: WORKERS + 2 });
    const url = `${server.url}/api/messages`;
    const send = async (kind: string, body: unknown, expect: (status: number) => boolean, where: string) => {
      const reply = await httpRequest(url, { body, agent });
      outcomes.push({ kind, status: reply.status });
      const errorBody = reply.status >= 400 && !/"error":\{"code":"[a-z_]+","message":"/.test(reply.text);
      if (!expect(reply.status) || errorBody)
        failures.push(`${where} ${kind}: HTTP ${reply.status} ${reply.text.slice(0, 200)}`);
    };
    const isClientError = (status: number) => status >= 400 && status < 500;

    const worker = async (w: number, count: number) => {
      const random: Random = seededRandom(SEED * 31 + w);
      const conversations = [`fuzz-${w}-a`, `fuzz-${w}-b`];
      for (const conversationId of conversations) {
        const first = hostileText(random);
        await answerQuestions({ url: server.url, conversationId, answers: [first], agent }).catch(
          (error: unknown) => {
            failures.push(`seed ${SEED} worker ${w} first answer ${JSON.stringify(first)}: ${String(error)}`);
          },
        );
      }
      for (let i = 0; i < count; i += 1) {
        const where = `seed ${SEED} worker ${w} request ${i}`;
        const conversationId = pick(random, conversations);
        const roll = random();
        if (roll < 0.3) {
          const activity = userActivity(conversationId, { text: hostileText(random) });
          await send('message', activity, (s) => s === 200 || s === 429, where);
        } else if (roll < 0.45) {
          const type = pick(random, ODD_TYPES);
          const extra =
            random() < 0.3 ? { value: { nested: [[[{ deep: hostileText(random) }]]] }, name: 'x' } : {};
          const activity = userActivity(random() < 0.5 ? conversationId : `fuzz-odd-${w}-${i}`, {
            type,
            text: random() < 0.5 ? hostileText(random) : undefined,
            ...extra,
          });
          await send(`type ${type}`, activity, (s) => s < 500, where);
        } else {
          const { name, body } = malformedBody(
            random,
            userActivity(conversationId, { text: hostileText(random) }),
          );
          await send(name, body, isClientError, where);
        }
      }
    };

    const started = performance.now();
    const perWorker = Math.ceil((TOTAL - OVERSIZE) / WORKERS);
    await Promise.all([
      ...Array.from({ length: WORKERS }, (_, w) => worker(w, perWorker)),
      (async () => {
        for (let i = 0; i < OVERSIZE; i += 1) {
          const activity = userActivity('fuzz-big', { text: `${CANARY} ${'é'.repeat(512 * 1024)}` });
          await send('1 MB activity', activity, (s) => s === 413, `seed ${SEED} oversize ${i}`);
        }
      })(),
    ]);
    const seconds = (performance.now() - started) / 1000;

    const health = await httpRequest(`${server.url}/healthz`, { agent });
    expect(health.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    agent.destroy();
    expect(await server.stop()).toBe(0);
    expect(server.lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);

    const byKind = new Map<string, number>();
    for (const o of outcomes) byKind.set(`${o.status}`, (byKind.get(`${o.status}`) ?? 0) + 1);
    console.info(
      `fuzz seed ${SEED}: ${outcomes.length} requests in ${seconds.toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries(byKind))}`,
    );
    expect(outcomes.length).toBeGreaterThanOrEqual(TOTAL);
    expect(failures.slice(0, 10)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 413)).toHaveLength(OVERSIZE);
  }, 150_000);

  it('leaves every stored interview schema-valid with dense seqs, and every export inert', async () => {
    const store = await openStore({ DATA_DIR: dir });
    const summaries: Summary[] = [];
    try {
      const keyOf = studyKeys(store);
      const interviews = await store.listInterviews();
      expect(interviews.length).toBeGreaterThanOrEqual(WORKERS * 2);
      const problems: string[] = [];
      for (const meta of interviews) {
        expect(InterviewMeta.safeParse(meta).success).toBe(true);
        const turns = await store.getTurns(meta.id);
        for (const turn of turns) {
          const parsed = TurnRecord.safeParse(turn);
          if (!parsed.success) problems.push(`${meta.id} seq ${turn.seq}: ${parsed.error.message}`);
          expect(turn.interviewId).toBe(meta.id);
        }
        expect(turns.map((t) => t.seq)).toEqual(turns.map((_, index) => index + 1));
        summaries.push(buildSummary(meta, turns, { pseudonymKey: await keyOf(meta.interviewerId) }));
      }
      expect(problems.slice(0, 10)).toEqual([]);
    } finally {
      await store.close();
    }
    const withAnswers = summaries.filter((s) =>
      [...s.themes.flatMap((t) => t.answers), ...s.otherAnswers].some((a) => a.text.includes(CANARY)),
    );
    expect(withAnswers.length).toBeGreaterThanOrEqual(WORKERS);

    for (const summary of summaries)
      for (const format of SUMMARY_FORMATS)
        checkInert(format, renderSummary(summary, format).body, summary.interview.id);
    const study = buildStudy(summaries, 'fr');
    checkInert('md', renderStudy(study, 'md', 'fr').body, 'study');
    checkInert('csv', renderStudy(study, 'csv', 'fr').body, 'study');
    JSON.parse(String(renderStudy(study, 'json', 'fr').body));
    const project = checkInert('qdpx', renderStudy(study, 'qdpx', 'fr').body, 'study');
    const validation = await validateXML({
      xml: [{ fileName: 'project.qde', contents: project }],
      schema: [{ fileName: 'project.xsd', contents: XSD }],
    });
    expect(validation.errors.slice(0, 3)).toEqual([]);
  }, 120_000);
});

/** Fails on anything from an answer that a reader of the format would run, follow or render as markup. */
function checkInert(format: SummaryFormat, body: string | Uint8Array, where: string): string {
  const at = `${where} ${format}`;
  if (format === 'qdpx') {
    const files = unzip(body instanceof Uint8Array ? body : new Uint8Array());
    const project = files.get('project.qde') ?? '';
    expect(project, at).not.toMatch(/<script|<img|<svg|<!DOCTYPE|<!\[CDATA/i);
    for (const source of project.matchAll(/<TextSource guid="([^"]+)"[^>]*>(.*?)<\/TextSource>/gs)) {
      const text = Array.from(files.get(`sources/${source[1]}.txt`) ?? '');
      for (const s of (source[2] ?? '').matchAll(/name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"/g))
        expect(text.slice(Number(s[2]), Number(s[3])).join(''), at).toBe(unescapeXml(s[1] ?? ''));
    }
    return project;
  }
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  switch (format) {
    case 'html':
      expect(text, at).not.toMatch(/<script|<img|<iframe|<object|<embed|<svg\/|<a\s/i);
      expect(text, at).not.toMatch(/(?:href|src|action)\s*=\s*["']?\s*javascript:/i);
      break;
    case 'md':
      expect(text, at).not.toMatch(/<script|<img|<svg|<a\s|<javascript:/i);
      expect(text, at).not.toMatch(/(?<!\\)\]\(\s*javascript:/i);
      break;
    case 'card': {
      const card: unknown = JSON.parse(text);
      for (const element of walk(card)) {
        if (element.type === 'TextBlock') expect(String(element.text), at).not.toContain(CANARY);
        if ('title' in element && 'value' in element) expect(String(element.value), at).not.toContain(CANARY);
        if (element.type === 'Action.OpenUrl') expect(String(element.url), at).not.toContain('evil');
      }
      break;
    }
    case 'csv':
      for (const row of parseCsv(text)) for (const cell of row) expect(cell, at).not.toMatch(/^[=+\-@\t\r]/);
      break;
    case 'json':
      expect(Summary.safeParse(JSON.parse(text)).success, at).toBe(true);
      break;
  }
  return text;
}

function* walk(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (typeof value === 'object' && value !== null) {
    const record = Object.fromEntries(Object.entries(value));
    yield record;
    for (const child of Object.values(record)) yield* walk(child);
  }
}
