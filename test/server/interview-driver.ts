import type { Agent } from 'node:http';
import { loadGuides } from '../../src/core/guide/index.js';
import { replyTexts, sendExpectingReplies, userActivity } from './helpers.js';

const guide = loadGuides().fr;

/**
 * Answers of a French SME manager (our own wording). Each names tools, actors and value so that no
 * theme takes it for off-topic, and each is numbered so the stored order can be checked.
 */
export function scriptedAnswer(index: number): string {
  return (
    `Réponse ${index} : dans notre entreprise de 40 salariés, le numérique a changé notre façon de travailler. ` +
    `Nous avons mis en place un ERP et un CRM pour nos clients et nos fournisseurs, à l'initiative de la direction ; ` +
    `l'outil nous fait gagner du temps, les équipes sont formées et la valeur pour nos partenaires est réelle.`
  );
}

/**
 * `answer`: a reply to one of the interview's questions (consent and closing review included), which
 * the store keeps; `control`: what happens before the interview exists (start, language, profile).
 */
export type DriverStep =
  | { kind: 'answer'; text: string; scripted: boolean }
  | { kind: 'control'; text: string }
  | { kind: 'done' };

/** What a respondent sends next, given the bot's last replies (read against the guide's own texts). */
export function nextStep(botSaid: string, scriptedGiven: number): DriverStep {
  if (botSaid.includes(guide.closing.thanks)) return { kind: 'done' };
  if (botSaid.includes(guide.bot.chooseLanguage)) return { kind: 'control', text: '1' };
  if (botSaid.includes(guide.bot.chooseProfile)) return { kind: 'control', text: '1' };
  if (botSaid.includes(guide.opening.consentQuestion))
    return { kind: 'answer', text: 'oui', scripted: false };
  const review = guide.closing.questions.find((question) => question.expects === 'yes_no');
  if (review && botSaid.includes(review.text)) return { kind: 'answer', text: 'non', scripted: false };
  if (botSaid.includes(guide.bot.welcome)) return { kind: 'control', text: 'démarrer' };
  return { kind: 'answer', text: scriptedAnswer(scriptedGiven + 1), scripted: true };
}

export interface InterviewRun {
  conversationId: string;
  /** Every answer sent, in order: what the store must hold. */
  answers: string[];
  /** How many of them were scripted answers to the guide's open questions. */
  scripted: number;
  /** Everything the bot said, one entry per turn. */
  transcript: string[];
  done: boolean;
}

/**
 * Plays the respondent over HTTP with expectReplies. `pickServer(turn)` chooses the server of each turn
 * (alternating between instances, or a restarted one); `stopAfterAnswers` stops early (for a crash test).
 */
export async function driveInterview(options: {
  conversationId: string;
  pickServer: (turn: number) => string;
  stopAfterAnswers?: number;
  resume?: InterviewRun;
  maxTurns?: number;
  agent?: Agent;
}): Promise<InterviewRun> {
  const run: InterviewRun = options.resume ?? {
    conversationId: options.conversationId,
    answers: [],
    scripted: 0,
    transcript: [],
    done: false,
  };
  let botSaid = run.transcript.at(-1) ?? '';
  const maxTurns = options.maxTurns ?? 80;
  for (let turn = run.transcript.length; turn < maxTurns; turn += 1) {
    const step: DriverStep =
      turn === 0 ? { kind: 'control', text: 'bonjour' } : nextStep(botSaid, run.scripted);
    if (step.kind === 'done') {
      run.done = true;
      return run;
    }
    if (
      step.kind === 'answer' &&
      options.stopAfterAnswers !== undefined &&
      run.scripted >= options.stopAfterAnswers
    ) {
      return run;
    }
    const replies = await sendExpectingReplies(
      options.pickServer(turn),
      userActivity(run.conversationId, { text: step.text }),
      options.agent,
    );
    if (step.kind === 'answer') {
      run.answers.push(step.text);
      if (step.scripted) run.scripted += 1;
    }
    botSaid = replyTexts(replies).join('\n');
    run.transcript.push(botSaid);
  }
  throw new Error(`interview not finished after ${maxTurns} turns; last reply:\n${botSaid}`);
}
