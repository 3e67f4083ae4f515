import { AppError, isAppError } from '../errors.js';

/** Database errors reach callers as one `storage` AppError saying which operation failed; ours pass through. */
export function storageFailure(operation: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('storage', `${operation} failed: ${reason}`, { cause: error });
}

/** What a store that cannot be reached now says: the network's codes, as Node gives them. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's passing conditions (SQLSTATE): connection exceptions (class 08), a server shutting down or
 * starting (57P01-57P03), too many connections, a serialization failure or deadlock; SQLite's busy or locked
 * database, failed disk I/O and full disk.
 */
const PASSING_DATABASE_CODE = /^(08|57P0[123]$|53300$|40001$|40P01$|SQLITE_(BUSY|LOCKED|IOERR|FULL))/;

/** node-postgres's own words for a connection it lost or could not get in time (these carry no code). */
const PASSING_MESSAGE = /Connection terminated|timeout exceeded when trying to connect/i;

/** The errors an error wraps: botbuilder's `error`, the standard `cause`, an AggregateError's `errors`. */
function wrapped(error: Error): unknown[] {
  const inner: unknown[] = [];
  if ('error' in error) inner.push(error.error);
  if (error.cause !== undefined) inner.push(error.cause);
  if (error instanceof AggregateError) inner.push(...error.errors);
  return inner;
}

function isPassing(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (UNREACHABLE_CODES.has(code) || PASSING_DATABASE_CODE.test(code) || PASSING_MESSAGE.test(error.message))
    return true;
  return wrapped(error).some((inner) => isPassing(inner, depth + 1));
}

/**
 * The store's failure found in `error` (or what it wraps, as botbuilder wraps a dialog's errors) when it may
 * pass (the database down, restarting, busy): the request can be sent again later. Null otherwise.
 */
export function passingStoreFailure(error: unknown, depth = 0): AppError | null {
  if (!(error instanceof Error) || depth > 5) return null;
  if (isAppError(error) && error.code === 'storage') return isPassing(error.cause) ? error : null;
  for (const inner of wrapped(error)) {
    const found = passingStoreFailure(inner, depth + 1);
    if (found) return found;
  }
  return null;
}
