import type { Guide } from '../guide/schema.js';
import { shippedKnownNames } from '../privacy/known-names.js';
import { fold } from '../privacy/name-words.js';
import { byBrand, namesEvidence } from '../summary/corrections.js';
import type { Tags } from '../tags.js';
import type { DroppedTool, EffectiveAnswer } from './log.js';
import { phraseReader } from './text.js';
import { namesInEvidence } from './tool-name.js';

/** A sentence of an answer: where a tool named and a word saying it was dropped must meet. */
const SENTENCE = /[^.!?;\n]+/gu;

/**
 * The tools an earlier answer named that this one says were dropped ("vendre sur Instagram", then "en fait on
 * a arrêté Instagram le mois dernier"): a name of the tool as an earlier answer gave it, said again here in a
 * sentence with one of the guide's `words.dropped`, and not said here of the tool in use. Only names (a brand
 * the lexicon knows, a capitalised name): "on a fermé le site de Lyon" drops no website. Each comes back as a
 * removal of that name, as the closing review records one, marked `from: 'answer'`.
 */
export function droppedTools(
  guide: Guide,
  earlier: readonly EffectiveAnswer[],
  already: readonly DroppedTool[],
  text: string,
  tags: Tags | null,
): DroppedTool[] {
  const sentences = [...text.matchAll(SENTENCE)].map((match) => match[0]).filter((s) => s.trim() !== '');
  const dropping = sentences.filter((sentence) => {
    const says = phraseReader(sentence);
    return guide.words.dropped.some(says);
  });
  if (dropping.length === 0) return [];
  const brands = shippedKnownNames();
  const found: DroppedTool[] = [];
  for (const answer of earlier) {
    for (const tool of answer.tags?.tools ?? []) {
      for (const evidence of tool.evidence) {
        const names = new Set(namesInEvidence(answer.text, [evidence]));
        if (brands.has(fold(evidence.text))) names.add(evidence.text);
        for (const name of names) {
          const named = (said: string) => namesEvidence(name, said);
          if (found.some((r) => r.id === tool.id && named(r.said ?? ''))) continue;
          if (already.some((r) => r.id === tool.id && r.said !== undefined && named(r.said))) continue;
          // Still in use, by that name, in this answer ("on a gardé Instagram").
          if (tags?.tools.some((t) => t.id === tool.id && t.evidence.some((e) => named(e.text)))) continue;
          if (!dropping.some((sentence) => saysName(sentence, name))) continue;
          found.push({
            action: 'remove',
            target: 'tool',
            id: tool.id,
            said: name,
            scope: 'named',
            from: 'answer',
          });
        }
      }
    }
  }
  return found;
}

/** The name said in the sentence, by itself or by a nickname ("insta" for "Instagram"). */
function saysName(sentence: string, name: string): boolean {
  const words = (text: string) =>
    byBrand(
      fold(text)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim(),
    );
  return ` ${words(sentence)} `.includes(` ${words(name)} `);
}
