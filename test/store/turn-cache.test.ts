import { describe, expect, it } from 'vitest';
import type { TurnRecord } from '../../src/core/interview/record.js';
import { BoundedLru } from '../../src/store/lru.js';
import { TurnCache } from '../../src/store/turn-cache.js';

function turn(interviewId: string, seq: number): TurnRecord {
  return {
    interviewId,
    seq,
    kind: 'answer',
    section: 'tools',
    questionId: 'tools.main',
    text: `réponse ${seq}`,
    tags: null,
    refSeq: null,
    data: null,
    at: '2025-03-01T08:00:00.000Z',
  };
}

describe('bounded memory of turn logs', () => {
  it('forgets the least recently read interview beyond its size', () => {
    const cache = new TurnCache(2, 100);
    cache.set('a', [turn('a', 1)]);
    cache.set('b', [turn('b', 1)]);
    cache.get('a');
    cache.set('c', [turn('c', 1)]);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.turns).toHaveLength(1);
    expect(cache.get('c')?.turns).toHaveLength(1);
    expect(cache.interviews).toBe(2);
  });

  it('forgets old logs once the turns held pass their bound, and keeps a log that alone is larger', () => {
    const lru = new BoundedLru<string, number>(10, 5);
    lru.set('a', 1, 3);
    lru.set('b', 2, 2);
    lru.set('c', 3, 2);
    expect(lru.get('a')).toBeUndefined();
    expect(lru.weight).toBe(4);
    lru.set('huge', 4, 9);
    expect([lru.get('b'), lru.get('c'), lru.get('huge')]).toEqual([undefined, undefined, 4]);
  });

  it('appends only what follows the cached log, and drops a log that missed a turn', () => {
    const cache = new TurnCache();
    cache.set('a', [turn('a', 1)]);
    cache.append('a', [turn('a', 2), turn('a', 3)]);
    expect(cache.get('a')?.turns.map((record) => record.seq)).toEqual([1, 2, 3]);
    expect(cache.get('a')?.lastSeq).toBe(3);
    cache.append('a', [turn('a', 5)]);
    expect(cache.get('a')).toBeUndefined();
    cache.append('unknown', [turn('unknown', 1)]);
    expect(cache.get('unknown')).toBeUndefined();
  });
});
