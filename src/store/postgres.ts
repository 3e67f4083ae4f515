import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import type {
  InterviewMeta,
  InterviewPatch,
  NewInterview,
  NewTurn,
  TurnRecord,
} from '../core/interview/record.js';
import { AppError, ConflictError } from '../errors.js';
import { storageFailure } from './failure.js';
import { eTagConflict } from './kv-errors.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import {
  apiTokenFromRow,
  countFromRow,
  generationFromRow,
  INTERVIEW_COLUMNS,
  idFromRow,
  interviewerFromRow,
  interviewFromRow,
  interviewValues,
  invitationFromRow,
  kvFromRow,
  turnFromRow,
  versionFromRow,
} from './rows.js';
import { hashApiToken, newApiToken } from './tokens.js';
import { storedTurn, TurnCache } from './turn-cache.js';
import { currentTurnScope, EMPTY_STATE_JSON, type TurnScope } from './turn-scope.js';
import type {
  ApiTokenGrant,
  Interviewer,
  InterviewStore,
  Invitation,
  KeyValueChange,
  KeyValueStore,
  ListFilter,
  NewInterviewer,
  StoreItem,
  StoreOptions,
} from './types.js';
import {
  applyPatch,
  encodeJson,
  jsonMention,
  type NewInvitation,
  newInterviewMeta,
  parseNewInterview,
  parseNewInterviewer,
  parseNewInvitation,
  parsePatch,
  parseTurns,
  turnRecords,
} from './validate.js';

export interface PostgresStoreOptions extends StoreOptions {
  connectionString: string;
  /** Keeps the tables in this schema (created if missing) instead of the role's default search path. */
  schema?: string;
  /** Largest number of pooled connections. */
  maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const CONNECT_TIMEOUT_MS = 10_000;
const UNIQUE_VIOLATION = '23505';

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * A query of the turn path, parsed and planned once per connection (a named prepared statement)
 * instead of on every call.
 */
function prepared(name: string, text: string): (values: unknown[]) => pg.QueryConfig {
  return (values) => ({ name, text, values });
}

const READ_STATE = prepared('sme_read_state', 'SELECT key, value, etag FROM kv WHERE key = ANY($1::text[])');
const UPDATE_STATE = prepared(
  'sme_update_state',
  'UPDATE kv SET value = $2, etag = $3 WHERE key = $1 AND etag = $4',
);
const UPSERT_STATE = prepared(
  'sme_upsert_state',
  `INSERT INTO kv (key, value, etag) VALUES ($1, $2, $3)
   ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag`,
);
const INSERT_NEW_STATE = prepared(
  'sme_insert_new_state',
  'INSERT INTO kv (key, value, etag) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING',
);
const LOCK_STATE = prepared('sme_lock_state', 'SELECT etag FROM kv WHERE key = $1 FOR UPDATE');
const RETAG_STATE = prepared('sme_retag_state', 'UPDATE kv SET etag = $2 WHERE key = $1');
const LOCK_STATE_VALUE = prepared(
  'sme_lock_state_value',
  'SELECT value, etag FROM kv WHERE key = $1 FOR UPDATE',
);
const CLAIM_STATE = prepared('sme_claim_state', 'UPDATE kv SET value = $2, etag = $3 WHERE key = $1');
const READ_INTERVIEW = prepared('sme_read_interview', 'SELECT * FROM interviews WHERE id = $1');
const LOCK_INTERVIEW = prepared('sme_lock_interview', 'SELECT * FROM interviews WHERE id = $1 FOR UPDATE');
const LAST_SEQ = prepared(
  'sme_last_seq',
  'SELECT COALESCE(MAX(seq), 0) AS count FROM turns WHERE interview_id = $1',
);
const INSERT_TURNS = prepared(
  'sme_insert_turns',
  `INSERT INTO turns (interview_id, seq, kind, section, question_id, text, tags, ref_seq, data, at)
   SELECT $1, * , $9::timestamptz FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $10::text[])
     AS t(seq, kind, section, question_id, text, tags, ref_seq, data)`,
);
/**
 * The turns after `$2` with the interview row's identity (an interview erased and created again under
 * the same id gets a new one): no row means no interview (erased, perhaps by another server), one row
 * without seq means no new turn.
 */
const TURNS_AFTER = prepared(
  'sme_turns_after',
  `SELECT i.created_order AS interview_generation, t.*
   FROM interviews i LEFT JOIN turns t ON t.interview_id = i.id AND t.seq > $2
   WHERE i.id = $1 ORDER BY t.seq`,
);

function isUniqueViolation(error: unknown): boolean {
  const cause = error instanceof AppError ? error.cause : error;
  return cause instanceof Error && 'code' in cause && cause.code === UNIQUE_VIOLATION;
}

/** Runs `work` in one transaction on one pooled connection; any failure rolls everything back. */
async function inTransaction<T>(
  pool: pg.Pool,
  operation: string,
  work: (client: Queryable) => Promise<T>,
): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw storageFailure(operation, error);
  }
  let broken: Error | undefined;
  // A checked-out connection the server drops (a restart, a failover, a terminated backend) emits 'error' as well
  // as failing its query: unheard, that event would end the process. The failed query is what the caller sees.
  const dropped = (error: Error): void => {
    broken = error;
  };
  client.on('error', dropped);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // A connection that cannot roll back is discarded rather than returned to the pool.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw storageFailure(operation, error);
  } finally {
    client.off('error', dropped);
    client.release(broken);
  }
}

class PostgresKeyValueStore implements KeyValueStore {
  constructor(private readonly pool: pg.Pool) {}

  async read(keys: readonly string[]): Promise<Record<string, StoreItem>> {
    if (keys.length === 0) return {};
    try {
      const result = await this.pool.query(READ_STATE([[...keys]]));
      const items: Record<string, StoreItem> = Object.fromEntries(result.rows.map(kvFromRow));
      currentTurnScope()?.sawState(items, keys);
      return items;
    } catch (error) {
      throw storageFailure('reading state', error);
    }
  }

  /**
   * A conditional write is one `UPDATE ... WHERE etag = $old`: PostgreSQL re-checks the condition
   * after waiting for a concurrent writer of the row, so two servers can never both win.
   */
  async write(changes: readonly KeyValueChange[]): Promise<void> {
    const encoded = changes.map((change) => ({
      ...change,
      json: encodeJson(`value of "${change.key}"`, change.value),
    }));
    if (encoded.length === 0) return;
    const scope = currentTurnScope();
    const stateETag = await inTransaction(this.pool, 'writing state', async (client) => {
      let written: string | undefined;
      for (const change of encoded) {
        if (scope && change.key === scope.stateKey && !change.ifAbsent) {
          // The turn's own conversation state: a compare-and-set on the eTag the turn works from.
          const current = await stateETagOf(client, scope.stateKey);
          if (scope.stateWrite(current) === 'skip') continue;
          const eTag = randomUUID();
          // No row to lock yet: of two turns creating it at once, the second finds it there.
          const done =
            current === null
              ? await client.query(INSERT_NEW_STATE([change.key, change.json, eTag]))
              : await client.query(UPDATE_STATE([change.key, change.json, eTag, current]));
          if (done.rowCount === 0 && scope.stateTakenOn() === 'skip') continue;
          written = eTag;
        } else if (change.ifAbsent) {
          const inserted = await client.query(INSERT_NEW_STATE([change.key, change.json, randomUUID()]));
          if (inserted.rowCount === 0) throw eTagConflict(change.key);
        } else if (change.eTag !== undefined && change.eTag !== '*') {
          const updated = await client.query(
            UPDATE_STATE([change.key, change.json, randomUUID(), change.eTag]),
          );
          if (updated.rowCount === 0) throw eTagConflict(change.key);
        } else {
          await client.query(UPSERT_STATE([change.key, change.json, randomUUID()]));
        }
      }
      return written;
    });
    if (scope && stateETag !== undefined) scope.expected = stateETag;
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.pool.query('DELETE FROM kv WHERE key = ANY($1::text[])', [[...keys]]);
    } catch (error) {
      throw storageFailure('deleting state', error);
    }
    const scope = currentTurnScope();
    if (scope && keys.includes(scope.stateKey)) scope.expected = null;
  }
}

/** A state row as its take-on reads it. */
const StateRow = z.object({ value: z.string(), etag: z.string() });

/** The eTag of a state row, locked until the transaction ends; null when there is none. */
async function stateETagOf(client: Queryable, key: string): Promise<string | null> {
  const found = await client.query(LOCK_STATE([key]));
  const eTag: unknown = found.rows[0]?.etag;
  return typeof eTag === 'string' ? eTag : null;
}

/**
 * Inside a turn scope, before a write of records: the conversation state must be the one the turn read
 * (and an appended log end where the turn read it), else `StaleTurnError` and the transaction commits
 * nothing; the state then gets a new eTag, so a turn that read it before cannot commit after this one.
 * Returns that eTag (undefined outside a scope, or when the turn never read the state).
 */
async function takeOnState(
  client: Queryable,
  scope: TurnScope | undefined,
  append?: { interviewId: string; lastSeq: number },
): Promise<string | undefined> {
  if (!scope) return undefined;
  if (scope.expected === undefined) {
    scope.checkCurrent(null, append);
    return undefined;
  }
  if (scope.claim) return takeOnClaimingState(client, scope, append);
  const current = await stateETagOf(client, scope.stateKey);
  scope.checkCurrent(current, append);
  const eTag = randomUUID();
  if (current === null) {
    const inserted = await client.query(INSERT_NEW_STATE([scope.stateKey, EMPTY_STATE_JSON, eTag]));
    if (inserted.rowCount === 0) throw scope.refuse();
  } else {
    await client.query(RETAG_STATE([scope.stateKey, eTag]));
  }
  return eTag;
}

/** `takeOnState` for a turn with a claim to write into the state (`TurnScope.claim`): its value is read too. */
async function takeOnClaimingState(
  client: Queryable,
  scope: TurnScope,
  append?: { interviewId: string; lastSeq: number },
): Promise<string> {
  const found = await client.query(LOCK_STATE_VALUE([scope.stateKey]));
  const row = StateRow.safeParse(found.rows[0]);
  const current = row.success ? row.data : null;
  scope.checkCurrent(current?.etag ?? null, append);
  const eTag = randomUUID();
  const json = scope.takenOnJson(current?.value ?? EMPTY_STATE_JSON);
  if (current === null) {
    const inserted = await client.query(INSERT_NEW_STATE([scope.stateKey, json, eTag]));
    if (inserted.rowCount === 0) throw scope.refuse();
  } else {
    await client.query(CLAIM_STATE([scope.stateKey, json, eTag]));
  }
  return eTag;
}

const SET_INTERVIEW = INTERVIEW_COLUMNS.slice(1)
  .map((column, index) => `${column} = $${index + 2}`)
  .join(', ');
const SAVE_INTERVIEW = prepared('sme_save_interview', `UPDATE interviews SET ${SET_INTERVIEW} WHERE id = $1`);

async function lockInterview(client: Queryable, id: string): Promise<InterviewMeta> {
  const result = await client.query(LOCK_INTERVIEW([id]));
  const row = result.rows[0];
  if (row === undefined) throw new AppError('not_found', `no interview with id ${id}`);
  return interviewFromRow(row);
}

async function saveInterview(client: Queryable, meta: InterviewMeta): Promise<void> {
  await client.query(SAVE_INTERVIEW(interviewValues(meta)));
}

/** Deletes every row naming the interview, the interview row locked first so no append slips in. */
async function eraseRows(client: Queryable, id: string): Promise<boolean> {
  const locked = await client.query('SELECT id FROM interviews WHERE id = $1 FOR UPDATE', [id]);
  await client.query('DELETE FROM turns WHERE interview_id = $1', [id]);
  await client.query('DELETE FROM invitations WHERE interview_id = $1', [id]);
  await client.query('DELETE FROM kv WHERE strpos(value, $1) > 0', [jsonMention(id)]);
  await client.query('DELETE FROM interviews WHERE id = $1', [id]);
  return (locked.rowCount ?? 0) > 0;
}

/** The shared store for several server instances: every write is a committed transaction. */
class PostgresInterviewStore implements InterviewStore {
  readonly kind = 'postgres' as const;
  readonly kv: KeyValueStore;
  private readonly now: () => Date;
  private readonly turnCache = new TurnCache();

  constructor(
    private readonly pool: pg.Pool,
    options: StoreOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.kv = new PostgresKeyValueStore(pool);
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  private async query(
    operation: string,
    text: string | pg.QueryConfig,
    values: unknown[] = [],
  ): Promise<pg.QueryResult> {
    try {
      return typeof text === 'string' ? await this.pool.query(text, values) : await this.pool.query(text);
    } catch (error) {
      throw storageFailure(operation, error);
    }
  }

  async createInterview(input: NewInterview): Promise<InterviewMeta> {
    const meta = newInterviewMeta(parseNewInterview(input), this.timestamp());
    const placeholders = INTERVIEW_COLUMNS.map((_, index) => `$${index + 1}`).join(', ');
    const insert = `INSERT INTO interviews (${INTERVIEW_COLUMNS.join(', ')}) VALUES (${placeholders})`;
    const scope = currentTurnScope();
    try {
      if (scope) {
        const eTag = await inTransaction(this.pool, 'creating an interview', async (client) => {
          const taken = await takeOnState(client, scope);
          await client.query(insert, interviewValues(meta));
          return taken;
        });
        scope?.committedWith(eTag);
      } else {
        await this.query('creating an interview', insert, interviewValues(meta));
      }
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`an interview with id ${meta.id} already exists`);
      throw error;
    }
    return meta;
  }

  async getInterview(id: string): Promise<InterviewMeta | null> {
    const result = await this.query('reading an interview', READ_INTERVIEW([id]));
    const row = result.rows[0];
    return row === undefined ? null : interviewFromRow(row);
  }

  private where(filter: ListFilter): { clause: string; values: string[] } {
    const conditions: string[] = [];
    const values: string[] = [];
    if (filter.interviewerId !== undefined) {
      values.push(filter.interviewerId);
      conditions.push(`interviewer_id = $${values.length}`);
    }
    if (filter.status !== undefined) {
      values.push(filter.status);
      conditions.push(`status = $${values.length}`);
    }
    if (filter.conversationKey !== undefined) {
      values.push(filter.conversationKey);
      conditions.push(`conversation_key = $${values.length}`);
    }
    return { clause: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', values };
  }

  async listInterviews(filter: ListFilter = {}): Promise<InterviewMeta[]> {
    const { clause, values } = this.where(filter);
    const result = await this.query(
      'listing interviews',
      `SELECT * FROM interviews ${clause} ORDER BY started_at DESC, created_order DESC`,
      values,
    );
    return result.rows.map(interviewFromRow);
  }

  async countInterviews(filter: ListFilter = {}): Promise<number> {
    const { clause, values } = this.where(filter);
    const result = await this.query(
      'counting interviews',
      `SELECT COUNT(*) AS count FROM interviews ${clause}`,
      values,
    );
    return countFromRow(result.rows[0]);
  }

  async updateInterview(id: string, patch: InterviewPatch): Promise<InterviewMeta> {
    const parsed = parsePatch(patch);
    const scope = currentTurnScope();
    const { meta, eTag } = await inTransaction(this.pool, 'updating an interview', async (client) => {
      const meta = applyPatch(await lockInterview(client, id), parsed, this.timestamp());
      const eTag = await takeOnState(client, scope);
      await saveInterview(client, meta);
      return { meta, eTag };
    });
    scope?.committedWith(eTag);
    return meta;
  }

  /** The interview row is locked first, so appends from several servers queue and seqs stay dense. */
  async appendTurns(id: string, turns: readonly NewTurn[], patch?: InterviewPatch): Promise<TurnRecord[]> {
    const parsedTurns = parseTurns(turns);
    const parsedPatch = parsePatch(patch);
    const scope = currentTurnScope();
    const { stored, eTag, lastSeq } = await inTransaction(this.pool, 'appending turns', async (client) => {
      const meta = await lockInterview(client, id);
      const now = this.timestamp();
      const last = countFromRow((await client.query(LAST_SEQ([id]))).rows[0]);
      const eTag = await takeOnState(client, scope, { interviewId: id, lastSeq: last });
      const records = turnRecords(id, last + 1, parsedTurns, now);
      const tags = records.map((turn) => (turn.tags === null ? null : encodeJson('tags', turn.tags)));
      const data = records.map((turn) => (turn.data === null ? null : encodeJson('turn data', turn.data)));
      if (records.length > 0) {
        await client.query(
          INSERT_TURNS([
            id,
            records.map((turn) => turn.seq),
            records.map((turn) => turn.kind),
            records.map((turn) => turn.section),
            records.map((turn) => turn.questionId),
            records.map((turn) => turn.text),
            tags,
            records.map((turn) => turn.refSeq),
            now,
            data,
          ]),
        );
      }
      await saveInterview(client, applyPatch(meta, parsedPatch, now));
      const stored = records.map((turn, index) => storedTurn(turn, tags[index] ?? null, data[index] ?? null));
      return { stored, eTag, lastSeq: last + records.length };
    });
    scope?.committedWith(eTag, { interviewId: id, lastSeq });
    this.turnCache.append(id, stored);
    return stored;
  }

  /**
   * Served from memory, checked against the database with one indexed read of the turns after the
   * last cached one: other servers append to the same interviews.
   */
  async getTurns(id: string): Promise<TurnRecord[]> {
    const turns = await this.readTurns(id);
    currentTurnScope()?.sawTurns(id, turns.at(-1)?.seq ?? 0);
    return turns;
  }

  private async readTurns(id: string): Promise<TurnRecord[]> {
    const cached = this.turnCache.get(id);
    const fresh = await this.turnsAfter(id, cached?.lastSeq ?? 0);
    if (fresh === null) {
      this.turnCache.evict(id);
      return [];
    }
    if (cached === undefined) return this.turnCache.set(id, fresh.turns, fresh.generation);
    if (cached.generation !== fresh.generation) {
      // Erased and created again under the same id: another log altogether.
      const full = await this.turnsAfter(id, 0);
      if (full === null) {
        this.turnCache.evict(id);
        return [];
      }
      return this.turnCache.set(id, full.turns, full.generation);
    }
    this.turnCache.append(id, fresh.turns);
    return [...cached.turns, ...fresh.turns];
  }

  /** The turns after `seq`, or null when the interview does not exist. */
  private async turnsAfter(
    id: string,
    seq: number,
  ): Promise<{ generation: string; turns: TurnRecord[] } | null> {
    const result = await this.query('reading turns', TURNS_AFTER([id, seq]));
    const first = result.rows[0];
    if (first === undefined) return null;
    const generation = generationFromRow(first);
    const turns = result.rows.filter((row) => row.seq !== null).map(turnFromRow);
    return { generation, turns };
  }

  async eraseInterview(id: string): Promise<boolean> {
    const { existed } = await this.erase('erasing an interview', id, async () => null);
    return existed;
  }

  async eraseInterviewAndReopenInvitation(id: string): Promise<Invitation | null> {
    const { kept } = await this.erase(
      'erasing an interview and reopening its invitation',
      id,
      async (client) => {
        // The interview row locked first, as every erasure does, so two erasures never wait on each other.
        await client.query('SELECT id FROM interviews WHERE id = $1 FOR UPDATE', [id]);
        const reopened = await client.query(
          'UPDATE invitations SET interview_id = NULL WHERE interview_id = $1 RETURNING *',
          [id],
        );
        const row = reopened.rows[0];
        return row === undefined ? null : invitationFromRow(row);
      },
    );
    return kept;
  }

  /** Erases the interview in one transaction, after `keep` (run in it) has taken out what survives it. */
  private async erase<T>(
    operation: string,
    id: string,
    keep: (client: Queryable) => Promise<T>,
  ): Promise<{ existed: boolean; kept: T }> {
    const scope = currentTurnScope();
    const { existed, kept, stateLeft } = await inTransaction(this.pool, operation, async (client) => {
      const kept = await keep(client);
      const existed = await eraseRows(client, id);
      // The conversation state goes with the interview it names: the turn then works from none.
      const stateLeft = scope ? await client.query(READ_STATE([[scope.stateKey]])) : null;
      return { existed, kept, stateLeft: stateLeft === null || (stateLeft.rowCount ?? 0) > 0 };
    });
    if (scope && !stateLeft) scope.expected = null;
    this.turnCache.evict(id);
    return { existed, kept };
  }

  async purgeCompleted(before: Date): Promise<number> {
    return this.purgeWhere(
      'purging completed interviews',
      "SELECT id FROM interviews WHERE status = 'completed' AND completed_at < $1 ORDER BY id FOR UPDATE",
      before,
    );
  }

  async purgeUnfinished(before: Date): Promise<number> {
    return this.purgeWhere(
      'purging abandoned interviews',
      "SELECT id FROM interviews WHERE status IN ('in_progress', 'paused') AND updated_at < $1 ORDER BY id FOR UPDATE",
      before,
    );
  }

  /** Erases the interviews `select` finds (and locks) for the cutoff, in one transaction; returns how many. */
  private async purgeWhere(operation: string, select: string, before: Date): Promise<number> {
    const ids = await inTransaction(this.pool, operation, async (client) => {
      const expired = await client.query(select, [before.toISOString()]);
      const ids = expired.rows.map((row) => idFromRow(row));
      for (const id of ids) await eraseRows(client, id);
      return ids;
    });
    for (const id of ids) this.turnCache.evict(id);
    return ids.length;
  }

  /** Inside a turn, made on the state the turn read, as its other writes are (turn-scope.ts). */
  async createInvitation(invitation: NewInvitation): Promise<Invitation> {
    const parsed = parseNewInvitation(invitation);
    const insert = `INSERT INTO invitations (code, interviewer_id, interviewer_address, profile, language, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`;
    const values = [
      parsed.code,
      parsed.interviewerId,
      encodeJson('interviewer address', parsed.interviewerAddress),
      parsed.profile,
      parsed.language,
      this.timestamp(),
    ];
    const scope = currentTurnScope();
    try {
      if (!scope)
        return invitationFromRow((await this.query('creating an invitation', insert, values)).rows[0]);
      const { row, eTag } = await inTransaction(this.pool, 'creating an invitation', async (client) => {
        const eTag = await takeOnState(client, scope);
        const result = await client.query(insert, values);
        return { row: result.rows[0], eTag };
      });
      scope.committedWith(eTag);
      return invitationFromRow(row);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(`invitation code ${parsed.code} is already taken`);
      throw error;
    }
  }

  async getInvitation(code: string): Promise<Invitation | null> {
    const result = await this.query('reading an invitation', 'SELECT * FROM invitations WHERE code = $1', [
      code,
    ]);
    const row = result.rows[0];
    return row === undefined ? null : invitationFromRow(row);
  }

  async redeemInvitation(code: string, interviewId: string): Promise<boolean> {
    return inTransaction(this.pool, 'redeeming an invitation', async (client) => {
      const bound = await client.query(
        'UPDATE invitations SET interview_id = $2 WHERE code = $1 AND interview_id IS NULL',
        [code, interviewId],
      );
      if ((bound.rowCount ?? 0) > 0) return true;
      const exists = await client.query('SELECT 1 FROM invitations WHERE code = $1', [code]);
      if (exists.rowCount === 0) throw new AppError('not_found', `no invitation with code ${code}`);
      return false;
    });
  }

  async findInvitationByInterview(interviewId: string): Promise<Invitation | null> {
    const result = await this.query(
      'reading an invitation',
      'SELECT * FROM invitations WHERE interview_id = $1 LIMIT 1',
      [interviewId],
    );
    const row = result.rows[0];
    return row === undefined ? null : invitationFromRow(row);
  }

  async listInvitations(interviewerId: string): Promise<Invitation[]> {
    const result = await this.query(
      'listing invitations',
      'SELECT * FROM invitations WHERE interviewer_id = $1 ORDER BY created_at DESC, code DESC',
      [interviewerId],
    );
    return result.rows.map(invitationFromRow);
  }

  async upsertInterviewer(input: NewInterviewer): Promise<Interviewer> {
    const parsed = parseNewInterviewer(input);
    const result = await this.query(
      'saving an interviewer',
      `INSERT INTO interviewers (id, display_name, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET display_name = CASE WHEN $4 THEN interviewers.display_name ELSE excluded.display_name END
       RETURNING *`,
      [parsed.id, parsed.displayName ?? null, this.timestamp(), parsed.displayName === undefined],
    );
    return interviewerFromRow(result.rows[0]);
  }

  async getInterviewer(id: string): Promise<Interviewer | null> {
    const result = await this.query('reading an interviewer', 'SELECT * FROM interviewers WHERE id = $1', [
      id,
    ]);
    const row = result.rows[0];
    return row === undefined ? null : interviewerFromRow(row);
  }

  async issueApiToken(interviewerId: string): Promise<string> {
    const token = newApiToken();
    const result = await this.query(
      'issuing an API token',
      `INSERT INTO api_tokens (token_hash, interviewer_id, created_at)
       SELECT $1, id, $3 FROM interviewers WHERE id = $2`,
      [hashApiToken(token), interviewerId, this.timestamp()],
    );
    if (result.rowCount === 0) throw new AppError('not_found', `no interviewer with id ${interviewerId}`);
    return token;
  }

  async resolveApiToken(token: string): Promise<ApiTokenGrant | null> {
    const result = await this.query(
      'checking an API token',
      'SELECT interviewer_id, created_at FROM api_tokens WHERE token_hash = $1',
      [hashApiToken(token)],
    );
    const row = result.rows[0];
    return row === undefined ? null : apiTokenFromRow(row);
  }

  async revokeApiTokens(interviewerId: string): Promise<number> {
    const result = await this.query(
      'revoking API tokens',
      'DELETE FROM api_tokens WHERE interviewer_id = $1',
      [interviewerId],
    );
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** Applies missing migrations under an advisory lock, so servers starting together migrate once. */
async function migrate(pool: pg.Pool, schema: string | undefined, where: string): Promise<void> {
  await inTransaction(pool, `preparing the PostgreSQL store at ${where}`, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `sme-interview migrations ${schema ?? ''}`,
    ]);
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
    );
    const applied = await client.query('SELECT version FROM schema_migrations');
    const versions = new Set(applied.rows.map((row) => versionFromRow(row)));
    const newest = Math.max(0, ...versions);
    const known = Math.max(0, ...POSTGRES_MIGRATIONS.map((migration) => migration.version));
    if (newest > known) {
      throw new AppError(
        'storage',
        `the PostgreSQL store at ${where} has schema version ${newest}, newer than this program knows (${known}): upgrade sme-interview`,
      );
    }
    for (const migration of POSTGRES_MIGRATIONS) {
      if (versions.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
        migration.version,
        migration.name,
      ]);
    }
  });
}

/** `host:port/database` of a connection string: enough to find the server, never the password. */
export function describeServer(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
    return `${url.hostname || 'localhost'}:${url.port || '5432'}${database ? `/${database}` : ''}`;
  } catch {
    return 'the configured server (DATABASE_URL is not a valid URL)';
  }
}

function redact(message: string, connectionString: string): string {
  try {
    const password = decodeURIComponent(new URL(connectionString).password);
    return password ? message.split(password).join('***') : message;
  } catch {
    return message;
  }
}

/** Opens (creating or migrating) the PostgreSQL store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<InterviewStore> {
  const where = describeServer(options.connectionString);
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new AppError('storage', `invalid PostgreSQL schema name ${JSON.stringify(options.schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle connection dropped by the server is discarded by the pool; the next query reports any lasting failure.
  pool.on('error', () => undefined);
  try {
    await migrate(pool, options.schema, where);
  } catch (error) {
    await pool.end();
    if (error instanceof AppError && error.cause === undefined) throw error;
    const cause = error instanceof AppError ? error.cause : error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AppError(
      'storage',
      `cannot open the PostgreSQL store at ${where}: ${redact(reason, options.connectionString)}`,
      {
        cause,
      },
    );
  }
  return new PostgresInterviewStore(pool, options);
}
