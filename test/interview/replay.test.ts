import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { fill } from '../../src/core/guide/template.js';
import { earlierExchange, type LogTurn, MAX_REPLAYED_MESSAGES } from '../../src/core/interview/index.js';
import { createFakeTagger } from './fake-tagger.js';
import { pastPresentation } from './session.js';

const guides = loadGuides();

function turn(
  kind: LogTurn['kind'],
  questionId: string | null,
  text: string,
  section = 'value',
): Omit<LogTurn, 'seq'> {
  return { kind, section, questionId, text, tags: null, refSeq: null, data: null };
}

function log(turns: readonly Omit<LogTurn, 'seq'>[]): LogTurn[] {
  return turns.map((t, index) => ({ ...t, seq: index + 1 }));
}

describe('the exchange shown again after a front door lost it', () => {
  it('gives the theme heading, the questions and each answer as it now stands, in order, and a skip as skipped', () => {
    const turns = log([
      turn('question', 'value.q1', 'Question 1'),
      turn('answer', 'value.q1', 'Réponse 1'),
      turn('question', 'value.q2', 'Question 2'),
      turn('skip', 'value.q2', ''),
      turn('question', 'value.q3', 'Question 3'),
      turn('answer', 'value.q3', 'Réponse 3'),
      { ...turn('amend', 'value.q3', 'Réponse 3, corrigée'), refSeq: 6 },
      turn('question', 'value.q4', 'Question 4'),
    ]);
    const value = guides.fr.themes[2];
    expect(earlierExchange(guides.fr, turns)).toEqual([
      { from: 'bot', text: fill(guides.fr.messages.progress, { n: 3, total: 3, title: value?.title ?? '' }) },
      { from: 'bot', text: 'Question 1' },
      { from: 'respondent', text: 'Réponse 1' },
      { from: 'bot', text: 'Question 2' },
      { from: 'bot', text: guides.fr.messages.skipped },
      { from: 'bot', text: 'Question 3' },
      { from: 'respondent', text: 'Réponse 3, corrigée' },
    ]);
  });

  it('keeps only the latest messages of a very long interview, saying how many earlier ones are left out', () => {
    const pairs = 30;
    const turns = log([
      ...Array.from({ length: pairs }, (_, i) => [
        turn('question', `presentation.q${i + 1}`, `Question ${i + 1}`, 'presentation'),
        turn('answer', `presentation.q${i + 1}`, `Answer ${i + 1}`, 'presentation'),
      ]).flat(),
      turn('question', 'presentation.pending', 'Pending question', 'presentation'),
    ]);
    const shown = earlierExchange(guides.en, turns);
    const omitted = pairs * 2 - MAX_REPLAYED_MESSAGES;
    expect(shown).toHaveLength(MAX_REPLAYED_MESSAGES + 1);
    expect(shown[0]).toEqual({
      from: 'bot',
      text: `The first ${omitted} messages of the interview are not shown again; here is what followed.`,
    });
    expect(shown[1]).toEqual({ from: 'bot', text: `Question ${omitted / 2 + 1}` });
    expect(shown.at(-1)).toEqual({ from: 'respondent', text: `Answer ${pairs}` });
    expect(earlierExchange(guides.fr, turns, 4)[0]?.text).toBe(
      "Les 56 premiers messages de l'entretien ne sont pas réaffichés\u202f; voici la suite.",
    );
    // Never an answer without its question first: one more message is left out.
    const odd = earlierExchange(guides.en, turns, 5);
    expect(odd[0]?.text).toMatch(/^The first 56 messages/);
    expect(odd[1]).toEqual({ from: 'bot', text: 'Question 29' });
  });

  it('dates the line saying what is left out as the first message shown, so it is shown first', () => {
    const turns = log([
      ...Array.from({ length: 4 }, (_, i) => [
        turn('question', `presentation.q${i + 1}`, `Question ${i + 1}`, 'presentation'),
        turn('answer', `presentation.q${i + 1}`, `Answer ${i + 1}`, 'presentation'),
      ]).flat(),
      turn('question', 'presentation.pending', 'Pending question', 'presentation'),
    ]).map((t) => ({ ...t, at: `2026-11-20T10:00:${String(t.seq).padStart(2, '0')}.000Z` }));
    const shown = earlierExchange(guides.en, turns, 4);
    expect(shown[0]?.at).toBe(shown[1]?.at);
    expect(shown[1]).toMatchObject({ from: 'bot', text: 'Question 3' });
  });
});

describe('the waiting question said again', () => {
  it.each(['fr', 'en'] as const)('%s: after help, comes without its theme heading', (lang) => {
    const session = pastPresentation(guides, createFakeTagger(), lang);
    const guide = guides[lang];
    const meaning = guide.themes[0];
    const heading = fill(guide.messages.progress, { n: 1, total: 3, title: meaning?.title ?? '' });
    expect(session.pendingId()).toBe('meaning.main');
    const replies = session.say(lang === 'fr' ? 'aide' : 'help');
    expect(replies.join('\n')).not.toContain(heading);
    expect(replies.at(-1)).toContain(session.turns.filter((t) => t.kind === 'question').at(-1)?.text ?? '?');
  });
});

describe('the exchange shown again keeps what was said, when it was said', () => {
  it('gives each message the time of its turn, and a tool said dropped in an answer shows that answer once', () => {
    const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00.000Z`;
    const turns = log([
      turn('question', 'tools.acquired', 'Quels outils ?', 'tools'),
      turn('answer', 'tools.acquired', 'Instagram et un site.', 'tools'),
      turn('question', 'tools.interfaces', 'Avec vos partenaires ?', 'tools'),
      turn('answer', 'tools.interfaces', 'En fait on a arrêté Instagram.', 'tools'),
      {
        ...turn('correction', null, 'En fait on a arrêté Instagram.', 'tools'),
        data: { action: 'remove', target: 'tool', id: 'social_media', said: 'Instagram', from: 'answer' },
      },
      turn('question', 'tools.main', 'Autre chose ?', 'tools'),
    ]).map((t) => ({ ...t, at: at(t.seq) }));
    const shown = earlierExchange(guides.fr, turns);
    expect(shown.filter((m) => m.text === 'En fait on a arrêté Instagram.')).toEqual([
      { from: 'respondent', text: 'En fait on a arrêté Instagram.', at: at(4) },
    ]);
    expect(shown.find((m) => m.text === 'Quels outils ?')?.at).toBe(at(1));
  });
});
