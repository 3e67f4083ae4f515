import type { Token } from './text.js';

/**
 * The features the learned scorer reads from one answer, each with the token positions it comes from
 * (so a model-only tag can quote the clause that carried it):
 * - `w:stem` an asserted word, `n:stem` a word under negation, `h:stem` a word inside something imagined;
 * - `wb:`/`nb:`/`hb:` + `stem_stem` two neighbouring words of one clause, marked by the second's scope;
 * - lexicon hits: `L:family:id` (asserted), `W:family:id` (weak cue only), `D:family:id` (denied cue);
 * - `A:actor` an actor named, `lang:xx` the answer's language.
 */
export type Features = Map<string, number[]>;

export interface TokenScopes {
  negated: Uint8Array;
  imagined: Uint8Array;
}

function mark(scopes: TokenScopes, index: number): string {
  if (scopes.negated[index]) return 'n';
  if (scopes.imagined[index]) return 'h';
  return 'w';
}

export function addFeature(features: Features, name: string, position?: number): void {
  let positions = features.get(name);
  if (!positions) {
    positions = [];
    features.set(name, positions);
  }
  if (position !== undefined) positions.push(position);
}

export function wordFeatures(tokens: readonly Token[], scopes: TokenScopes, features: Features): void {
  let previous: Token | undefined;
  tokens.forEach((token, index) => {
    const stem = token.stem;
    if (stem.length >= 2 && !/^\p{N}+$/u.test(stem)) {
      const scope = mark(scopes, index);
      addFeature(features, `${scope}:${stem}`, index);
      if (previous !== undefined && previous.clause === token.clause)
        addFeature(features, `${scope}b:${previous.stem}_${stem}`, index);
      previous = token;
    } else if (previous !== undefined && previous.clause !== token.clause) {
      previous = undefined;
    }
  });
}
