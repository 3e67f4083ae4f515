import { z } from 'zod';
import { Language, Profile } from '../core/domain.js';
import type { ReplayedMessage } from '../core/interview/replay.js';

/**
 * Event activities front doors send to the bot: start with choices already made (CLI flags, a Teams
 * deep link), resume a given interview, pause at the end of piped input, and show the respondent where
 * they are when what the front door had shown them was lost (a web chat page after a server restart).
 */
export const BOT_EVENT_START = 'interview.start';
export const BOT_EVENT_RESUME = 'interview.resume';
export const BOT_EVENT_END_OF_INPUT = 'interview.endOfInput';
export const BOT_EVENT_SHOW_PENDING = 'interview.showPending';

export const StartEventValue = z
  .object({ language: Language.optional(), profile: Profile.optional() })
  .default({});
export const ResumeEventValue = z.object({ interviewId: z.string().min(1) });

/**
 * Set in the turn state by a front door that runs on the interviewer's own machine (the terminal): only
 * there may an event name an interview by id. Over HTTP anyone could send one, and an id is no secret.
 */
export const TRUSTED_FRONT_DOOR = Symbol('trustedFrontDoor');

/**
 * Set in the turn state by a front door that holds the interview it runs against the others (the terminal
 * chat, see store/interview-hold.ts): the holder its hold records name. A message to an interview held by
 * anyone else records nothing.
 */
export const INTERVIEW_HOLDER = Symbol('interviewHolder');

/**
 * Set in the turn state by a front door that keeps the conversation's transcript itself (the web chat's
 * Direct Line endpoint): a function that drops it, called when the respondent erases their data.
 */
export const FORGET_TRANSCRIPT = Symbol('forgetTranscript');

/**
 * Set in the turn state by a front door that keeps the conversation's transcript itself: a function that
 * puts messages said earlier back into it, the respondent's as theirs, without sending anything anew.
 */
export const SHOW_EARLIER_MESSAGES = Symbol('showEarlierMessages');
export type ShowEarlierMessages = (messages: readonly ReplayedMessage[]) => void;

/**
 * Set in the turn state by a front door that keeps the conversation's transcript itself: told of every
 * interview the turn reads, so it can stop showing the transcript once one of them is erased (by any means).
 */
export const INTERVIEW_SHOWN = Symbol('interviewShown');

/**
 * Set in the turn state by the invitation middleware (src/bot/invitation-middleware.ts): answers an
 * interviewer's `inviter …` / `invite …` and says whether the message was one. The bot runs it once the
 * message's text is read as the person wrote it (the bot's mention taken out) and is not a redelivery.
 */
export const INVITATION_DESK = Symbol('invitationDesk');
export type InvitationDesk = (context: import('botbuilder').TurnContext) => Promise<boolean>;

/**
 * Set in the turn state by a front door that holds the turn's replies until the turn has finished (the Bot
 * Framework endpoint in normal delivery, see http-adapter.ts): sends what it holds now. The bot calls it once
 * what the replies answer is stored, so that it can still give them to the message's redelivery should
 * sending them fail.
 */
export const SEND_HELD_REPLIES = Symbol('sendHeldReplies');
