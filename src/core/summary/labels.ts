import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { PROMPTS_DIR } from '../../paths.js';
import {
  ACTOR_IDS,
  FACET_IDS,
  LANGUAGES,
  type Language,
  LEVER_IDS,
  PROFILES,
  THEME_IDS,
  VALUE_IDS,
} from '../domain.js';
import { INTERVIEW_STATUSES } from '../interview/record.js';
import { CORRECTION_TARGETS } from './schema.js';

const text = z.string().min(1);
function keyed<const K extends readonly [string, ...string[]]>(keys: K) {
  return z.object(Object.fromEntries(keys.map((k) => [k, text])) as { [P in K[number]]: typeof text });
}

const HEADING_KEYS = [
  'title',
  'studyTitle',
  'interview',
  'interviews',
  'language',
  'profile',
  'status',
  'startedAt',
  'completedAt',
  'respondent',
  'headcount',
  'actorsMentioned',
  'themes',
  'otherAnswers',
  'question',
  'answer',
  'amended',
  'declined',
  'tools',
  'tool',
  'lever',
  'values',
  'initiators',
  'beneficiaries',
  'quotes',
  'serviceValues',
  'userValues',
  'count',
  'matrix',
  'levers',
  'leverBalance',
  'balanced',
  'missing',
  'facets',
  'gaps',
  'valueGaps',
  'leverGaps',
  'nextQuestions',
  'nextSteps',
  'corrections',
  'none',
  'fullOnDashboard',
  'openDashboard',
  'perCompany',
  'interviewRefs',
] as const;

/** Every word the summary and its exports show, per language (prompts/summary.<lang>.json). */
export const SummaryPrompts = z.object({
  headings: keyed(HEADING_KEYS),
  languages: keyed(LANGUAGES),
  profiles: keyed(PROFILES),
  statuses: keyed(INTERVIEW_STATUSES),
  themes: keyed(THEME_IDS),
  /** The guide's parts outside the three themes and the presentation. */
  sections: keyed(['opening', 'closing']),
  values: keyed(VALUE_IDS),
  levers: keyed(LEVER_IDS),
  actors: keyed(ACTOR_IDS),
  facets: keyed(FACET_IDS),
  /** Labels of known tools; a tool id missing here is shown from its id. */
  tools: z.record(z.string(), text),
  nextQuestions: z.object({ noTools: text, levers: keyed(LEVER_IDS), values: keyed(VALUE_IDS) }),
  nextSteps: z.object({ balanced: text, levers: keyed(LEVER_IDS) }),
  short: keyed(['intro', 'tools', 'values', 'levers', 'missingLevers', 'balanced', 'none', 'invite']),
  corrections: z.object({
    addVerbs: z.array(text).min(1),
    removeVerbs: z.array(text).min(1),
    targets: z.object(
      Object.fromEntries(CORRECTION_TARGETS.map((k) => [k, z.array(text).min(1)])) as {
        [P in (typeof CORRECTION_TARGETS)[number]]: z.ZodArray<typeof text>;
      },
    ),
    fillers: z.array(text),
    /** Extra names (lower case, without accents) for values, tools and levers, keyed by id. */
    aliases: z.record(z.string(), z.array(text)),
    described: keyed(['add', 'remove']),
    targetNames: keyed(CORRECTION_TARGETS),
    notUnderstood: text,
    unknownItem: text,
  }),
});
export type SummaryPrompts = z.infer<typeof SummaryPrompts>;

const cache = new Map<Language, SummaryPrompts>();

export function summaryPrompts(lang: Language): SummaryPrompts {
  const cached = cache.get(lang);
  if (cached) return cached;
  const file = join(PROMPTS_DIR, `summary.${lang}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError(
      'bad_guide',
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = SummaryPrompts.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'bad_guide',
      `${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  cache.set(lang, parsed.data);
  return parsed.data;
}

export function toolLabel(prompts: SummaryPrompts, id: string): string {
  return prompts.tools[id] ?? id.replaceAll('_', ' ');
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
