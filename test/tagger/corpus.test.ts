import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_SPLITS, loadCorpus, loadSecondLabels } from '../../src/core/tagger/corpus.js';
import { scoreLabels } from '../../src/core/tagger/scoring.js';

describe('labelled corpus', () => {
  it('keeps every answer in one split only, so the unseen splits stay unseen', () => {
    const seenIds = new Map<string, string>();
    const seenTexts = new Map<string, string>();
    for (const split of CORPUS_SPLITS) {
      for (const item of loadCorpus(split)) {
        expect(seenIds.get(item.id), `${item.id} in ${split}`).toBeUndefined();
        expect(seenTexts.get(item.text), `text of ${item.id} in ${split}`).toBeUndefined();
        seenIds.set(item.id, split);
        seenTexts.set(item.text, split);
      }
    }
  });

  it("labels the second labeller's sample only on training answers", () => {
    const train = new Set(loadCorpus('train').map((item) => item.id));
    const second = loadSecondLabels();
    expect(second.length).toBeGreaterThanOrEqual(100);
    expect(second.filter((labels) => !train.has(labels.id))).toEqual([]);
  });

  it('names the file, the line and the field of a bad label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    writeFileSync(
      join(dir, 'train.jsonl'),
      `${JSON.stringify({ id: 'a', lang: 'fr', text: 'x', values: ['joy'], tools: [], levers: [], actors: [], facets: [] })}\n`,
    );
    expect(() => loadCorpus('train', dir)).toThrow(/train\.jsonl: line 1: field values\.0/);
  });
});

describe('agreement between labellers', () => {
  it('counts what one labeller gave and the other did not on each side', () => {
    const empty = { values: [], tools: [], levers: [], actors: [], facets: [] };
    const result = scoreLabels([
      {
        gold: { ...empty, tools: ['erp', 'crm'], levers: ['value_chain'] },
        predicted: { ...empty, tools: ['erp', 'email'], levers: ['value_chain'] },
      },
      { gold: { ...empty, levers: ['cluster'] }, predicted: { ...empty, levers: [] } },
    ]);
    expect(result.tools.micro).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(result.leverAccuracy.exactSetMatch).toBe(0.5);
  });
});
