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
 * `train` writes and fits the tagger; `heldout`, `fresh` and `recent` are only scored. `fresh` holds answers
 * written later, by other hands, against the same guidelines; `recent` longer answers written after the
 * lexicon was last tuned (new sectors, advisers, tools named but not in use): more looks at wording the
 * tagger has never seen.
 */
export const CORPUS_SPLITS = ['train', 'heldout', 'fresh', 'recent'] as const;
export type CorpusSplit = (typeof CORPUS_SPLITS)[number];

export function loadCorpus(split: CorpusSplit, dir: string = CORPUS_DIR): CorpusItem[] {
  return readLabelledLines(join(dir, `${split}.jsonl`), CorpusItem);
}

/** A second labeller's labels for some training answers, by id (no text): to measure agreement. */
export const SecondLabels = CorpusItem.omit({ text: true });
export type SecondLabels = z.infer<typeof SecondLabels>;
export const SECOND_LABELLER_FILE = 'second-labeller.jsonl';

export function loadSecondLabels(dir: string = CORPUS_DIR): SecondLabels[] {
  return readLabelledLines(join(dir, SECOND_LABELLER_FILE), SecondLabels);
}

function readLabelledLines<T>(file: string, schema: z.ZodType<T>): T[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const items: T[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new AppError('bad_input', `${file}: line ${index + 1} is not valid JSON`);
    }
    const parsed = schema.safeParse(json);
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
