import type { Migration } from './migration.js';

/** Schema versions of the PostgreSQL store, applied in order at open; never edit a released one, add a new one. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'interviews, turns, key-value state, invitations, interviewers, API tokens',
    sql: `
      CREATE TABLE interviews (
        id text PRIMARY KEY,
        created_order bigint GENERATED ALWAYS AS IDENTITY,
        status text NOT NULL,
        language text NOT NULL,
        profile text NOT NULL,
        guide_version text NOT NULL,
        interviewer_id text,
        conversation_key text,
        consent_version text,
        consent_at timestamptz,
        started_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        completed_at timestamptz
      );
      CREATE INDEX interviews_by_start ON interviews (started_at DESC, created_order DESC);
      CREATE INDEX interviews_by_interviewer ON interviews (interviewer_id, started_at);
      CREATE INDEX interviews_by_completion ON interviews (status, completed_at);

      CREATE TABLE turns (
        interview_id text NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        kind text NOT NULL,
        section text NOT NULL,
        question_id text,
        text text NOT NULL,
        tags text,
        ref_seq integer,
        data text,
        at timestamptz NOT NULL,
        PRIMARY KEY (interview_id, seq)
      );

      CREATE TABLE kv (
        key text PRIMARY KEY,
        value text NOT NULL,
        etag text NOT NULL
      );

      CREATE TABLE invitations (
        code text PRIMARY KEY,
        interviewer_id text NOT NULL,
        interviewer_address text NOT NULL,
        profile text NOT NULL,
        language text NOT NULL,
        created_at timestamptz NOT NULL,
        interview_id text
      );
      CREATE INDEX invitations_by_interview ON invitations (interview_id);

      CREATE TABLE interviewers (
        id text PRIMARY KEY,
        display_name text,
        created_at timestamptz NOT NULL
      );

      CREATE TABLE api_tokens (
        token_hash text PRIMARY KEY,
        interviewer_id text NOT NULL REFERENCES interviewers (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX api_tokens_by_interviewer ON api_tokens (interviewer_id);
    `,
  },
  {
    version: 2,
    name: 'interviews found by conversation',
    sql: 'CREATE INDEX interviews_by_conversation ON interviews (conversation_key, started_at DESC, created_order DESC);',
  },
];
