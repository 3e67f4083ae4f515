import { z } from 'zod';
import { Language, Profile } from '../core/domain.js';
import { type InterviewMeta, InterviewStatus, TurnKind, type TurnRecord } from '../core/interview/record.js';
import { Tags } from '../core/tags.js';
import { AppError } from '../errors.js';
import type { ApiTokenGrant, Interviewer, Invitation, StoreItem } from './types.js';

/**
 * Database rows (SQLite and PostgreSQL share column names) parsed back into records, so a row
 * that does not match the schema is reported instead of leaking a malformed value.
 */

/** SQLite keeps ISO text; PostgreSQL timestamptz arrives as a Date. */
const timestamp = z.union([z.string(), z.date()]).transform((value) => new Date(value).toISOString());
const optionalTimestamp = timestamp.nullable();

function jsonText<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text);
      } catch {
        context.addIssue({ code: 'custom', message: 'stored JSON is unreadable' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** PostgreSQL returns integers of bigint columns and counts as strings. */
const integer = z.coerce.number().int();

const InterviewRow = z.object({
  id: z.string(),
  status: InterviewStatus,
  language: Language,
  profile: Profile,
  guide_version: z.string(),
  interviewer_id: z.string().nullable(),
  conversation_key: z.string().nullable(),
  consent_version: z.string().nullable(),
  consent_at: optionalTimestamp,
  started_at: timestamp,
  updated_at: timestamp,
  completed_at: optionalTimestamp,
});

const TurnRow = z.object({
  interview_id: z.string(),
  seq: integer.positive(),
  kind: TurnKind,
  section: z.string(),
  question_id: z.string().nullable(),
  text: z.string(),
  tags: jsonText(Tags).nullable(),
  ref_seq: integer.nullable(),
  data: jsonText(z.record(z.string(), z.unknown())).nullable(),
  at: timestamp,
});

const KvRow = z.object({ key: z.string(), value: jsonText(z.unknown()), etag: z.string() });

const InvitationRow = z.object({
  code: z.string(),
  interviewer_id: z.string(),
  interviewer_address: jsonText(z.unknown()),
  profile: Profile,
  language: Language,
  created_at: timestamp,
  interview_id: z.string().nullable(),
});

const InterviewerRow = z.object({
  id: z.string(),
  display_name: z.string().nullable(),
  created_at: timestamp,
});

const ApiTokenRow = z.object({ interviewer_id: z.string(), created_at: timestamp });

const CountRow = z.object({ count: integer });

function parseRow<T>(schema: z.ZodType<T>, table: string, row: unknown): T {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    'storage',
    `unreadable row in ${table} (${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}); the database may be damaged`,
  );
}

export function interviewFromRow(row: unknown): InterviewMeta {
  const r = parseRow(InterviewRow, 'interviews', row);
  return {
    id: r.id,
    status: r.status,
    language: r.language,
    profile: r.profile,
    guideVersion: r.guide_version,
    interviewerId: r.interviewer_id,
    conversationKey: r.conversation_key,
    consentVersion: r.consent_version,
    consentAt: r.consent_at,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    completedAt: r.completed_at,
  };
}

export function turnFromRow(row: unknown): TurnRecord {
  const r = parseRow(TurnRow, 'turns', row);
  return {
    interviewId: r.interview_id,
    seq: r.seq,
    kind: r.kind,
    section: r.section,
    questionId: r.question_id,
    text: r.text,
    tags: r.tags,
    refSeq: r.ref_seq,
    data: r.data,
    at: r.at,
  };
}

export function kvFromRow(row: unknown): [string, StoreItem] {
  const r = parseRow(KvRow, 'kv', row);
  return [r.key, { value: r.value, eTag: r.etag }];
}

const KvTextRow = z.object({ key: z.string(), value: z.string(), etag: z.string() });

/** A state row with its JSON left as text, for caches that hand out a fresh parse on every read. */
export function kvTextFromRow(row: unknown): { key: string; json: string; eTag: string } {
  const r = parseRow(KvTextRow, 'kv', row);
  return { key: r.key, json: r.value, eTag: r.etag };
}

/** The value of stored state JSON, reported as damage when unreadable. */
export function kvValueFromJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new AppError(
      'storage',
      'unreadable row in kv (value: stored JSON is unreadable); the database may be damaged',
    );
  }
}

export function invitationFromRow(row: unknown): Invitation {
  const r = parseRow(InvitationRow, 'invitations', row);
  return {
    code: r.code,
    interviewerId: r.interviewer_id,
    interviewerAddress: r.interviewer_address,
    profile: r.profile,
    language: r.language,
    createdAt: r.created_at,
    interviewId: r.interview_id,
  };
}

export function interviewerFromRow(row: unknown): Interviewer {
  const r = parseRow(InterviewerRow, 'interviewers', row);
  return { id: r.id, displayName: r.display_name, createdAt: r.created_at };
}

export function apiTokenFromRow(row: unknown): ApiTokenGrant {
  const r = parseRow(ApiTokenRow, 'api_tokens', row);
  return { interviewerId: r.interviewer_id, issuedAt: r.created_at };
}

const GenerationRow = z.object({ interview_generation: z.coerce.string() });
const VersionRow = z.object({ version: integer });
const IdRow = z.object({ id: z.string() });

/** The interview row identity joined to turn rows (see the PostgreSQL store's incremental turn read). */
export function generationFromRow(row: unknown): string {
  return parseRow(GenerationRow, 'interviews', row).interview_generation;
}

export function versionFromRow(row: unknown): number {
  return parseRow(VersionRow, 'schema_migrations', row).version;
}

export function idFromRow(row: unknown): string {
  return parseRow(IdRow, 'id', row).id;
}

export function countFromRow(row: unknown): number {
  return parseRow(CountRow, 'count', row).count;
}

/** Column values of an interview header, in the order of `INTERVIEW_COLUMNS`. */
export const INTERVIEW_COLUMNS = [
  'id',
  'status',
  'language',
  'profile',
  'guide_version',
  'interviewer_id',
  'conversation_key',
  'consent_version',
  'consent_at',
  'started_at',
  'updated_at',
  'completed_at',
] as const;

export function interviewValues(meta: InterviewMeta): (string | null)[] {
  return [
    meta.id,
    meta.status,
    meta.language,
    meta.profile,
    meta.guideVersion,
    meta.interviewerId,
    meta.conversationKey,
    meta.consentVersion,
    meta.consentAt,
    meta.startedAt,
    meta.updatedAt,
    meta.completedAt,
  ];
}
