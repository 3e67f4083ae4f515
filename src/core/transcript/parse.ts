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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits a transcript into speaker turns: paragraphs are separated by blank lines; a paragraph that
 * starts with an interviewer prefix (the defaults, or `interviewerPrefix`) is the interviewer's.
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
    .map((p) => {
      const prefix = (custom?.exec(p) ?? DEFAULT_PREFIX.exec(p))?.[0];
      return prefix === undefined
        ? { speaker: 'respondent', text: p }
        : { speaker: 'interviewer', text: p.slice(prefix.length).trim() };
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
