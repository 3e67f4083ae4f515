import { describe, expect, it } from 'vitest';
import type { Tagger } from '../../src/core/tagger/types.js';
import { emptyTags } from '../../src/core/tags.js';
import { parseTranscript, themeOfQuestion, transcriptToInterview } from '../../src/core/transcript/index.js';

const englishTagger: Tagger = { tag: (_text, options) => emptyTags(options?.lang ?? 'en') };

describe('transcript parsing', () => {
  it('tells interviewer paragraphs from respondent ones, whatever the prefix case', () => {
    const paragraphs = parseTranscript(
      'q: First?\n\nAnswer one.\nStill one.\n\n  \n\nINTERVIEWER : Second?\n\nintervieweur: Troisième ?\n\nRéponse.',
    );
    expect(paragraphs).toEqual([
      { speaker: 'interviewer', text: 'First?' },
      { speaker: 'respondent', text: 'Answer one.\nStill one.' },
      { speaker: 'interviewer', text: 'Second?' },
      { speaker: 'interviewer', text: 'Troisième ?' },
      { speaker: 'respondent', text: 'Réponse.' },
    ]);
  });

  it("leaves a respondent's speaker label out of the answer, whatever its case and spacing", () => {
    const paragraphs = parseTranscript(
      'Q: Un ?\n\nR: Oui.\n\nQ: Deux ?\n\nRÉPONDANTE\u00a0: Non.\n\nQ: Three?\n\nrespondent : Yes.\n\n' +
        'Q: Four?\n\nA:No.\n\nQ: Cinq ?\n\nInterviewé : Peut-être.\n\nQ: Six?\n\nR:\n\nRéseau : le club.',
    );
    expect(paragraphs.filter((p) => p.speaker === 'respondent').map((p) => p.text)).toEqual([
      'Oui.',
      'Non.',
      'Yes.',
      'No.',
      'Peut-être.',
      'Réseau : le club.',
    ]);
  });

  it('infers themes from question wording in French and English', () => {
    expect(themeOfQuestion('Pouvez-vous présenter votre entreprise ?')).toBe('presentation');
    expect(themeOfQuestion('What does digital transition mean to you?')).toBe('meaning');
    expect(themeOfQuestion('Quels logiciels utilisez-vous ?')).toBe('tools');
    expect(themeOfQuestion('What value do your clients get?')).toBe('value');
    expect(themeOfQuestion('Anything else?')).toBeNull();
  });

  it('keeps the theme in force for a question without theme words, starting at presentation', () => {
    const { turns } = transcriptToInterview(
      'We are a bakery.\n\nQ: Which tools do you use?\n\nAn ERP.\n\nQ: Anything else?\n\nNo.',
      {
        id: 't',
        tagger: englishTagger,
        at: '2025-01-01T00:00:00.000Z',
      },
    );
    expect(turns.filter((t) => t.kind === 'answer').map((t) => t.section)).toEqual([
      'presentation',
      'tools',
      'tools',
    ]);
    expect(turns.filter((t) => t.kind === 'answer').map((t) => t.questionId)).toEqual([null, 'q2', 'q4']);
  });
});
