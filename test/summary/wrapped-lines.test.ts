import { describe, expect, it } from 'vitest';
import { attributeToTools } from '../../src/core/attribution.js';
import { buildSummary } from '../../src/core/summary/index.js';
import { sentenceAround } from '../../src/core/summary/text.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { metaFor, TurnLog } from './helpers.js';

const tagger = createTagger();

const FR_WRAPPED =
  'Nous utilisons depuis deux ans un ERP que notre\nexpert-comptable nous a conseillé, et qui nous fait\ngagner du temps.';
const EN_WRAPPED =
  'For two years we have used an ERP that our\naccountant recommended, and which saves us\ntime every week.';

describe('a line break inside a sentence (hard-wrapped transcripts, pasted e-mails) does not end it', () => {
  it.each([
    ['fr', FR_WRAPPED, 'ERP'],
    ['en', EN_WRAPPED, 'ERP'],
  ] as const)('quotes the whole wrapped sentence (%s)', (_lang, text, word) => {
    const at = text.indexOf(word);
    expect(sentenceAround(text, at, at + word.length)).toBe(text);
    const crlf = text.replaceAll('\n', '\r\n');
    const atCrlf = crlf.indexOf(word);
    expect(sentenceAround(crlf, atCrlf, atCrlf + word.length)).toBe(crlf);
  });

  it('still ends a sentence at a blank line, after sentence punctuation, or before a capital', () => {
    const blank = 'Nos outils\n\nun ERP et un CRM';
    expect(sentenceAround(blank, blank.indexOf('ERP'), blank.indexOf('ERP') + 3)).toBe('un ERP et un CRM');
    const stop = 'On a un ERP.\nensuite un CRM';
    expect(sentenceAround(stop, stop.indexOf('CRM'), stop.indexOf('CRM') + 3)).toBe('ensuite un CRM');
    const question = 'Un ERP ?\noui, depuis deux ans';
    expect(sentenceAround(question, 0, 2)).toBe('Un ERP ?');
    const capital = 'On a un ERP\nLe CRM est arrivé après';
    expect(sentenceAround(capital, capital.indexOf('CRM'), capital.indexOf('CRM') + 3)).toBe(
      'Le CRM est arrivé après',
    );
    const list = 'Nos outils :\n- un ERP\n- un CRM';
    expect(sentenceAround(list, list.indexOf('CRM'), list.indexOf('CRM') + 3)).toBe('- un CRM');
  });

  it.each([
    ['fr', FR_WRAPPED],
    ['en', EN_WRAPPED],
  ] as const)(
    "keeps the tools table's quote whole, as the shipped tagger reads the answer (%s)",
    (lang, text) => {
      const log = new TurnLog(`itv-wrapped-${lang}`, lang);
      log.qa('tools', 'tools.acquired', '?', text);
      const turn = log.turns.at(-1);
      if (turn) turn.tags = tagger.tag(text, { lang });
      const summary = buildSummary(metaFor(log.interviewId, lang), log.turns);
      expect(summary.tools.find((t) => t.id === 'erp')?.quotes).toEqual([text]);
    },
  );

  it('credits the role and the value said on the next lines to the tool of their sentence (fr)', () => {
    const text =
      "Le site vitrine, on l'a fait nous-mêmes. L'ERP, c'est notre\nexpert-comptable qui nous l'a conseillé, et il nous fait\ngagner du temps.";
    const log = new TurnLog('itv-wrapped-roles-fr', 'fr');
    log.qa('tools', 'tools.acquired', 'Quels outils utilisez-vous ?', text, {
      tools: [
        ['showcase_website', 'site vitrine'],
        ['erp', 'ERP'],
      ],
      actors: [['accountants', 'initiator', "expert-comptable qui nous l'a conseillé"]],
      values: [['functional', 'gagner du temps']],
    });
    const summary = buildSummary(metaFor('itv-wrapped-roles-fr', 'fr'), log.turns);
    const erp = summary.tools.find((t) => t.id === 'erp');
    expect(erp?.initiators).toEqual(['accountants']);
    expect(erp?.values).toEqual(['functional']);
    expect(erp?.quotes).toEqual([text.slice(text.indexOf("L'ERP"))]);
    expect(summary.tools.find((t) => t.id === 'showcase_website')?.initiators).toEqual([]);
  });

  it('credits the role and the value said on the next lines to the tool of their sentence (en)', () => {
    const text =
      'We built the showcase website ourselves. The ERP was recommended by our\naccountant, and it saves us\ntime every week.';
    const log = new TurnLog('itv-wrapped-roles-en', 'en');
    log.qa('tools', 'tools.acquired', 'Which tools do you use?', text, {
      tools: [
        ['showcase_website', 'showcase website'],
        ['erp', 'ERP'],
      ],
      actors: [['accountants', 'initiator', 'accountant']],
      values: [['functional', 'time every week']],
    });
    const credited = attributeToTools(
      text,
      log.turns.at(-1)?.tags ?? { tools: [], actors: [], values: [] },
      null,
    );
    expect([...(credited.get('erp')?.initiators ?? [])]).toEqual(['accountants']);
    expect([...(credited.get('erp')?.values ?? [])]).toEqual(['functional']);
    const summary = buildSummary(metaFor('itv-wrapped-roles-en', 'en'), log.turns);
    expect(summary.tools.find((t) => t.id === 'erp')?.initiators).toEqual(['accountants']);
  });
});
