import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import type { LogLevel } from './config.js';

export type LogFields = Record<string, unknown>;

/**
 * Structured logging: one JSON line per event (`time`, `level`, `event`, then the fields).
 * debug/info go to stdout, warn/error to stderr. Never pass respondents' words as fields at
 * info level: log kinds, hashed ids and timings instead.
 */
export interface Logger {
  readonly level: LogLevel;
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  isEnabled(level: LogLevel): boolean;
  /** A logger adding `fields` to every line it writes. */
  child(fields: LogFields): Logger;
}

export interface LogSink {
  out(line: string): void;
  err(line: string): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Writes through the process streams. Lines written in the same tick leave in one write after it (one
 * system call for many turns instead of one each); the pending lines are flushed synchronously if the
 * process exits first. Warnings and errors are written at once.
 */
export const processSink: LogSink = createBatchedSink(
  (text) => process.stdout.write(text),
  (text) => writeSync(process.stdout.fd, text),
  (line) => process.stderr.write(line),
);

export function createBatchedSink(
  write: (text: string) => void,
  writeNow: (text: string) => void,
  err: (line: string) => void,
): LogSink {
  let pending: string[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    write(text);
  };
  process.once('exit', () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    try {
      writeNow(text);
    } catch {
      // stdout already gone: nothing left to tell.
    }
  });
  return {
    out: (line) => {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    err,
  };
}

export function createLogger(level: LogLevel, sink: LogSink = processSink, base: LogFields = {}): Logger {
  const threshold = RANK[level];
  const write = (lineLevel: LogLevel, event: string, fields: LogFields | undefined): void => {
    if (RANK[lineLevel] < threshold) return;
    const line = `${safeStringify({ time: new Date().toISOString(), level: lineLevel, event, ...base, ...fields })}\n`;
    if (RANK[lineLevel] >= RANK.warn) sink.err(line);
    else sink.out(line);
  };
  return {
    level,
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    isEnabled: (candidate) => RANK[candidate] >= threshold,
    child: (fields) => createLogger(level, sink, { ...base, ...fields }),
  };
}

/** A logger that writes nothing (library use, tests that do not look at logs). */
export const silentLogger: Logger = createLogger('error', { out: () => {}, err: () => {} });

/** A short stable digest of an identifier, so logs can correlate a conversation without naming it. */
export function hashId(id: string): string {
  let digest = digests.get(id);
  if (digest === undefined) {
    digest = createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 12);
    if (digests.size >= DIGEST_MEMO_LIMIT) digests.clear();
    digests.set(id, digest);
  }
  return digest;
}

/** Every turn of a conversation logs the same id: its digest is kept rather than hashed again. */
const digests = new Map<string, string>();
const DIGEST_MEMO_LIMIT = 4096;

/** Error fields for a log line: name, message, code and (at debug level) the stack. */
export function errorFields(error: unknown, withStack = false): LogFields {
  if (!(error instanceof Error)) return { error: String(error) };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return {
    error: error.message,
    errorName: error.name,
    ...(code === undefined ? {} : { errorCode: code }),
    ...(withStack && error.stack ? { stack: error.stack } : {}),
  };
}

function safeStringify(value: LogFields): string {
  try {
    return JSON.stringify(value, (_key, field: unknown) =>
      typeof field === 'bigint' ? field.toString() : field,
    );
  } catch {
    return JSON.stringify({
      time: value.time,
      level: value.level,
      event: value.event,
      logError: 'unserialisable fields',
    });
  }
}
