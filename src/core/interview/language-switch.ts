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
  // Every other clause is polite words alone, or, after the request, a short reason that speaks of a language
  // or of why ("my English is getting tired", "my partner will help me answer"): anything more is an answer.
  const politeOnly = (said: readonly string[]) => pastAny(said, [0], readings.edges).has(said.length);
  const reason = (said: readonly string[]) =>
    (said.length <= MAX_REASON_WORDS && said.some((_, at) => namesLanguageAt(said, at, readings))) ||
    (said.length <= MAX_WHY_WORDS && said.some((_, at) => pastOne(said, [at], readings.reasons).size > 0));
  const asked = new Set<Language>();
  for (const said of clauses) {
    const request = clauseRequest(said, readings);
    if (request === 'other') asked.add(LANGUAGES.find((language) => language !== current) ?? current);
    else if (request !== null) asked.add(request);
    else if (!politeOnly(said) && !(asked.size > 0 && reason(said))) return null;
  }
  const [language] = asked;
  return asked.size === 1 && language !== undefined ? language : null;
}
