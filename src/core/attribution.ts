import type { ActorId, LeverId, ValueId } from './domain.js';
import { sentenceEnds } from './summary/text.js';
import type { Evidence, Tags } from './tags.js';

/** Who pushed a tool, who gains from it and what it brings, as one answer says. */
export interface ToolAttribution {
  initiators: Set<ActorId>;
  beneficiaries: Set<ActorId>;
  values: Set<ValueId>;
  /** The words those roles and values were read from, where they speak of this tool (its quotes are there). */
  evidence: Evidence[];
}

/** The levers one answer credits to a tool, and the words they were read from there. */
export interface ToolLevers {
  levers: Set<LeverId>;
  evidence: Evidence[];
}

/**
 * What the closing review took out of one answer: the words tools were read from that the respondent removed,
 * and whether the tool the question asked about was removed.
 */
export interface RemovedTools {
  words: readonly Evidence[];
  subject: boolean;
}

const NOTHING_REMOVED: RemovedTools = { words: [], subject: false };

/** Where a tool is named in an answer; `null` for the words of a tool the respondent removed. */
interface NamedTool {
  id: string | null;
  evidence: readonly Evidence[];
}

/**
 * Where a sentence goes on to another tool with a clause of its own: after a semicolon, a comma then a
 * conjunction ("…, et on a aussi Facebook", "…, but the ERP"), or a conjunction then the speaker ("… and we
 * built the site ourselves"). A list of tools ("l'ERP et l'EDI, c'est le comptable") is one part.
 */
const PART_STARTS =
  /;|,\s*(?:et|mais|puis|donc|alors|and|but|so|then|whereas)\b|\s(?:et|mais|puis|and|but|then)\s+(?:on|nous|je|j['’]|we|i)\b/giu;

/** Index of the stretch, between two of the `breaks` offsets, each offset falls in. */
function segmentIndex(breaks: readonly number[]): (offset: number) => number {
  const ends = [...breaks].sort((a, b) => a - b);
  return (offset) => {
    // The number of sentence ends before `offset`, by bisection (answers may run to thousands of sentences).
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((ends[mid] ?? Number.POSITIVE_INFINITY) < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/**
 * Credits the actors' roles and the values of one answer to the tools it speaks of. A role or value goes
 * to the tools named in its own part of its sentence ("l'ERP c'est le comptable qui l'a proposé, et on a
 * aussi Facebook": the accountant for the ERP alone), else in its sentence ("le comptable nous a poussés
 * vers l'ERP. L'EDI, ce sont nos clients qui l'ont imposé": the accountant for the ERP, the clients for the
 * EDI); said in a sentence that names no tool, to the tool the question asked about, or else to the one
 * tool the answer names, when named in an earlier sentence ("On a un ERP. Ça nous fait gagner du temps."): a
 * sentence before it speaks of something else ("Les clients ont un suivi personnalisé… On fait partie d'un
 * club." gives the club no client). With several tools and nothing to say which, it goes to none: the summary
 * leaves it unsaid rather than guess. What was said of a tool the respondent removed (`removed`) goes to none
 * either: the tools that stay get no more than they had.
 */
export function attributeToTools(
  text: string,
  tags: Pick<Tags, 'tools' | 'actors' | 'values'>,
  subjectTool: string | null,
  removed: RemovedTools = NOTHING_REMOVED,
): Map<string, ToolAttribution> {
  const out = new Map<string, ToolAttribution>();
  const entry = (id: string): ToolAttribution => {
    let found = out.get(id);
    if (!found) {
      found = { initiators: new Set(), beneficiaries: new Set(), values: new Set(), evidence: [] };
      out.set(id, found);
    }
    return found;
  };
  for (const tool of tags.tools) entry(tool.id);
  if (subjectTool) entry(subjectTool);
  const roles = tags.actors.filter((actor) => actor.role !== 'mentioned');
  if (out.size === 0 || (roles.length === 0 && tags.values.length === 0)) return out;
  // The question's tool and no other: the whole answer speaks of it, with no sentence to find (the replay runs
  // every turn).
  const onlySubject = subjectTool && out.size === 1 && !removedAny(removed) ? [subjectTool] : null;
  const toolsFor = onlySubject ? () => onlySubject : toolsBySentence(text, tags, subjectTool, removed);
  for (const actor of roles) {
    for (const [id, words] of creditEvidence(actor.evidence, toolsFor)) {
      const target = entry(id);
      (actor.role === 'initiator' ? target.initiators : target.beneficiaries).add(actor.id);
      target.evidence.push(...words);
    }
  }
  for (const value of tags.values) {
    for (const [id, words] of creditEvidence(value.evidence, toolsFor)) {
      const target = entry(id);
      target.values.add(value.id);
      target.evidence.push(...words);
    }
  }
  return out;
}

/**
 * The levers of one answer, credited to the tools it speaks of: a lever goes to the tools whose own words carry
 * it (its evidence overlaps theirs: "un ERP, un site vitrine et Facebook" read as products and markets on "site
 * vitrine" and "Facebook" credits neither to the ERP); a lever carried by no tool's words goes to the tools
 * named in its part of its sentence, else in its sentence, else to the tool the question asked about. Every
 * tool of the answer has an entry, empty when no lever was credited to it (the summary then gives it its
 * catalogue lever); a lever credited to no tool is still evidenced by the answer. A lever carried by the words
 * of a tool the respondent removed, or said of it (`removed`), goes to none.
 */
export function creditLevers(
  text: string,
  tags: Pick<Tags, 'tools' | 'levers'>,
  subjectTool: string | null,
  removed: RemovedTools = NOTHING_REMOVED,
): Map<string, ToolLevers> {
  const out = new Map<string, ToolLevers>();
  const none = (): ToolLevers => ({ levers: new Set(), evidence: [] });
  for (const tool of tags.tools) out.set(tool.id, none());
  if (subjectTool && !out.has(subjectTool)) out.set(subjectTool, none());
  if (out.size === 0 || tags.levers.length === 0) return out;
  // Unlike roles and values, a lever said in a sentence that names no tool does not go to the one tool named
  // elsewhere in the answer: that tool keeps its catalogue lever.
  const toolsFor = toolsBySentence(text, tags, subjectTool, removed, false);
  const named = namedTools(tags, removed);
  const carriedBy = (e: Evidence) =>
    named.filter((tool) => tool.evidence.some((t) => t.start < e.end && e.start < t.end)).map((t) => t.id);
  for (const lever of tags.levers) {
    const carried = lever.evidence.some((e) => carriedBy(e).length > 0);
    const credited = creditEvidence(
      lever.evidence,
      carried ? (evidence) => stillInSummary(new Set(evidence.flatMap(carriedBy))) : toolsFor,
    );
    for (const [id, words] of credited) {
      out.get(id)?.levers.add(lever.id);
      out.get(id)?.evidence.push(...words);
    }
  }
  return out;
}

/**
 * The tools `toolsFor` credits a tag with, each with the words of the tag that speak of it: a tag read in two
 * sentences credited to two tools is quoted for each tool in its own sentence.
 */
function creditEvidence(
  evidence: readonly Evidence[],
  toolsFor: (evidence: readonly Evidence[]) => string[],
): Map<string, Evidence[]> {
  return new Map(toolsFor(evidence).map((id) => [id, evidence.filter((e) => toolsFor([e]).includes(id))]));
}

function removedAny(removed: RemovedTools): boolean {
  return removed.subject || removed.words.length > 0;
}

/** The tools an answer names, and the words of those the respondent removed, which still take their stretch. */
function namedTools(tags: Pick<Tags, 'tools'>, removed: RemovedTools): NamedTool[] {
  return removed.words.length > 0 ? [...tags.tools, { id: null, evidence: removed.words }] : tags.tools;
}

/** What went to a removed tool goes to none: only the tools the summary keeps are credited. */
function stillInSummary(ids: Iterable<string | null>): string[] {
  return [...ids].filter((id) => id !== null);
}

/** The tools named in each stretch of an answer, by the stretch's index. */
function toolsIn(
  tools: readonly NamedTool[],
  indexOf: (offset: number) => number,
): Map<number, Set<string | null>> {
  const named = new Map<number, Set<string | null>>();
  for (const tool of tools) {
    for (const evidence of tool.evidence) {
      const n = indexOf(evidence.start);
      const set = named.get(n) ?? new Set<string | null>();
      set.add(tool.id);
      named.set(n, set);
    }
  }
  return named;
}

/**
 * The tools a piece of evidence speaks of: those named in its part of its sentence, else in its sentence,
 * else the question's or (unless `orOnlyTool` is false) the only one, when named in an earlier sentence; none
 * of those the respondent removed.
 */
function toolsBySentence(
  text: string,
  tags: Pick<Tags, 'tools'>,
  subjectTool: string | null,
  removed: RemovedTools,
  orOnlyTool = true,
): (evidence: readonly Evidence[]) => string[] {
  const sentences = sentenceEnds(text);
  const sentenceOf = segmentIndex(sentences);
  const partOf = segmentIndex([
    ...sentences,
    ...Array.from(text.matchAll(PART_STARTS), (match) => match.index),
  ]);
  const named = namedTools(tags, removed);
  const inSentence = toolsIn(named, sentenceOf);
  const inPart = toolsIn(named, partOf);
  // Said where no tool is named: the question's tool, none if it was removed; the one tool named, unless a
  // removed one was named beside it, and only after it is named: what comes before it is said of something else.
  const onlyTool = orOnlyTool && named.length === 1 ? named[0] : undefined;
  const onlyToolFrom = Math.min(...(onlyTool?.evidence ?? []).map((e) => sentenceOf(e.start)));
  return (evidence) => {
    const found = new Set<string | null>();
    for (const e of evidence) {
      const part = inPart.get(partOf(e.start)) ?? inSentence.get(sentenceOf(e.start)) ?? [];
      for (const id of part) found.add(id);
    }
    if (found.size > 0) return stillInSummary(found);
    if (removed.subject) return [];
    if (subjectTool) return [subjectTool];
    const afterOnlyTool = evidence.some((e) => sentenceOf(e.start) > onlyToolFrom);
    return onlyTool?.id && afterOnlyTool ? [onlyTool.id] : [];
  };
}
