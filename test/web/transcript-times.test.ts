import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.js';
import { DirectLineConversations } from '../../src/web/directline/conversations.js';

describe('a web chat transcript', () => {
  it('keeps the time a message shown again was first said, and times the others as they come', () => {
    const now = new Date('2026-11-24T21:00:00.000Z');
    const conversations = new DirectLineConversations(createMemoryStore().kv, () => now);
    conversations.startTranscriptIfNone('c1');
    conversations.append('c1', [
      { type: 'message', text: 'Quels outils ?', timestamp: '2026-03-02T09:01:00.000Z' },
      { type: 'message', text: 'Bienvenue à nouveau.' },
    ]);
    expect(conversations.since('c1', undefined).activities.map((a) => [a.text, a.timestamp])).toEqual([
      ['Quels outils ?', '2026-03-02T09:01:00.000Z'],
      ['Bienvenue à nouveau.', '2026-11-24T21:00:00.000Z'],
    ]);
  });
});
