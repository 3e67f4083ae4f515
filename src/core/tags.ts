import { z } from 'zod';
import { ActorId, ActorRole, FacetId, Language, LeverId, ToolId, ValueId } from './domain.js';

/** Offsets are UTF-16 code units into the tagged text, end exclusive; `text` is that slice. */
export const Evidence = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

const confidence = z.number().min(0).max(1);

export const ValueTag = z.object({ id: ValueId, confidence, evidence: z.array(Evidence) });
export const ToolTag = z.object({ id: ToolId, confidence, evidence: z.array(Evidence) });
export const LeverTag = z.object({ id: LeverId, confidence, evidence: z.array(Evidence) });
export const ActorTag = z.object({ id: ActorId, role: ActorRole, evidence: z.array(Evidence) });
export const FacetTag = z.object({ id: FacetId, confidence, evidence: z.array(Evidence) });
/**
 * Below this confidence the tagger gives a facet reading less than even odds (a cue half matched, the model
 * doubtful): the summary lists only what was asserted (CONTRACTS.md), and a question asking for the facet
 * gives it rather than leave such a reading.
 */
export const ASSERTED_FACET_CONFIDENCE = 0.5;
export type ValueTag = z.infer<typeof ValueTag>;
export type ToolTag = z.infer<typeof ToolTag>;
export type LeverTag = z.infer<typeof LeverTag>;
export type ActorTag = z.infer<typeof ActorTag>;
export type FacetTag = z.infer<typeof FacetTag>;

/** The tag set of one text, as CONTRACTS.md defines it (output of `tag`, stored with every answer). */
export const Tags = z.object({
  id: z.string().optional(),
  lang: Language,
  values: z.array(ValueTag),
  tools: z.array(ToolTag),
  levers: z.array(LeverTag),
  actors: z.array(ActorTag),
  facets: z.array(FacetTag),
});
export type Tags = z.infer<typeof Tags>;

export function emptyTags(lang: Language): Tags {
  return { lang, values: [], tools: [], levers: [], actors: [], facets: [] };
}
