import type { Language } from '../domain.js';
import type { Guide } from '../guide/schema.js';
import { readConsent } from './choices.js';
import { readsAsErasureRequest } from './erasure.js';
import { goesOnAfterRefusal, readsAsSkipRequest } from './skip-request.js';
import { elidedWords, matchesPhrase, normalize, oncePerList, oneLetterOff } from './text.js';

/** Longest message read as a command said with polite words ("on peut faire une petite pause svp ?"). */
const MAX_COMMAND_CHARS = 80;

/** What a respondent can ask for while an interview runs. */
export const INTERVIEW_COMMANDS = ['help', 'skip', 'back', 'pause', 'resume', 'stop'] as const;
export type InterviewCommand = (typeof INTERVIEW_COMMANDS)[number];

/**
 * Commands are recognised in both languages whatever the interview's language (a French respondent
 * typing "help" means it); the interview's own guide is looked at first, with its courtesy words around the
 * command ("on peut faire une pause svp ?"). A question declined in a sentence
 * ("can we skip this one?", "je préfère ne pas en parler") is the `skip` command.
 */
export function parseInterviewCommand(guides: readonly Guide[], text: string): InterviewCommand | null {
  // A command with its polite words is a few words: a longer message is not read for one, word by word.
  const short = text.length <= MAX_COMMAND_CHARS;
  for (const guide of guides) {
    for (const command of INTERVIEW_COMMANDS) {
      if (matchesPhrase(text, guide.commands[command], short ? guide.words.courtesy : [])) return command;
    }
  }
  return readsAsSkipRequest(guides, text) ? 'skip' : null;
}

/** Words of why after a pause or a skip asked in its own clause ("got a customer", "j'ai pas le temps pour ça"). */
const MAX_REASON_WORDS = 12;
/** A pause or a skip is asked in a few words ("désolé, on peut faire une petite pause svp"). */
const MAX_REQUEST_WORDS = 10;
const CLAUSE_BREAK = /[.!?;:,\n]+|\s[-–—]\s/gu;
/** Counted, not read: a word count only decides whether a clause is worth reading as a request. */
const WORD = /[\p{L}\p{N}]+/gu;

function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** A pause or a skip asked in a message's first clauses, and the words of why that follow it. */
export interface ReasonedCommand {
  command: Extract<InterviewCommand, 'pause' | 'skip'>;
  reason: string;
}

/**
 * A pause or a skip asked in the opening clauses of a short message, a few words of why after it: "on peut faire
 * une pause ? la farine vient d'arriver", "can we skip this one? not a joiner". Whether those words answer the
 * question after all ("I'd rather not, but we use Sage") is the caller's to judge, with the tagger.
 */
export function commandWithReason(guides: readonly Guide[], text: string): ReasonedCommand | null {
  if (text.length > MAX_COMMAND_CHARS * 2) return null;
  const total = wordCount(text);
  let from = 0;
  let before = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    before += wordCount(text.slice(from, match.index));
    from = match.index + match[0].length;
    if (before > MAX_REQUEST_WORDS || before === total) return null;
    if (total - before > MAX_REASON_WORDS || before === 0) continue;
    const command = parseInterviewCommand(guides, text.slice(0, match.index));
    const reason = text.slice(from);
    if (command === 'pause') return { command, reason };
    if (command === 'skip') return goesOnAfterRefusal(guides, reason) ? null : { command, reason };
  }
  return null;
}

/** Commands a one-word typo of is read as probably meant ("hlep", "skpi", "bakc", "puase", "reprende"). */
const NEAR_COMMANDS = [
  'help',
  'skip',
  'back',
  'pause',
  'resume',
] as const satisfies readonly InterviewCommand[];

/** Shorter words are too many a letter off one another ("pas", "par") to read one as a typo of the other. */
const MIN_NEAR_WORD = 4;

/** A command the message is one word a letter off, with the command word as the guide writes it. */
export interface NearCommand {
  command: InterviewCommand;
  word: string;
}

/**
 * The command a one-word message is a typo of: one letter off one of the command's one-word phrases (one
 * replaced, added or left out, or two side by side swapped), "hlep" for "help", "retuor" for "retour". Words
 * the respondent may mean as themselves (`known`: the tagger's vocabulary, "bank", "ship", "Yelp") are none.
 * `among`: the commands the message may be taken for where it is typed.
 */
export function nearInterviewCommand(
  guides: readonly Guide[],
  text: string,
  known: ReadonlySet<string>,
  among: readonly InterviewCommand[] = NEAR_COMMANDS,
): NearCommand | null {
  const word = typedWord(text, known);
  if (word === null) return null;
  for (const guide of guides) {
    for (const command of NEAR_COMMANDS) {
      if (!among.includes(command)) continue;
      const phrase = guide.commands[command].find((p) => typoOf(word, p));
      if (phrase !== undefined) return { command, word: phrase };
    }
  }
  return null;
}

/** The one word a message is, when it may be a typo: long enough, and no word meant as itself (`known`). */
function typedWord(text: string, known: ReadonlySet<string>): string | null {
  const said = elidedWords(text);
  const [word] = said;
  return said.length === 1 && word !== undefined && word.length >= MIN_NEAR_WORD && !known.has(word)
    ? word
    : null;
}

/** Whether `word` is one letter off `phrase`, a one-word phrase long enough not to be near too many words. */
function typoOf(word: string, phrase: string): boolean {
  const written = normalize(phrase);
  return written.length >= MIN_NEAR_WORD && /^\p{L}+$/u.test(written) && oneLetterOff(word, written);
}

export type YesNo = 'yes' | 'no';

/**
 * A yes or a no, read as the reply to consent is: yes words alone, or no words alone, with polite and filler
 * words around them ("oui merci", "ouais ok", "no thanks", "yesss").
 */
export function parseYesNo(guides: readonly Guide[], text: string): YesNo | null {
  return readConsent(guides, text);
}

export const BOT_COMMANDS = ['start', 'resume', 'summary', 'delete', 'help'] as const;
export type BotCommandKind = (typeof BOT_COMMANDS)[number];
export type BotCommand = { kind: BotCommandKind } | { kind: 'code'; code: string };

/** Invitation codes: 6 to 10 capital letters and digits, at least one of each (CONTRACTS.md). */
export const INVITATION_CODE = /^(?=.*[A-Z])(?=.*\d)[A-Z0-9]{6,10}$/;

/**
 * `code K7M2QX9P` as people write or paste it: the code word, maybe a colon ("Code : K7M2QX9P", the bot's own
 * typography), then one word; quotes around it and a full stop or other closing punctuation after it are
 * allowed ("« code K7M2QX9P »", "code wdu3jtrf."). The word is read in capitals.
 */
const CODE_COMMAND = /^[\s«"“”'‘’([]*(\p{L}+)\s*[:：]?\s*([\p{L}\p{N}]+)[\s»"“”'‘’)\].!?,;:…]*$/u;

/** The code a `code …` message gives, when it is shaped as one (`CODE_COMMAND`), else null. */
export function invitationCodeOf(guides: readonly Guide[], text: string): string | null {
  if (text.length > 80) return null;
  const match = CODE_COMMAND.exec(text);
  if (!match) return null;
  const [, keyword = '', code = ''] = match;
  const upper = code.toUpperCase();
  if (!INVITATION_CODE.test(upper)) return null;
  return guides.some((g) => matchesPhrase(keyword, g.botCommands.code)) ? upper : null;
}

/**
 * Bot-level commands (the Teams command list): start, resume, summary, delete my data, help, `code XXX`. Erasure
 * may also be asked in a sentence ("je veux effacer mes données"): the erasure is confirmed before it is done.
 */
export function parseBotCommand(guides: readonly Guide[], text: string): BotCommand | null {
  const code = invitationCodeOf(guides, text);
  if (code !== null) return { kind: 'code', code };
  // With its polite words around it ("start please", "démarrer svp") when the message is short.
  const short = text.length <= MAX_COMMAND_CHARS;
  for (const guide of guides) {
    for (const kind of BOT_COMMANDS) {
      if (matchesPhrase(text, guide.botCommands[kind], short ? guide.words.courtesy : [])) return { kind };
    }
  }
  return readsAsErasureRequest(guides, text) ? { kind: 'delete' } : null;
}

/**
 * A start asked in a sentence ("let's start", "on peut commencer ?", "ok let's get started I reckon"): one of the
 * guide's `bot.startRequests`, polite, filler, yes and hedging words around it. Read only where no interview
 * runs: there it is no answer.
 */
export function readsAsStartRequest(guides: readonly Guide[], text: string): boolean {
  if (text.length > MAX_COMMAND_CHARS) return false;
  const around = startEdges(guides);
  return guides.some((guide) => matchesPhrase(text, guide.bot.startRequests, around));
}

const startEdges = oncePerList((guides: readonly Guide[]) =>
  guides.flatMap((guide) => [
    ...guide.words.courtesy,
    ...guide.words.yes,
    ...guide.opening.consentWords.filler,
    ...guide.closing.hedges,
  ]),
);

/** Bot commands a one-word typo of is taken for: never erasure, which is only done as typed. */
const NEAR_BOT_COMMANDS = ['start', 'resume', 'summary', 'help'] as const satisfies readonly BotCommandKind[];

/**
 * The bot command a one-word message is a typo of ("strat", "demarer", "hlep", "sumary"), read as
 * `nearInterviewCommand` reads a command's; words the respondent may mean as themselves (`known`) are none.
 */
export function nearBotCommand(
  guides: readonly Guide[],
  text: string,
  known: ReadonlySet<string>,
): { kind: (typeof NEAR_BOT_COMMANDS)[number] } | null {
  const word = typedWord(text, known);
  if (word === null) return null;
  for (const guide of guides) {
    const kind = NEAR_BOT_COMMANDS.find((k) => guide.botCommands[k].some((phrase) => typoOf(word, phrase)));
    if (kind !== undefined) return { kind };
  }
  return null;
}

/** The guide of `language` first, then the others: command words of the interview's language win. */
export function guidesFor(guides: Readonly<Record<Language, Guide>>, language: Language): Guide[] {
  return [guides[language], ...Object.values(guides).filter((g) => g.language !== language)];
}
