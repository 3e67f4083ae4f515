import { AppError } from '../../errors.js';
import { THEME_IDS, type ThemeId } from '../domain.js';
import { THEME_CUES } from './theme-keywords.js';

export type Speaker = 'interviewer' | 'respondent';

export interface Paragraph {
  speaker: Speaker;
  /**
   * The turn without its speaker label or time stamp: exactly a slice of the transcript (trimmed), so the
   * offsets of the tags found in it are offsets into what the respondent said.
   */
  text: string;
}

/** Spacing within a line (a no-break space before a French colon included). */
const SPACE = String.raw`[^\S\r\n]`;
/** A time stamp: `00:05`, `1:02:03`, `00:00:05.120`. */
const TIME = String.raw`\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?`;
/** A time stamp in brackets or parentheses: `[00:00:05]`, `(00:05)`, read as one wherever a line starts with it. */
const BRACKETED_STAMP = String.raw`(?:\[${SPACE}*${TIME}${SPACE}*\]|\(${SPACE}*${TIME}${SPACE}*\))`;
/** Any time stamp before a label, bare ones (`00:12:03 Q:`) included, and what may follow it (` - `). */
const STAMP_BEFORE = `(?:(?:${BRACKETED_STAMP}|${TIME})${SPACE}*(?:[-–—|]${SPACE}*)?)?`;
/** A time stamp between the label and its colon: `Intervieweur (00:05) :`. */
const STAMP_AFTER = `(?:${SPACE}*${BRACKETED_STAMP})?`;
/** A line that starts a turn without a label: a bracketed stamp, or a bare one with hours (`00:12:03`). */
const UNLABELLED_STAMP = new RegExp(
  String.raw`^${SPACE}*(?:${BRACKETED_STAMP}|\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?(?=\s|$))${SPACE}*(?:[-–—|]${SPACE}*)?`,
  'u',
);

/** A speaker label at the start of a line: time stamp, label, number (`Q1`, `Question 3`), colon. */
function labelPattern(label: string, colon = `${SPACE}*:`): RegExp {
  return new RegExp(
    String.raw`^${SPACE}*${STAMP_BEFORE}(?:${label})(?:${SPACE}*\d{1,3})?${STAMP_AFTER}${colon}${SPACE}*`,
    'iu',
  );
}

/**
 * The interviewer's labels, any case, any spacing before the colon: `Q:`, `Q1:`, `Question 3 :`,
 * `Interviewer:`, `Intervieweur :`, `Intervieweuse :`, `Enquêteur :`, `Enquêtrice :`.
 */
const INTERVIEWER_LABEL = labelPattern('q|question|interviewer|intervieweu(?:r|se)|enqu[êe]t(?:eur|rice)');

/**
 * The respondent's labels, read the same way (`R:`, `R1:`, `A:`, `Réponse :`, `Answer:`, `Répondant :`,
 * `Respondent:`, `Interviewé :`, `Interviewee:`, `Enquêté :`, `Enquêtée :`): they name the speaker and
 * are no part of the answer that is tagged and quoted.
 */
const RESPONDENT_LABEL = labelPattern(
  'r|a|r[ée]ponse|answer|r[ée]pondante?|respondent|interview[ée]e?|enqu[êe]t[ée]e?',
);

/** A person's name as a speaker label: one to four capitalised words ("Marie Le Goff", "M. Durand") before a colon. */
const NAME_LABEL = new RegExp(
  String.raw`^${SPACE}*${STAMP_BEFORE}(\p{Lu}[\p{L}'’.-]*(?:${SPACE}\p{Lu}[\p{L}'’.-]*){0,3})${SPACE}*:${SPACE}+\S`,
  'u',
);

/**
 * The names that open two lines or more as speaker labels ("Marie Le Goff : …"): a transcript's own way of
 * naming the respondent, read as a respondent's label, so the name is no part of the answer. One line opening
 * so is taken as written ("Exemple : …").
 */
function namedLabels(lines: readonly string[]): RegExp | null {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const name = NAME_LABEL.exec(line)?.[1];
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts].filter(([, count]) => count >= 2).map(([name]) => escapeRegExp(name));
  return names.length === 0 ? null : labelPattern(names.join('|').replace(/ /g, `${SPACE}`));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The label `--interviewer-prefix` gives, any case. A prefix that ends in a letter or a digit (`I`, `Enq`)
 * is a label only followed by a colon (spaces before it allowed: `I:`, `Enq :`), so `I` never takes
 * "In our shop…" nor `Q` "Quand…"; one that ends in punctuation (`ENQ.`, `>>`) marks the turn by itself,
 * a colon after it optional. A colon given with the prefix (`I:`) is the colon the label ends with.
 */
export function interviewerLabel(prefix: string): RegExp {
  const label = prefix.trim().replace(new RegExp(`${SPACE}*:$`, 'u'), '');
  if (label === '')
    throw new AppError(
      'bad_usage',
      `--interviewer-prefix takes the label the interviewer's turns start with, e.g. --interviewer-prefix I (for "I: …"), got '${prefix}'`,
    );
  const pattern = escapeRegExp(label).replace(/\s+/g, `${SPACE}+`);
  return /[\p{L}\p{N}]$/u.test(label) ? labelPattern(pattern) : labelPattern(pattern, `(?:${SPACE}*:)?`);
}

interface OpenTurn {
  speaker: Speaker;
  start: number;
  end: number;
}

/**
 * Splits a transcript into speaker turns. A turn ends at a blank line (or a line holding only a time
 * stamp), and a new one starts at every line that starts with a speaker label (an interviewer's: the
 * defaults or `interviewerPrefix`; or a respondent's), so a question and its answer on consecutive lines
 * are two turns. A turn without a label is the respondent's, a line starting with a time stamp starts one.
 * A name that opens two lines or more as a label is a respondent's label (`namedLabels`).
 * Labels and the time stamps before them are left out of the text; a respondent's label alone says
 * nothing and gives no turn. A leading byte order mark is dropped.
 */
export function parseTranscript(text: string, interviewerPrefix?: string): Paragraph[] {
  const custom = interviewerPrefix === undefined ? null : interviewerLabel(interviewerPrefix);
  const source = text.replace(/^\uFEFF/, '');
  const paragraphs: Paragraph[] = [];
  let open: OpenTurn | null = null;
  const close = () => {
    if (!open) return;
    const turn = source.slice(open.start, open.end).trim();
    if (open.speaker === 'interviewer' || turn !== '') paragraphs.push({ speaker: open.speaker, text: turn });
    open = null;
  };
  const lines = source.split('\n');
  const named = namedLabels(lines);
  let lineStart = 0;
  for (const line of lines) {
    const lineEnd = lineStart + line.length;
    const content = line.replace(/\r$/, '');
    const asked = custom?.exec(content) ?? INTERVIEWER_LABEL.exec(content);
    const answered = asked ? null : (RESPONDENT_LABEL.exec(content) ?? named?.exec(content) ?? null);
    const stamp = asked || answered ? null : UNLABELLED_STAMP.exec(content);
    const label = asked ?? answered ?? stamp;
    if (content.trim() === '' || (stamp && stamp[0].length === content.length)) close();
    else if (label) {
      close();
      open = {
        speaker: asked ? 'interviewer' : 'respondent',
        start: lineStart + label[0].length,
        end: lineEnd,
      };
    } else if (open) open.end = lineEnd;
    else open = { speaker: 'respondent', start: lineStart, end: lineEnd };
    lineStart = lineEnd + 1;
  }
  close();
  return paragraphs;
}

/** Lower case, no accents, one kind of apostrophe, single spaces: how questions are compared with cues. */
function foldQuestion(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ');
}

/** Each theme's cues, compiled once: whole words (no letter or digit on either side). */
const COMPILED_CUES = THEME_IDS.map((theme) => ({
  theme,
  cues: THEME_CUES[theme].map((cue) => ({
    weight: cue.weight,
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${cue.pattern.replaceAll('*', '\\p{L}*').replaceAll(' ', '\\s+')})(?![\\p{L}\\p{N}])`,
      'u',
    ),
  })),
}));

/**
 * The theme a question belongs to by its wording: the theme whose cues (`THEME_CUES`, whole words, each
 * counted once, weighted) weigh most. Null when no cue appears, or when two themes weigh the same: the
 * question then keeps the theme in force.
 */
export function themeOfQuestion(question: string): ThemeId | null {
  const folded = foldQuestion(question);
  let best: ThemeId | null = null;
  let bestScore = 0;
  let tied = false;
  for (const { theme, cues } of COMPILED_CUES) {
    const score = cues.reduce((sum, cue) => sum + (cue.pattern.test(folded) ? cue.weight : 0), 0);
    if (score > bestScore) {
      best = theme;
      bestScore = score;
      tied = false;
    } else if (score === bestScore && score > 0) tied = true;
  }
  return tied ? null : best;
}
