import { type ActorId, type Language, LEVER_IDS, type LeverId, VALUE_IDS, type ValueId } from '../domain.js';
import { summaryPrompts, toolLabel } from './labels.js';
import type { LeverBalance, LeverReading, Summary } from './schema.js';

export interface StudyInterview {
  /** Short reference used in the tools table ("I1", "I2", …), in the order given. */
  ref: string;
  id: string;
  language: Language;
  profile: Summary['interview']['profile'];
  completedAt: string | null;
  levers: Summary['levers'];
  leverBalance: LeverBalance;
  leverReading: LeverReading;
}

export interface StudyTool {
  id: string;
  label: string;
  /** The lever most of the interviews gave this tool; null when none did. */
  lever: LeverId | null;
  interviews: string[];
  values: ValueId[];
  initiators: ActorId[];
  beneficiaries: ActorId[];
  quotes: { interview: string; text: string }[];
}

export interface Study {
  interviews: StudyInterview[];
  tools: StudyTool[];
  values: Summary['values'];
  valueMatrix: Summary['valueMatrix'];
  levers: Summary['levers'];
  /** The per-interview summaries, for the coded exports (CSV, REFI-QDA). */
  summaries: Summary[];
}

/**
 * The language a study is written in unless one is asked for: the one most of its interviews were held in,
 * on a tie the oldest interview's (I1, the first the researcher did); French when there is none.
 */
export function studyLanguage(interviews: readonly { language: Language }[]): Language {
  const french = interviews.filter((interview) => interview.language === 'fr').length;
  const english = interviews.length - french;
  if (french !== english) return french > english ? 'fr' : 'en';
  return interviews[0]?.language ?? 'fr';
}

/** Puts several interviews' summaries together: the study's tools table, value counts and matrix. */
export function buildStudy(summaries: readonly Summary[], lang: Language): Study {
  const prompts = summaryPrompts(lang);
  const interviews: StudyInterview[] = summaries.map((s, index) => ({
    ref: `I${index + 1}`,
    id: s.interview.id,
    language: s.interview.language,
    profile: s.interview.profile,
    completedAt: s.interview.completedAt,
    levers: s.levers,
    leverBalance: s.leverBalance,
    leverReading: s.leverReading,
  }));
  const values = Object.fromEntries(
    VALUE_IDS.map((id) => [id, { count: summaries.reduce((n, s) => n + s.values[id].count, 0) }]),
  ) as Summary['values'];
  const valueMatrix = Object.fromEntries(
    VALUE_IDS.map((a) => [
      a,
      Object.fromEntries(VALUE_IDS.map((b) => [b, summaries.reduce((n, s) => n + s.valueMatrix[a][b], 0)])),
    ]),
  ) as Summary['valueMatrix'];
  const levers = Object.fromEntries(
    LEVER_IDS.map((id) => [id, { count: summaries.reduce((n, s) => n + s.levers[id].count, 0) }]),
  ) as Summary['levers'];

  const tools = new Map<string, StudyTool & { leverVotes: Map<LeverId, number> }>();
  summaries.forEach((summary, index) => {
    const ref = interviews[index]?.ref ?? '';
    for (const tool of summary.tools) {
      const row = tools.get(tool.id) ?? {
        id: tool.id,
        label: toolLabel(prompts, tool.id),
        lever: null,
        interviews: [],
        values: [],
        initiators: [],
        beneficiaries: [],
        quotes: [],
        leverVotes: new Map<LeverId, number>(),
      };
      tools.set(tool.id, row);
      if (!row.interviews.includes(ref)) row.interviews.push(ref);
      if (tool.lever) row.leverVotes.set(tool.lever, (row.leverVotes.get(tool.lever) ?? 0) + 1);
      for (const v of tool.values) if (!row.values.includes(v)) row.values.push(v);
      for (const a of tool.initiators) if (!row.initiators.includes(a)) row.initiators.push(a);
      for (const a of tool.beneficiaries) if (!row.beneficiaries.includes(a)) row.beneficiaries.push(a);
      for (const text of tool.quotes) row.quotes.push({ interview: ref, text });
    }
  });
  const studyTools = [...tools.values()].map(({ leverVotes, ...row }) => ({
    ...row,
    lever: [...leverVotes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
    values: VALUE_IDS.filter((v) => row.values.includes(v)),
  }));
  studyTools.sort((a, b) => b.interviews.length - a.interviews.length || a.label.localeCompare(b.label));
  return { interviews, tools: studyTools, values, valueMatrix, levers, summaries: [...summaries] };
}
