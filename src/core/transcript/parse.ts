import { THEME_IDS, type ThemeId } from '../domain.js';
import { foldText } from '../summary/corrections.js';
import { THEME_KEYWORDS } from './theme-keywords.js';

export type Speaker = 'interviewer' | 'respondent';

export interface Paragraph {
  speaker: Speaker;
  /** The paragraph without its speaker prefix. */
  text: string;
}

/** `Q:`, `Interviewer:` and `Intervieweur :`, any case, any spacing before the colon. */
const DEFAULT_PREFIX = /^(?:q|interviewer|intervieweur)\s*:\s*/i;

/**
 * The respondent's labels, read the same way (`R:`, `A:`, `Répondant :`, `Respondent:`, `Interviewé :`,
 * `Interviewee:`): they name the speaker and are no part of the answer that is tagged and quoted.
 */
const RESPONDENT_PREFIX = /^(?:r|a|r[ée]pondante?|respondent|interview[ée]e?)\s*:\s*/iu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits a transcript into speaker turns: paragraphs are separated by blank lines; a paragraph that
 * starts with an interviewer prefix (the defaults, or `interviewerPrefix`) is the interviewer's, the
 * others the respondent's, without a respondent label they start with (a label alone says nothing).
 */
export function parseTranscript(text: string, interviewerPrefix?: string): Paragraph[] {
  const custom = interviewerPrefix
    ? new RegExp(`^${escapeRegExp(interviewerPrefix.trim())}\\s*:?\\s*`, 'i')
    : null;
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .flatMap((p): Paragraph[] => {
      const prefix = (custom?.exec(p) ?? DEFAULT_PREFIX.exec(p))?.[0];
      if (prefix !== undefined) return [{ speaker: 'interviewer', text: p.slice(prefix.length).trim() }];
      const answer = p.slice(RESPONDENT_PREFIX.exec(p)?.[0].length ?? 0).trim();
      return answer === '' ? [] : [{ speaker: 'respondent', text: answer }];
    });
}

/** The theme a question belongs to by its wording, or null when no theme's keywords appear. */
export function themeOfQuestion(question: string): ThemeId | null {
  const folded = foldText(question);
  let best: ThemeId | null = null;
  let bestScore = 0;
  for (const theme of THEME_IDS) {
    const score = THEME_KEYWORDS[theme].filter((k) => folded.includes(k)).length;
    if (score > bestScore) {
      best = theme;
      bestScore = score;
    }
  }
  return best;
}
