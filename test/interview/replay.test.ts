import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { earlierExchange, type LogTurn, MAX_REPLAYED_MESSAGES } from '../../src/core/interview/index.js';

const guides = loadGuides();

function turn(kind: LogTurn['kind'], questionId: string | null, text: string): Omit<LogTurn, 'seq'> {
  return { kind, section: 'value', questionId, text, tags: null, refSeq: null, data: null };
}

function log(turns: readonly Omit<LogTurn, 'seq'>[]): LogTurn[] {
  return turns.map((t, index) => ({ ...t, seq: index + 1 }));
}

describe('the exchange shown again after a front door lost it', () => {
  it('gives the questions and the answers in order, up to the pending question, and nothing of skips', () => {
    const turns = log([
      turn('question', 'value.q1', 'Question 1'),
      turn('answer', 'value.q1', 'Réponse 1'),
      turn('question', 'value.q2', 'Question 2'),
      turn('skip', 'value.q2', ''),
      turn('question', 'value.q3', 'Question 3'),
      turn('answer', 'value.q3', 'Réponse 3'),
      turn('amend', 'value.q3', 'Réponse 3, corrigée'),
      turn('question', 'value.q4', 'Question 4'),
    ]);
    expect(earlierExchange(guides.fr, turns)).toEqual([
      { from: 'bot', text: 'Question 1' },
      { from: 'respondent', text: 'Réponse 1' },
      { from: 'bot', text: 'Question 2' },
      { from: 'bot', text: 'Question 3' },
      { from: 'respondent', text: 'Réponse 3' },
      { from: 'respondent', text: 'Réponse 3, corrigée' },
    ]);
  });

  it('keeps only the latest messages of a very long interview, saying how many earlier ones are left out', () => {
    const pairs = 30;
    const turns = log([
      ...Array.from({ length: pairs }, (_, i) => [
        turn('question', `value.q${i + 1}`, `Question ${i + 1}`),
        turn('answer', `value.q${i + 1}`, `Answer ${i + 1}`),
      ]).flat(),
      turn('question', 'value.pending', 'Pending question'),
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
  });
});
