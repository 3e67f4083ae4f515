import { AppError } from '../errors.js';

/** Database errors reach callers as one `storage` AppError saying which operation failed; ours pass through. */
export function storageFailure(operation: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('storage', `${operation} failed: ${reason}`, { cause: error });
}
