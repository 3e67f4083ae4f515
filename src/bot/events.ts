import { z } from 'zod';
import { Language, Profile } from '../core/domain.js';

/**
 * Event activities front doors send to the bot: start with choices already made (CLI flags, a Teams
 * deep link), resume a given interview, and pause at the end of piped input.
 */
export const BOT_EVENT_START = 'interview.start';
export const BOT_EVENT_RESUME = 'interview.resume';
export const BOT_EVENT_END_OF_INPUT = 'interview.endOfInput';

export const StartEventValue = z
  .object({ language: Language.optional(), profile: Profile.optional() })
  .default({});
export const ResumeEventValue = z.object({ interviewId: z.string().min(1) });
