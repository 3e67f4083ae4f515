import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { FacetId, LeverId, ToolId, ValueId } from '../domain.js';
import { compileRoleScorer, type LearnedRoleWeights, type RoleScorer } from './roles.js';

/**
 * The learned second signal: per label family, one logistic-regression scorer per class over the
 * answer's features (stems, stem bigrams, negated and imagined stems, lexicon hits), and the rule that
 * joins it to the lexicon. Weights are trained offline (`npm run train-tagger`); the runtime only loads
 * them. Stored compactly: one shared feature list, and per class flat [feature index, weight] pairs.
 */
export const MODEL_FILE = 'model.json';

const Threshold = z.number().min(0).max(1).nullable();

/** How a class joins the lexicon: `high` alone, `low` with a weak cue, `keep` for a plain lexicon hit. */
export const Decision = z
  .object({
    /** Model probability that asserts the class with no lexicon cue (null: never). */
    high: Threshold,
    /** Model probability that asserts the class on a weak (below-threshold) lexicon cue (null: never). */
    low: Threshold,
    /** Below this probability a plain lexicon hit is dropped (0: always kept). */
    keep: z.number().min(0).max(1),
  })
  .strict();
export type Decision = z.infer<typeof Decision>;

const ClassModel = <T extends z.ZodType>(id: T) =>
  z
    .object({ id, bias: z.number(), weights: z.array(z.number()), decision: Decision })
    .strict()
    .refine((c) => c.weights.length % 2 === 0, 'weights are [feature index, weight] pairs');

const RoleModel = z
  .object({ bias: z.number(), weights: z.array(z.number()), threshold: z.number().min(0).max(1) })
  .strict()
  .refine((r) => r.weights.length % 2 === 0, 'weights are [feature index, weight] pairs');

export const ModelFile = z
  .object({
    description: z.string().optional(),
    features: z.array(z.string().min(1)),
    families: z
      .object({
        values: z.array(ClassModel(ValueId)).optional(),
        tools: z.array(ClassModel(ToolId)).optional(),
        levers: z.array(ClassModel(LeverId)).optional(),
        facets: z.array(ClassModel(FacetId)).optional(),
      })
      .strict(),
    /** Who initiated and who gains, for each actor the lexicon names (absent: the lexicon's roles). */
    roles: z.object({ initiator: RoleModel, beneficiary: RoleModel }).strict().optional(),
  })
  .strict();
export type ModelFile = z.infer<typeof ModelFile>;
export type FamilyName = keyof ModelFile['families'];
export const FAMILY_NAMES = ['values', 'tools', 'levers', 'facets'] as const satisfies readonly FamilyName[];

export interface ClassScorer<T extends string> {
  id: T;
  decision: Decision;
  bias: number;
}

/** One family's scorers, indexed by feature so an answer is scored in one pass over its features. */
export interface FamilyScorer<T extends string> {
  classes: ClassScorer<T>[];
  /** Feature name → flat [class slot, weight] pairs. */
  postings: Map<string, number[]>;
}

function compileFamily<T extends string>(
  features: readonly string[],
  classes: readonly { id: T; bias: number; weights: number[]; decision: Decision }[] | undefined,
): FamilyScorer<T> {
  const postings = new Map<string, number[]>();
  const scorers: ClassScorer<T>[] = [];
  (classes ?? []).forEach((c, slot) => {
    scorers.push({ id: c.id, decision: c.decision, bias: c.bias });
    for (let k = 0; k + 1 < c.weights.length; k += 2) {
      const name = features[c.weights[k] ?? -1];
      const weight = c.weights[k + 1];
      if (name === undefined || weight === undefined)
        throw new AppError('bad_config', `tagger model: class ${c.id} points at a missing feature`);
      const list = postings.get(name);
      if (list) list.push(slot, weight);
      else postings.set(name, [slot, weight]);
    }
  });
  return { classes: scorers, postings };
}

export interface TaggerModel {
  values: FamilyScorer<ValueId>;
  tools: FamilyScorer<string>;
  levers: FamilyScorer<LeverId>;
  facets: FamilyScorer<FacetId>;
  roles?: RoleScorer;
}

function roleWeights(features: readonly string[], role: z.infer<typeof RoleModel>): LearnedRoleWeights {
  const weights: [string, number][] = [];
  for (let k = 0; k + 1 < role.weights.length; k += 2) {
    const name = features[role.weights[k] ?? -1];
    const weight = role.weights[k + 1];
    if (name === undefined || weight === undefined)
      throw new AppError('bad_config', 'tagger model: a role points at a missing feature');
    weights.push([name, weight]);
  }
  return { bias: role.bias, threshold: role.threshold, weights };
}

export function compileModel(file: ModelFile): TaggerModel {
  const f = file.features;
  return {
    values: compileFamily(f, file.families.values),
    tools: compileFamily(f, file.families.tools),
    levers: compileFamily(f, file.families.levers),
    facets: compileFamily(f, file.families.facets),
    roles:
      file.roles &&
      compileRoleScorer({
        initiator: roleWeights(f, file.roles.initiator),
        beneficiary: roleWeights(f, file.roles.beneficiary),
      }),
  };
}

/** The model beside the lexicon, if any (a lexicon folder without one tags on its phrases alone). */
export function loadModel(lexiconDir: string): TaggerModel | undefined {
  const file = join(lexiconDir, MODEL_FILE);
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('bad_config', `tagger model ${file}: not valid JSON (${reason})`);
  }
  const parsed = ModelFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'bad_config',
      `tagger model ${file}: field ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return compileModel(parsed.data);
}
