import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { z } from 'zod';

/** A public key of a JSON Web Key Set, as the key services publish them. */
export type PublishedKey = JsonWebKey & { kid: string; kty: string; endorsements?: string[] };

/** Reads a URL's JSON (the key services' documents); throws when it cannot. Tests hand in their own. */
export type FetchJson = (url: string) => Promise<unknown>;

/** How long a fetch of a key service may take before it counts as failed. */
const FETCH_TIMEOUT_MS = 5000;

export const fetchJson: FetchJson = async (url) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
};

/** The signing keys cannot be had now (the key service did not answer): the request may be sent again later. */
export class SigningKeysUnavailable extends Error {
  readonly retryAfterSeconds: number;
  constructor(source: string, retryAfterMs: number, options?: { cause?: unknown }) {
    super(`the signing keys of ${source} cannot be fetched now`, options);
    this.name = 'SigningKeysUnavailable';
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}

export interface KeySetTiming {
  /** Keys are fetched again after this long (botbuilder's default: a day). */
  refreshMs: number;
  /**
   * A key id the set does not hold makes it fetched again (keys roll over) at most this often, whatever ids
   * are asked for: tokens with made-up key ids cannot make the server call out on every request.
   */
  unknownKeyRefetchMs: number;
  /** After a failed fetch, none is tried again for this long; requests meanwhile are told to come back. */
  failureBackoffMs: number;
}

export const DEFAULT_KEY_SET_TIMING: KeySetTiming = {
  refreshMs: 24 * 60 * 60 * 1000,
  unknownKeyRefetchMs: 5 * 60 * 1000,
  failureBackoffMs: 60 * 1000,
};

const Jwks = z.object({
  keys: z.array(
    z.looseObject({
      kid: z.string(),
      kty: z.string(),
      endorsements: z.array(z.string()).optional(),
    }),
  ),
});

/**
 * One key service's public keys, fetched when needed and kept: one fetch at a time, a failure remembered for
 * `failureBackoffMs` (answered `SigningKeysUnavailable` meanwhile, unless the keys held still have the id
 * asked for), an unknown key id answered null without a fetch until `unknownKeyRefetchMs` has passed.
 */
export class CachedKeySet {
  private keys: Map<string, PublishedKey> | null = null;
  private fetchedAt = 0;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private failedUntil = 0;
  private failure: unknown;
  private inFlight: Promise<void> | null = null;

  constructor(
    /** Fetches the key set (a JWKS document's `keys`). */
    private readonly load: () => Promise<unknown>,
    /** What the keys are of, for messages ("Microsoft Entra ID"). */
    private readonly source: string,
    private readonly timing: KeySetTiming = DEFAULT_KEY_SET_TIMING,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key of `kid`, or null when the service has none of that id. */
  async get(kid: string): Promise<PublishedKey | null> {
    // A fetch under way answers this request too, whatever it brings.
    if (this.inFlight) await this.inFlight.catch(() => undefined);
    const now = this.now();
    const fresh = this.keys !== null && now - this.fetchedAt < this.timing.refreshMs;
    const held = this.keys?.get(kid) ?? null;
    if (fresh && held) return held;
    if (fresh && now - this.lastAttempt < this.timing.unknownKeyRefetchMs) return null;
    if (now < this.failedUntil) {
      if (held) return held;
      throw new SigningKeysUnavailable(this.source, this.failedUntil - now, { cause: this.failure });
    }
    try {
      await this.refresh();
    } catch (error) {
      if (held) return held;
      throw new SigningKeysUnavailable(this.source, this.failedUntil - this.now(), { cause: error });
    }
    return this.keys?.get(kid) ?? null;
  }

  private refresh(): Promise<void> {
    this.inFlight ??= (async () => {
      this.lastAttempt = this.now();
      try {
        const parsed = Jwks.safeParse(await this.load());
        if (!parsed.success) throw new Error(`unreadable key set from ${this.source}`);
        this.keys = new Map(parsed.data.keys.map((key) => [key.kid, key as PublishedKey]));
        this.fetchedAt = this.now();
        this.failedUntil = 0;
      } catch (error) {
        this.failure = error;
        this.failedUntil = this.now() + this.timing.failureBackoffMs;
        throw error;
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }
}

/** The PEM of an RSA public key (what botbuilder's token check verifies with); null for any other key. */
export function rsaPem(key: PublishedKey): string | null {
  if (key.kty !== 'RSA' || typeof key.n !== 'string' || typeof key.e !== 'string') return null;
  try {
    return String(
      createPublicKey({ key: { kty: 'RSA', n: key.n, e: key.e }, format: 'jwk' }).export({
        type: 'spki',
        format: 'pem',
      }),
    );
  } catch {
    return null;
  }
}

const OpenIdConfiguration = z.looseObject({ jwks_uri: z.string().startsWith('https://') });

/** The keys an OpenID configuration document points to (`jwks_uri`). */
export async function openIdKeys(metadataUrl: string, fetcher: FetchJson): Promise<unknown> {
  const configuration = OpenIdConfiguration.safeParse(await fetcher(metadataUrl));
  if (!configuration.success) throw new Error(`no jwks_uri in ${metadataUrl}`);
  return fetcher(configuration.data.jwks_uri);
}
