import type { Guide } from '../guide/schema.js';
import type { Tags } from '../tags.js';
import type { DroppedTool, EffectiveAnswer } from './log.js';
import { elidedWords, phraseReader } from './text.js';

/** A clause of an answer, with what closes it: a denial is read in one ("Non, on n'en a pas, c'est un tiroir-caisse"). */
const CLAUSE = /[^.!?;,:\n]+[.!?;,:\n]*/gu;

/** Where a guide phrase takes the words of the tool asked about. */
const TOOL = '{tool}';

/** The letters of a tool's word a respondent's word must open with: "progr" reads "program", "programme". */
const STEM_LETTERS = 5;

/** Shorter words say nothing of a tool ("le", "of", "kit" does, with three). */
const MIN_TOOL_WORD = 3;

/**
 * The tool a probe asked about, when the answer says the firm has no such thing ("we dont program machines",
 * "on n'en a pas", "we don't have that"): the tagger misread an earlier answer, and the respondent says so.
 * Read in a clause that asks nothing, by the guide's `words.notHeld`: a phrase holding `{tool}` is said of a
 * word opening like one of the tool's (its label's, or those an earlier answer was read from); one without
 * closes its clause, a few `notHeldAfter` words aside ("on n'en a pas chez nous", not "on n'en a pas
 * parlé"). Each word an earlier answer was read from comes back as a removal of that word, marked
 * `from: 'probe'`, so the tool is asked about no further and the summary leaves those readings out.
 */
export function deniedTool(
  guide: Guide,
  toolId: string,
  earlier: readonly EffectiveAnswer[],
  already: readonly DroppedTool[],
  text: string,
  tags: Tags | null,
): DroppedTool[] {
  const read = [...earlier.map((answer) => answer.tags), tags].flatMap(
    (answerTags) =>
      answerTags?.tools.filter((tool) => tool.id === toolId).flatMap((tool) => tool.evidence) ?? [],
  );
  const said = [...new Set(read.map((evidence) => evidence.text))].filter(
    (name) => !already.some((removed) => removed.id === toolId && removed.said === name),
  );
  if (said.length === 0) return [];
  const stems = toolStems([guide.toolLabels[toolId] ?? toolId.replace(/_/g, ' '), ...said]);
  const clauses = [...text.matchAll(CLAUSE)].map((match) => match[0]);
  const denies = clauses.some(
    (clause) => !clause.includes('?') && deniesIn(guide, clause.replace(/[.!;,:\n]+$/u, ''), stems),
  );
  if (!denies) return [];
  return said.map((name) => ({
    action: 'remove',
    target: 'tool',
    id: toolId,
    said: name,
    scope: 'named',
    from: 'probe',
  }));
}

function toolStems(names: readonly string[]): string[] {
  const stems = new Set<string>();
  for (const name of names)
    for (const word of elidedWords(name))
      if (word.length >= MIN_TOOL_WORD && /^\p{L}+$/u.test(word)) stems.add(word.slice(0, STEM_LETTERS));
  return [...stems];
}

function deniesIn(guide: Guide, clause: string, stems: readonly string[]): boolean {
  const says = phraseReader(clause);
  const { notHeld, notHeldAfter } = guide.words;
  return notHeld.some((phrase) =>
    phrase.includes(TOOL)
      ? stems.some((stem) => says(phrase.replace(TOOL, stem)))
      : closesClause(clause, phrase, notHeldAfter),
  );
}

/** The phrase's words, then nothing but `after` words to the clause's end. */
function closesClause(clause: string, phrase: string, after: readonly string[]): boolean {
  const said = elidedWords(clause);
  const wanted = elidedWords(phrase);
  const tail = new Set(after.flatMap(elidedWords));
  for (let at = 0; at + wanted.length <= said.length; at += 1) {
    if (!wanted.every((word, i) => said[at + i] === word)) continue;
    if (said.slice(at + wanted.length).every((word) => tail.has(word))) return true;
  }
  return false;
}
