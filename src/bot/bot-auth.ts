import { createRequire } from 'node:module';
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
