import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import {
  httpRequest,
  PACKAGE_ROOT,
  replyTexts,
  SERVER_ENTRY,
  type SpawnedServer,
  sendExpectingReplies,
  spawnServer,
  userActivity,
} from './helpers.js';
import { driveInterview } from './interview-driver.js';

let dataDir = '';
const servers: SpawnedServer[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sme-server-'));
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<SpawnedServer> {
  const server = await spawnServer({ env: { DATA_DIR: dataDir } });
  servers.push(server);
  return server;
}

/** The answer texts stored under `dataDir`, in stored order, by the conversation they came from. */
async function storedAnswersByConversation(): Promise<Map<string, string[]>> {
  const store = await openStore({ DATA_DIR: dataDir, DATABASE_URL: undefined });
  try {
    const byConversation = new Map<string, string[]>();
    for (const interview of await store.listInterviews()) {
      const turns = await store.getTurns(interview.id);
      const conversation = conversationOf(interview.conversationKey);
      byConversation.set(
        conversation,
        turns.filter((turn) => turn.kind === 'answer').map((turn) => turn.text),
      );
    }
    return byConversation;
  } finally {
    await store.close();
  }
}

/** Conversation keys are `<channel>:<conversation id>`. */
function conversationOf(conversationKey: string | null): string {
  return conversationKey?.slice(conversationKey.indexOf(':') + 1) ?? '';
}

/** The answers of the only interview under `dataDir`. */
async function storedAnswers(): Promise<string[]> {
  const stored = await storedAnswersByConversation();
  expect(stored.size).toBe(1);
  return [...stored.values()][0] ?? [];
}

function runToExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER_ENTRY], {
      cwd: PACKAGE_ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

describe('server process', () => {
  it('stops at start with one line naming a bad variable, exit code 1', async () => {
    for (const [variable, value] of [
      ['PORT', 'quatre-vingt'],
      ['LOG_LEVEL', 'verbose'],
      ['DATABASE_URL', 'mysql://somewhere'],
      ['HOST', 'http://127.0.0.1:3978'],
    ] as const) {
      const { code, stderr, stdout } = await runToExit({ DATA_DIR: dataDir, [variable]: value });
      expect(code, variable).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines, variable).toHaveLength(1);
      expect(lines[0], variable).toContain(variable);
      expect(stdout, variable).toBe('');
    }
  });

  it('stops at start with one line naming MicrosoftAppPassword when only MicrosoftAppId is set', async () => {
    const { code, stderr, stdout } = await runToExit({ DATA_DIR: dataDir, MicrosoftAppId: 'app-id' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^sme-interview: MicrosoftAppPassword is missing: .*set MicrosoftAppPassword/),
    ]);
    expect(stdout).toBe('');
  });

  it('stops at start with one line saying to set DATA_DIR when it names a file', async () => {
    const file = join(dataDir, 'afile');
    writeFileSync(file, 'not a folder');
    const { code, stderr, stdout } = await runToExit({ DATA_DIR: file, PORT: '0' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `sme-interview: cannot use the data folder ${file}: it is a file, not a folder (ENOTDIR): set DATA_DIR to a writable folder (or move that file away)`,
    ]);
    expect(stdout).toBe('');
  });

  it('writes only JSON log lines on stdout, the addresses and the dashboard token on stderr', async () => {
    const server = await start();
    await httpRequest(`${server.url}/healthz`);
    const token = /^Dashboard token:\s+(\S+)/.exec(
      server.stderr.find((line) => line.startsWith('Dashboard token:')) ?? '',
    )?.[1];
    expect(token).toMatch(/\S{16,}/);
    expect(server.stderr.some((line) => /^Listening on: +127\.0\.0\.1 port \d+/.test(line))).toBe(true);
    expect(server.stderr.some((line) => line.startsWith('Chat with the bot:'))).toBe(true);
    expect(server.stdout.length).toBeGreaterThan(0);
    for (const line of server.stdout) {
      expect(() => JSON.parse(line), line).not.toThrow();
      expect(line).not.toContain(token ?? '\u0000');
    }
    expect(server.stdout.some((line) => line.includes('"event":"server.ready"'))).toBe(true);
    // Nor in any JSON line of stderr (warnings and errors).
    for (const line of server.stderr.filter((candidate) => candidate.startsWith('{')))
      expect(line).not.toContain(token ?? '\u0000');
  });

  it('names the variable to change when its port is taken', async () => {
    const server = await start();
    const { code, stderr } = await runToExit({ DATA_DIR: dataDir, PORT: String(server.port) });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/PORT \d+ is already in use/)]);
  });

  it('names the variable to change when HOST is no address of this machine', async () => {
    // An address reserved for documentation: no machine has it, so the start fails at once, offline.
    const { code, stderr } = await runToExit({ DATA_DIR: dataDir, HOST: '192.0.2.1', PORT: '0' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^sme-interview: HOST 192\.0\.2\.1 /)]);
  });

  it('without app credentials listens on this computer only, and prints addresses that work', async () => {
    const server = await start();
    const output = server.lines.join('\n');
    expect(output).toMatch(
      new RegExp(`Listening on: +127\\.0\\.0\\.1 port ${server.port}, this computer only`),
    );
    const chatUrl = /Chat with the bot: +(\S+)/.exec(output)?.[1] ?? '';
    expect(chatUrl).toBe(`http://127.0.0.1:${server.port}/`);
    const page = await httpRequest(chatUrl);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const dashboardUrl = /Dashboard: +(\S+)#token=/.exec(output)?.[1] ?? '';
    expect(dashboardUrl).toBe(`http://127.0.0.1:${server.port}/dashboard`);
    expect((await httpRequest(dashboardUrl)).status).toBe(200);
  });

  it('with app credentials listens where HOST says and prints that address', async () => {
    const server = await spawnServer({
      env: {
        DATA_DIR: dataDir,
        MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
        MicrosoftAppPassword: 'not-a-real-secret',
        HOST: '127.0.0.1',
      },
    });
    servers.push(server);
    const output = server.lines.join('\n');
    expect(output).toMatch(new RegExp(`Listening on: +127\\.0\\.0\\.1 port ${server.port}`));
    const chatUrl = /Chat with the bot: +(\S+)/.exec(output)?.[1] ?? '';
    expect((await httpRequest(`${chatUrl}healthz`)).json).toEqual({ status: 'ok' });
  });

  it('prints its port, the chat and dashboard addresses and a working dashboard token', async () => {
    const server = await start();
    expect((await httpRequest(`${server.url}/healthz`)).json).toEqual({ status: 'ok' });
    const output = server.lines.join('\n');
    expect(output).toContain(`http://127.0.0.1:${server.port}/`);
    expect(output).toContain(`http://127.0.0.1:${server.port}/dashboard`);
    const token = /Dashboard token:\s+(\S+)/.exec(output)?.[1];
    expect(token).toBeDefined();
    const authorised = await httpRequest(`${server.url}/api/interviews`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(authorised.status).toBe(200);
    const refused = await httpRequest(`${server.url}/api/interviews`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(refused.status).toBe(401);
  });

  it('answers an interviewer’s invitation request with a code on the Bot Framework endpoint', async () => {
    const server = await start();
    const replies = await sendExpectingReplies(
      server.url,
      userActivity('conv-interviewer', { text: 'inviter dirigeant' }),
    );
    const said = replyTexts(replies).join('\n');
    expect(said).toMatch(/\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,10}\b/);
  });

  it('runs a whole interview over HTTP and stores every answer once, in order', async () => {
    const server = await start();
    const run = await driveInterview({ conversationId: 'conv-whole', pickServer: () => server.url });
    expect(run.done).toBe(true);
    expect(run.scripted).toBeGreaterThanOrEqual(5);
    expect(await server.stop()).toBe(0);
    expect(await storedAnswers()).toEqual(run.answers);
    const log = server.lines.join('\n');
    expect(log).toContain('"event":"turn"');
    expect(log).not.toContain('Réponse 1');
    expect(log).not.toContain('conv-whole');
  });

  it('loses nothing to a kill -9 between two answers and resumes at the right question', async () => {
    const first = await start();
    const before = await driveInterview({
      conversationId: 'conv-crash',
      pickServer: () => first.url,
      stopAfterAnswers: 3,
    });
    expect(before.scripted).toBe(3);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = await start();
    const after = await driveInterview({
      conversationId: 'conv-crash',
      pickServer: () => second.url,
      resume: before,
    });
    expect(after.done).toBe(true);
    // The same answers in a conversation nobody interrupted: the bot must have said the same things.
    const reference = await driveInterview({
      conversationId: 'conv-reference',
      pickServer: () => second.url,
    });
    expect(after.transcript).toEqual(reference.transcript);
    expect(await second.stop()).toBe(0);
    const stored = await storedAnswersByConversation();
    expect(stored.get('conv-crash')).toEqual(after.answers);
  });

  it('exits 0 on SIGTERM with every acknowledged answer stored', async () => {
    const server = await start();
    const run = await driveInterview({
      conversationId: 'conv-term',
      pickServer: () => server.url,
      stopAfterAnswers: 2,
    });
    expect(await server.stop()).toBe(0);
    expect(server.lines.some((line) => line.includes('"event":"server.stopped"'))).toBe(true);
    expect(await storedAnswers()).toEqual(run.answers);
  });
});
