import type { Language } from '../domain.js';
import type { Tags } from '../tags.js';

/** What a whole answer speaks of, when its question says: what the firm needs, or what it fears. */
export type AnswerAbout = 'needs' | 'fears';

export interface TagOptions {
  /** When absent the language is detected from the text. */
  lang?: Language;
  /**
   * The answer to a question on what is needed, or feared ("De quelles ressources a-t-on besoin ?", "Do you see
   * threats?"): a tool named anywhere in it is not in use ("Surtout du temps. Et une formation sur la compta en
   * ligne.", "Amazon, obviously."), unless said to be the firm's ("notre site").
   */
  about?: AnswerAbout;
}

/** Text in, tags out. Synchronous and side-effect free so it can sit on the turn path. */
export interface Tagger {
  tag(text: string, options?: TagOptions): Tags;
  /**
   * The words it reads (its lexicon's and the real words near them): what nonsense is told from. A tagger
   * without it leaves the nonsense check to the shipped lexicon's words.
   */
  knownWords?(): ReadonlySet<string>;
}
