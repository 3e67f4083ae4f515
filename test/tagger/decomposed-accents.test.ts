import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();

/** Text pasted from some systems (macOS file names, PDFs) writes "é" as "e" followed by a combining accent. */
const decomposed = (text: string) => text.normalize('NFD');

describe('accents written as a letter and a combining mark', () => {
  it.each([
    'Notre expert-comptable nous a imposé la dématérialisation des factures, et on est plus sécurisés.',
    'Le réseau des créateurs nous a aidés à choisir un logiciel de caisse, ça nous fait gagner du temps.',
  ])('read as the same words: %s', (text) => {
    const composed = tagger.tag(text);
    const pasted = tagger.tag(decomposed(text));
    expect(decomposed(text)).not.toBe(text);
    const ids = (tags: typeof composed) => ({
      tools: tags.tools.map((t) => t.id),
      values: tags.values.map((v) => v.id),
      actors: tags.actors.map((a) => `${a.id}:${a.role}`),
    });
    expect(ids(pasted)).toEqual(ids(composed));
    expect(composed.tools.length + composed.values.length).toBeGreaterThan(0);
  });

  it('quotes whole words: evidence never ends between a letter and its accent', () => {
    const text = decomposed("Notre expert-comptable nous a imposé l'ERP et la dématérialisation.");
    const tags = tagger.tag(text);
    const evidence = [...tags.tools, ...tags.values, ...tags.actors].flatMap((t) => t.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(/^\p{M}/u.test(text.slice(e.end))).toBe(false);
    }
  });
});
