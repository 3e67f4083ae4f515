import { AppError } from '../../errors.js';
import type { Language, Profile, ThemeId } from '../domain.js';
import { loadGuides } from '../guide/index.js';
import { parseProfileChoice } from '../interview/choices.js';
import type { InterviewMeta, TurnRecord } from '../interview/record.js';
import { createPseudonymizer } from '../privacy/tagged-text.js';
import { buildSummary } from '../summary/build.js';
import type { Summary } from '../summary/schema.js';
import type { Tagger } from '../tagger/types.js';
import { parseTranscript, themeOfQuestion } from './parse.js';

export interface AnalyzeOptions {
  /** Interview id in the summary (the CLI uses the file name). */
  id: string;
  tagger: Tagger;
  interviewerPrefix?: string;
  /** Absent: read from the presentation answers (`readProfile`). */
  profile?: Profile;
  /** Timestamp recorded as start and end of the analysed interview. */
  at: string;
}

/**
 * Turns a transcript into the turn log of a completed interview, tagging each respondent paragraph as
 * one answer to the interviewer's question before it. Themes: each question's wording (FR/EN keywords)
 * picks its theme; a question with no keyword, and any answer before the first question, keeps the
 * theme in force, which starts at `presentation`, so an unmarked transcript follows the guide's order.
 */
export function transcriptToInterview(
  text: string,
  options: AnalyzeOptions,
): { meta: InterviewMeta; turns: TurnRecord[] } {
  const paragraphs = parseTranscript(text, options.interviewerPrefix);
  const answers = paragraphs.filter((p) => p.speaker === 'respondent');
  if (answers.length === 0) {
    throw new AppError(
      'bad_input',
      `${options.id}: no respondent paragraph found (turns are separated by blank lines or start with a speaker label such as "R:")`,
    );
  }
  const language: Language = options.tagger.tag(answers.map((p) => p.text).join('\n\n')).lang;
  const turns: TurnRecord[] = [];
  let theme: ThemeId = 'presentation';
  let questionId: string | null = null;
  for (const paragraph of paragraphs) {
    const seq = turns.length + 1;
    const base = { interviewId: options.id, seq, at: options.at, refSeq: null, data: null };
    if (paragraph.speaker === 'interviewer') {
      theme = themeOfQuestion(paragraph.text) ?? theme;
      questionId = `q${seq}`;
      turns.push({ ...base, kind: 'question', section: theme, questionId, text: paragraph.text, tags: null });
    } else {
      const tags = options.tagger.tag(paragraph.text, { lang: language });
      turns.push({ ...base, kind: 'answer', section: theme, questionId, text: paragraph.text, tags });
    }
  }
  const meta: InterviewMeta = {
    id: options.id,
    status: 'completed',
    language,
    profile: options.profile ?? readProfile(turns),
    guideVersion: 'transcript',
    interviewerId: null,
    conversationKey: null,
    consentVersion: null,
    consentAt: null,
    startedAt: options.at,
    updatedAt: options.at,
    completedAt: options.at,
  };
  return { meta, turns };
}

/**
 * The respondent's profile as the interview reads one given in a sentence (the guides' profile words, "I'm a
 * business adviser", "je dirige une menuiserie"), clause by clause in the presentation answers, so a manager's
 * clients ("nous travaillons pour des collectivités") are not read as theirs: expert when the clauses that
 * name a profile all name that one, else manager, the guide's first profile.
 */
function readProfile(turns: readonly TurnRecord[]): Profile {
  const guides = Object.values(loadGuides());
  const named = new Set<Profile>();
  for (const turn of turns) {
    if (turn.kind !== 'answer' || turn.section !== 'presentation') continue;
    for (const clause of turn.text.split(/[,;.!?\n]+/u)) {
      const profile = parseProfileChoice(guides, clause);
      if (profile) named.add(profile);
    }
  }
  return named.size === 1 && named.has('expert') ? 'expert' : 'manager';
}

/**
 * An interview's id (the CLI gives the file name) as its exports may show it: the names the summary's
 * pseudonymiser finds in the presentation answers (with e-mail addresses, phone numbers and URLs) are
 * replaced by the same pseudonyms as in the text, so "Entretien Jean Dupont - Kerguelen" reads
 * "Entretien [PERSONNE-…] - [ENTREPRISE-…]" wherever the id appears. `key`: the pseudonym key the summary
 * is built with.
 */
export function pseudonymousId(
  id: string,
  interview: { meta: InterviewMeta; turns: readonly TurnRecord[] },
  key: string,
): string {
  // The texts `buildSummary` reads names in: the presentation's answers and amendments.
  const presentation = interview.turns
    .filter((t) => t.section === 'presentation' && (t.kind === 'answer' || t.kind === 'amend'))
    .map((t) => t.text);
  return createPseudonymizer(key, presentation, interview.meta.language).text(id);
}

/** The interview under another id (the pseudonymous one), its turns with it. */
export function withInterviewId(
  interview: { meta: InterviewMeta; turns: readonly TurnRecord[] },
  id: string,
): { meta: InterviewMeta; turns: TurnRecord[] } {
  return {
    meta: { ...interview.meta, id },
    turns: interview.turns.map((turn) => ({ ...turn, interviewId: id })),
  };
}

export function analyzeTranscript(text: string, options: AnalyzeOptions): Summary {
  const { meta, turns } = transcriptToInterview(text, options);
  return buildSummary(meta, turns);
}
