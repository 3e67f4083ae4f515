import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config.js';

/** What the server needs from a bot: botbuilder's `ActivityHandler.run`. */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}

export interface TurnOutcome {
  status: number;
  /** Present for `expectReplies` (`{ activities }`) and invoke activities. */
  body: unknown;
}

/**
 * CloudAdapter with the HTTP edge kept in our hands: the server parses and validates the body and
 * maps errors to responses and log lines itself, instead of CloudAdapter.process writing raw errors
 * to the console. Authentication, expectReplies buffering and invoke responses stay botbuilder's.
 */
export class BotHttpAdapter extends CloudAdapter {
  async handle(authHeader: string, activity: Activity, bot: TurnHandler): Promise<TurnOutcome> {
    const response = await this.processActivity(authHeader, activity, (context) => bot.run(context));
    return { status: response?.status ?? 200, body: response?.body };
  }
}

type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;
type ClaimsIdentity = AuthenticateRequestResult['claimsIdentity'];
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** The claims botframework-connector reads the bot's app id from: the token audience, else the emulator's appid. */
const AUDIENCE_CLAIM = 'aud';
const APP_ID_CLAIM = 'appid';
/** Distinct (app id, service URL, audience) triples are few; the bound only guards against a flood of them. */
const MAX_CACHED_CLIENTS = 256;

function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue(AUDIENCE_CLAIM) ?? identity.getClaimValue(APP_ID_CLAIM) ?? '';
}

/** A promise kept under `key` until it rejects; the whole map is emptied when it is full. */
function remembered<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (found === undefined) {
    if (cache.size >= MAX_CACHED_CLIENTS) cache.clear();
    found = make();
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}

/**
 * botbuilder builds a connector client (an HTTP pipeline, credentials) and a user token client for
 * every incoming activity, even when the replies travel back in the response (expectReplies). Both
 * depend only on the bot's app id, the service URL and the audience, and hold no per-turn state, so
 * one of each is built per such key and reused, as botbuilder's older BotFrameworkAdapter did.
 */
class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokens = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (result.connectorFactory === undefined) return result;
    return { ...result, connectorFactory: this.createConnectorFactory(result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    const build = () => super.createConnectorFactory(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        remembered(this.connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
          build().create(serviceUrl, audience),
        ),
    };
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remembered(this.userTokens, appIdOf(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }
}

/** Bot Framework JWT authentication when app credentials are configured; anonymous local mode otherwise. */
export function createBotAdapter(config: Config): BotHttpAdapter {
  const auth = new ReusingBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    MicrosoftAppType: config.MicrosoftAppType,
  });
  return new BotHttpAdapter(auth);
}

/** Status of an error botbuilder raised with one (AuthenticationError carries 401), else undefined. */
export function botErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error) || !('statusCode' in error)) return undefined;
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
