import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, MIN_WORDS_FOR_VETO } from '../../src/core/tagger/combine.js';
import { buildTagger, createTagger, loadLexicon } from '../../src/core/tagger/index.js';
import type { Tags } from '../../src/core/tags.js';
import { LEXICON_DIR } from '../../src/paths.js';

const tagger = createTagger();
const lexiconAlone = buildTagger(loadLexicon(LEXICON_DIR));
const ids = (tags: { id: string }[]) => tags.map((t) => t.id);

function expectEvidenceInText(text: string, tags: { evidence: Tags['values'][number]['evidence'] }[]): void {
  for (const tag of tags) {
    expect(tag.evidence.length).toBeGreaterThan(0);
    for (const e of tag.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  }
}

describe('learned second signal joined to the lexicon', () => {
  it('tags a paraphrase of time saved that no lexicon phrase names, quoting its clause', () => {
    const text = 'Le client signe le devis sur la tablette avant que le technicien ne reparte.';
    expect(ids(lexiconAlone.tag(text).values)).not.toContain('functional');
    const values = tagger.tag(text).values;
    expect(ids(values)).toContain('functional');
    expectEvidenceInText(text, values);
  });

  it('does the same in English', () => {
    const text = 'Orders drop straight into the system, nobody types them in anymore.';
    expect(ids(lexiconAlone.tag(text).values)).not.toContain('functional');
    expect(ids(tagger.tag(text).values)).toContain('functional');
  });

  it('does not tag the same paraphrase when it is denied', () => {
    expect(
      ids(tagger.tag('On ne dépanne pas les chaudières à distance, le client attend le technicien.').values),
    ).not.toContain('functional');
    expect(ids(tagger.tag("Our technicians don't fix the boilers remotely.").values)).not.toContain(
      'functional',
    );
  });

  it('asserts nothing about an imagined shop: no tool, value or lever (GUIDELINES.md: imagined is not labelled)', () => {
    const text = "Si on avait une boutique en ligne, on pourrait vendre toute l'année.";
    const tags = tagger.tag(text);
    expect(tags.tools).toEqual([]);
    expect(tags.values).toEqual([]);
    expect(tags.levers).toEqual([]);
  });

  it('drops a plainly named tag the model doubts only in an answer long enough for it to judge', () => {
    const doubtful = { high: null, low: null, keep: 0.5 };
    expect(decide(doubtful, 2, false, 0.1, MIN_WORDS_FOR_VETO - 1)).toBe('lexicon');
    expect(decide(doubtful, 2, false, 0.1, MIN_WORDS_FOR_VETO + 20)).toBe('none');
    expect(decide(doubtful, 2, false, 0.6, MIN_WORDS_FOR_VETO + 20)).toBe('lexicon');
  });

  it('lets no model tag re-assert what the answer denies', () => {
    expect(tagger.tag('Franchement ça ne nous a rien apporté.').values).toEqual([]);
    expect(ids(tagger.tag("On n'a pas de CRM, tout est dans le carnet.").tools)).not.toContain('crm');
    expect(
      ids(tagger.tag('Les commandes ne partent pas plus vite, ça n’a rien changé.').values),
    ).not.toContain('functional');
  });
});

describe('a sentence that only says a cost', () => {
  it('leaves the values stated elsewhere in the answer as they were', () => {
    for (const [text, cost] of [
      [
        'We exchange delivery forecasts with our two main suppliers through the portal, so they deliver just in time.',
        ' It costs money.',
      ],
      ['The customer follows the repair online step by step, no need to ring us.', ' It costs money.'],
      [
        'On a tout monté nous-mêmes, sans consultant, on est assez fiers du résultat.',
        " Par contre c'est un gros investissement.",
      ],
    ] as const) {
      const alone = ids(tagger.tag(text).values).sort();
      expect(alone.length, text).toBeGreaterThan(0);
      expect(ids(tagger.tag(text + cost).values).sort(), text).toEqual(alone);
    }
  });
});

describe('learned model file', () => {
  it('names the model file and the field when it is broken, and tags on the lexicon alone without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexicon-model-'));
    try {
      for (const name of readdirSync(LEXICON_DIR))
        if (name !== 'model.json') copyFileSync(join(LEXICON_DIR, name), join(dir, name));
      const text = 'Le client signe le devis sur la tablette avant que le technicien ne reparte.';
      expect(ids(createTagger(dir).tag(text).values)).not.toContain('functional');
      writeFileSync(
        join(dir, 'model.json'),
        JSON.stringify({ features: [], families: { values: [{ id: 'joy' }] } }),
      );
      expect(() => createTagger(dir)).toThrow(/model\.json.*families\.values\.0/);
      writeFileSync(join(dir, 'model.json'), '{ "features": [');
      expect(() => createTagger(dir)).toThrow(/model\.json.*not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
