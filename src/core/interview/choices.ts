import type { Language, Profile } from '../domain.js';
import type { Guide } from '../guide/schema.js';
import type { YesNo } from './commands.js';
import {
  elidedWords,
  fewestPhraseCuts,
  matchesPhrase,
  normalize,
  oncePer,
  oneLetterOff,
  phraseReader,
  sayingPhrases,
  words,
} from './text.js';

/**
 * The reply to the consent question, or null when it is neither a clear yes nor a clear no. The reply must be
 * made of yes phrases (and polite or filler words) only, or of no phrases only: "Oui, je suis d'accord",
 * "yes, I consent", "non merci". A word that belongs to neither ("oui mais non", "not yet", "je ne sais
 * pas") leaves the reply unread, so a refusal or a hesitation is never taken for consent. Where the words
 * can be cut into phrases in several ways, the fewest phrases tell: "I don't agree" is one no phrase, not
 * "I don't" and "agree". A word stretched as it is said ("ouiii", "yesss", "nooon") is read as written.
 */
export function readConsent(guides: readonly Guide[], text: string): YesNo | null {
  const said = elidedWords(text);
  if (said.length === 0) return null;
  const asTyped = readYesNoWords(guides, said);
  if (asTyped !== null) return asTyped;
  const unstretched = said.map(unstretch);
  return unstretched.some((word, at) => word !== said[at]) ? readYesNoWords(guides, unstretched) : null;
}

function readYesNoWords(guides: readonly Guide[], said: readonly string[]): YesNo | null {
  const says = fewestPhraseCuts(said, guides.flatMap(consentPhrases));
  if (says.length > 0 && says.every((mask) => mask === SAYS_YES)) return 'yes';
  if (says.length > 0 && says.every((mask) => mask === SAYS_NO)) return 'no';
  return null;
}

/** A word without its stretch: a letter typed three times or more, or doubled at the end, typed once. */
function unstretch(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, '$1').replace(/(\p{L})\1$/u, '$1');
}

const SAYS_NOTHING = 0;
const SAYS_YES = 1;
const SAYS_NO = 2;

/** The phrases a consent reply may be made of, with what each says. */
const consentPhrases = oncePer((guide: Guide) =>
  sayingPhrases([
    [guide.words.yes, SAYS_YES],
    [guide.opening.consentWords.yes, SAYS_YES],
    [guide.words.no, SAYS_NO],
    [guide.opening.consentWords.no, SAYS_NO],
    [guide.words.courtesy, SAYS_NOTHING],
    [guide.opening.consentWords.filler, SAYS_NOTHING],
  ]),
);

export function parseLanguageChoice(guides: readonly Guide[], text: string): Language | null {
  return readChoice(guides, text, ['fr', 'en'], (guide) => guide.bot.languageWords, [
    (guide) => guide.bot.languageMentions,
  ]);
}

/**
 * What the respondent's organisation is weighs more than their title, and their title more than a verb:
 * "I manage a business network" and "cluster manager" are experts, "I manage a bakery" a manager.
 */
export function parseProfileChoice(guides: readonly Guide[], text: string): Profile | null {
  return readChoice(guides, text, ['manager', 'expert'], (guide) => guide.bot.profileWords, [
    (guide) => guide.bot.profileOrganisations,
    (guide) => guide.bot.profileMentions,
    (guide) => guide.bot.profileVerbs,
  ]);
}

/**
 * A choice made by the whole reply ("2", "english merci"), else by a reply negating nothing whose weightiest
 * mentions name one choice only ("English please", "je suis conseillère à la CCI"); `tiers` go from the
 * weightiest, and a tier naming both choices leaves the reply unread. A reply read as neither is read again with
 * its misspelt choice words put right ("englsih", "francias").
 */
function readChoice<Choice extends string>(
  guides: readonly Guide[],
  text: string,
  choices: readonly Choice[],
  wholeWords: (guide: Guide) => Readonly<Record<Choice, readonly string[]>>,
  tiers: readonly ((guide: Guide) => Readonly<Record<Choice, readonly string[]>>)[],
): Choice | null {
  const asTyped = readChoiceAsTyped(guides, text, choices, wholeWords, tiers);
  if (asTyped !== null) return asTyped;
  const vocabulary = new Set(
    guides.flatMap((guide) =>
      [wholeWords, ...tiers].flatMap((list) => choices.flatMap((choice) => list(guide)[choice])),
    ),
  );
  const corrected = spelledRight(text, vocabulary);
  return corrected === null ? null : readChoiceAsTyped(guides, corrected, choices, wholeWords, tiers);
}

/** Shorter words are too many a letter off another ("fr", "en", "pdg"): only longer ones are put right. */
const MIN_MISSPELT = 5;

/**
 * The text with each word a letter off a one-word phrase of `phrases` replaced by it ("englsih" by "english"),
 * or null when no word is.
 */
function spelledRight(text: string, phrases: ReadonlySet<string>): string | null {
  const known = [...phrases]
    .map((phrase) => normalize(phrase))
    .filter((word) => word.length >= MIN_MISSPELT && /^\p{L}+$/u.test(word));
  let changed = false;
  const said = words(text).map((word) => {
    if (word.length < MIN_MISSPELT || known.includes(word)) return word;
    const meant = known.find((candidate) => oneLetterOff(word, candidate));
    if (meant === undefined) return word;
    changed = true;
    return meant;
  });
  return changed ? said.join(' ') : null;
}

function readChoiceAsTyped<Choice extends string>(
  guides: readonly Guide[],
  text: string,
  choices: readonly Choice[],
  wholeWords: (guide: Guide) => Readonly<Record<Choice, readonly string[]>>,
  tiers: readonly ((guide: Guide) => Readonly<Record<Choice, readonly string[]>>)[],
): Choice | null {
  const courtesy = guides.flatMap((guide) => guide.words.courtesy);
  for (const guide of guides) {
    const whole = wholeWords(guide);
    const chosen = choices.find((choice) => matchesPhrase(text, whole[choice], courtesy));
    if (chosen !== undefined) return chosen;
  }
  if (negates(guides, text)) return null;
  const says = phraseReader(text);
  for (const mentions of tiers) {
    const named = choices.filter((choice) => guides.some((guide) => mentions(guide)[choice].some(says)));
    if (named.length > 0) return named.length === 1 ? (named[0] ?? null) : null;
  }
  return null;
}

/** Whether a word of the text may negate what it says ("pas", "n'", "not", "don't"). */
function negates(guides: readonly Guide[], text: string): boolean {
  if (words(text).some((word) => word.includes("n't"))) return true;
  const negations = new Set(guides.flatMap((guide) => guide.bot.choiceNegations.flatMap(elidedWords)));
  return elidedWords(text).some((word) => negations.has(word));
}
