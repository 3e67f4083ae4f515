import type { Language, Profile } from '../core/domain.js';
import type { Guide } from '../core/guide/schema.js';
import { INVITATION_CODE } from '../core/interview/commands.js';
import { parseBotCommand } from '../core/interview/index.js';
import { matchesPhrase } from '../core/interview/text.js';
import type { InvitationPrompts } from './invitation-prompts.js';

export interface InvitationRequest {
  profile: Profile;
  language: Language;
  /** Language of the command words used: the reply is written in it. */
  replyLanguage: Language;
}

/** A command word and at most a profile and a language: far shorter than this. */
const MAX_COMMAND_LENGTH = 80;

/** Lower case, accents folded, spaces collapsed: how words are compared. */
function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * `inviter [dirigeant|expert] [fr|en]` (or `invite …`): the interviewer asks for an invitation. Anything
 * else is not this command. Defaults: a manager interview in the language of the command word.
 */
export function parseInvitationRequest(
  prompts: Record<Language, InvitationPrompts>,
  text: string,
): InvitationRequest | null {
  // Every message passes here: an answer longer than any command is not one, and is not normalised.
  if (text.length > MAX_COMMAND_LENGTH) return null;
  const said = normalise(text);
  for (const replyLanguage of ['fr', 'en'] as const) {
    const words = prompts[replyLanguage];
    const command = [...words.commandWords]
      .map(normalise)
      .sort((a, b) => b.length - a.length)
      .find((word) => said === word || said.startsWith(`${word} `));
    if (!command) continue;
    let profile: Profile = 'manager';
    let language: Language = replyLanguage;
    for (const token of said.slice(command.length).trim().split(' ').filter(Boolean)) {
      const all = [prompts.fr, prompts.en];
      if (all.some((p) => p.profileWords.expert.map(normalise).includes(token))) profile = 'expert';
      else if (all.some((p) => p.profileWords.manager.map(normalise).includes(token))) profile = 'manager';
      else if (all.some((p) => p.languageWords.en.map(normalise).includes(token))) language = 'en';
      else if (all.some((p) => p.languageWords.fr.map(normalise).includes(token))) language = 'fr';
      else return null;
    }
    return { profile, language, replyLanguage };
  }
  return null;
}

/** Why a message that starts with the code word (`code …`) opens no invitation before the store is asked. */
export type InvitationCodeProblem = 'missing' | 'malformed';

/**
 * `code` alone (`missing`), or `code` followed by something that is not an invitation code (`malformed`: a
 * code is 6 to 10 capitals and digits); null for a well-formed code (parseBotCommand's) and for any other
 * message.
 */
export function invitationCodeProblem(guides: readonly Guide[], text: string): InvitationCodeProblem | null {
  if (text.length > MAX_COMMAND_LENGTH) return null;
  const [keyword = '', ...rest] = text.trim().split(/\s+/);
  if (!guides.some((guide) => matchesPhrase(keyword, guide.botCommands.code))) return null;
  if (rest.length === 0) return 'missing';
  return parseBotCommand(guides, text)?.kind === 'code' ? null : 'malformed';
}

/**
 * The first word of a message shaped like an invitation code (6 to 10 capitals and digits, at least one of
 * each), sent alone or in a sentence ("mon code est K7M2QX9P"); null when there is none.
 */
export function codeShapedWord(text: string): string | null {
  return text.split(/[^\p{L}\p{N}]+/u).find((word) => INVITATION_CODE.test(word)) ?? null;
}
