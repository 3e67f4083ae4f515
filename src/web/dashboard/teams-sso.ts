import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { HttpError } from '../../server/router.js';
import {
  CachedKeySet,
  DEFAULT_KEY_SET_TIMING,
  type FetchJson,
  fetchJson,
  type KeySetTiming,
  SigningKeysUnavailable,
} from '../../signing-keys.js';

/** Microsoft Entra ID signing keys (public). Fetched only when a Teams SSO token has to be checked. */
export const ENTRA_KEYS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
const CLOCK_SKEW_SECONDS = 300;

/**
 * Finds the public key of a `kid` (null when none has it); tests hand in their own keys, production reads
 * Entra ID's. Throws `SigningKeysUnavailable` when the keys cannot be had now.
 */
export type SigningKeys = (kid: string) => Promise<JsonWebKey | null>;

/**
 * Entra ID's keys, kept a day; a failed fetch is not tried again for a minute, and a key id Entra ID does not
 * publish makes the keys fetched again at most every five minutes, so tokens with made-up key ids cannot make
 * the server call out on every request (`CachedKeySet`).
 */
export function entraSigningKeys(
  fetcher: FetchJson = fetchJson,
  timing: KeySetTiming = DEFAULT_KEY_SET_TIMING,
  now: () => number = Date.now,
): SigningKeys {
  const keys = new CachedKeySet(() => fetcher(ENTRA_KEYS_URL), 'Microsoft Entra ID', timing, now);
  return (kid) => keys.get(kid);
}

const Header = z.object({ alg: z.literal('RS256'), kid: z.string() });
const Claims = z.looseObject({
  aud: z.string(),
  iss: z.string(),
  exp: z.number(),
  nbf: z.number().optional(),
  oid: z.string().min(1),
  tid: z.string().min(1),
  name: z.string().optional(),
});

export interface TeamsSsoOptions {
  /** The bot's app id: the tab's SSO app registration (webApplicationInfo.id). */
  appId: string;
  keys: SigningKeys;
  now?: () => Date;
}

/** An interviewer signed in to Teams: their Entra object id. */
export interface TeamsUser {
  oid: string;
  tid: string;
  name: string | null;
}

function decodePart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/** Checks a Teams tab SSO token (signature, audience, issuer, lifetime); `unauthorized` otherwise. */
export async function verifyTeamsSsoToken(token: string, options: TeamsSsoOptions): Promise<TeamsUser> {
  const refuse = (why: string) => new AppError('unauthorized', `Teams sign-in token refused: ${why}`);
  const [headerPart, claimsPart, signaturePart, extra] = token.split('.');
  if (!headerPart || !claimsPart || !signaturePart || extra !== undefined) throw refuse('not a JWT');
  const header = Header.safeParse(decodePart(headerPart));
  if (!header.success) throw refuse('unexpected header');
  const jwk = await signingKey(options.keys, header.data.kid);
  if (!jwk) throw refuse('unknown signing key');
  let signed: boolean;
  try {
    signed = verify(
      'RSA-SHA256',
      Buffer.from(`${headerPart}.${claimsPart}`),
      createPublicKey({ key: jwk, format: 'jwk' }),
      Buffer.from(signaturePart, 'base64url'),
    );
  } catch {
    // A published key that is no RSA key, or a signature of the wrong shape.
    signed = false;
  }
  if (!signed) throw refuse('bad signature');
  const claims = Claims.safeParse(decodePart(claimsPart));
  if (!claims.success) throw refuse('missing claims');
  const { aud, iss, exp, nbf, oid, tid, name } = claims.data;
  // The manifest's resource is `api://<BOT_DOMAIN>/<appId>`; Entra may also issue the bare app id.
  const audienceOk =
    aud === options.appId ||
    aud === `api://${options.appId}` ||
    (aud.startsWith('api://') && aud.endsWith(`/${options.appId}`));
  if (!audienceOk) throw refuse('wrong audience');
  const issuers = [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
  if (!issuers.includes(iss)) throw refuse('wrong issuer');
  const now = (options.now?.() ?? new Date()).getTime() / 1000;
  if (exp < now - CLOCK_SKEW_SECONDS) throw refuse('expired');
  if (nbf !== undefined && nbf > now + CLOCK_SKEW_SECONDS) throw refuse('not valid yet');
  return { oid, tid, name: name ?? null };
}

/** The key of `kid`; keys that cannot be fetched now make a 503 the dashboard can retry, not a 500. */
async function signingKey(keys: SigningKeys, kid: string): Promise<JsonWebKey | null> {
  try {
    return await keys(kid);
  } catch (error) {
    if (error instanceof SigningKeysUnavailable) {
      throw new HttpError(
        503,
        'unavailable',
        'the Teams sign-in cannot be checked now (the Microsoft Entra ID signing keys cannot be fetched): try again later',
        { 'retry-after': String(error.retryAfterSeconds) },
      );
    }
    throw error;
  }
}
