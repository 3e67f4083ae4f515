import type { Migration } from './migration.js';

/** Schema versions of the embedded store, applied in order at open; never edit a released one, add a new one. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'interviews, turns, key-value state, invitations, interviewers, API tokens',
    sql: `
      CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        language TEXT NOT NULL,
        profile TEXT NOT NULL,
        guide_version TEXT NOT NULL,
        interviewer_id TEXT,
        conversation_key TEXT,
        consent_version TEXT,
        consent_at TEXT,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT
      );
      CREATE INDEX interviews_by_start ON interviews (started_at);
      CREATE INDEX interviews_by_interviewer ON interviews (interviewer_id, started_at);
      CREATE INDEX interviews_by_completion ON interviews (status, completed_at);

      CREATE TABLE turns (
        interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        section TEXT NOT NULL,
        question_id TEXT,
        text TEXT NOT NULL,
        tags TEXT,
        ref_seq INTEGER,
        data TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (interview_id, seq)
      );

      CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        etag TEXT NOT NULL
      );

      CREATE TABLE invitations (
        code TEXT PRIMARY KEY,
        interviewer_id TEXT NOT NULL,
        interviewer_address TEXT NOT NULL,
        profile TEXT NOT NULL,
        language TEXT NOT NULL,
        created_at TEXT NOT NULL,
        interview_id TEXT
      );
      CREATE INDEX invitations_by_interview ON invitations (interview_id);

      CREATE TABLE interviewers (
        id TEXT PRIMARY KEY,
        display_name TEXT,
        created_at TEXT NOT NULL
      );

      CREATE TABLE api_tokens (
        token_hash TEXT PRIMARY KEY,
        interviewer_id TEXT NOT NULL REFERENCES interviewers (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL
      );
      CREATE INDEX api_tokens_by_interviewer ON api_tokens (interviewer_id);
    `,
  },
  {
    version: 2,
    name: 'interviews found by conversation',
    sql: 'CREATE INDEX interviews_by_conversation ON interviews (conversation_key, started_at);',
  },
];
