import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { createFakeTagger } from './fake-tagger.js';
import { atReviewWith, REVIEW_ID } from './session.js';

const guides = loadGuides();

const ANSWERS = {
  fr: 'Nous avons un ERP et un site, ça nous fait gagner du temps avec nos clients.',
  en: 'We have an ERP and a website; it saves us time with our customers.',
} as const;

describe.each(['fr', 'en'] as const)('the closing review approved with a symbol (%s)', (lang) => {
  it.each(['👍', '👍🏽', '👌 👌', '✅.'])('"%s" ends the review, the summary kept as it stands', (symbol) => {
    const session = atReviewWith(guides, createFakeTagger(), ANSWERS, lang);
    expect(session.pendingId()).toBe(REVIEW_ID);
    const replies = session.say(symbol);
    expect(replies.at(-1)).toBe(guides[lang].closing.thanks);
    expect(session.meta.status).toBe('completed');
    expect(session.turns.some((turn) => turn.kind === 'skip')).toBe(false);
  });

  it('a symbol that approves nothing is no end of the review', () => {
    const session = atReviewWith(guides, createFakeTagger(), ANSWERS, lang);
    session.say('🤔');
    expect(session.meta.status).not.toBe('completed');
  });
});
