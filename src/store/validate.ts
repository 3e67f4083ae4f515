import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Language, Profile } from '../core/domain.js';
import {
  type InterviewMeta,
  InterviewPatch,
  NewInterview,
  NewTurn,
  type TurnRecord,
} from '../core/interview/record.js';
import { AppError } from '../errors.js';
import type { Invitation, NewInterviewer } from './types.js';

/** Every backend checks its input the same way, so a bad value fails identically everywhere. */

function invalid(what: string, error: z.ZodError): AppError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return new AppError('bad_input', `invalid ${what}${where}: ${issue?.message ?? 'invalid value'}`);
}

/** PostgreSQL text cannot hold NUL; refusing it everywhere keeps the backends interchangeable. */
function rejectNul(what: string, record: object): void {
  for (const [field, value] of Object.entries(record)) {
    if (typeof value === 'string' && value.includes('\u0000')) {
      throw new AppError('bad_input', `invalid ${what} (${field}): NUL characters are not allowed`);
    }
  }
}

function parseWith<T>(schema: z.ZodType<T>, what: string, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(what, parsed.error);
  if (typeof parsed.data === 'object' && parsed.data !== null) rejectNul(what, parsed.data);
  return parsed.data;
}

/** Timestamps are stored in one canonical form (`toISOString`) so they sort and compare as text. */
export function canonicalTimestamp(what: string, value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new AppError('bad_input', `invalid ${what}: not a timestamp (${value})`);
  return new Date(time).toISOString();
}

export function parseNewInterview(input: NewInterview): Required<NewInterview> {
  const parsed = parseWith(NewInterview, 'interview', input);
  return { ...parsed, id: parsed.id ?? randomUUID() };
}

export function parsePatch(input: InterviewPatch | undefined): InterviewPatch {
  const parsed = parseWith(InterviewPatch, 'interview change', input ?? {});
  if (parsed.consentAt) parsed.consentAt = canonicalTimestamp('consentAt', parsed.consentAt);
  if (parsed.completedAt) parsed.completedAt = canonicalTimestamp('completedAt', parsed.completedAt);
  return parsed;
}

const NewTurns = z.array(NewTurn);

export function parseTurns(input: readonly NewTurn[]): NewTurn[] {
  return parseWith(NewTurns, 'turns', input).map((turn, index) => {
    rejectNul(`turn ${index + 1}`, turn);
    return turn;
  });
}

const NewInvitation = z.object({
  code: z.string().min(1).max(64),
  interviewerId: z.string().min(1),
  interviewerAddress: z.unknown(),
  profile: Profile,
  language: Language,
});
export type NewInvitation = Omit<Invitation, 'createdAt' | 'interviewId'>;

export function parseNewInvitation(input: NewInvitation): NewInvitation {
  return parseWith(NewInvitation, 'invitation', input);
}

const NewInterviewerSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().nullable().optional(),
});

export function parseNewInterviewer(input: NewInterviewer): NewInterviewer {
  return parseWith(NewInterviewerSchema, 'interviewer', input);
}

/** JSON text of a stored value; `undefined` (not JSON) becomes null. */
export function encodeJson(what: string, value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch (cause) {
    throw new AppError('bad_input', `invalid ${what}: not serialisable as JSON`, { cause });
  }
}

/**
 * The text to look for in stored JSON to find values that name an id: ids appear inside JSON
 * strings, where quotes and backslashes are escaped.
 */
export function jsonMention(id: string): string {
  return JSON.stringify(id).slice(1, -1);
}

/** The header after a change: `completed` without a date is stamped now so retention can purge it. */
export function applyPatch(meta: InterviewMeta, patch: InterviewPatch, now: string): InterviewMeta {
  const next: InterviewMeta = { ...meta, ...patch, updatedAt: now };
  if (patch.status === 'completed' && patch.completedAt === undefined && meta.completedAt === null) {
    next.completedAt = now;
  }
  return next;
}

export function newInterviewMeta(input: Required<NewInterview>, now: string): InterviewMeta {
  return {
    id: input.id,
    status: 'in_progress',
    language: input.language,
    profile: input.profile,
    guideVersion: input.guideVersion,
    interviewerId: input.interviewerId,
    conversationKey: input.conversationKey,
    consentVersion: null,
    consentAt: null,
    startedAt: now,
    updatedAt: now,
    completedAt: null,
  };
}

export function turnRecords(
  interviewId: string,
  firstSeq: number,
  turns: readonly NewTurn[],
  at: string,
): TurnRecord[] {
  return turns.map((turn, index) => ({ ...turn, interviewId, seq: firstSeq + index, at }));
}
