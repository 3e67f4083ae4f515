import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TurnRecord } from '../../src/core/interview/record.js';
import type { InterviewStore } from '../../src/store/types.js';
import { requirePostgresIfDemanded, TEST_DATABASE_URL, TestSchemas } from '../store/postgres-schema.js';
import { httpRequest, replyTexts, userActivity } from './helpers.js';
import { driveInterview, scriptedAnswer } from './interview-driver.js';
import { type Instance, meetingOfTwo, ServerInstances } from './racing-instances.js';

requirePostgresIfDemanded();

const schemas = new TestSchemas();
const instances = new ServerInstances();

afterEach(() => instances.closeAll());

afterAll(async () => {
  if (TEST_DATABASE_URL !== undefined) await schemas.dropAll(TEST_DATABASE_URL);
});

/**
 * Holds the first `appendTurns` of two turns until both have reached it (or a few seconds passed): both
 * turns have then read the same interview and state, which is the race the operator met at random.
 */
function meetBeforeFirstAppend(stores: readonly InterviewStore[]): void {
  const meeting = meetingOfTwo();
  for (const store of stores) {
    const append = store.appendTurns.bind(store);
    store.appendTurns = async (...args) => {
      await meeting.arrive();
      return append(...args);
    };
  }
}

/** Every answer sits under the question asked just before it, and no question is asked twice in a row of answers. */
function misfiled(turns: readonly TurnRecord[]): string[] {
  const problems: string[] = [];
  let pending: string | null = null;
  for (const turn of turns) {
    if (turn.kind === 'question') pending = turn.questionId;
    if (turn.kind === 'answer') {
      if (turn.questionId !== pending)
        problems.push(`seq ${turn.seq}: answer filed under ${turn.questionId}, pending ${pending}`);
      pending = null;
    }
  }
  return problems;
}

/**
 * Two answers of one conversation sent at the same moment, one to each of `servers` (the same server twice
 * for one instance): each is stored once, in order, under the question it answered.
 */
async function raceTwoAnswers(servers: readonly [Instance, Instance]): Promise<void> {
  const [first, second] = servers;
  const conversationId = 'conv-race';
  // Up to the second open question of the presentation, through both servers.
  const run = await driveInterview({
    conversationId,
    pickServer: (turn) => (turn % 2 === 0 ? first.server.url : second.server.url),
    stopAfterAnswers: 1,
  });
  expect(run.answers.length).toBeGreaterThan(0);
  const [interview] = await first.store.listInterviews();
  if (!interview) throw new Error('no interview was started');
  const before = await first.store.getTurns(interview.id);

  meetBeforeFirstAppend([...new Set([first.store, second.store])]);
  const answers = [scriptedAnswer(101), scriptedAnswer(102)];
  const replies = await Promise.all(
    [first, second].map(({ server }, index) =>
      httpRequest(`${server.url}/api/messages`, {
        body: userActivity(conversationId, { text: answers[index] }),
      }),
    ),
  );

  // The loser committed nothing and was run again on the fresh state: both are taken.
  expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
  const turns = await second.store.getTurns(interview.id);
  const added = turns.slice(before.length);
  // Each answer once, none lost, none doubled, each under the question it answered.
  for (const answer of answers)
    expect(added.filter((turn) => turn.kind === 'answer' && turn.text === answer)).toHaveLength(1);
  expect(misfiled(turns)).toEqual([]);
  expect(turns.map((turn) => turn.seq)).toEqual(turns.map((_, index) => index + 1));
  const asked = turns.filter((turn) => turn.kind === 'question').map((turn) => turn.questionId);
  expect(new Set(asked).size, asked.join(', ')).toBe(asked.length);
  // The one run again answered the question the first one's reply asked.
  expect(added.map((turn) => turn.kind)).toEqual(['answer', 'question', 'answer', 'question']);
  const retried = [...new Set([first.server, second.server])].flatMap((server) =>
    server.log.lines().filter((line) => line.includes('"event":"turn.stale_retried"')),
  );
  expect(retried.length).toBeGreaterThanOrEqual(1);
  // What the respondent is asked last is what the store says waits.
  const last = turns.at(-1);
  expect(last?.kind).toBe('question');
  const said = replies.map((reply) => replyTexts(repliesOf(reply.json)).join('\n'));
  expect(said.some((text) => text.includes(last?.text ?? '\u0000'))).toBe(true);
}

describe.skipIf(TEST_DATABASE_URL === undefined)('two servers racing one conversation on PostgreSQL', () => {
  it('store each of two answers sent at the same moment once, in order, under the question it answered', async () => {
    const schema = schemas.next();
    const first = await instances.onPostgres(schema);
    const second = await instances.onPostgres(schema);
    await raceTwoAnswers([first, second]);
  });
});

describe('one server on the embedded store, two answers of one conversation at once', () => {
  it('stores each once, in order, under the question it answered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sme-race-'));
    try {
      const only = await instances.onSqlite(dataDir);
      await raceTwoAnswers([only, only]);
    } finally {
      await instances.closeAll();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

function repliesOf(body: unknown): Array<{ type: string; text?: string }> {
  if (typeof body !== 'object' || body === null || !('activities' in body) || !Array.isArray(body.activities))
    return [];
  return body.activities;
}
