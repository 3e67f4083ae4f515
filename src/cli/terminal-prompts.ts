import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Language } from '../core/domain.js';
import { AppError } from '../errors.js';
import { PROMPTS_DIR } from '../paths.js';

/** What the terminal chat says itself, beside the bot: how to come back to an interview once it has quit. */
export const TerminalPrompts = z.object({
  /** After the respondent pauses or stops: in this chat « reprendre » works, after leaving it this does. */
  resumeAfterLeaving: z.string().includes('{command}'),
  /** When the chat ends (end of input, Ctrl-C) on an unfinished interview. */
  pausedOnExit: z.string().includes('{command}'),
  /**
   * After consent is taken back, and when the chat ends so: nothing is recorded any more; how to erase what
   * was (`{erase}`), and that taking the interview up again (`{command}`) asks for consent first.
   */
  consentWithdrawnAfterLeaving: z.string().includes('{erase}').includes('{command}'),
  /** When the interview completes: the chat ends there, and this says where its summary is. */
  summaryAfterCompletion: z.string().includes('{command}'),
});
export type TerminalPrompts = z.infer<typeof TerminalPrompts>;

/** prompts/terminal.<lang>.json, validated; a bad file stops the chat naming the file and field. */
export function loadTerminalPrompts(dir: string = PROMPTS_DIR): Record<Language, TerminalPrompts> {
  const load = (lang: Language): TerminalPrompts => {
    const file = join(dir, `terminal.${lang}.json`);
    const parsed = TerminalPrompts.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new AppError('bad_guide', `${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  };
  return { fr: load('fr'), en: load('en') };
}

/** The command line that takes an interview up again in the terminal. */
export function resumeCommand(interviewId: string): string {
  return `sme-interview chat --resume ${interviewId}`;
}

/** The command line that removes an interview and every trace of it. */
export function eraseCommand(interviewId: string): string {
  return `sme-interview erase ${interviewId}`;
}

/** The command line that prints an interview's summary. */
export function summaryCommand(interviewId: string): string {
  return `sme-interview summary ${interviewId}`;
}
