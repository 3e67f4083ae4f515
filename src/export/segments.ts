import type { Summary, SummaryAnswer } from '../core/summary/schema.js';
import type { Evidence } from '../core/tags.js';

export const CODE_TYPES = ['value', 'tool', 'lever', 'initiator', 'beneficiary', 'actor', 'facet'] as const;
export type CodeType = (typeof CODE_TYPES)[number];

export interface LocatedAnswer extends SummaryAnswer {
  /** Theme id, or the guide section for answers outside the themes. */
  section: string;
}

export interface CodedSegment {
  answer: LocatedAnswer;
  codeType: CodeType;
  code: string;
  evidence: Evidence;
}

/** Every answer of the summary, in the order it was given. */
export function answersInOrder(summary: Summary): LocatedAnswer[] {
  return [
    ...summary.themes.flatMap((theme) => theme.answers.map((a) => ({ ...a, section: theme.id }))),
    ...summary.otherAnswers,
  ].sort((a, b) => a.seq - b.seq);
}

function actorType(role: 'initiator' | 'beneficiary' | 'mentioned'): CodeType {
  return role === 'mentioned' ? 'actor' : role;
}

/**
 * One segment per piece of evidence and code. Evidence whose offsets do not slice the answer to its own text
 * (a tagger fault) is left out rather than exported at the wrong place.
 */
export function codedSegments(summary: Summary): CodedSegment[] {
  const segments: CodedSegment[] = [];
  for (const answer of answersInOrder(summary)) {
    const { tags } = answer;
    // Tags stored by earlier versions may quote one span twice for one code: QDA tools would count it twice.
    const coded = new Set<string>();
    const push = (codeType: CodeType, code: string, evidence: readonly Evidence[]) => {
      for (const e of evidence) {
        const key = `${codeType}:${code}:${e.start}:${e.end}`;
        if (answer.text.slice(e.start, e.end) === e.text && e.end > e.start && !coded.has(key)) {
          coded.add(key);
          segments.push({ answer, codeType, code, evidence: e });
        }
      }
    };
    for (const t of tags.values) push('value', t.id, t.evidence);
    for (const t of tags.tools) push('tool', t.id, t.evidence);
    for (const t of tags.levers) push('lever', t.id, t.evidence);
    for (const t of tags.actors) push(actorType(t.role), t.id, t.evidence);
    for (const t of tags.facets) push('facet', t.id, t.evidence);
  }
  return segments;
}

/** Number of Unicode code points in text[0, utf16Offset): REFI-QDA and CSV positions count characters. */
export function codePointOffset(text: string, utf16Offset: number): number {
  let count = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}
