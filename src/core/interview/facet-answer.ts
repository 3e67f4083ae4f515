import type { FacetId, Profile } from '../domain.js';
import type { Guide, GuideProbe } from '../guide/schema.js';
import type { AnswerAbout } from '../tagger/types.js';
import { ASSERTED_FACET_CONFIDENCE, type Evidence, type Tags } from '../tags.js';
import { askedOf, probeQuestionId, sectionsOf, whichOnesId } from './plan.js';
import { elidedWords, fewestPhraseCuts, phraseReadings, type SayingPhrase, wordsAt } from './text.js';

/** Below what the tagger gives a facet it reads in the words: this one comes from the question. */
const ASKED_FACET_CONFIDENCE = 0.6;

/** An answer's first clause: what opens it up to the first comma or stop ("Pas vraiment, on est trop petits"). */
const CLAUSE_END = /[,;.!?:…\n()]/u;

/** The words of an answer as typed, with where each is. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

type FacetProbe = Extract<GuideProbe, { when: 'facet_missing' }>;

/** The facet probe a question is, or follows up ("Lesquelles, par exemple ?"); null for any other question. */
function facetProbeOf(
  guide: Guide,
  profile: Profile,
  question: { section: string; questionId: string },
): FacetProbe | null {
  const section = sectionsOf(guide).find((s) => s.id === question.section);
  if (!section) return null;
  for (const probe of section.probes) {
    if (probe.when !== 'facet_missing' || !askedOf(probe, profile)) continue;
    const id = probeQuestionId(section, probe);
    if (id === question.questionId || whichOnesId(id) === question.questionId) return probe;
  }
  return null;
}

/** The facet a question asks for: the guide's facet probes name it (`facet`); other questions ask for none. */
export function askedFacet(
  guide: Guide,
  profile: Profile,
  question: { section: string; questionId: string },
): FacetId | null {
  return facetProbeOf(guide, profile, question)?.facet ?? null;
}

/** What a whole answer to `question` speaks of (its facet probe's `readAs`: needs, fears), if it says. */
export function answerAbout(
  guide: Guide,
  profile: Profile,
  question: { section: string; questionId: string },
): AnswerAbout | null {
  return facetProbeOf(guide, profile, question)?.readAs ?? null;
}

interface Readings {
  /** Polite, filler, hedge and lead words: they say nothing. */
  edges: readonly (readonly string[])[];
  /** Those, yes words and lukewarm ones ("bof"): what an answer may open with before it says something. */
  openers: readonly (readonly string[])[];
  /** `words.nothingOpenings`: a first clause opening with one of these gives nothing. */
  openings: readonly (readonly string[])[];
  yes: readonly (readonly string[])[];
  /** Edges, and the lukewarm words of `words.nothing` that are no no ("bof", "mouais"). */
  lukewarm: readonly (readonly string[])[];
  /** A no, or nothing: the whole answer made of these gives nothing. */
  whole: readonly SayingPhrase[];
  /** A first clause made of these (no words) gives nothing. */
  noClause: readonly SayingPhrase[];
}

/** By the first guide: the list is built afresh for every message, the same guides in the same order. */
const readingsMemo = new WeakMap<Guide, { guides: readonly Guide[]; readings: Readings }>();

function readingsOf(guides: readonly Guide[]): Readings {
  const [first] = guides;
  const known = first ? readingsMemo.get(first) : undefined;
  if (known && known.guides.length === guides.length && known.guides.every((g, i) => g === guides[i]))
    return known.readings;
  const all = (pick: (guide: Guide) => readonly string[]) =>
    guides.flatMap(pick).flatMap((phrase) => phraseReadings(phrase));
  const saying = (pick: (guide: Guide) => readonly string[], says: number): SayingPhrase[] =>
    guides.flatMap(pick).map((phrase) => ({ readings: phraseReadings(phrase), says }));
  const edgeWords = (guide: Guide) => [
    ...guide.words.courtesy,
    ...guide.opening.consentWords.filler,
    ...guide.closing.hedges,
    ...guide.clarification.lead,
  ];
  const noWords = (guide: Guide) => [...guide.words.no, ...guide.opening.consentWords.no];
  const edges = all(edgeWords);
  const byLength = (a: readonly string[], b: readonly string[]) => b.length - a.length;
  const lukewarm = all((g) =>
    g.words.nothing.filter((phrase) => !guides.some((h) => noWords(h).includes(phrase))),
  );
  const found: Readings = {
    edges: [...edges].sort(byLength),
    lukewarm: [...edges, ...lukewarm].sort(byLength),
    openers: [
      ...edges,
      ...all((g) => [...g.words.yes, ...g.opening.consentWords.yes]),
      // "Bof, peut-être gagner du temps": a lukewarm opening, not what the answer gives; a no stays ("Non seulement").
      ...lukewarm,
    ].sort(byLength),
    openings: all((g) => g.words.nothingOpenings),
    yes: all((g) => [...g.words.yes, ...g.opening.consentWords.yes]),
    whole: [
      ...saying((g) => [...g.words.nothing, ...noWords(g), ...g.words.nothingOpenings], SAYS_NOTHING_TO_GIVE),
      ...saying(edgeWords, SAYS_NOTHING),
    ],
    noClause: [...saying(noWords, SAYS_NOTHING_TO_GIVE), ...saying(edgeWords, SAYS_NOTHING)],
  };
  if (first) readingsMemo.set(first, { guides: [...guides], readings: found });
  return found;
}

const SAYS_NOTHING = 0;
const SAYS_NOTHING_TO_GIVE = 1;

/** How many of `said`'s first words are `phrases` ("euh, franchement, …"), however many follow one another. */
function skipped(said: readonly string[], phrases: readonly (readonly string[])[]): number {
  let at = 0;
  for (let moved = true; moved; ) {
    moved = false;
    for (const phrase of phrases) {
      if (wordsAt(said, phrase, at)) {
        at += phrase.length;
        moved = true;
        break;
      }
    }
  }
  return at;
}

function madeOf(said: readonly string[], phrases: readonly SayingPhrase[]): boolean {
  if (said.length === 0) return false;
  const says = fewestPhraseCuts(said, phrases);
  return says.length > 0 && says.every((mask) => mask === SAYS_NOTHING_TO_GIVE);
}

/**
 * Whether an answer gives nothing: a no, none, "je ne sais pas", "pas vraiment", a refusal to say. Its first
 * clause, polite, filler and hedge words aside, is a no ("Non, on n'en voit pas") or opens with one of the
 * guide's `words.nothingOpenings` ("Pas vraiment, on est trop petits", "aucun risque", "I don't see any"), or
 * the whole answer is made of `words.nothing` and no words ("Bof.", "Non, pas vraiment."). "Bof, peut-être
 * gagner du temps" and "Non seulement on gagne du temps…" give something.
 */
export function givesNothing(guides: readonly Guide[], text: string): boolean {
  const readings = readingsOf(guides);
  // The first clause saying something: "Euh, je sais pas trop" is read from "je sais pas".
  for (const part of text.split(CLAUSE_END)) {
    const clause = elidedWords(part);
    const at = skipped(clause, readings.edges);
    if (at === clause.length) continue;
    if (readings.openings.some((opening) => wordsAt(clause, opening, at))) return true;
    if (madeOf(clause.slice(at), readings.noClause)) return true;
    break;
  }
  return madeOf(elidedWords(text), readings.whole);
}

/**
 * Whether an answer opens with a yes ("Yes, reaching buyers abroad", "Oui, plein"), polite, filler and hedge
 * words aside: to a question asking "do you see…?", it answers, whatever words follow.
 */
export function opensWithYes(guides: readonly Guide[], text: string): boolean {
  const readings = readingsOf(guides);
  const said = elidedWords(text);
  // "Bof, oui sûrement": a lukewarm word may come before the yes.
  const at = skipped(said, readings.lukewarm);
  return readings.yes.some((yes) => wordsAt(said, yes, at));
}

/**
 * What an answer says once the yes, polite, filler and hedge words it opens with are left out, up to its last
 * word ("Oui bien sûr, trouver de nouveaux clients." → "trouver de nouveaux clients"); null when it says
 * nothing more ("Oui.", "Bof.").
 */
export function meaningfulSpan(guides: readonly Guide[], text: string): Evidence | null {
  const tokens = [...text.matchAll(WORD)];
  const parts = tokens.map((token) => elidedWords(token[0]).length);
  let left = skipped(
    tokens.flatMap((token) => elidedWords(token[0])),
    readingsOf(guides).openers,
  );
  let first = 0;
  // An opener ending inside a word ("bien-sûr" is two words either way) leaves that whole word out.
  while (first < tokens.length && left > 0) {
    left -= parts[first] ?? 0;
    first += 1;
  }
  const start = tokens[first]?.index;
  const lastToken = tokens.at(-1);
  if (start === undefined || lastToken === undefined) return null;
  const end = lastToken.index + lastToken[0].length;
  return { start, end, text: text.slice(start, end) };
}

/**
 * An answer to a question that asks for one facet carries it, unless it gives nothing or the tagger already
 * read it for sure: "Plus de clients." to "Voyez-vous des opportunités… ?" is an opportunity, its evidence what
 * the answer says. A reading of the facet under even odds (one clause of the answer, half matched) gives way to
 * the whole answer.
 */
export function withAskedFacet(guides: readonly Guide[], tags: Tags, text: string, facet: FacetId): Tags {
  const read = tags.facets.some((tag) => tag.id === facet && tag.confidence >= ASSERTED_FACET_CONFIDENCE);
  if (read || givesNothing(guides, text)) return tags;
  const span = meaningfulSpan(guides, text);
  if (!span) return tags;
  const others = tags.facets.filter((tag) => tag.id !== facet);
  return {
    ...tags,
    facets: [...others, { id: facet, confidence: ASKED_FACET_CONFIDENCE, evidence: [span] }],
  };
}
