import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../errors.js';

/** Microsoft Entra ID signing keys (public). Fetched only when a Teams SSO token has to be checked. */
export const ENTRA_KEYS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
const KEY_CACHE_MS = 24 * 60 * 60 * 1000;
const CLOCK_SKEW_SECONDS = 300;

/** Finds the public key of a `kid`; tests hand in their own keys, production reads Entra ID's. */
export type SigningKeys = (kid: string) => Promise<JsonWebKey | null>;

const Jwks = z.object({ keys: z.array(z.looseObject({ kid: z.string(), kty: z.string() })) });

export function entraSigningKeys(fetchImpl: typeof fetch = fetch): SigningKeys {
  let cache: { at: number; keys: Map<string, JsonWebKey> } | null = null;
  return async (kid) => {
    if (!cache || Date.now() - cache.at > KEY_CACHE_MS || !cache.keys.has(kid)) {
      const response = await fetchImpl(ENTRA_KEYS_URL);
      const parsed = Jwks.safeParse(await response.json());
      if (!parsed.success) throw new AppError('unauthorized', 'cannot read the Entra ID signing keys');
      cache = { at: Date.now(), keys: new Map(parsed.data.keys.map((key) => [key.kid, key])) };
    }
    return cache.keys.get(kid) ?? null;
  };
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
  const jwk = await options.keys(header.data.kid);
  if (!jwk) throw refuse('unknown signing key');
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${headerPart}.${claimsPart}`),
    createPublicKey({ key: jwk, format: 'jwk' }),
    Buffer.from(signaturePart, 'base64url'),
  );
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
