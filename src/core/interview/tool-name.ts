import type { Language } from '../domain.js';
import { shippedKnownNames } from '../privacy/known-names.js';
import { fold } from '../privacy/name-words.js';
import type { Evidence } from '../tags.js';
import { words } from './text.js';

/** A longer run of capitalised words is a phrase typed in capitals, not a name. */
const MAX_NAME_WORDS = 3;
const MAX_NAME_CHARS = 30;
const NAME_WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
/** What may stand between the end of a sentence (or a line) and its first word. */
const BEFORE_FIRST_WORD = /[ \t\u00a0«"“(]+$/u;

/**
 * The names a respondent gave a tool in the evidence the tagger found for it, as written: capitalised words
 * (the capital opening a sentence only on a brand the lexicon knows, "Shopify pour la boutique") or words
 * with capitals inside, with the numbers that follow them ("Shopify", "Google Drive", "Sage 100", "EBP"; in
 * "notre boutique Shopify", "Shopify"). A name is respondent input quoted back in a question: it is made of
 * letters, digits, inner hyphens and single spaces only, and capped in length; anything else is no name.
 */
export function namesInEvidence(
  answer: string,
  evidence: readonly Evidence[],
  brands: ReadonlySet<string> = shippedKnownNames(),
): string[] {
  // Written all in one case, capitals say nothing of names.
  if (!/\p{Ll}/u.test(answer) || !/\p{Lu}/u.test(answer)) return [];
  const names: string[] = [];
  for (const span of evidence) {
    if (answer.slice(span.start, span.end) !== span.text) continue;
    let run: string[] = [];
    let runEnd = -1;
    const close = () => {
      const name = run.join(' ');
      if (run.length > 0 && run.length <= MAX_NAME_WORDS && name.length <= MAX_NAME_CHARS) names.push(name);
      run = [];
    };
    for (const match of span.text.matchAll(NAME_WORD)) {
      const word = match[0];
      const at = span.start + match.index;
      const follows = run.length > 0 && answer.slice(runEnd, at) === ' ';
      const capitalised =
        /\p{Lu}/u.test(word.slice(1)) ||
        (/^\p{Lu}/u.test(word) && (!opensSentence(answer, at) || opensBrand(answer, at, word, brands)));
      if (!follows) close();
      if (capitalised || (follows && /^\p{N}+$/u.test(word))) {
        run.push(word);
        runEnd = at + word.length;
      } else {
        close();
      }
    }
    close();
  }
  return names;
}

/** A sentence opening on a brand, alone or with the next word ("Google Drive, on s'en sert"). */
function opensBrand(text: string, at: number, word: string, brands: ReadonlySet<string>): boolean {
  const next = /^ ([\p{L}\p{N}]+)/u.exec(text.slice(at + word.length))?.[1];
  return brands.has(fold(word)) || (next !== undefined && brands.has(fold(`${word} ${next}`)));
}

function opensSentence(text: string, at: number): boolean {
  const before = text.slice(0, at).replace(BEFORE_FIRST_WORD, '');
  return before === '' || /[.!?…\n]$/u.test(before);
}

/**
 * The one name the respondent used for a tool that says more than the tool's label: "Shopify" for the online
 * shop, "HubSpot" for "le CRM" even when "CRM" was said too, but never "ERP" for "l'ERP". Null when they gave
 * none, or several (the label then speaks of all of them); a name said again shortened ("WhatsApp Business",
 * "WhatsApp") is one.
 */
export function ownToolName(names: Iterable<string>, label: string): string | null {
  const labelWords = ` ${words(label)
    .flatMap((word) => word.split("'"))
    .join(' ')} `;
  const distinct = new Map<string, string>();
  for (const name of names) {
    const key = words(name).join(' ');
    if (labelWords.includes(` ${key} `)) continue;
    // "WhatsApp Business", then "WhatsApp": one name, as first said.
    const same = [...distinct.keys()].some((k) => k.startsWith(`${key} `) || key.startsWith(`${k} `));
    if (!same) distinct.set(key, name);
  }
  const [only] = distinct.values();
  return distinct.size === 1 && only !== undefined ? only : null;
}

/**
 * Words a respondent named a tool with, in the common words of their language ("une caisse connectée", "the
 * tablets", "a Bosch diagnostic kit"): the tagger's evidence for it (with a maker's name right before it) and
 * the word before that, which says whether it is a noun phrase the bot may name the tool by ("votre caisse
 * connectée"); see `ownWordsFor`.
 */
export interface SpokenName {
  lang: Language;
  /** The word right before the evidence, lower case ("une", "l'", "our"); empty at the start of the answer. */
  before: string;
  text: string;
}

const WORD_BEFORE = /([\p{L}]+['’]?)\s*$/u;
/** A maker's name between the determiner and the common words: "a Bosch diagnostic kit". */
const MAKER_BEFORE = /([\p{L}]+['’]?)\s+(\p{Lu}\p{Ll}+)\s+$/u;
/** Common words only: a name with digits, marks or capitals inside is a brand's, which `namesInEvidence` reads. */
const COMMON_WORDS = /^[\p{Ll}]+(?:[ '’-][\p{Ll}]+)*$/u;

export function spokenNamesIn(answer: string, evidence: readonly Evidence[], lang: Language): SpokenName[] {
  const out: SpokenName[] = [];
  for (const span of evidence) {
    if (answer.slice(span.start, span.end) !== span.text || !COMMON_WORDS.test(span.text)) continue;
    const preceding = answer.slice(Math.max(0, span.start - 30), span.start);
    const maker = MAKER_BEFORE.exec(preceding);
    const before = maker ?? WORD_BEFORE.exec(preceding.slice(-12));
    out.push({
      lang,
      before: (before?.[1] ?? '').toLowerCase().replace('’', "'"),
      text: maker ? `${maker[2]} ${span.text}` : span.text,
    });
  }
  return out;
}

/** How a language turns the respondent's determiner into the bot's "your" (guide `words.ownTool`). */
export interface OwnToolWords {
  singular: { from: readonly string[]; to: string };
  plural: { from: readonly string[]; to: string };
  /** Words a noun phrase naming a tool does not hold ("avec", "sur", "with"): a span holding one says more than a name. */
  breaks: readonly string[];
  maxWords: number;
}

/**
 * The one phrase of the respondent's own words that names a tool, as the bot says it back ("votre caisse
 * connectée" for "une caisse connectée", "your booking system"): spoken in the guide's language, opening on a
 * determiner, short and free of `breaks`, and saying more than the label ("votre CRM" for "le CRM" does not).
 * A phrase inside a longer one ("la caisse", "la caisse connectée") is the longer one; two others, none.
 */
export function ownWordsFor(
  spoken: readonly SpokenName[],
  lang: Language,
  own: OwnToolWords,
  label: string,
): string | null {
  const labelWords = new Set(words(label).flatMap((word) => word.split("'")));
  const phrases = new Map<string, string>();
  for (const name of spoken) {
    if (name.lang !== lang) continue;
    const possessive = own.singular.from.includes(name.before)
      ? own.singular.to
      : own.plural.from.includes(name.before)
        ? own.plural.to
        : null;
    const nameWords = name.text.toLowerCase().split(/[ '’-]+/u);
    if (possessive === null || nameWords.length > own.maxWords) continue;
    if (nameWords.some((word) => own.breaks.includes(word))) continue;
    if (nameWords.every((word) => labelWords.has(word))) continue;
    phrases.set(nameWords.join(' '), `${possessive} ${name.text}`);
  }
  const keys = [...phrases.keys()];
  const longest = keys.filter(
    (key) => !keys.some((other) => other !== key && ` ${other} `.includes(` ${key} `)),
  );
  const [only] = longest;
  return longest.length === 1 && only !== undefined ? (phrases.get(only) ?? null) : null;
}
