import type { Language } from '../domain.js';
import type { Tags } from '../tags.js';

export interface TagOptions {
  /** When absent the language is detected from the text. */
  lang?: Language;
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
