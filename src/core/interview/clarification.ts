import type { Profile } from '../domain.js';
import type { Guide } from '../guide/schema.js';
import { fill } from '../guide/template.js';
import {
  askedOf,
  exampleProbeId,
  mainQuestions,
  type PlannedQuestion,
  probeQuestionId,
  sectionsOf,
} from './plan.js';
import type { QuestionSubject } from './question-subject.js';
import { elidedWords, phraseReadings, readingsOf, words, wordsAt } from './text.js';

/**
 * `rephrase`: what does the question mean; `why`: why is it asked; `example`: what might an answer say;
 * `privacy`: what becomes of the answers (who reads them, where they are kept).
 */
export type Clarification = 'rephrase' | 'why' | 'example' | 'privacy';

/** Of a message holding several requests, the one answered. */
const WEIGHT: Readonly<Record<Clarification, number>> = { rephrase: 0, example: 1, why: 2, privacy: 3 };

/** Requests answered in a row for one question: its rewording, then the question as it was. */
export const MAX_CLARIFICATIONS = 2;

/** A longer message is an answer, whatever it opens with. */
const MAX_REQUEST_WORDS = 20;

/**
 * Ends a guide phrase that may be followed by more words ("c'est quoi …"), or opens one that may follow a few
 * words ("… c'est quoi": "un cluster c'est quoi ?"), in a sentence ending in "?".
 */
const OPEN = '…';

/**
 * A message of one sentence typed without its question mark ("cest quoi un cluster") is still a request when
 * its words besides the phrase are this few.
 */
const MAX_UNMARKED_WORDS = 4;

/** A longer sentence saying back the question's words ("Quels outils ?") says something of its own. */
const MAX_ECHO_WORDS = 5;

/** Shorter words are told apart whole: "tool" is "tools", "on" is not "online". */
const MIN_STEM = 4;

type Words = readonly string[];

/**
 * A guide phrase as a message may type it; `open`: more words may follow it in a sentence ending in "?", or,
 * for a phrase read at the end of the sentence, come before it.
 */
interface Reading {
  words: Words;
  open: boolean;
  kind: Clarification;
}

/** The guides' request phrases, read once: each looked up by its first word, in the order they are tried. */
interface Phrases {
  requests: ReadonlyMap<string, readonly Reading[]>;
  /** Phrases a sentence ends with ("… c'est quoi", "… means what"), the few words asked about before them. */
  endings: readonly Reading[];
  lead: readonly Words[];
  courtesy: readonly Words[];
  echo: ReadonlySet<string>;
  which: ReadonlySet<string>;
}

const ORDER: readonly Clarification[] = ['privacy', 'why', 'example', 'rephrase'];

function compile(guides: readonly Guide[]): Phrases {
  const requests = new Map<string, Reading[]>();
  const endings: Reading[] = [];
  for (const kind of ORDER) {
    for (const guide of guides) {
      for (const phrase of guide.clarification[kind]) {
        if (phrase.startsWith(OPEN)) {
          for (const words of phraseReadings(phrase.slice(OPEN.length)))
            endings.push({ words, open: true, kind });
          continue;
        }
        const open = phrase.endsWith(OPEN);
        for (const words of phraseReadings(open ? phrase.slice(0, -OPEN.length) : phrase)) {
          const [first] = words;
          if (first === undefined) continue;
          const list = requests.get(first);
          if (list) list.push({ words, open, kind });
          else requests.set(first, [{ words, open, kind }]);
        }
      }
    }
  }
  const courtesy = readingsOf(guides.flatMap((guide) => guide.words.courtesy));
  return {
    requests,
    endings,
    lead: [...readingsOf(guides.flatMap((guide) => guide.clarification.lead)), ...courtesy],
    courtesy,
    echo: new Set(guides.flatMap((guide) => guide.clarification.echo.flatMap(elidedWords))),
    which: new Set(guides.flatMap((guide) => guide.clarification.which.flatMap(elidedWords))),
  };
}

/** Read on every answer: compiled once per pair of guides (the same guide objects for a process's life). */
const compiled = new WeakMap<Guide, WeakMap<Guide, Phrases>>();

function phrasesOf(guides: readonly Guide[]): Phrases {
  const [first, second = first] = guides;
  if (first === undefined || second === undefined || guides.length > 2) return compile(guides);
  let byOther = compiled.get(first);
  if (byOther === undefined) {
    byOther = new WeakMap();
    compiled.set(first, byOther);
  }
  let phrases = byOther.get(second);
  if (phrases === undefined) {
    phrases = compile(guides);
    byOther.set(second, phrases);
  }
  return phrases;
}

/**
 * Whether a message asks about the question instead of answering it ("vous pouvez reformuler ?", "sorry,
 * what do you mean?", "pourquoi cette question ?", "par exemple ?"), or says the `asked` question's own words
 * back as a question ("Quels outils ?"). Every sentence of it must be such a request: a sentence that says
 * something else makes it an answer ("Le numérique ? Pour nous c'est la facturation.", "Why did we do it?
 * Because our customers asked for EDI.").
 */
export function readClarification(guides: readonly Guide[], text: string, asked = ''): Clarification | null {
  if (words(text).length > MAX_REQUEST_WORDS) return null;
  const sentences = sentencesOf(text);
  const read = readSentences(guides, sentences, asked);
  if (read.length < sentences.length) return null;
  let found: Clarification | null = null;
  for (const request of read)
    if (request !== FILLERS && (found === null || WEIGHT[request] > WEIGHT[found])) found = request;
  return found;
}

/**
 * Where what a message says starts, past the sentences it opens with that ask about the question ("Quel ERP ?
 * On n'a pas d'ERP.", "which app? we don't have one"): the offset of its first other sentence, 0 when it
 * opens with none, or holds nothing else.
 */
export function afterQuestionAskedBack(guides: readonly Guide[], text: string, asked: string): number {
  const sentences = sentencesOf(text);
  const read = readSentences(guides, sentences, asked);
  if (!read.some((request) => request !== FILLERS)) return 0;
  return sentences[read.length]?.start ?? 0;
}

/** "Euh... vous pouvez répéter ?": a sentence of fillers alone says nothing either way. */
const FILLERS = 'fillers';

/** The requests the sentences open with, one for each, up to the first that is none. */
function readSentences(
  guides: readonly Guide[],
  sentences: readonly Sentence[],
  asked: string,
): (Clarification | typeof FILLERS)[] {
  const phrases = phrasesOf(guides);
  const question = elidedWords(asked);
  const unmarked = sentences.length === 1;
  const read: (Clarification | typeof FILLERS)[] = [];
  for (const sentence of sentences) {
    const said = trimEnd(trimStart(elidedWords(sentence.text), phrases.courtesy), phrases.courtesy);
    const afterLead = trimStart(said, phrases.lead);
    // Typed without its "?", a sentence alone is read as if it had one, if only a few words follow its phrase.
    const asks = sentence.asks || unmarked;
    let request =
      requestIn(phrases, said, asks, sentence.asks) ??
      requestIn(phrases, afterLead, asks, sentence.asks) ??
      endingIn(phrases, afterLead, asks, sentence.asks);
    if (request === null && sentence.asks && asksWhich(phrases, afterLead, question)) request = 'rephrase';
    if (request === null && afterLead.length > 0) break;
    read.push(request ?? FILLERS);
  }
  return read;
}

/**
 * A sentence asking which thing is meant names it in a word or two ("Quel ERP ?", "which mobile app?"); a
 * longer one asks something of its own ("Quelle est votre couleur préférée ?").
 */
const MAX_WHICH_WORDS = 3;

/** Whether a sentence ending in "?" asks which thing the question means: its words said back, or "quel ERP ?". */
function asksWhich(phrases: Phrases, said: Words, question: Words): boolean {
  const [first] = said;
  if (first !== undefined && phrases.which.has(first) && said.length <= MAX_WHICH_WORDS) return true;
  return echoes(phrases.echo, said, question);
}

/**
 * Whether a sentence is the question's words said back ("Quels outils ?", "The value we get?"): a few words,
 * each of the question or of the guide's `echo` words, at least one of the question's not among them.
 */
function echoes(echo: ReadonlySet<string>, said: Words, question: Words): boolean {
  if (said.length === 0 || said.length > MAX_ECHO_WORDS) return false;
  const inQuestion = (word: string) => question.some((asked) => sameWord(word, asked));
  return (
    said.every((word) => echo.has(word) || inQuestion(word)) &&
    said.some((word) => !echo.has(word) && inQuestion(word))
  );
}

/** "outil" and "outils", "tool" and "tools": one word, the shorter long enough to tell. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= MIN_STEM && long.startsWith(short) && long.length - short.length <= 1;
}

/** A sentence of a message: its text, where it starts, and whether it ends with a question mark. */
interface Sentence {
  text: string;
  start: number;
  asks: boolean;
}

function sentencesOf(text: string): Sentence[] {
  return [...text.matchAll(/([^?!.…]*)([?!.…]*)/gu)]
    .filter((match) => /[\p{L}\p{N}]/u.test(match[1] ?? ''))
    .map((match) => ({ text: match[1] ?? '', start: match.index, asks: (match[2] ?? '').includes('?') }));
}

/**
 * The request a sentence opens with: a phrase said whole, or an open one followed by more words, in a
 * sentence that `asks`; without its "?" (`marked` false), by a few words only.
 */
function requestIn(phrases: Phrases, said: Words, asks: boolean, marked: boolean): Clarification | null {
  const [first] = said;
  if (first === undefined) return null;
  for (const reading of phrases.requests.get(first) ?? []) {
    if (!wordsAt(said, reading.words)) continue;
    if (said.length === reading.words.length) return reading.kind;
    if (reading.open && asks && (marked || said.length - reading.words.length <= MAX_UNMARKED_WORDS))
      return reading.kind;
  }
  return null;
}

/** The request a sentence ends with, after a few words: "un cluster c'est quoi ?", "EDI means what?". */
function endingIn(phrases: Phrases, said: Words, asks: boolean, marked: boolean): Clarification | null {
  if (!asks) return null;
  for (const reading of phrases.endings) {
    const before = said.length - reading.words.length;
    if (before < 1 || before > (marked ? MAX_ECHO_WORDS : MAX_UNMARKED_WORDS)) continue;
    if (wordsAt(said, reading.words, before)) return reading.kind;
  }
  return null;
}

/** `said` without the phrases it opens with, however many follow one another. */
function trimStart(said: Words, readings: readonly Words[]): Words {
  let start = 0;
  for (let trimmed = true; trimmed; ) {
    trimmed = false;
    for (const reading of readings) {
      if (wordsAt(said, reading, start)) {
        start += reading.length;
        trimmed = true;
      }
    }
  }
  return start === 0 ? said : said.slice(start);
}

/** `said` without the phrases it ends with ("vous pouvez répéter svp"). */
function trimEnd(said: Words, readings: readonly Words[]): Words {
  let end = said.length;
  for (let trimmed = true; trimmed; ) {
    trimmed = false;
    for (const reading of readings) {
      if (end - reading.length >= 0 && wordsAt(said, reading, end - reading.length)) {
        end -= reading.length;
        trimmed = true;
      }
    }
  }
  return end === said.length ? said : said.slice(0, end);
}

/**
 * Whether a message asks what becomes of the answers ("Qui va lire mes réponses ?", "what happens to my data?",
 * "where are my answers stored?"): answered wherever the interview waits, since consent is given on it.
 */
export function asksAboutPrivacy(guides: readonly Guide[], text: string): boolean {
  return readClarification(guides, text) === 'privacy';
}

/**
 * What the bot says to a request for clarification on `question`: its rewording from the guide (after why
 * it is asked, for a `why`; for an `example`, the guide's example and the question, when it has one); the
 * second request in a row gets the question as it was, so asking again never loops. `earlier`: requests
 * already answered for this question.
 */
export function clarificationReplies(
  guide: Guide,
  profile: Profile,
  question: PlannedQuestion,
  subject: QuestionSubject | null,
  request: Clarification,
  earlier: number,
): string[] {
  if (request === 'privacy') return [guide.messages.privacy, guide.messages.repeatQuestion, question.text];
  if (earlier > 0) return [guide.messages.repeatQuestion, question.text];
  const example = request === 'example' ? exampleOf(guide, profile, question) : null;
  if (example !== null) return [example, question.text];
  const reworded = rewordingOf(guide, profile, question, subject);
  if (request === 'why') {
    const purpose = sectionsOf(guide).find((section) => section.id === question.section)?.purpose;
    return [
      purpose ?? guide.messages.whyAsked,
      reworded === null ? question.text : fill(guide.messages.rephrased, { question: reworded }),
    ];
  }
  return reworded === null
    ? [guide.messages.rephraseFallback, question.text]
    : [fill(guide.messages.rephrased, { question: reworded })];
}

/** The guide's example for a main question, or for the example probe that follows it. */
function exampleOf(guide: Guide, profile: Profile, question: PlannedQuestion): string | null {
  const { examples } = guide.clarification;
  for (const section of sectionsOf(guide)) {
    for (const main of mainQuestions(section, profile)) {
      if (main.id === question.id || exampleProbeId(main.id) === question.id)
        return examples[main.id] ?? null;
    }
  }
  return null;
}

/** The guide's rewording of a question, found by the id the question was asked under; null when it has none. */
function rewordingOf(
  guide: Guide,
  profile: Profile,
  question: PlannedQuestion,
  subject: QuestionSubject | null,
): string | null {
  for (const section of sectionsOf(guide)) {
    for (const main of mainQuestions(section, profile)) {
      if (main.id === question.id)
        return (
          (question.text === main.withoutTools?.text ? main.withoutTools.rephrase : main.rephrase) ?? null
        );
      if (exampleProbeId(main.id) === question.id) return section.exampleProbe?.rephrase ?? null;
    }
    for (const probe of section.probes) {
      if (!askedOf(probe, profile)) continue;
      if (probe.when !== 'tool_actors_missing') {
        if (probeQuestionId(section, probe) === question.id) return probe.rephrase ?? null;
      } else if (subject && probeQuestionId(section, probe, subject.tool) === question.id) {
        if (!probe.rephrase) return null;
        const tool =
          toolNameIn(probe[subject.asks], question.text) ??
          guide.toolLabels[subject.tool] ??
          subject.tool.replace(/_/g, ' ');
        return fill(probe.rephrase[subject.asks], { tool });
      }
    }
  }
  return mainQuestions(guide.closing, profile).find((main) => main.id === question.id)?.rephrase ?? null;
}

/** The tool as the asked question named it ("Shopify" in "Pour Shopify : …"), read back through its template. */
function toolNameIn(template: string, asked: string): string | null {
  const at = template.indexOf('{tool}');
  if (at < 0) return null;
  const before = template.slice(0, at);
  const after = template.slice(at + '{tool}'.length);
  if (asked.length <= before.length + after.length || !asked.startsWith(before) || !asked.endsWith(after))
    return null;
  return asked.slice(before.length, asked.length - after.length);
}
