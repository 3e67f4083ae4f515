import { attributeToTools } from '../attribution.js';
import type { FacetId, LeverId, ValueId } from '../domain.js';
import { namesEvidence } from '../summary/corrections.js';
import type { Tags } from '../tags.js';
import type { DroppedTool, EffectiveAnswer } from './log.js';
import { namesInEvidence, type SpokenName, spokenNamesIn } from './tool-name.js';

export interface ToolCoverage {
  id: string;
  hasInitiator: boolean;
  hasBeneficiary: boolean;
  /** Sections whose answers named the tool, each with the names the respondent gave it there ("Shopify"). */
  sections: ReadonlyMap<string, ReadonlySet<string>>;
  /** By section, the common words the respondent named it with ("une caisse connectée"). */
  spoken: ReadonlyMap<string, readonly SpokenName[]>;
}

/** What the answers so far have evidenced: what spontaneous talk already covered need not be asked. */
export interface Coverage {
  facets: ReadonlySet<FacetId>;
  levers: ReadonlySet<LeverId>;
  values: ReadonlySet<ValueId>;
  /** Tools in the order they were first named. */
  tools: readonly ToolCoverage[];
}

export function hasAnyTag(tags: Tags | null): boolean {
  if (!tags) return false;
  return (
    tags.values.length + tags.tools.length + tags.levers.length + tags.actors.length + tags.facets.length > 0
  );
}

/**
 * `dropped`: tools an answer said were dropped, by name: what an earlier answer said of them by that name no
 * longer covers them, and a tool named only so is no longer asked about.
 */
export function computeCoverage(
  answers: readonly EffectiveAnswer[],
  dropped: readonly DroppedTool[] = [],
): Coverage {
  const facets = new Set<FacetId>();
  const levers = new Set<LeverId>();
  const values = new Set<ValueId>();
  const tools = new Map<
    string,
    ToolCoverage & { sections: Map<string, Set<string>>; spoken: Map<string, SpokenName[]> }
  >();
  for (const answer of answers) {
    const tags = withoutDropped(answer.tags, dropped);
    if (!tags) continue;
    for (const facet of tags.facets) facets.add(facet.id);
    for (const lever of tags.levers) levers.add(lever.id);
    for (const value of tags.values) values.add(value.id);
    // Roles go to the tools named in their sentence, or to the tool the question asked about ("c'est notre
    // comptable qui l'a poussé"): a role said of one tool does not spare the others their probe.
    for (const [id, attribution] of attributeToTools(answer.text, tags, answer.subject?.tool ?? null)) {
      const tool = tools.get(id) ?? {
        id,
        hasInitiator: false,
        hasBeneficiary: false,
        sections: new Map(),
        spoken: new Map(),
      };
      tool.hasInitiator ||= attribution.initiators.size > 0;
      tool.hasBeneficiary ||= attribution.beneficiaries.size > 0;
      const names = tool.sections.get(answer.section) ?? new Set<string>();
      const evidence = tags.tools.filter((tag) => tag.id === id).flatMap((tag) => tag.evidence);
      for (const name of namesInEvidence(answer.text, evidence)) names.add(name);
      tool.sections.set(answer.section, names);
      const spoken = tool.spoken.get(answer.section) ?? [];
      spoken.push(...spokenNamesIn(answer.text, evidence, tags.lang));
      tool.spoken.set(answer.section, spoken);
      tools.set(id, tool);
    }
  }
  return { facets, levers, values, tools: [...tools.values()] };
}

function withoutDropped(tags: Tags | null, dropped: readonly DroppedTool[]): Tags | null {
  if (!tags || dropped.length === 0) return tags;
  const tools = tags.tools.flatMap((tool) => {
    const names = dropped.filter((d) => d.id === tool.id).map((d) => d.said ?? '');
    if (names.length === 0) return [tool];
    const evidence = tool.evidence.filter((e) => !names.some((name) => namesEvidence(name, e.text)));
    return evidence.length === 0 ? [] : [{ ...tool, evidence }];
  });
  return { ...tags, tools };
}
