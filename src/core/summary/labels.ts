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
/** The same, refusing any other key: a misspelt key is an error, not a word silently missing from the page. */
function exactly<const K extends readonly [string, ...string[]]>(keys: K) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, text])) as { [P in K[number]]: typeof text });
}

/** Words alone, as an answer spells them ("chef d'équipe", "aide-soignante"): the headcount reader sees no other sign. */
const staffNoun = z
  .string()
  .regex(/^\p{L}+(?:[ '’-]\p{L}+)*$/u, 'letters, with one space, hyphen or apostrophe between words');
const StaffNouns = z.object({ singular: z.array(staffNoun).min(1), plural: z.array(staffNoun).min(1) });

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
  'actors',
  'themes',
  'otherAnswers',
  'question',
  'answer',
  'amended',
  'declined',
  'covered',
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
  'facets',
  'gaps',
  'valueGaps',
  'leverGaps',
  'nextQuestions',
  'nextSteps',
  'corrections',
  'fullOnDashboard',
  'openDashboard',
  'perInterview',
  'interviewRefs',
] as const;

/** Wording of one profile that replaces the shared one in that profile's summaries (never in a study's). */
function overrides<const K extends readonly [string, ...string[]]>(keys: K) {
  return z.strictObject(
    Object.fromEntries(keys.map((k) => [k, text.optional()])) as {
      [P in K[number]]: z.ZodOptional<typeof text>;
    },
  );
}
const ProfileWording = z.strictObject({
  headings: overrides(HEADING_KEYS),
  themes: overrides(THEME_IDS),
  actors: overrides(ACTOR_IDS),
});

/** What to ask next: a manager is asked about the firm, an expert about the institution and the SMEs it supports. */
const NextQuestions = z.object({
  noTools: text,
  levers: keyed(LEVER_IDS),
  weakLevers: keyed(LEVER_IDS),
  values: keyed(VALUE_IDS),
});
const NextSteps = z.object({ balanced: text, levers: keyed(LEVER_IDS), weakLevers: keyed(LEVER_IDS) });
function byProfile<T extends z.ZodType>(schema: T) {
  return z.object({ manager: schema, expert: schema });
}

/**
 * Typography patterns: only spaces and punctuation around the placeholders, so a renderer can put escaped
 * text in them without escaping the pattern (nothing in it is markup in Markdown, HTML or a card).
 */
const SEPARATOR = '[^\\p{L}\\p{N}\\n\\r<>&*_`\\\\\\[\\]{}#|~!$()]*';
const typographyPattern = (placeholders: readonly string[]) =>
  text.regex(
    new RegExp(
      `^${SEPARATOR}${placeholders.map((name) => `\\{${name}\\}`).join(SEPARATOR)}${SEPARATOR}$`,
      'u',
    ),
    `only spaces and punctuation around ${placeholders.map((name) => `{${name}}`).join(' and ')}`,
  );

/** Every word the summary and its exports show, per language (prompts/summary.<lang>.json). */
export const SummaryPrompts = z.object({
  headings: keyed(HEADING_KEYS),
  languages: keyed(LANGUAGES),
  profiles: keyed(PROFILES),
  profileWording: byProfile(ProfileWording),
  statuses: keyed(INTERVIEW_STATUSES),
  /** The status of an interview whose respondent took their consent back. */
  statusConsentWithdrawn: text,
  /**
   * The dashboard's own words: its page (title, views, list columns, headings, sign-in, messages; `failed`
   * says the HTTP `{status}`), a value matrix cell's tooltip, a profile as short as a table cell holds,
   * each export's name as users know it (the export formats' ids, listed here because the exports read
   * these prompts), and how far an interview went: `{count}` answers (`one`/`other` as Intl.PluralRules
   * names them), then `{answers}` and the guide part `{part}` of the last question asked; the invitations
   * (`codeOf` the `{code}` of one), the erase action (`{interview}`: the interview erased) and the CSV separator.
   */
  dashboard: z.strictObject({
    title: text,
    views: exactly(['interviews', 'study']),
    columns: exactly(['interview', 'status', 'profile', 'language', 'progress', 'startedAt']),
    headings: exactly(['matrix', 'levers', 'tools']),
    signIn: exactly(['prompt', 'submit']),
    messages: z.strictObject({
      empty: text,
      refused: text,
      expired: text,
      notFound: text,
      failed: text.regex(/\{status\}/, 'must contain {status}'),
      unreachable: text,
      broken: text,
    }),
    matrixCell: typographyPattern(['row', 'column', 'count']),
    profiles: keyed(PROFILES),
    formats: keyed(['json', 'md', 'html', 'card', 'csv', 'qdpx']),
    download: text,
    answers: z.object({
      one: text.regex(/\{count\}/, 'must contain {count}'),
      other: text.regex(/\{count\}/, 'must contain {count}'),
    }),
    progressAt: text.regex(
      /\{answers\}.*\{part\}|\{part\}.*\{answers\}/,
      'must contain {answers} and {part}',
    ),
    invitations: z.strictObject({
      code: text,
      pending: text,
      createdAt: text,
      codeOf: text.regex(/\{code\}/, 'must contain {code}'),
    }),
    erase: z.strictObject({
      button: text,
      confirm: text.regex(/\{interview\}/, 'must contain {interview}'),
      yes: text,
      no: text,
      done: text.regex(/\{interview\}/, 'must contain {interview}'),
    }),
    csv: exactly(['label', 'semicolon', 'comma']),
    noAnswers: text,
  }),
  themes: keyed(THEME_IDS),
  /** The guide's parts outside the three themes and the presentation. */
  sections: keyed(['opening', 'closing']),
  values: keyed(VALUE_IDS),
  levers: keyed(LEVER_IDS),
  actors: keyed(ACTOR_IDS),
  facets: keyed(FACET_IDS),
  /**
   * What an empty section says, worded for each section: French agrees with the section's noun
   * ("aucun outil", "aucune opportunité").
   */
  none: keyed(['tools', 'valueMatrix', ...FACET_IDS, 'nextQuestions', 'nextSteps', 'answers']),
  /** Labels of known tools; a tool id missing here is shown from its id. */
  tools: z.record(z.string(), text),
  nextQuestions: byProfile(NextQuestions),
  nextSteps: byProfile(NextSteps),
  /** The reading of the lever balance: `{missing}` and `{weak}` are lists of levers, `{count}` of answers. */
  leverReading: z.object({
    verdicts: keyed(['balanced', 'fragile', 'unbalanced', 'unbalancedAndWeak']),
    strengths: keyed(['strong', 'single_answer', 'uncertain', 'missing']),
  }),
  /** A headcount said as a round figure ("une quinzaine", "about 40"): `{count}` is the figure. */
  approximateHeadcount: text.regex(/\{count\}/, 'must contain {count}'),
  /**
   * Nouns the headcount is read with (headcount.ts): `people` name the firm's staff as a whole ("35
   * salariés"), `jobs` name some of them by their job or category ("trois coiffeuses et moi").
   */
  staff: z.object({ people: StaffNouns, jobs: StaffNouns }),
  /** `labelled`: a label and its value ("Langue\u00a0: français", "Language: English"); `quoted`: a quotation. */
  typography: z.object({
    labelled: typographyPattern(['label', 'value']),
    quoted: typographyPattern(['text']),
  }),
  short: keyed([
    'intro',
    'introCorrected',
    'tools',
    'values',
    'levers',
    'missingLevers',
    'weakLevers',
    'balanced',
    'invite',
  ]).extend({
    /** A tool and the respondent's words it was read from ("ERP (« Batappli »)"). */
    toolSaid: text,
    /** An empty list in the recap, worded for each list ("Valeurs : aucune."). */
    none: keyed(['tools', 'values', 'levers']),
  }),
  corrections: z.object({
    addVerbs: z.array(text).min(1),
    removeVerbs: z.array(text).min(1),
    /**
     * Saying the firm has no such thing, anywhere in the reply, before the name ("je vous ai dit qu'on avait pas
     * d'ERP", "we don't have a CRM"): a removal. Folded: lower case, no accents.
     */
    denyPhrases: z.array(text),
    targets: z.object(
      Object.fromEntries(CORRECTION_TARGETS.map((k) => [k, z.array(text).min(1)])) as {
        [P in (typeof CORRECTION_TARGETS)[number]]: z.ZodArray<typeof text>;
      },
    ),
    fillers: z.array(text),
    /** Words that join a second name to the first ("et", "and"): what follows them is no reason given. */
    listWords: z.array(text).min(1),
    /**
     * Short names of a brand (lower case, without accents), keyed by the brand: "insta" is Instagram, so a name
     * removed or put back takes its nicknames with it.
     */
    nicknames: z.record(z.string(), z.array(text)),
    /** Extra names (lower case, without accents) for values, tools and levers, keyed by id. */
    aliases: z.record(z.string(), z.array(text)),
    described: keyed(['add', 'remove']),
    /** A tool removal of what `{name}` names only: `{target}`, `{label}` (the tool, which stays). */
    describedNamedOnly: text,
    /** A tool added back after the same reply's name removed it: `{target}`, `{name}` (as said, else the label). */
    describedPutBack: text,
    /** A tool an answer said was dropped (`from: answer`): `{target}`, `{name}` as said, `{label}`. */
    describedDropped: text,
    /** Words read as a tool the respondent said the firm does not have (`from: probe`): `{label}`, `{name}`. */
    describedDenied: text,
    /** A correction's description, `{correction}`, then the reply as written, `{text}`, quoted. */
    asWritten: text,
    targetNames: keyed(CORRECTION_TARGETS),
    notUnderstood: text,
    unknownItem: text,
    /** A review reply that could not be read as a correction: `{text}`, the reply quoted, as typed. */
    unread: text.regex(/\{text\}/, 'must contain {text}'),
  }),
});
export type SummaryPrompts = z.infer<typeof SummaryPrompts>;

const cache = new Map<Language, SummaryPrompts>();

export function summaryPrompts(lang: Language): SummaryPrompts {
  const cached = cache.get(lang);
  if (cached) return cached;
  const prompts = loadSummaryPrompts(join(PROMPTS_DIR, `summary.${lang}.json`));
  cache.set(lang, prompts);
  return prompts;
}

/** One summary prompts file, validated; a broken one is refused naming the file and the field. */
export function loadSummaryPrompts(file: string): SummaryPrompts {
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
  return parsed.data;
}

export function toolLabel(prompts: SummaryPrompts, id: string): string {
  return prompts.tools[id] ?? id.replaceAll('_', ' ');
}
