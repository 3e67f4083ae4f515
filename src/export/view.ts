import {
  type ActorId,
  type Language,
  LEVER_IDS,
  type LeverId,
  type Profile,
  SERVICE_VALUES,
  ThemeId,
  USER_VALUES,
  VALUE_IDS,
  type ValueId,
} from '../core/domain.js';
import { fill } from '../core/guide/template.js';
import { formatDateTime, formatNumber } from '../core/locale-format.js';
import { type SummaryPrompts, summaryPrompts, toolLabel } from '../core/summary/labels.js';
import { leversOf } from '../core/summary/lever-reading.js';
import type { LeverEvidence, LeverReading, Summary } from '../core/summary/schema.js';

/** Label lookups shared by the renderers, so every format names things the same way. */
export interface Labels {
  p: SummaryPrompts;
  /** Headings, with the profile's own where it has them. */
  h: SummaryPrompts['headings'];
  value(id: ValueId): string;
  values(ids: readonly ValueId[]): string;
  actors(ids: readonly ActorId[]): string;
  lever(id: Summary['tools'][number]['lever']): string;
  tool(id: string): string;
  /** Where the interview stands: its status, or that consent was taken back. */
  status(interview: Summary['interview']): string;
  /** The verdict on the lever balance, naming the missing and weak levers. */
  balance(reading: LeverReading): string;
  /** How well one lever is evidenced, with the reason when it is weak. */
  leverStrength(evidence: LeverEvidence): string;
  /** The firm's headcount, saying so when it was a round figure; a dash when unsaid. */
  headcount(respondent: Summary['respondent']): string;
  theme(section: string): string;
  /**
   * A label and its value, and a quotation, in the language's typography. The caller escapes both parts
   * for its format; the patterns hold nothing but spaces and punctuation.
   */
  labelled(label: string, value: string): string;
  quoted(text: string): string;
  /** A count as the language writes numbers ("1 000", "1,000"). */
  number(value: number): string;
  /** A stored timestamp as the language writes a date and time; a dash when there is none. */
  dateTime(iso: string | null): string;
}

/**
 * The wording of one interview's exports: an expert's speak of their institution and the SMEs it supports.
 * Without a profile (a study mixes them) the shared wording is used.
 */
export function labels(lang: Language, profile?: Profile): Labels {
  const p = summaryPrompts(lang);
  const own = profile === undefined ? undefined : p.profileWording[profile];
  const h = { ...p.headings, ...own?.headings };
  const themes = { ...p.themes, ...own?.themes };
  const actorNames = { ...p.actors, ...own?.actors };
  const join = (items: readonly string[]) => (items.length === 0 ? '—' : items.join(', '));
  return {
    p,
    h,
    value: (id) => p.values[id],
    values: (ids) => join(ids.map((id) => p.values[id])),
    actors: (ids) => join(ids.map((id) => actorNames[id])),
    lever: (id) => (id === null ? '—' : p.levers[id]),
    tool: (id) => toolLabel(p, id),
    status: ({ status, consentWithdrawn }) =>
      consentWithdrawn ? p.statusConsentWithdrawn : p.statuses[status],
    balance: (reading) => {
      const named = (strength: LeverEvidence['strength']) =>
        leversOf(reading, strength)
          .map((id) => p.levers[id])
          .join(', ');
      const verdicts = p.leverReading.verdicts;
      const missing = named('missing');
      const weak = named('weak');
      if (reading.verdict === 'balanced') return verdicts.balanced;
      if (reading.verdict === 'fragile') return fill(verdicts.fragile, { weak });
      return fill(weak === '' ? verdicts.unbalanced : verdicts.unbalancedAndWeak, { missing, weak });
    },
    leverStrength: (evidence) => {
      const wording = evidence.strength === 'weak' ? evidence.weakBecause : evidence.strength;
      return fill(p.leverReading.strengths[wording], { count: formatNumber(evidence.answers, lang) });
    },
    headcount: ({ headcount, headcountApproximate }) => {
      if (headcount === null) return '—';
      return headcountApproximate
        ? fill(p.approximateHeadcount, { count: formatNumber(headcount, lang) })
        : formatNumber(headcount, lang);
    },
    theme: (section) => {
      const theme = ThemeId.safeParse(section);
      if (theme.success) return themes[theme.data];
      return section === 'opening' || section === 'closing' ? p.sections[section] : section;
    },
    labelled: (label, value) => fill(p.typography.labelled, { label, value }),
    quoted: (text) => fill(p.typography.quoted, { text }),
    number: (value) => formatNumber(value, lang),
    dateTime: (iso) => (iso === null ? '—' : formatDateTime(iso, lang)),
  };
}

/** The lever reading in words, as every export says it: the verdict, and how well each lever is evidenced. */
export interface WordedLeverReading {
  verdict: LeverReading['verdict'];
  text: string;
  levers: Record<LeverId, { strength: LeverEvidence['strength']; text: string }>;
}

/** Worded by `balance` and `leverStrength`, so a page showing it says what the exports say. */
export function wordLeverReading(l: Labels, reading: LeverReading): WordedLeverReading {
  const levers = Object.fromEntries(
    LEVER_IDS.map((id) => {
      const evidence = reading.levers[id];
      return [id, { strength: evidence.strength, text: l.leverStrength(evidence) }];
    }),
  ) as WordedLeverReading['levers'];
  return { verdict: reading.verdict, text: l.balance(reading), levers };
}

/**
 * The respondent's corrections in the order they were made: those applied, and the replies that could not
 * be read as one, quoted as written so the researcher can apply them.
 */
export function correctionLines(summary: Summary): string[] {
  return [...summary.corrections, ...summary.unreadCorrections]
    .sort((a, b) => a.seq - b.seq)
    .map((c) => c.description);
}

/** Value forms shown in a matrix: those evidenced at least once (an all-zero row says nothing). */
export function matrixValues(values: Summary['values']): ValueId[] {
  return VALUE_IDS.filter((id) => values[id].count > 0);
}

export const VALUE_GROUPS = [
  { key: 'serviceValues', ids: SERVICE_VALUES },
  { key: 'userValues', ids: USER_VALUES },
] as const;

export { LEVER_IDS };
