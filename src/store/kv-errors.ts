import { ConflictError } from '../errors.js';

/** The message names the eTag conflict, as botbuilder's own storages do. */
export function eTagConflict(key: string): ConflictError {
  return new ConflictError(`Storage: error writing "${key}" due to eTag conflict.`);
}
