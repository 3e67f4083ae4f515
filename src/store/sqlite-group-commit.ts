import type Database from 'better-sqlite3';
import { storageFailure } from './failure.js';

interface QueuedWrite {
  operation: string;
  /** Erasures: the WAL is emptied after the commit, before the caller hears of it. */
  scrubWal: boolean;
  work: () => void;
  /** Called after the COMMIT only; a failed WAL scrub is reported to the caller after the cache upkeep. */
  succeed: (scrubError: unknown) => void;
  fail: (error: unknown) => void;
}

export interface WriteOptions<T> {
  /** Runs after the COMMIT, before the caller hears of it (cache upkeep). */
  afterCommit?: (result: T) => void;
  scrubWal?: boolean;
}

type Outcome = { ok: true } | { ok: false; error: unknown };

/**
 * Group commit: writes issued in the same turn of the event loop share one transaction, so one disk
 * sync (synchronous=FULL) serves them all. Each write runs inside its own SAVEPOINT: a write that
 * fails (an eTag conflict, a missing interview) is rolled back alone and rejects only its caller.
 * Every caller hears of its write only after the COMMIT, so "resolved" still means "durable".
 *
 * Reads are not queued: they see what is committed. A read issued after a write's promise resolved
 * sees that write; a read issued in the same tick as a write, before it resolved, may not.
 */
export class GroupCommit {
  private queue: QueuedWrite[] = [];
  private scheduled = false;
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;
  private readonly savepoint: Database.Statement;
  private readonly release: Database.Statement;
  private readonly rollbackTo: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly scrub: () => void,
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.savepoint = db.prepare('SAVEPOINT one_write');
    this.release = db.prepare('RELEASE one_write');
    this.rollbackTo = db.prepare('ROLLBACK TO one_write');
  }

  run<T>(operation: string, work: () => T, options: WriteOptions<T> = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let done: { result: T } | undefined;
      this.queue.push({
        operation,
        scrubWal: options.scrubWal ?? false,
        work: () => {
          done = { result: work() };
        },
        succeed: (scrubError) => {
          if (done === undefined) return;
          options.afterCommit?.(done.result);
          if (scrubError === undefined) resolve(done.result);
          else reject(scrubError);
        },
        fail: reject,
      });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits everything queued now (also called before closing). */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.execute(batch);
    } catch (error) {
      if (this.db.inTransaction) {
        try {
          this.rollback.run();
        } catch {
          // The transaction is already gone; nothing of the batch was committed either way.
        }
      }
      for (const write of batch) write.fail(storageFailure(write.operation, error));
      return;
    }
    let scrubError: unknown;
    if (batch.some((write, index) => write.scrubWal && outcomes[index]?.ok)) {
      try {
        this.scrub();
      } catch (error) {
        scrubError = error;
      }
    }
    batch.forEach((write, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) return;
      if (!outcome.ok) write.fail(storageFailure(write.operation, outcome.error));
      else write.succeed(write.scrubWal ? scrubError : undefined);
    });
  }

  /** Runs the batch in one transaction; throws when the transaction itself fails (nothing committed). */
  private execute(batch: readonly QueuedWrite[]): Outcome[] {
    this.begin.run();
    const outcomes: Outcome[] = [];
    for (const write of batch) {
      this.savepoint.run();
      try {
        write.work();
        this.release.run();
        outcomes.push({ ok: true });
      } catch (error) {
        // SQLite rolls back the whole transaction on some errors (disk full, I/O): then the batch fails.
        if (!this.db.inTransaction) throw error;
        this.rollbackTo.run();
        this.release.run();
        outcomes.push({ ok: false, error });
      }
    }
    this.commit.run();
    return outcomes;
  }
}
