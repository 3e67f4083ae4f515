import type {
  InterviewMeta,
  InterviewPatch,
  NewInterview,
  NewTurn,
  TurnRecord,
} from '../core/interview/record.js';
import { AppError, ConflictError } from '../errors.js';
import { eTagConflict } from './kv-errors.js';
import { hashApiToken, newApiToken } from './tokens.js';
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

interface StoredValue {
  json: string;
  eTag: string;
}

/** Values are kept as JSON text, like the database stores, so callers never share mutable state with it. */
class MemoryKeyValueStore implements KeyValueStore {
  readonly entries = new Map<string, StoredValue>();
  private nextETag = 1;

  async read(keys: readonly string[]): Promise<Record<string, StoreItem>> {
    const found: [string, StoreItem][] = [];
    for (const key of keys) {
      const stored = this.entries.get(key);
      if (stored) found.push([key, { value: JSON.parse(stored.json), eTag: stored.eTag }]);
    }
    const items: Record<string, StoreItem> = Object.fromEntries(found);
    currentTurnScope()?.sawState(items, keys);
    return items;
  }

  async write(changes: readonly KeyValueChange[]): Promise<void> {
    // Staged first, then applied: a conflict on any change leaves every key untouched.
    const staged = new Map<string, StoredValue>();
    const scope = currentTurnScope();
    for (const change of changes) {
      const current = staged.get(change.key) ?? this.entries.get(change.key);
      if (scope && change.key === scope.stateKey && !change.ifAbsent) {
        // The turn's own conversation state: a compare-and-set on the eTag the turn works from.
        if (scope.stateWrite(current?.eTag ?? null) === 'skip') continue;
        staged.set(change.key, {
          json: encodeJson(`value of "${change.key}"`, change.value),
          eTag: this.newETag(),
        });
        continue;
      }
      const conditional = change.eTag !== undefined && change.eTag !== '*';
      if (change.ifAbsent ? current !== undefined : conditional && current?.eTag !== change.eTag)
        throw eTagConflict(change.key);
      staged.set(change.key, {
        json: encodeJson(`value of "${change.key}"`, change.value),
        eTag: this.newETag(),
      });
    }
    for (const [key, value] of staged) this.entries.set(key, value);
    const state = scope ? staged.get(scope.stateKey) : undefined;
    if (scope && state) scope.expected = state.eTag;
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
    const scope = currentTurnScope();
    if (scope && keys.includes(scope.stateKey)) scope.expected = null;
  }

  newETag(): string {
    return String(this.nextETag++);
  }

  /**
   * Inside a turn scope, before a write of records: the conversation state must be the one the turn read
   * (and an appended log end where the turn read it), else `StaleTurnError`; the state then gets a new eTag.
   */
  takeOnState(
    scope: TurnScope | undefined,
    append?: { interviewId: string; lastSeq: number },
  ): string | undefined {
    if (!scope) return undefined;
    if (scope.expected === undefined) {
      scope.checkCurrent(null, append);
      return undefined;
    }
    const current = this.entries.get(scope.stateKey);
    scope.checkCurrent(current?.eTag ?? null, append);
    const eTag = this.newETag();
    this.entries.set(scope.stateKey, { json: scope.takenOnJson(current?.json ?? EMPTY_STATE_JSON), eTag });
    return eTag;
  }
}

interface InterviewEntry {
  meta: InterviewMeta;
  /** Insertion order: breaks ties between interviews started in the same millisecond. */
  order: number;
  turns: TurnRecord[];
}

/** A complete store in memory, for tests of the modules that use a store. */
export class MemoryInterviewStore implements InterviewStore {
  readonly kind = 'memory' as const;
  readonly kv = new MemoryKeyValueStore();
  private readonly interviews = new Map<string, InterviewEntry>();
  private readonly invitations = new Map<string, Invitation>();
  private readonly interviewers = new Map<string, Interviewer>();
  private readonly tokens = new Map<string, ApiTokenGrant>();
  private readonly now: () => Date;
  private nextOrder = 1;
  private closed = false;

  constructor(options: StoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  private open(): void {
    if (this.closed) throw new AppError('storage', 'the store is closed');
  }

  private entry(id: string): InterviewEntry {
    const entry = this.interviews.get(id);
    if (!entry) throw new AppError('not_found', `no interview with id ${id}`);
    return entry;
  }

  async createInterview(input: NewInterview): Promise<InterviewMeta> {
    this.open();
    const parsed = parseNewInterview(input);
    if (this.interviews.has(parsed.id))
      throw new ConflictError(`an interview with id ${parsed.id} already exists`);
    const meta = newInterviewMeta(parsed, this.timestamp());
    const scope = currentTurnScope();
    scope?.committedWith(this.kv.takeOnState(scope));
    this.interviews.set(meta.id, { meta, order: this.nextOrder++, turns: [] });
    return { ...meta };
  }

  async getInterview(id: string): Promise<InterviewMeta | null> {
    this.open();
    const entry = this.interviews.get(id);
    return entry ? { ...entry.meta } : null;
  }

  private matching(filter: ListFilter): InterviewEntry[] {
    return [...this.interviews.values()].filter(
      ({ meta }) =>
        (filter.interviewerId === undefined || meta.interviewerId === filter.interviewerId) &&
        (filter.status === undefined || meta.status === filter.status) &&
        (filter.conversationKey === undefined || meta.conversationKey === filter.conversationKey),
    );
  }

  async listInterviews(filter: ListFilter = {}): Promise<InterviewMeta[]> {
    this.open();
    return this.matching(filter)
      .sort((a, b) =>
        a.meta.startedAt === b.meta.startedAt
          ? b.order - a.order
          : b.meta.startedAt.localeCompare(a.meta.startedAt),
      )
      .map(({ meta }) => ({ ...meta }));
  }

  async countInterviews(filter: ListFilter = {}): Promise<number> {
    this.open();
    return this.matching(filter).length;
  }

  async updateInterview(id: string, patch: InterviewPatch): Promise<InterviewMeta> {
    this.open();
    const parsed = parsePatch(patch);
    const entry = this.entry(id);
    const scope = currentTurnScope();
    scope?.committedWith(this.kv.takeOnState(scope));
    entry.meta = applyPatch(entry.meta, parsed, this.timestamp());
    return { ...entry.meta };
  }

  async appendTurns(id: string, turns: readonly NewTurn[], patch?: InterviewPatch): Promise<TurnRecord[]> {
    this.open();
    const parsedTurns = parseTurns(turns);
    const parsedPatch = parsePatch(patch);
    const entry = this.entry(id);
    const now = this.timestamp();
    const scope = currentTurnScope();
    const last = entry.turns.length;
    const eTag = this.kv.takeOnState(scope, { interviewId: id, lastSeq: last });
    const records = turnRecords(id, last + 1, parsedTurns, now);
    entry.turns.push(...records.map((record) => structuredClone(record)));
    entry.meta = applyPatch(entry.meta, parsedPatch, now);
    scope?.committedWith(eTag, { interviewId: id, lastSeq: last + records.length });
    return records;
  }

  async getTurns(id: string): Promise<TurnRecord[]> {
    this.open();
    const turns = structuredClone(this.interviews.get(id)?.turns ?? []);
    currentTurnScope()?.sawTurns(id, turns.at(-1)?.seq ?? 0);
    return turns;
  }

  async eraseInterview(id: string): Promise<boolean> {
    this.open();
    const existed = this.interviews.delete(id);
    for (const [code, invitation] of this.invitations) {
      if (invitation.interviewId === id) this.invitations.delete(code);
    }
    const mention = jsonMention(id);
    for (const [key, stored] of this.kv.entries) {
      if (stored.json.includes(mention)) this.kv.entries.delete(key);
    }
    // The conversation state goes with the interview it names: the turn then works from none.
    const scope = currentTurnScope();
    if (scope && !this.kv.entries.has(scope.stateKey)) scope.expected = null;
    return existed;
  }

  async eraseInterviewAndReopenInvitation(id: string): Promise<Invitation | null> {
    this.open();
    const invitation = [...this.invitations.values()].find((candidate) => candidate.interviewId === id);
    // Unbound first, so the erasure below, which runs before any other call can, leaves it in place.
    if (invitation) invitation.interviewId = null;
    await this.eraseInterview(id);
    return invitation ? structuredClone(invitation) : null;
  }

  async purgeCompleted(before: Date): Promise<number> {
    const cutoff = before.toISOString();
    return this.purgeWhere(
      (meta) => meta.status === 'completed' && meta.completedAt !== null && meta.completedAt < cutoff,
    );
  }

  async purgeUnfinished(before: Date): Promise<number> {
    const cutoff = before.toISOString();
    return this.purgeWhere((meta) => meta.status !== 'completed' && meta.updatedAt < cutoff);
  }

  private async purgeWhere(expired: (meta: InterviewMeta) => boolean): Promise<number> {
    this.open();
    const doomed = [...this.interviews.values()].filter(({ meta }) => expired(meta));
    for (const { meta } of doomed) await this.eraseInterview(meta.id);
    return doomed.length;
  }

  async createInvitation(invitation: NewInvitation): Promise<Invitation> {
    this.open();
    const parsed = parseNewInvitation(invitation);
    if (this.invitations.has(parsed.code))
      throw new ConflictError(`invitation code ${parsed.code} is already taken`);
    // Inside a turn, made on the state the turn read, as its other writes are (turn-scope.ts).
    const scope = currentTurnScope();
    scope?.committedWith(this.kv.takeOnState(scope));
    const stored: Invitation = {
      ...parsed,
      interviewerAddress: JSON.parse(encodeJson('interviewer address', parsed.interviewerAddress)),
      createdAt: this.timestamp(),
      interviewId: null,
    };
    this.invitations.set(stored.code, stored);
    return structuredClone(stored);
  }

  async getInvitation(code: string): Promise<Invitation | null> {
    this.open();
    const invitation = this.invitations.get(code);
    return invitation ? structuredClone(invitation) : null;
  }

  async redeemInvitation(code: string, interviewId: string): Promise<boolean> {
    this.open();
    const invitation = this.invitations.get(code);
    if (!invitation) throw new AppError('not_found', `no invitation with code ${code}`);
    if (invitation.interviewId !== null) return false;
    invitation.interviewId = interviewId;
    return true;
  }

  async findInvitationByInterview(interviewId: string): Promise<Invitation | null> {
    this.open();
    const invitation = [...this.invitations.values()].find(
      (candidate) => candidate.interviewId === interviewId,
    );
    return invitation ? structuredClone(invitation) : null;
  }

  async listInvitations(interviewerId: string): Promise<Invitation[]> {
    this.open();
    return [...this.invitations.values()]
      .filter((invitation) => invitation.interviewerId === interviewerId)
      .reverse()
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((invitation) => structuredClone(invitation));
  }

  async upsertInterviewer(input: NewInterviewer): Promise<Interviewer> {
    this.open();
    const parsed = parseNewInterviewer(input);
    const existing = this.interviewers.get(parsed.id);
    const interviewer: Interviewer = {
      id: parsed.id,
      displayName: parsed.displayName === undefined ? (existing?.displayName ?? null) : parsed.displayName,
      createdAt: existing?.createdAt ?? this.timestamp(),
    };
    this.interviewers.set(interviewer.id, interviewer);
    return { ...interviewer };
  }

  async getInterviewer(id: string): Promise<Interviewer | null> {
    this.open();
    const interviewer = this.interviewers.get(id);
    return interviewer ? { ...interviewer } : null;
  }

  async issueApiToken(interviewerId: string): Promise<string> {
    this.open();
    if (!this.interviewers.has(interviewerId))
      throw new AppError('not_found', `no interviewer with id ${interviewerId}`);
    const token = newApiToken();
    this.tokens.set(hashApiToken(token), { interviewerId, issuedAt: this.timestamp() });
    return token;
  }

  async resolveApiToken(token: string): Promise<ApiTokenGrant | null> {
    this.open();
    const grant = this.tokens.get(hashApiToken(token));
    return grant ? { ...grant } : null;
  }

  async revokeApiTokens(interviewerId: string): Promise<number> {
    this.open();
    let revoked = 0;
    for (const [hash, grant] of this.tokens) {
      if (grant.interviewerId === interviewerId) {
        this.tokens.delete(hash);
        revoked += 1;
      }
    }
    return revoked;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

export function createMemoryStore(options: StoreOptions = {}): InterviewStore {
  return new MemoryInterviewStore(options);
}
