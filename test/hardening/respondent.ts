import type { Agent } from 'node:http';
import { loadGuides } from '../../src/core/guide/index.js';
import { replyTexts, sendExpectingReplies, userActivity } from '../server/helpers.js';

const guide = loadGuides().fr;

/** What to send after the bot said `botSaid`: the opening's replies, else the next of our answers. */
function reply(botSaid: string): { text: string; answer: false } | { answer: true } {
  if (botSaid.includes(guide.bot.chooseLanguage)) return { text: '1', answer: false };
  if (botSaid.includes(guide.bot.chooseProfile)) return { text: '1', answer: false };
  if (botSaid.includes(guide.opening.consentQuestion)) return { text: 'oui', answer: false };
  if (botSaid.includes(guide.bot.welcome)) return { text: 'démarrer', answer: false };
  return { answer: true };
}

/**
 * Plays a French respondent over HTTP (expectReplies) through the opening (language, profile,
 * consent) and gives `answers` to the guide's questions, one each; the interview stays in progress.
 * Returns everything the bot said, one entry per turn.
 */
export async function answerQuestions(options: {
  url: string;
  conversationId: string;
  answers: readonly string[];
  agent?: Agent;
}): Promise<string[]> {
  const said: string[] = [];
  let given = 0;
  const maxTurns = options.answers.length + 10;
  for (let turn = 0; turn < maxTurns && given < options.answers.length; turn += 1) {
    const next = turn === 0 ? { text: 'bonjour', answer: false } : reply(said.at(-1) ?? '');
    const text = next.answer ? (options.answers[given] ?? '') : next.text;
    const replies = await sendExpectingReplies(
      options.url,
      userActivity(options.conversationId, { text }),
      options.agent,
    );
    if (next.answer) given += 1;
    said.push(replyTexts(replies).join('\n'));
  }
  if (given < options.answers.length)
    throw new Error(
      `only ${given} of ${options.answers.length} answers were asked for; last reply:\n${said.at(-1)}`,
    );
  return said;
}
