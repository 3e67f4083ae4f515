import { describe, expect, it } from 'vitest';
import { createBatchedSink, createLogger, hashId } from '../../src/log.js';

function parse(line: string): unknown {
  return JSON.parse(line);
}

describe('structured log', () => {
  it('writes one JSON line per event with time, level, event and fields, at or above its level', () => {
    const out: string[] = [];
    const err: string[] = [];
    const logger = createLogger('info', { out: (line) => out.push(line), err: (line) => err.push(line) });
    logger.debug('turn.detail', { step: 1 });
    logger.info('turn', { activityType: 'message', latencyMs: 3.2 });
    logger.error('turn.failed', { error: 'disk full' });
    expect(out).toHaveLength(1);
    expect(out[0]?.endsWith('\n')).toBe(true);
    expect(parse(out[0] ?? '')).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: 'info',
      event: 'turn',
      activityType: 'message',
      latencyMs: 3.2,
    });
    expect(err).toHaveLength(1);
    expect(parse(err[0] ?? '')).toMatchObject({ level: 'error', event: 'turn.failed', error: 'disk full' });
  });

  it('adds a child logger’s fields to every line', () => {
    const out: string[] = [];
    const logger = createLogger('debug', { out: (line) => out.push(line), err: () => {} }).child({
      instance: 'a',
    });
    logger.debug('tick');
    expect(parse(out[0] ?? '')).toMatchObject({ event: 'tick', instance: 'a' });
  });

  it('hashes identifiers stably without revealing them', () => {
    expect(hashId('19:abc@thread.v2')).toBe(hashId('19:abc@thread.v2'));
    expect(hashId('19:abc@thread.v2')).not.toBe(hashId('19:abd@thread.v2'));
    expect(hashId('19:abc@thread.v2')).not.toContain('abc');
  });

  it('sends the lines of one tick in a single write', async () => {
    const writes: string[] = [];
    const sink = createBatchedSink(
      (text) => writes.push(text),
      (text) => writes.push(text),
      () => {},
    );
    sink.out('a\n');
    sink.out('b\n');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['a\nb\n']);
  });
});
