/** One error class for the whole product; `code` is what callers branch on, `message` what users read. */
export const ERROR_CODES = [
  'bad_usage',
  'bad_config',
  'bad_guide',
  'bad_input',
  'not_found',
  'conflict',
  'unauthorized',
  'forbidden',
  'too_large',
  'rate_limited',
  'storage',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'AppError';
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', message);
    this.name = 'ConflictError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
