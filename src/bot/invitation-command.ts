import type { Language, Profile } from '../core/domain.js';
import type { Guide } from '../core/guide/schema.js';
import { INVITATION_CODE, invitationCodeOf } from '../core/interview/commands.js';
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

/**
 * Lower case, accents folded, apostrophes and punctuation made spaces, spaces collapsed: how the words of a
 * request are compared ("l'expert" reads "l expert", "in English." reads "in english").
 */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

type RequestWord =
  | { kind: 'profile'; profile: Profile }
  | { kind: 'language'; language: Language }
  | { kind: 'filler' };

/** Every phrase a request may hold after its command word, in both languages, longest first. */
function requestVocabulary(prompts: Record<Language, InvitationPrompts>): [string[], RequestWord][] {
  const entries: [string[], RequestWord][] = [];
  for (const words of [prompts.fr, prompts.en]) {
    for (const profile of ['manager', 'expert'] as const)
      for (const phrase of words.profileWords[profile])
        entries.push([tokens(phrase), { kind: 'profile', profile }]);
    for (const language of ['fr', 'en'] as const)
      for (const phrase of words.languageWords[language])
        entries.push([tokens(phrase), { kind: 'language', language }]);
    for (const phrase of words.fillerWords) entries.push([tokens(phrase), { kind: 'filler' }]);
  }
  return entries.filter(([phrase]) => phrase.length > 0).sort((a, b) => b[0].length - a[0].length);
}

function tokens(text: string): string[] {
  return normalise(text).split(' ').filter(Boolean);
}

/**
 * `inviter [un expert|un dirigeant] [en anglais|en français]` (or `invite [an expert|a manager] [in English]`):
 * the interviewer asks for an invitation. After the command word, only profile and language words and the
 * few words around them (`fillerWords`: articles, prepositions, "svp") may come; anything else is not this
 * command. When several languages are named the last one counts ("en français": "en" is then a preposition).
 * Defaults: a manager interview in the language of the command word.
 */
export function parseInvitationRequest(
  prompts: Record<Language, InvitationPrompts>,
  text: string,
): InvitationRequest | null {
  // Every message passes here: an answer longer than any command is not one, and is not normalised.
  if (text.length > MAX_COMMAND_LENGTH) return null;
  const said = tokens(text);
  for (const replyLanguage of ['fr', 'en'] as const) {
    const command = prompts[replyLanguage].commandWords
      .map(tokens)
      .sort((a, b) => b.length - a.length)
      .find((words) => words.length > 0 && startsWith(said, words, 0));
    if (!command) continue;
    let profile: Profile = 'manager';
    let language: Language = replyLanguage;
    const vocabulary = requestVocabulary(prompts);
    for (let at = command.length; at < said.length; ) {
      const found = vocabulary.find(([phrase]) => startsWith(said, phrase, at));
      if (!found) return null;
      const [phrase, word] = found;
      if (word.kind === 'profile') profile = word.profile;
      else if (word.kind === 'language') language = word.language;
      at += phrase.length;
    }
    return { profile, language, replyLanguage };
  }
  return null;
}

function startsWith(words: readonly string[], phrase: readonly string[], at: number): boolean {
  return phrase.every((word, index) => words[at + index] === word);
}

/** Why a message that starts with the code word (`code …`) opens no invitation before the store is asked. */
export type InvitationCodeProblem = 'missing' | 'malformed';

/** The code word opening a message, after any quote ("« Code : …"), then the rest. */
const OPENING_WORD = /^[\s«"“”'‘’([]*(\p{L}+)([\s\S]*)$/u;

/**
 * `code` alone (`missing`), or `code` followed by something that is not an invitation code (`malformed`: a
 * code is 6 to 10 capitals and digits); null for a well-formed code (invitationCodeOf's, "Code : K7M2QX9P",
 * "code k7m2qx9p.") and for any other message.
 */
export function invitationCodeProblem(guides: readonly Guide[], text: string): InvitationCodeProblem | null {
  if (text.length > MAX_COMMAND_LENGTH) return null;
  const [, keyword = '', rest = ''] = OPENING_WORD.exec(text) ?? [];
  if (!guides.some((guide) => matchesPhrase(keyword, guide.botCommands.code))) return null;
  if (!/[\p{L}\p{N}]/u.test(rest)) return 'missing';
  return invitationCodeOf(guides, text) === null ? 'malformed' : null;
}

/**
 * The word of a message shaped like an invitation code (6 to 10 letters and digits, at least one of each),
 * sent alone or in a sentence ("mon code est K7M2QX9P"), in capitals; null when there is none. In a sentence
 * a code is read in any case only when the sentence names it ("voici mon code wwg9nj7a"): elsewhere only a
 * word in capitals is one, so "covid19" in passing is not taken for a code.
 */
export function codeShapedWord(guides: readonly Guide[], text: string): string | null {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const capitals = words.find((word) => INVITATION_CODE.test(word));
  if (capitals) return capitals;
  // Most messages hold no word of a code's shape in any case: the code word is looked for only when one does.
  const anyCase = words.map((word) => word.toUpperCase()).find((word) => INVITATION_CODE.test(word));
  if (anyCase === undefined) return null;
  if (words.length === 1) return anyCase;
  const namesCode = words.some((word) => guides.some((guide) => matchesPhrase(word, guide.botCommands.code)));
  return namesCode ? anyCase : null;
}
