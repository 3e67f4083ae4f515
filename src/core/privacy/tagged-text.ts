import type { Language } from '../domain.js';
import type { Evidence, Tags } from '../tags.js';
import { findIntroducedNames, findRelationNames } from './introduced-names.js';
import { pseudonymizeText } from './pseudonymize.js';

/** Pseudonymises the texts of one interview with the names its presentation introduced. */
export interface Pseudonymizer {
  text(text: string): string;
  /** The answer text and its tags, evidence spans moved to where the same words now stand. */
  tagged(text: string, tags: Tags): { text: string; tags: Tags };
}

/**
 * `presentation`: the texts the respondent introduced themselves and their firm in; the names found
 * there are replaced everywhere, with e-mails, phone numbers and URLs in any text. `lang`: the language
 * the interview was held in, so a pseudonym reads in the language of the words around it. `answers`: every
 * other text, where only people introduced by who they are to the speaker are looked for.
 */
export function createPseudonymizer(
  key: string,
  presentation: readonly string[],
  lang: Language,
  answers: readonly string[] = [],
): Pseudonymizer {
  // People named by who they are to the speaker may come up in any answer ("ma fille Léa s'occupe d'Instagram").
  const names = [...findIntroducedNames(presentation), ...findRelationNames(answers)];
  const text = (input: string) => pseudonymizeText(input, names, key, lang).text;
  return {
    text,
    tagged(input, tags) {
      const result = pseudonymizeText(input, names, key, lang);
      if (result.replacements.length === 0) return { text: input, tags };
      const move = (evidence: Evidence): Evidence => {
        // Evidence that never sliced its own text is a tagger fault the exporters skip; only hide its words.
        if (input.slice(evidence.start, evidence.end) !== evidence.text)
          return { ...evidence, text: text(evidence.text) };
        const span = result.mapSpan(evidence.start, evidence.end);
        return { ...span, text: result.text.slice(span.start, span.end) };
      };
      const moveAll = <T extends { evidence: Evidence[] }>(items: readonly T[]): T[] =>
        items.map((item) => ({ ...item, evidence: item.evidence.map(move) }));
      return {
        text: result.text,
        tags: {
          ...tags,
          values: moveAll(tags.values),
          tools: moveAll(tags.tools),
          levers: moveAll(tags.levers),
          actors: moveAll(tags.actors),
          facets: moveAll(tags.facets),
        },
      };
    },
  };
}
