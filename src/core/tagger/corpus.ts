import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { CORPUS_DIR } from '../../paths.js';
import { ActorId, ActorRole, FacetId, Language, LeverId, ToolId, ValueId } from '../domain.js';

/** One labelled answer of the evaluation corpus (corpus/*.jsonl). */
export const CorpusItem = z
  .object({
    id: z.string().min(1),
    lang: Language,
    text: z.string().min(1),
    values: z.array(ValueId),
    tools: z.array(ToolId),
    levers: z.array(LeverId),
    actors: z.array(z.object({ id: ActorId, role: ActorRole }).strict()),
    facets: z.array(FacetId),
  })
  .strict();
export type CorpusItem = z.infer<typeof CorpusItem>;

/**
 * `train` writes and fits the tagger; `heldout` and `fresh` are only scored. `fresh` holds answers written
 * later, by other hands, against the same guidelines: a second look at wording the tagger has never seen.
 */
export const CORPUS_SPLITS = ['train', 'heldout', 'fresh'] as const;
export type CorpusSplit = (typeof CORPUS_SPLITS)[number];

export function loadCorpus(split: CorpusSplit, dir: string = CORPUS_DIR): CorpusItem[] {
  const file = join(dir, `${split}.jsonl`);
  const lines = readFileSync(file, 'utf8').split('\n');
  const items: CorpusItem[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new AppError('bad_input', `${file}: line ${index + 1} is not valid JSON`);
    }
    const parsed = CorpusItem.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(
        'bad_input',
        `${file}: line ${index + 1}: field ${issue?.path.join('.')}: ${issue?.message}`,
      );
    }
    items.push(parsed.data);
  });
  return items;
}
