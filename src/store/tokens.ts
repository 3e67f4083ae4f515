import { createHash, randomBytes } from 'node:crypto';

/** A bearer token: 32 random bytes, base64url (43 characters). */
export function newApiToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this digest is stored, so a leaked database does not leak usable tokens. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
