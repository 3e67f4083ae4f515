import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createAppServer } from '../../src/server/app-server.js';
import { type RunningServer, startServer } from '../../src/server/start.js';
import { until } from '../cli/chat-helpers.js';
import { requirePostgresIfDemanded, TEST_DATABASE_URL } from '../store/postgres-schema.js';
import { captureLog, httpRequest, replyTexts, sendExpectingReplies, userActivity } from './helpers.js';
import { nextStep } from './interview-driver.js';

requirePostgresIfDemanded();

const SCHEMA = `sme_websum_${process.pid}_${randomBytes(4).toString('hex')}`;
const running: RunningServer[] = [];

afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
});

afterAll(async () => {
  if (TEST_DATABASE_URL === undefined) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  } finally {
    await client.end();
  }
});

/** The whole product's server (store, bot, invitations, web chat), as `npm start` runs it, on a free port. */
async function productServer(env: Record<string, string>): Promise<string> {
  const config = loadConfig({ PORT: '0', ...env });
  const app = await createAppServer(config, captureLog('warn').logger);
  const server = await startServer(app.start);
  running.push(server);
  return `http://127.0.0.1:${server.port}`;
}

interface WebChatPage {
  conversationId: string;
  token: string;
}

/** A web chat page opened on `url`, as Web Chat opens one. */
async function openWebChat(url: string): Promise<WebChatPage> {
  const grant = await httpRequest(`${url}/directline/tokens/generate`, { method: 'POST', body: {} });
  const { conversationId, token } = grant.json as WebChatPage;
  await httpRequest(`${url}/directline/conversations`, {
    method: 'POST',
    body: {},
    headers: { authorization: `Bearer ${token}` },
  });
  return { conversationId, token };
}

async function say(url: string, page: WebChatPage, text: string): Promise<void> {
  const reply = await httpRequest(`${url}/directline/conversations/${page.conversationId}/activities`, {
    body: { type: 'message', text, from: { id: 'page' } },
    headers: { authorization: `Bearer ${page.token}` },
  });
  expect(reply.status, reply.text).toBe(200);
}

type Served = { text?: string; attachments?: Array<{ contentType: string }> };

async function shown(url: string, page: WebChatPage): Promise<Served[]> {
  const reply = await httpRequest(`${url}/directline/conversations/${page.conversationId}/activities`, {
    headers: { authorization: `Bearer ${page.token}` },
  });
  expect(reply.status, reply.text).toBe(200);
  return (reply.json as { activities: Served[] }).activities;
}

/**
 * An interviewer asks for an invitation in the web chat of `interviewerServer`; the respondent takes the whole
 * interview on `respondentServer`: the interviewer's page shows the summary card.
 */
async function summaryReachesTheInterviewer(interviewerServer: string, respondentServer: string) {
  const page = await openWebChat(interviewerServer);
  await say(interviewerServer, page, 'inviter dirigeant fr');
  const code = /Code\u00a0: ([A-Z0-9]{6,10})/.exec(JSON.stringify(await shown(interviewerServer, page)))?.[1];
  expect(code).toBeDefined();

  const respondent = (text: string) =>
    userActivity('conv-invited-respondent', { text, serviceUrl: 'http://127.0.0.1:9' });
  let said = replyTexts(await sendExpectingReplies(respondentServer, respondent(`code ${code}`))).join('\n');
  let answers = 0;
  let step = nextStep(said, answers);
  for (let turn = 0; turn < 60 && step.kind !== 'done'; turn++) {
    if (step.kind === 'answer') answers++;
    said = replyTexts(await sendExpectingReplies(respondentServer, respondent(step.text))).join('\n');
    step = nextStep(said, answers);
  }
  expect(step.kind).toBe('done');

  const isCard = (activity: Served) =>
    activity.attachments?.some((card) => card.contentType === 'application/vnd.microsoft.card.adaptive') ??
    false;
  // Sent apart from the respondent's last turn: the page shows it a moment later.
  const after: Served[] = [];
  await until(async () => {
    after.push(...(await shown(interviewerServer, page)));
    return after.some(isCard);
  }, 'the summary card on the interviewer page');
  expect(after.filter(isCard)).toHaveLength(1);
  expect(after.some((activity) => activity.text?.includes(`invitation ${code}`))).toBe(true);
  // Shown once: the next poll brings nothing new.
  const again = await shown(interviewerServer, page);
  expect(again.filter((activity) => activity.attachments !== undefined)).toHaveLength(1);
}

describe.skipIf(TEST_DATABASE_URL === undefined)('two servers on one PostgreSQL database', () => {
  it('show a web chat interviewer the summary of an interview completed on the other server', async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await client.end();
    const url = new URL(TEST_DATABASE_URL ?? '');
    url.searchParams.set('options', `-c search_path=${SCHEMA}`);
    const env = { DATABASE_URL: url.toString() };
    const [interviewerServer, respondentServer] = [await productServer(env), await productServer(env)];
    await summaryReachesTheInterviewer(interviewerServer, respondentServer);
  }, 120_000);
});

describe('one server on the embedded store', () => {
  it('shows a web chat interviewer the summary of an interview completed there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sme-web-summary-'));
    try {
      const only = await productServer({ DATA_DIR: dataDir });
      await summaryReachesTheInterviewer(only, only);
    } finally {
      for (const server of running.splice(0)) await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
