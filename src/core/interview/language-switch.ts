import { LANGUAGES, type Language } from '../domain.js';
import type { Guide } from '../guide/schema.js';
import { elidedWords, oncePer, oncePerList, pastAny, pastOne, type Readings, readingsOf } from './text.js';

/** A request may be one clause of a message beside polite ones: "Sorry, can we continue in English?" */
const CLAUSE_END = /[.!?;:,\n]+/u;

interface SwitchReadings {
  /** What may open or end the clause: leads, polite and filler words ("can we", "please", "svp"). */
  edges: Readings;
  verbs: Readings;
  links: Readings;
  others: Readings;
  reasons: Readings;
  names: Readonly<Record<Language, Readings>>;
}

const switchReadings = oncePer(
  (guide: Guide): SwitchReadings => ({
    edges: readingsOf([...guide.languageSwitch.edges, ...guide.words.courtesy]),
    verbs: readingsOf(guide.languageSwitch.verbs),
    links: readingsOf(guide.languageSwitch.links),
    others: readingsOf(guide.languageSwitch.others),
    reasons: readingsOf(guide.languageSwitch.reasons),
    names: { fr: readingsOf(guide.bot.languageMentions.fr), en: readingsOf(guide.bot.languageMentions.en) },
  }),
);

/** What a clause asks for: a language, the other one than the interview's, or nothing. */
type ClauseRequest = Language | 'other' | null;

function clauseRequest(said: readonly string[], readings: SwitchReadings): ClauseRequest {
  const opened = pastAny(said, [0], readings.edges);
  if (pastAny(said, pastOne(said, opened, readings.others), readings.edges).has(said.length)) return 'other';
  const beforeName = pastAny(said, [...opened, ...pastOne(said, opened, readings.verbs)], readings.links);
  return (
    LANGUAGES.find((language) =>
      pastAny(said, pastOne(said, beforeName, readings.names[language]), readings.edges).has(said.length),
    ) ?? null
  );
}

/**
 * The longest reason given after a request to switch that only names a language ("mon anglais est un peu
 * rouillé"), and one that says why in `reasons` words ("Marc is going to help me answer and his English isn't
 * great"): "For us digital means selling to English buyers online" is an answer.
 */
const MAX_REASON_WORDS = 8;
const MAX_WHY_WORDS = 16;
/** Words leading to a request that says what to do ("ok she's gone, back to English"). */
const MAX_LEAD_WORDS = 4;

function namesLanguageAt(said: readonly string[], at: number, readings: SwitchReadings): boolean {
  return LANGUAGES.some((language) => pastOne(said, [at], readings.names[language]).size > 0);
}

const joinedSwitchReadings = oncePerList((guides: readonly Guide[]): SwitchReadings => {
  const all = guides.map(switchReadings);
  return {
    edges: all.flatMap((r) => r.edges),
    verbs: all.flatMap((r) => r.verbs),
    links: all.flatMap((r) => r.links),
    others: all.flatMap((r) => r.others),
    reasons: all.flatMap((r) => r.reasons),
    names: { fr: all.flatMap((r) => r.names.fr), en: all.flatMap((r) => r.names.en) },
  };
});

/**
 * The language a message asks the interview to go on in, in either language and typed casually ("english
 * please", "can we continue in English?", "en français svp", "on peut continuer en français ?", "switch to
 * French", "je préfère en anglais", "change language": the other one than `current`), or null: an answer that
 * names a language ("nos clients parlent anglais", "we sell to French customers") asks nothing, and neither does
 * a message whose clauses ask for both.
 */
export function readLanguageRequest(
  guides: readonly Guide[],
  text: string,
  current: Language,
): Language | null {
  const readings = joinedSwitchReadings(guides);
  const clauses = text
    .split(CLAUSE_END)
    .map(elidedWords)
    .filter((said) => said.length > 0);
  const politeOnly = (said: readonly string[]) => pastAny(said, [0], readings.edges).has(said.length);
  const requests = clauses.map((said) => clauseRequest(said, readings));
  const first = requests.findIndex((request) => request !== null);
  if (first < 0) return null;
  // Before the request, polite words alone, or a few words leading to it ("ok she's gone, back to English
  // please") when the request says what to do: "We sell abroad, in English" asks nothing.
  const lead = clauses.slice(0, first).filter((said) => !politeOnly(said));
  const leadWords = lead.reduce((count, said) => count + said.length, 0);
  const requestSaid = clauses[first] ?? [];
  const withVerb = requestSaid.some((_, at) => pastOne(requestSaid, [at], readings.verbs).size > 0);
  if (lead.length > 1 || (lead.length === 1 && !(withVerb && leadWords <= MAX_LEAD_WORDS))) return null;
  // After it, polite words alone, more of the request, or a short reason, maybe over several clauses, that speaks
  // of a language or of why ("my wife does the books and she's French, she'll answer this bit"): anything more is
  // an answer.
  const after = clauses.filter((said, at) => at > first && requests[at] === null && !politeOnly(said));
  const reason = after.flat();
  const givesReason =
    (reason.length <= MAX_REASON_WORDS && reason.some((_, at) => namesLanguageAt(reason, at, readings))) ||
    (reason.length <= MAX_WHY_WORDS &&
      reason.some((_, at) => pastOne(reason, [at], readings.reasons).size > 0));
  if (after.length > 0 && !givesReason) return null;
  const asked = new Set<Language>();
  for (const request of requests) {
    if (request === 'other') asked.add(LANGUAGES.find((language) => language !== current) ?? current);
    else if (request !== null) asked.add(request);
  }
  const [language] = asked;
  return asked.size === 1 && language !== undefined ? language : null;
}
