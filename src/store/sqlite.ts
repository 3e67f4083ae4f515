import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
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
import { BoundedLru } from './lru.js';
import {
  apiTokenFromRow,
  countFromRow,
  INTERVIEW_COLUMNS,
  interviewerFromRow,
  interviewFromRow,
  interviewValues,
  invitationFromRow,
  kvTextFromRow,
  kvValueFromJson,
  turnFromRow,
} from './rows.js';
import { GroupCommit, type WriteOptions } from './sqlite-group-commit.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import { hashApiToken, newApiToken } from './tokens.js';
import { storedTurn, TURN_CACHE_INTERVIEWS, TurnCache } from './turn-cache.js';
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

export const SQLITE_FILE = 'sme-interview.sqlite';

/** How long a write waits for another process holding the database before failing. */
const BUSY_TIMEOUT_MS = 5000;

type Db = Database.Database;

/** State entries kept in memory (each the JSON text of one conversation's or user's state). */
const KV_CACHE_ENTRIES = 5000;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}

const SET_INTERVIEW = INTERVIEW_COLUMNS.slice(1)
  .map((column) => `${column} = ?`)
  .join(', ');
const INSERT_INTERVIEW = `INSERT INTO interviews (${INTERVIEW_COLUMNS.join(', ')}) VALUES (${INTERVIEW_COLUMNS.map(() => '?').join(', ')})`;

/** Each SQL text is compiled once per open database (compiling costs more than running most of them). */
class Statements {
  private readonly compiled = new Map<string, Database.Statement>();

  constructor(private readonly db: Db) {}

  get(sql: string): Database.Statement {
    let statement = this.compiled.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.compiled.set(sql, statement);
    }
    return statement;
  }
}

/**
 * What this process keeps in memory of the file: turn logs and state entries. They stay exact because
 * this process's own writes update them after their commit, and a commit by any other connection to
 * the file (another process, the erase command) changes `PRAGMA data_version`, which empties them.
 */
class SqliteCaches {
  readonly turns = new TurnCache();
  /** Interview headers read on every turn; `null`: known to be absent. */
  readonly interviews = new BoundedLru<string, InterviewMeta | null>(TURN_CACHE_INTERVIEWS);
  /** `null`: known to be absent. */
  readonly kv = new BoundedLru<string, { json: string; eTag: string } | null>(KV_CACHE_ENTRIES);
  private readonly dataVersion: Database.Statement;
  private seenVersion: unknown;

  constructor(db: Db) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.seenVersion = this.dataVersion.get();
  }

  /** Call before serving a read from memory. */
  revalidate(): void {
    const version = this.dataVersion.get();
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      this.turns.clear();
      this.interviews.clear();
      this.kv.clear();
    }
  }
}

class SqliteKeyValueStore implements KeyValueStore {
  constructor(
    private readonly sql: Statements,
    private readonly writes: GroupCommit,
    private readonly caches: SqliteCaches,
    private readonly newETag: () => string,
  ) {}

  async read(keys: readonly string[]): Promise<Record<string, StoreItem>> {
    try {
      this.caches.revalidate();
      const select = this.sql.get('SELECT key, value, etag FROM kv WHERE key = ?');
      const items: [string, StoreItem][] = [];
      for (const key of keys) {
        let cached = this.caches.kv.get(key);
        if (cached === undefined) {
          const row = select.get(key);
          cached = row === undefined ? null : kvTextFromRow(row);
          this.caches.kv.set(key, cached);
        }
        // A fresh parse per read: callers (botbuilder state) change the objects they are given.
        if (cached !== null) items.push([key, { value: kvValueFromJson(cached.json), eTag: cached.eTag }]);
      }
      // fromEntries: a key such as `__proto__` stays plain data.
      const found: Record<string, StoreItem> = Object.fromEntries(items);
      currentTurnScope()?.sawState(found, keys);
      return found;
    } catch (error) {
      throw storageFailure('reading state', error);
    }
  }

  async write(changes: readonly KeyValueChange[]): Promise<void> {
    const encoded = changes.map((change) => ({
      ...change,
      json: encodeJson(`value of "${change.key}"`, change.value),
    }));
    if (encoded.length === 0) return;
    const update = this.sql.get('UPDATE kv SET value = ?, etag = ? WHERE key = ? AND etag = ?');
    const insertNew = this.sql.get(
      'INSERT INTO kv (key, value, etag) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING',
    );
    const upsert = this.sql.get(
      'INSERT INTO kv (key, value, etag) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag',
    );
    const scope = currentTurnScope();
    await this.writes.run(
      'writing state',
      () =>
        encoded.flatMap((change) => {
          const eTag = this.newETag();
          if (scope && change.key === scope.stateKey && !change.ifAbsent) {
            // The turn's own conversation state: a compare-and-set on the eTag the turn works from.
            if (scope.stateWrite(stateETagOf(this.sql, change.key)) === 'skip') return [];
            upsert.run(change.key, change.json, eTag);
          } else if (change.ifAbsent) {
            if (insertNew.run(change.key, change.json, eTag).changes === 0) throw eTagConflict(change.key);
          } else if (change.eTag !== undefined && change.eTag !== '*') {
            const { changes: updated } = update.run(change.json, eTag, change.key, change.eTag);
            if (updated === 0) throw eTagConflict(change.key);
          } else {
            upsert.run(change.key, change.json, eTag);
          }
          return [{ key: change.key, json: change.json, eTag }];
        }),
      {
        afterCommit: (written) => {
          for (const item of written) {
            this.caches.kv.set(item.key, item);
            if (scope && item.key === scope.stateKey) scope.expected = item.eTag;
          }
        },
      },
    );
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const remove = this.sql.get('DELETE FROM kv WHERE key = ?');
    await this.writes.run(
      'deleting state',
      () => {
        for (const key of keys) remove.run(key);
      },
      {
        afterCommit: () => {
          for (const key of keys) this.caches.kv.set(key, null);
          const scope = currentScopeOf(keys);
          if (scope) scope.expected = null;
        },
      },
    );
  }
}

/** The scope of the calling turn when `keys` include its conversation state. */
function currentScopeOf(keys: readonly string[]): TurnScope | undefined {
  const scope = currentTurnScope();
  return scope && keys.includes(scope.stateKey) ? scope : undefined;
}

/** The eTag of a state row as the file has it (inside a write: with the batch's earlier writes); null when none. */
function stateETagOf(sql: Statements, key: string): string | null {
  const eTag: unknown = sql.get('SELECT etag FROM kv WHERE key = ?').pluck().get(key);
  return typeof eTag === 'string' ? eTag : null;
}

/** A state row a turn took on (`takeOnState`): what the cache keeps of it once committed. */
interface TakenState {
  key: string;
  json: string;
  eTag: string;
}

/**
 * Inside a turn scope, in a write of records: the conversation state must be the one the turn read (and an
 * appended log end where the turn read it), else `StaleTurnError` and the write commits nothing; the state
 * then gets a new eTag, so a turn that read it before cannot commit after this one.
 */
function takeOnState(
  sql: Statements,
  scope: TurnScope | undefined,
  newETag: () => string,
  append?: { interviewId: string; lastSeq: number },
): TakenState | undefined {
  if (!scope) return undefined;
  if (scope.expected === undefined) {
    scope.checkCurrent(null, append);
    return undefined;
  }
  const row = sql.get('SELECT key, value, etag FROM kv WHERE key = ?').get(scope.stateKey);
  const current = row === undefined ? null : kvTextFromRow(row);
  scope.checkCurrent(current?.eTag ?? null, append);
  const eTag = newETag();
  const json = scope.takenOnJson(current?.json ?? EMPTY_STATE_JSON);
  if (current === null) {
    sql.get('INSERT INTO kv (key, value, etag) VALUES (?, ?, ?)').run(scope.stateKey, json, eTag);
  } else if (json === current.json) {
    sql.get('UPDATE kv SET etag = ? WHERE key = ?').run(eTag, scope.stateKey);
  } else {
    sql.get('UPDATE kv SET value = ?, etag = ? WHERE key = ?').run(json, eTag, scope.stateKey);
  }
  return { key: scope.stateKey, json, eTag };
}

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL (a resolved write survives
 * a power cut) and secure_delete (erased text is overwritten, not left in free pages). Writes of one
 * tick share a transaction (see `GroupCommit`); turn logs and state are served from memory.
 */
class SqliteInterviewStore implements InterviewStore {
  readonly kind = 'sqlite' as const;
  readonly kv: KeyValueStore;
  private readonly now: () => Date;
  private readonly sql: Statements;
  private readonly writes: GroupCommit;
  private readonly caches: SqliteCaches;
  private readonly newETag: () => string;

  constructor(
    private readonly db: Db,
    options: StoreOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.sql = new Statements(db);
    this.writes = new GroupCommit(db, () => this.scrubWal());
    this.caches = new SqliteCaches(db);
    let eTagCounter = 0;
    // Unique across processes sharing the file: a random prefix per open plus a counter.
    const prefix = randomUUID();
    this.newETag = () => `${prefix}.${++eTagCounter}`;
    this.kv = new SqliteKeyValueStore(this.sql, this.writes, this.caches, this.newETag);
  }

  /** After the commit of a write `takeOnState` allowed: the cache and the turn follow the state's new eTag. */
  private tookOnState(
    scope: TurnScope | undefined,
    taken: TakenState | undefined,
    append?: { interviewId: string; lastSeq: number },
  ): void {
    if (!scope) return;
    if (taken) this.caches.kv.set(taken.key, { json: taken.json, eTag: taken.eTag });
    scope.committedWith(taken?.eTag, append);
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  /** Queues `work` for the next group commit; resolves once it is committed. */
  private write<T>(operation: string, work: () => T, options?: WriteOptions<T>): Promise<T> {
    return this.writes.run(operation, work, options);
  }

  private read<T>(operation: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw storageFailure(operation, error);
    }
  }

  private selectInterview(id: string): InterviewMeta | null {
    const row = this.sql.get('SELECT * FROM interviews WHERE id = ?').get(id);
    return row === undefined ? null : interviewFromRow(row);
  }

  private requireInterview(id: string): InterviewMeta {
    const meta = this.selectInterview(id);
    if (!meta) throw new AppError('not_found', `no interview with id ${id}`);
    return meta;
  }

  private saveInterview(meta: InterviewMeta): void {
    const [id, ...rest] = interviewValues(meta);
    this.sql.get(`UPDATE interviews SET ${SET_INTERVIEW} WHERE id = ?`).run(...rest, id);
  }

  async createInterview(input: NewInterview): Promise<InterviewMeta> {
    const meta = newInterviewMeta(parseNewInterview(input), this.timestamp());
    const scope = currentTurnScope();
    try {
      await this.write(
        'creating an interview',
        () => {
          const taken = takeOnState(this.sql, scope, this.newETag);
          this.sql.get(INSERT_INTERVIEW).run(...interviewValues(meta));
          return taken;
        },
        {
          afterCommit: (taken) => {
            this.caches.interviews.set(meta.id, { ...meta });
            this.tookOnState(scope, taken);
          },
        },
      );
    } catch (error) {
      if (isUniqueViolation(error instanceof AppError ? error.cause : error)) {
        throw new ConflictError(`an interview with id ${meta.id} already exists`);
      }
      throw error;
    }
    return meta;
  }

  /** From memory when known; a copy, so the caller may change it. */
  async getInterview(id: string): Promise<InterviewMeta | null> {
    return this.read('reading an interview', () => {
      this.caches.revalidate();
      let meta = this.caches.interviews.get(id);
      if (meta === undefined) {
        meta = this.selectInterview(id);
        this.caches.interviews.set(id, meta);
      }
      return meta === null ? null : { ...meta };
    });
  }

  private where(filter: ListFilter): { clause: string; params: string[] } {
    const conditions: string[] = [];
    const params: string[] = [];
    if (filter.interviewerId !== undefined) {
      conditions.push('interviewer_id = ?');
      params.push(filter.interviewerId);
    }
    if (filter.status !== undefined) {
      conditions.push('status = ?');
      params.push(filter.status);
    }
    if (filter.conversationKey !== undefined) {
      conditions.push('conversation_key = ?');
      params.push(filter.conversationKey);
    }
    return { clause: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
  }

  async listInterviews(filter: ListFilter = {}): Promise<InterviewMeta[]> {
    const { clause, params } = this.where(filter);
    return this.read('listing interviews', () =>
      this.sql
        .get(`SELECT * FROM interviews ${clause} ORDER BY started_at DESC, rowid DESC`)
        .all(...params)
        .map(interviewFromRow),
    );
  }

  async countInterviews(filter: ListFilter = {}): Promise<number> {
    const { clause, params } = this.where(filter);
    return this.read('counting interviews', () =>
      countFromRow(this.sql.get(`SELECT COUNT(*) AS count FROM interviews ${clause}`).get(...params)),
    );
  }

  async updateInterview(id: string, patch: InterviewPatch): Promise<InterviewMeta> {
    const parsed = parsePatch(patch);
    const scope = currentTurnScope();
    // Inside a write the header is read from the file: an earlier write of the same batch may have changed it.
    const { meta } = await this.write(
      'updating an interview',
      () => {
        const meta = applyPatch(this.requireInterview(id), parsed, this.timestamp());
        const taken = takeOnState(this.sql, scope, this.newETag);
        this.saveInterview(meta);
        return { meta, taken };
      },
      {
        afterCommit: ({ meta, taken }) => {
          this.caches.interviews.set(id, meta);
          this.tookOnState(scope, taken);
        },
      },
    );
    return { ...meta };
  }

  async appendTurns(id: string, turns: readonly NewTurn[], patch?: InterviewPatch): Promise<TurnRecord[]> {
    const parsedTurns = parseTurns(turns);
    const parsedPatch = parsePatch(patch);
    const scope = currentTurnScope();
    const { stored } = await this.write(
      'appending turns',
      () => {
        const meta = this.requireInterview(id);
        const now = this.timestamp();
        const last = countFromRow(
          this.sql.get('SELECT COALESCE(MAX(seq), 0) AS count FROM turns WHERE interview_id = ?').get(id),
        );
        const taken = takeOnState(this.sql, scope, this.newETag, { interviewId: id, lastSeq: last });
        const insert = this.sql.get(
          'INSERT INTO turns (interview_id, seq, kind, section, question_id, text, tags, ref_seq, data, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        );
        const stored = turnRecords(id, last + 1, parsedTurns, now).map((turn) => {
          const tagsJson = turn.tags === null ? null : encodeJson('tags', turn.tags);
          const dataJson = turn.data === null ? null : encodeJson('turn data', turn.data);
          insert.run(
            id,
            turn.seq,
            turn.kind,
            turn.section,
            turn.questionId,
            turn.text,
            tagsJson,
            turn.refSeq,
            dataJson,
            turn.at,
          );
          return storedTurn(turn, tagsJson, dataJson);
        });
        const patched = applyPatch(meta, parsedPatch, now);
        this.saveInterview(patched);
        return { stored, patched, taken, lastSeq: last + stored.length };
      },
      {
        afterCommit: ({ stored, patched, taken, lastSeq }) => {
          this.caches.turns.append(id, stored);
          this.caches.interviews.set(id, patched);
          this.tookOnState(scope, taken, { interviewId: id, lastSeq });
        },
      },
    );
    return stored;
  }

  async getTurns(id: string): Promise<TurnRecord[]> {
    const turns = this.readTurns(id);
    currentTurnScope()?.sawTurns(id, turns.at(-1)?.seq ?? 0);
    return turns;
  }

  private readTurns(id: string): TurnRecord[] {
    return this.read('reading turns', () => {
      this.caches.revalidate();
      const cached = this.caches.turns.get(id);
      if (cached !== undefined) return cached.turns;
      const turns = this.sql
        .get('SELECT * FROM turns WHERE interview_id = ? ORDER BY seq')
        .all(id)
        .map(turnFromRow);
      return this.caches.turns.set(id, turns);
    });
  }

  /** Deletes every row naming the interview; run inside a write transaction. */
  private eraseRows(id: string): boolean {
    this.sql.get('DELETE FROM turns WHERE interview_id = ?').run(id);
    this.sql.get('DELETE FROM invitations WHERE interview_id = ?').run(id);
    this.sql.get('DELETE FROM kv WHERE instr(value, ?) > 0').run(jsonMention(id));
    return this.sql.get('DELETE FROM interviews WHERE id = ?').run(id).changes > 0;
  }

  /** After an erasure: its turns leave memory, and so does any state (state naming it was deleted). */
  private forgetErased(ids: readonly string[]): void {
    for (const id of ids) {
      this.caches.turns.evict(id);
      this.caches.interviews.delete(id);
    }
    this.caches.kv.clear();
  }

  /** Moves the WAL into the main file and empties it, so erased text survives in neither file. */
  private scrubWal(): void {
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      throw storageFailure('clearing the write-ahead log after erasure', error);
    }
  }

  async eraseInterview(id: string): Promise<boolean> {
    const { existed } = await this.erase('erasing an interview', id, () => null);
    return existed;
  }

  async eraseInterviewAndReopenInvitation(id: string): Promise<Invitation | null> {
    const { kept } = await this.erase('erasing an interview and reopening its invitation', id, () => {
      const row = this.sql
        .get('UPDATE invitations SET interview_id = NULL WHERE interview_id = ? RETURNING *')
        .get(id);
      return row === undefined ? null : invitationFromRow(row);
    });
    return kept;
  }

  /** Erases the interview in one write transaction, after `keep` (run in it) has taken out what survives it. */
  private async erase<T>(
    operation: string,
    id: string,
    keep: () => T,
  ): Promise<{ existed: boolean; kept: T }> {
    const scope = currentTurnScope();
    const { existed, kept } = await this.write(
      operation,
      () => {
        const kept = keep();
        const existed = this.eraseRows(id);
        // The conversation state goes with the interview it names: the turn then works from none.
        return {
          existed,
          kept,
          stateGone: scope !== undefined && stateETagOf(this.sql, scope.stateKey) === null,
        };
      },
      {
        scrubWal: true,
        afterCommit: ({ stateGone }) => {
          this.forgetErased([id]);
          if (scope && stateGone) scope.expected = null;
        },
      },
    );
    return { existed, kept };
  }

  async purgeCompleted(before: Date): Promise<number> {
    return this.purgeWhere(
      'purging completed interviews',
      "SELECT id FROM interviews WHERE status = 'completed' AND completed_at < ?",
      before,
    );
  }

  async purgeUnfinished(before: Date): Promise<number> {
    return this.purgeWhere(
      'purging abandoned interviews',
      "SELECT id FROM interviews WHERE status IN ('in_progress', 'paused') AND updated_at < ?",
      before,
    );
  }

  /** Erases the interviews `select` finds for the cutoff, in one transaction; returns how many. */
  private async purgeWhere(operation: string, select: string, before: Date): Promise<number> {
    const cutoff = before.toISOString();
    const purged = await this.write(
      operation,
      () => {
        const ids = this.sql
          .get(select)
          .pluck()
          .all(cutoff)
          .filter((id) => typeof id === 'string');
        for (const id of ids) this.eraseRows(id);
        return ids;
      },
      { scrubWal: true, afterCommit: (ids) => this.forgetErased(ids) },
    );
    return purged.length;
  }

  async createInvitation(invitation: NewInvitation): Promise<Invitation> {
    const parsed = parseNewInvitation(invitation);
    const stored: Invitation = {
      ...parsed,
      interviewerAddress: JSON.parse(encodeJson('interviewer address', parsed.interviewerAddress)),
      createdAt: this.timestamp(),
      interviewId: null,
    };
    // Inside a turn, made on the state the turn read, as its other writes are (turn-scope.ts).
    const scope = currentTurnScope();
    try {
      await this.write(
        'creating an invitation',
        () => {
          const taken = takeOnState(this.sql, scope, this.newETag);
          this.sql
            .get(
              'INSERT INTO invitations (code, interviewer_id, interviewer_address, profile, language, created_at) VALUES (?, ?, ?, ?, ?, ?)',
            )
            .run(
              stored.code,
              stored.interviewerId,
              encodeJson('interviewer address', stored.interviewerAddress),
              stored.profile,
              stored.language,
              stored.createdAt,
            );
          return taken;
        },
        { afterCommit: (taken) => this.tookOnState(scope, taken) },
      );
    } catch (error) {
      if (isUniqueViolation(error instanceof AppError ? error.cause : error)) {
        throw new ConflictError(`invitation code ${stored.code} is already taken`);
      }
      throw error;
    }
    return stored;
  }

  async getInvitation(code: string): Promise<Invitation | null> {
    return this.read('reading an invitation', () => {
      const row = this.sql.get('SELECT * FROM invitations WHERE code = ?').get(code);
      return row === undefined ? null : invitationFromRow(row);
    });
  }

  async redeemInvitation(code: string, interviewId: string): Promise<boolean> {
    return this.write('redeeming an invitation', () => {
      const bound = this.sql
        .get('UPDATE invitations SET interview_id = ? WHERE code = ? AND interview_id IS NULL')
        .run(interviewId, code);
      if (bound.changes > 0) return true;
      if (this.sql.get('SELECT 1 FROM invitations WHERE code = ?').get(code) === undefined) {
        throw new AppError('not_found', `no invitation with code ${code}`);
      }
      return false;
    });
  }

  async findInvitationByInterview(interviewId: string): Promise<Invitation | null> {
    return this.read('reading an invitation', () => {
      const row = this.sql.get('SELECT * FROM invitations WHERE interview_id = ? LIMIT 1').get(interviewId);
      return row === undefined ? null : invitationFromRow(row);
    });
  }

  async listInvitations(interviewerId: string): Promise<Invitation[]> {
    return this.read('listing invitations', () =>
      this.sql
        .get('SELECT * FROM invitations WHERE interviewer_id = ? ORDER BY created_at DESC, rowid DESC')
        .all(interviewerId)
        .map(invitationFromRow),
    );
  }

  async upsertInterviewer(input: NewInterviewer): Promise<Interviewer> {
    const parsed = parseNewInterviewer(input);
    return this.write('saving an interviewer', () => {
      const keepName = parsed.displayName === undefined;
      this.sql
        .get(
          `INSERT INTO interviewers (id, display_name, created_at) VALUES (?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET display_name = CASE WHEN ? THEN display_name ELSE excluded.display_name END`,
        )
        .run(parsed.id, parsed.displayName ?? null, this.timestamp(), keepName ? 1 : 0);
      return interviewerFromRow(this.sql.get('SELECT * FROM interviewers WHERE id = ?').get(parsed.id));
    });
  }

  async getInterviewer(id: string): Promise<Interviewer | null> {
    return this.read('reading an interviewer', () => {
      const row = this.sql.get('SELECT * FROM interviewers WHERE id = ?').get(id);
      return row === undefined ? null : interviewerFromRow(row);
    });
  }

  async issueApiToken(interviewerId: string): Promise<string> {
    const token = newApiToken();
    await this.write('issuing an API token', () => {
      if (this.sql.get('SELECT 1 FROM interviewers WHERE id = ?').get(interviewerId) === undefined) {
        throw new AppError('not_found', `no interviewer with id ${interviewerId}`);
      }
      this.sql
        .get('INSERT INTO api_tokens (token_hash, interviewer_id, created_at) VALUES (?, ?, ?)')
        .run(hashApiToken(token), interviewerId, this.timestamp());
    });
    return token;
  }

  async resolveApiToken(token: string): Promise<ApiTokenGrant | null> {
    return this.read('checking an API token', () => {
      const row = this.sql
        .get('SELECT interviewer_id, created_at FROM api_tokens WHERE token_hash = ?')
        .get(hashApiToken(token));
      return row === undefined ? null : apiTokenFromRow(row);
    });
  }

  async revokeApiTokens(interviewerId: string): Promise<number> {
    return this.write(
      'revoking API tokens',
      () => this.sql.get('DELETE FROM api_tokens WHERE interviewer_id = ?').run(interviewerId).changes,
    );
  }

  /** Commits what is still queued, then closes the file. */
  async close(): Promise<void> {
    if (!this.db.open) return;
    this.writes.flush();
    this.db.close();
  }
}

/**
 * Creates the missing folders one level at a time: Node's recursive mkdir can spin forever under
 * some pseudo file systems (e.g. below /proc) instead of failing.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let current = folder; !existsSync(current); current = path.dirname(current)) {
    missing.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const level of missing) mkdirSync(level);
}

function prepareFolder(dataDir: string): string {
  const folder = path.resolve(dataDir);
  try {
    makeFolders(folder);
    if (!statSync(folder).isDirectory()) {
      throw new AppError(
        'storage',
        `cannot use the data folder ${folder}: it is a file, not a folder (ENOTDIR): set DATA_DIR to a writable folder (or move that file away)`,
      );
    }
    accessSync(folder, constants.R_OK | constants.W_OK);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    const what = reason === 'ENOTDIR' ? `${reason}: a file stands in its path` : reason;
    throw new AppError(
      'storage',
      `cannot use the data folder ${folder} (${what}): make it a writable folder or set DATA_DIR to one`,
      { cause: error },
    );
  }
  return folder;
}

function migrate(db: Db, file: string): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .filter((version) => typeof version === 'number'),
  );
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...SQLITE_MIGRATIONS.map((migration) => migration.version));
  if (newest > known) {
    throw new AppError(
      'storage',
      `${file} has schema version ${newest}, newer than this program knows (${known}): upgrade sme-interview`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of SQLITE_MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.exec(migration.sql);
    record.run(migration.version, migration.name, new Date().toISOString());
  }
}

/** Opens (creating or migrating) the embedded store in `dataDir`. */
export async function openSqliteStore(dataDir: string, options: StoreOptions = {}): Promise<InterviewStore> {
  const folder = prepareFolder(dataDir);
  const file = path.join(folder, SQLITE_FILE);
  let db: Db | undefined;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    const journal = db.pragma('journal_mode = WAL', { simple: true });
    if (journal !== 'wal')
      throw new Error(`write-ahead logging unavailable (journal mode ${String(journal)})`);
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    const opened = db;
    opened.transaction(() => migrate(opened, file)).immediate();
    return new SqliteInterviewStore(opened, options);
  } catch (error) {
    db?.close();
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'storage',
      `cannot open the store ${file}: ${reason}: make it a readable and writable SQLite file, or set DATA_DIR to another folder`,
      { cause: error },
    );
  }
}
