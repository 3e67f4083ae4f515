import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { fill } from '../../src/core/guide/template.js';
import { keepUpTo } from '../../src/core/interview/cap.js';
import { formatNumber } from '../../src/core/locale-format.js';
import { createFakeTagger } from './fake-tagger.js';
import { CoreSession } from './session.js';

const guides = loadGuides();

describe('keepUpTo', () => {
  it('keeps a short answer whole, control characters aside', () => {
    expect(keepUpTo('Nous avons un ERP.\u0007', 100)).toEqual({
      text: 'Nous avons un ERP.',
      truncated: false,
      receivedChars: 18,
    });
  });

  it('cuts a long answer back to the last space when one is close, never mid-word', () => {
    const text = `${'mot '.repeat(30)}anticonstitutionnellement`;
    const kept = keepUpTo(text, 125);
    expect(kept.truncated).toBe(true);
    expect(kept.text).toBe('mot '.repeat(30).trimEnd());
    expect(kept.receivedChars).toBe(text.length);
  });

  it('cuts at the cap itself when no space is near (one very long word), and never splits an emoji', () => {
    expect(keepUpTo('x'.repeat(300), 100).text).toBe('x'.repeat(100));
    const emoji = keepUpTo('😀'.repeat(150), 100);
    expect(Array.from(emoji.text)).toHaveLength(100);
    expect(emoji.text).toBe('😀'.repeat(100));
  });

  it('keeps the last whole word when the cut falls right before a space', () => {
    expect(keepUpTo('abc def ghi', 7)).toMatchObject({ text: 'abc def', truncated: true });
  });
});

describe.each(['fr', 'en'] as const)('an answer over the cap (%s)', (lang) => {
  it('is kept up to the cap, tagged on the kept text, with a polite notice before the next question', () => {
    const guide = guides[lang];
    const max = guide.limits.maxAnswerChars;
    const session = new CoreSession(guides, createFakeTagger(), lang, 'manager');
    session.start();
    session.say(lang === 'fr' ? 'oui' : 'yes');
    const head =
      lang === 'fr' ? 'Nous fabriquons des meubles avec un ERP. ' : 'We make furniture with an ERP. ';
    const tail = lang === 'fr' ? 'Et puis nous avons un CRM.' : 'And then we have a CRM.';
    const long = head + 'bois '.repeat(Math.ceil(max / 5)) + tail;
    const replies = session.say(long);
    expect(replies[0]).toBe(fill(guide.messages.truncated, { max: formatNumber(max, guide.language) }));
    expect(replies.at(-1)).toBe(guide.presentation.questions[1]?.text);
    const answer = session.turns.find((t) => t.kind === 'answer' && t.section === 'presentation');
    expect(answer?.text.length).toBeLessThanOrEqual(max);
    expect(answer?.text.length).toBeGreaterThan(max - 10);
    expect(long.startsWith(answer?.text ?? '-')).toBe(true);
    expect(answer?.text.endsWith('bois')).toBe(true);
    expect(answer?.data).toMatchObject({ receivedChars: long.length });
    expect(answer?.tags?.tools.map((t) => t.id)).toEqual(['erp']);
    for (const tool of answer?.tags?.tools ?? [])
      for (const ev of tool.evidence) expect(answer?.text.slice(ev.start, ev.end)).toBe(ev.text);
  });

  it('an answer at the cap exactly is kept whole, without a notice', () => {
    const guide = guides[lang];
    const session = new CoreSession(guides, createFakeTagger(), lang, 'manager');
    session.start();
    session.say(lang === 'fr' ? 'oui' : 'yes');
    const exact = `ERP ${'a'.repeat(guide.limits.maxAnswerChars - 4)}`;
    const replies = session.say(exact);
    expect(replies).not.toContain(
      fill(guide.messages.truncated, { max: formatNumber(guide.limits.maxAnswerChars, guide.language) }),
    );
    expect(session.turns.some((t) => t.kind === 'answer' && t.text === exact)).toBe(true);
  });
});
