import { LEXICON_DIR } from '../../paths.js';
import { type Lexicon, loadLexicon } from './lexicon.js';
import { loadModel } from './model.js';
import { buildTagger } from './tagger.js';
import type { Tagger } from './types.js';

export type { Lexicon, LexiconFile, ToolInfo } from './lexicon.js';
export { loadLexicon, mergeLexicon, parseLexiconFile } from './lexicon.js';
export { buildTagger } from './tagger.js';
export type { Tagger, TagOptions } from './types.js';

/**
 * The tagger on the shipped lexicon and, when the folder holds one, its learned model (read and checked
 * once, here; a broken file throws naming it).
 */
export function createTagger(lexiconDir: string = LEXICON_DIR): Tagger {
  const lexicon = lexiconDir === LEXICON_DIR ? shippedLexicon() : loadLexicon(lexiconDir);
  return buildTagger(lexicon, loadModel(lexiconDir));
}

let shipped: Lexicon | null = null;

/**
 * The shipped lexicon, read once per process: the tagger, the nonsense check and the pseudonymiser's
 * known brand names all read it, and none of them changes it.
 */
export function shippedLexicon(): Lexicon {
  shipped ??= loadLexicon(LEXICON_DIR);
  return shipped;
}

/** Tool ids and labels of the lexicon's catalogue, for summaries and exports. */
export function toolCatalogue(lexiconDir: string = LEXICON_DIR) {
  return loadLexicon(lexiconDir).tools.map((t) => t.info);
}
