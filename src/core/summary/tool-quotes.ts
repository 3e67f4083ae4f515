import type { Evidence } from '../tags.js';
import { sentenceSpan } from './text.js';

/**
 * Words that, beside a tool's name, add nothing to it: articles, possessives, yes and fillers, French and
 * English alike (respondents mix them). "Oui, l'ERP." or "Our ERP, yes." only say the name back.
 */
const ECHO_WORDS = new Set([
  ...['l', 'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'd', 'ce', 'cet', 'cette', 'ces', 'ça'],
  ...['mon', 'ma', 'mes', 'notre', 'nos', 'votre', 'vos', 'oui', 'ah', 'oh', 'euh', 'bah', 'ben', 'bon'],
  ...['alors', 'et', 'ok', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'our', 'your'],
  ...['yes', 'yeah', 'um', 'uh', 'er', 'well', 'so', 'and', 'okay'],
]);
const WORD = /[\p{L}\p{N}]+/gu;
/** A question mark, then only closing quotes or brackets. */
const ENDS_ON_QUESTION = /\?[\s"'”’»)\]]*$/u;

interface Sentence {
  start: number;
  end: number;
}

/**
 * The quotes one answer gives a tool: the sentences that carry what was credited to it (`credited`: the words
 * of its values, roles and levers), then those that name it (`named`) and say more than its name, in the order
 * said. A question ("L'extranet ?", "The ERP, you mean Xero?") or a sentence that is only the name of a tool
 * said back ("The peer network.", "Oui, l'ERP.") says nothing of it and is never a quote. A sentence that names
 * no tool is quoted only where it goes on speaking of this one (`speaksOf`). `toolWords`: the words every tool
 * of the answer was read from; `asked`: the question asked about this tool.
 */
export function toolQuotes(
  text: string,
  credited: readonly Evidence[],
  named: readonly Evidence[],
  toolWords: readonly Evidence[],
  asked: boolean,
): string[] {
  const quotes: string[] = [];
  const inOrder = (evidence: readonly Evidence[]) => [...evidence].sort((a, b) => a.start - b.start);
  for (const evidence of [...inOrder(credited), ...inOrder(named)]) {
    const sentence = sentenceSpan(text, evidence.start, evidence.end);
    const quote = text.slice(sentence.start, sentence.end).trim();
    if (
      quote &&
      !quotes.includes(quote) &&
      speaksOf(text, sentence, named, toolWords, asked) &&
      saysSomething(text, sentence, toolWords)
    )
      quotes.push(quote);
  }
  return quotes;
}

const within = (words: Evidence, sentence: Sentence): boolean =>
  words.start < sentence.end && sentence.start < words.end;

/**
 * Whether a sentence speaks of the tool: it names it, or it names no tool and goes on from the last sentence
 * that named one, which named this tool ("On a un ERP. Ça nous fait gagner du temps."), or, with no tool named
 * before it, answers a question about this tool. "We also bought a quoting software. And the quotes go out in
 * two days." speaks of the software, whatever tool the question asked about.
 */
function speaksOf(
  text: string,
  sentence: Sentence,
  named: readonly Evidence[],
  toolWords: readonly Evidence[],
  asked: boolean,
): boolean {
  if (named.some((words) => within(words, sentence))) return true;
  if (toolWords.some((words) => within(words, sentence))) return false;
  const before = toolWords.filter((words) => words.end <= sentence.start);
  if (before.length === 0) return asked;
  const last = before.reduce((latest, words) => (words.start > latest.start ? words : latest));
  const lastNaming = sentenceSpan(text, last.start, last.end);
  return named.some((words) => within(words, lastNaming));
}

function saysSomething(text: string, sentence: Sentence, toolWords: readonly Evidence[]): boolean {
  const said = text.slice(sentence.start, sentence.end).trim();
  if (ENDS_ON_QUESTION.test(said)) return false;
  // The sentence with the tools' names blanked out, so only what is said beside them is left.
  let rest = text.slice(sentence.start, sentence.end);
  for (const words of toolWords) {
    const from = Math.max(words.start, sentence.start) - sentence.start;
    const to = Math.min(words.end, sentence.end) - sentence.start;
    if (from < to) rest = `${rest.slice(0, from)}${' '.repeat(to - from)}${rest.slice(to)}`;
  }
  const own = Array.from(rest.matchAll(WORD), (word) => word[0].toLowerCase()).filter(
    (word) => !ECHO_WORDS.has(word),
  );
  // One word alone ("Me.", "Nous.") answers who, which the initiators say already; beside a tool's name
  // ("Booking.com, mainly.") it says which tool.
  const namesATool = toolWords.some((words) => within(words, sentence));
  return own.length >= (namesATool ? 1 : MIN_OWN_WORDS_UNNAMED);
}

/** Words of its own, besides echo words, a sentence naming no tool needs to be quoted for one. */
const MIN_OWN_WORDS_UNNAMED = 2;
