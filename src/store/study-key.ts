import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { InterviewStore } from './types.js';

const LOCAL_STUDY = 'local';
const StoredKey = z.object({ key: z.string().regex(/^[0-9a-f]{64}$/), createdAt: z.string() });

/** The kv key of a study's pseudonymisation key: one study per interviewer, `local` for the rest. */
export function studyKeyName(interviewerId: string | null): string {
  return `privacy:study-key:${interviewerId ?? LOCAL_STUDY}`;
}

/**
 * The secret key pseudonyms of a study are derived from (32 random bytes, hex), created on first use.
 * It lives in the store, so every server instance sharing a PostgreSQL database uses the same key and
 * the same firm gets the same pseudonym in every export of the study.
 */
export async function getStudyKey(store: InterviewStore, interviewerId: string | null): Promise<string> {
  const name = studyKeyName(interviewerId);
  const existing = await readKey(store, name);
  if (existing) return existing;
  await store.kv.write([
    { key: name, value: { key: randomBytes(32).toString('hex'), createdAt: new Date().toISOString() } },
  ]);
  // Two instances creating the key at once: the last write wins and both read that one back.
  const created = await readKey(store, name);
  if (!created)
    throw new AppError('storage', `the study key '${name}' could not be read back after it was written`);
  return created;
}

async function readKey(store: InterviewStore, name: string): Promise<string | null> {
  const item = (await store.kv.read([name]))[name];
  if (!item) return null;
  const parsed = StoredKey.safeParse(item.value);
  return parsed.success ? parsed.data.key : null;
}

/** `getStudyKey` memoised per study, so building many summaries at once creates each key only once. */
export function studyKeys(store: InterviewStore): (interviewerId: string | null) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (interviewerId) => {
    const name = studyKeyName(interviewerId);
    const known = cache.get(name);
    if (known) return known;
    const created = getStudyKey(store, interviewerId);
    cache.set(name, created);
    return created;
  };
}
