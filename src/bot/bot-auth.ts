import { createRequire } from 'node:module';
import { z } from 'zod';
import {
  CachedKeySet,
  DEFAULT_KEY_SET_TIMING,
  type FetchJson,
  fetchJson,
  type KeySetTiming,
  openIdKeys,
  rsaPem,
} from '../signing-keys.js';

interface MetadataKey {
  key: string;
  endorsements?: string[];
}

interface OpenIdMetadataLike {
  getKey(kid: string): Promise<MetadataKey | null>;
}

interface JwtTokenExtractorStatics {
  openIdMetadataCache: Map<string, OpenIdMetadataLike>;
}

/**
 * botframework-connector's token check, as botbuilder loads it (resolved from botbuilder's own folder, so it
 * is the very module botbuilder uses; the package does not export it by name).
 */
function jwtTokenExtractor(): JwtTokenExtractorStatics {
  const fromHere = createRequire(import.meta.url);
  const fromBotbuilder = createRequire(fromHere.resolve('botbuilder'));
  const module: unknown = fromBotbuilder('botframework-connector/lib/auth/jwtTokenExtractor');
  const extractor: unknown =
    typeof module === 'object' && module !== null && 'JwtTokenExtractor' in module
      ? module.JwtTokenExtractor
      : undefined;
  if (
    typeof extractor !== 'function' ||
    !('openIdMetadataCache' in extractor) ||
    !(extractor.openIdMetadataCache instanceof Map)
  ) {
    throw new Error(
      'botframework-connector no longer keeps its OpenID metadata in JwtTokenExtractor.openIdMetadataCache: the server cannot control how it fetches signing keys',
    );
  }
  return extractor as unknown as JwtTokenExtractorStatics;
}

/**
 * One key set per OpenID metadata URL, handed to botbuilder's token check in place of its own
 * `OpenIdMetadata`, which fetches the keys again on every request while a fetch fails and reports the
 * failure as a plain error (a 500 for every caller). Here a failure is remembered for a while and reported
 * as `SigningKeysUnavailable` (a 503), and a token naming a key id the service does not publish makes the
 * keys fetched again at most every few minutes, whoever sends it.
 */
class KeySetsByMetadataUrl extends Map<string, OpenIdMetadataLike> {
  constructor(
    private readonly fetcher: FetchJson,
    private readonly timing: KeySetTiming,
  ) {
    super();
  }

  override get(metadataUrl: string): OpenIdMetadataLike {
    let found = super.get(metadataUrl);
    if (found === undefined) {
      const keys = new CachedKeySet(
        () => openIdKeys(metadataUrl, this.fetcher),
        new URL(metadataUrl).host,
        this.timing,
      );
      found = {
        getKey: async (kid) => {
          const key = await keys.get(kid);
          const pem = key === null ? null : rsaPem(key);
          if (key === null || pem === null) return null;
          return { key: pem, ...(key.endorsements ? { endorsements: key.endorsements } : {}) };
        },
      };
      super.set(metadataUrl, found);
    }
    return found;
  }
}

/**
 * Makes botbuilder's Bot Framework token check take its signing keys from `fetcher` (default: the key
 * services over HTTPS), cached as `KeySetsByMetadataUrl` says. Applies to the whole process, which runs
 * one server; tests install their own key source.
 */
export function installBotSigningKeys(
  fetcher: FetchJson = fetchJson,
  timing: KeySetTiming = DEFAULT_KEY_SET_TIMING,
): void {
  jwtTokenExtractor().openIdMetadataCache = new KeySetsByMetadataUrl(fetcher, timing);
}

/** The algorithms Bot Framework tokens are signed with (botframework-connector accepts only these). */
const SIGNING_ALGORITHMS = ['RS256', 'RS384', 'RS512'];
const JwtHeader = z.object({ alg: z.string().optional(), kid: z.unknown().optional() });

/** A bearer token refused from its header alone (as botbuilder's AuthenticationError, a 401). */
export class UnsignedTokenError extends Error {
  readonly statusCode = 401;
  constructor(reason: string) {
    super(reason);
    this.name = 'UnsignedTokenError';
  }
}

/**
 * Refuses a JWT that no Bot Framework key can have signed (`alg` none or anything but RSA, or no key id)
 * before botbuilder's check, which fetches the signing keys first: such a token is a 401, never a 503 while
 * the keys cannot be fetched, nor a call out to the key service.
 */
export function refuseUnsignedToken(authHeader: string): void {
  const token = /^Bearer\s+(\S+)$/i.exec(authHeader.trim())?.[1];
  const headerPart = token?.split('.')[0];
  if (!headerPart) return;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8'));
  } catch {
    // Not a JWT at all: botbuilder refuses it without fetching anything.
    return;
  }
  const header = JwtHeader.safeParse(json);
  if (!header.success) return;
  const { alg, kid } = header.data;
  if (alg === undefined || !SIGNING_ALGORITHMS.includes(alg))
    throw new UnsignedTokenError(`token signing algorithm ${JSON.stringify(alg ?? null)} is not accepted`);
  if (typeof kid !== 'string' || kid === '') throw new UnsignedTokenError('the token names no signing key');
}
