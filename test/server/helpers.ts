import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { TurnHandler } from '../../src/bot/http-adapter.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/log.js';
import type { Router } from '../../src/server/router.js';
import { type BotHttpServer, createHttpServer } from '../../src/server/server.js';
import type { FetchJson } from '../../src/signing-keys.js';

export const PACKAGE_ROOT = join(import.meta.dirname, '..', '..');
export const SERVER_ENTRY = join(PACKAGE_ROOT, 'dist', 'src', 'server', 'main.js');

/** A log that keeps every line it is given, for assertions on what the server wrote. */
export interface CapturedLog {
  logger: Logger;
  lines: () => string[];
}

export function captureLog(level: Config['LOG_LEVEL'] = 'debug'): CapturedLog {
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
  };
  return { logger: createLogger(level, { out: keep, err: keep }), lines: () => lines };
}

export interface TestServer {
  url: string;
  port: number;
  http: BotHttpServer;
  log: CapturedLog;
  close(): Promise<void>;
}

/** Starts the HTTP front door in this process on a loopback port (ephemeral unless `port` is given). */
export async function startTestServer(options: {
  bot: TurnHandler;
  env?: NodeJS.ProcessEnv;
  registerRoutes?: (router: Router) => void;
  /** The port of a server stopped before, so a page open on it finds the restarted one. */
  port?: number;
  /** Where the Bot Framework token check gets its signing keys (never the internet in tests). */
  fetchSigningKeys?: FetchJson;
}): Promise<TestServer> {
  const log = captureLog();
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'debug', ...options.env });
  const http = createHttpServer({
    config,
    logger: log.logger,
    bot: options.bot,
    fetchSigningKeys: options.fetchSigningKeys ?? refuseKeyFetches,
    ...(options.registerRoutes ? { registerRoutes: options.registerRoutes } : {}),
  });
  const address = await http.listen(options.port ?? 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    http,
    log,
    close: async () => {
      await http.drain(1000);
    },
  };
}

/** The default key source of test servers: a key service that cannot be reached, as offline. */
export const refuseKeyFetches: FetchJson = async (url) => {
  throw new Error(`test refused to fetch ${url}`);
};

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request over loopback; `body` is sent as is (a string) or as JSON. */
export function httpRequest(
  url: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string>; agent?: Agent } = {},
): Promise<HttpReply> {
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
        agent: options.agent ?? keepAlive,
        headers: {
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = text.length > 0 ? JSON.parse(text) : null;
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** An activity as a channel sends it; `overrides` replace any field. */
export function userActivity(
  conversationId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2)}`,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9',
    timestamp: new Date().toISOString(),
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}`, name: 'Respondent' },
    recipient: { id: 'bot', name: 'Bot' },
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
    ...overrides,
  };
}

export interface ReplyActivity {
  type: string;
  text?: string;
  [key: string]: unknown;
}

/** Sends one activity with expectReplies and returns the bot's replies (throws on a non-200 answer). */
export async function sendExpectingReplies(
  baseUrl: string,
  activity: Record<string, unknown>,
  agent?: Agent,
): Promise<ReplyActivity[]> {
  const reply = await httpRequest(`${baseUrl}/api/messages`, {
    body: { ...activity, deliveryMode: 'expectReplies' },
    ...(agent ? { agent } : {}),
  });
  if (reply.status !== 200) throw new Error(`POST /api/messages answered ${reply.status}: ${reply.text}`);
  return repliesOf(reply.json);
}

function repliesOf(body: unknown): ReplyActivity[] {
  if (
    typeof body !== 'object' ||
    body === null ||
    !('activities' in body) ||
    !Array.isArray(body.activities)
  ) {
    throw new Error(`expectReplies body without activities: ${JSON.stringify(body)}`);
  }
  return body.activities.filter(isReplyActivity);
}

function isReplyActivity(value: unknown): value is ReplyActivity {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';
}

/** The texts of the message replies, in order. */
export function replyTexts(replies: readonly ReplyActivity[]): string[] {
  return replies
    .filter((reply) => reply.type === 'message' && typeof reply.text === 'string')
    .map((r) => r.text ?? '');
}

export interface SpawnedServer {
  child: ChildProcess;
  port: number;
  url: string;
  /** Every stdout and stderr line so far. */
  lines: string[];
  /** The stdout lines so far (the JSON log lines of debug and info events). */
  stdout: string[];
  /** The stderr lines so far (the start-up announcement, warnings and errors). */
  stderr: string[];
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after `graceMs` if it is still running. */
  stop(graceMs?: number): Promise<number | string>;
}

/**
 * Runs the built server (`dist/src/server/main.js`, or `entry`) as a child process on an ephemeral
 * port and waits for its `server.ready` line. Needs `npm run build` first (done by `npm test`).
 */
export async function spawnServer(options: {
  env: NodeJS.ProcessEnv;
  entry?: string;
  readyTimeoutMs?: number;
}): Promise<SpawnedServer> {
  const entry = options.entry ?? SERVER_ENTRY;
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const child = spawn(process.execPath, [entry], {
    cwd: PACKAGE_ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...options.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`server not ready after ${options.readyTimeoutMs ?? 15_000} ms:\n${lines.join('\n')}`),
        ),
      options.readyTimeoutMs ?? 15_000,
    );
    const onLine = (line: string) => {
      lines.push(line);
      const port = readyPort(line);
      if (port !== null) {
        clearTimeout(timer);
        resolve(port);
      }
    };
    if (child.stdout)
      createInterface({ input: child.stdout }).on('line', (line) => {
        stdout.push(line);
        onLine(line);
      });
    if (child.stderr)
      createInterface({ input: child.stderr }).on('line', (line) => {
        stderr.push(line);
        onLine(line);
      });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${lines.join('\n')}`));
    });
  });
  const port = await ready;
  // The announcement (stderr) is written before the ready line (stdout), but two pipes may be read in
  // either order: wait a moment for its last line.
  const announces = entry === SERVER_ENTRY;
  for (let waited = 0; announces && waited < 2000 && !stderr.some(isAnnouncementEnd); waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    lines,
    stdout,
    stderr,
    exited,
    stop: async (graceMs = 5000) => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** The last line of the start-up announcement: the dashboard token, or the address when none was issued. */
function isAnnouncementEnd(line: string): boolean {
  return line.startsWith('Dashboard token:') || line.includes('"event":"dashboard.token_failed"');
}

/** The port of a `server.ready` log line, or null for any other line. */
export function readyPort(line: string): number | null {
  if (!line.startsWith('{')) return null;
  try {
    const event: unknown = JSON.parse(line);
    if (typeof event !== 'object' || event === null) return null;
    if (!('event' in event) || event.event !== 'server.ready') return null;
    return 'port' in event && typeof event.port === 'number' ? event.port : null;
  } catch {
    return null;
  }
}

/** Resolves once `child` has exited (for tests that kill it themselves). */
export async function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await once(child, 'exit');
}
