import {
  type Activity,
  ActivityTypes,
  BotCallbackHandlerKey,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  DeliveryModes,
  INVOKE_RESPONSE_KEY,
  type InvokeResponse,
  type ResourceResponse,
  StatusCodes,
  TurnContext,
} from 'botbuilder';
import type { Config } from '../config.js';
import { currentTurnScope } from '../store/turn-scope.js';
import { refuseUnsignedToken } from './bot-auth.js';
import { SEND_HELD_REPLIES } from './events.js';
import { withLinesKept } from './line-breaks.js';

/** What the server needs from a bot: botbuilder's `ActivityHandler.run`. */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}

export interface TurnOutcome {
  status: number;
  /** Present for `expectReplies` (`{ activities }`) and invoke activities. */
  body: unknown;
}

/** A request's Bot Framework authentication: who sent it, and how to reach its channel back. */
export type BotAuthentication = AuthenticateRequestResult;

/**
 * What goes out at once even while a turn's replies are held: a typing indicator repeats nothing the person
 * reads (a run found stale may show one), and an invoke response is the HTTP answer, not a post.
 */
const NEVER_HELD = new Set<string>([ActivityTypes.Typing, ActivityTypes.InvokeResponse]);

/** The replies of one run of a turn in normal delivery, kept until the run is known to count. */
class HeldReplies {
  private held: Partial<Activity>[] = [];

  constructor(private readonly post: (activities: Partial<Activity>[]) => Promise<ResourceResponse[]>) {}

  /** Keeps the replies, in order, but sends at once what is never held. */
  async hold(activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const passing = activities.filter((activity) => NEVER_HELD.has(activity.type ?? ''));
    if (passing.length > 0) await this.post(passing);
    for (const activity of activities) if (!NEVER_HELD.has(activity.type ?? '')) this.held.push(activity);
    return activities.map(() => ({ id: '' }));
  }

  /** Sends what is held, in order; later replies of the turn are held again until the next send. */
  async send(): Promise<void> {
    const out = this.held;
    this.held = [];
    if (out.length > 0) await this.post(out);
  }
}

/** Where a turn context keeps the replies its run holds. */
const HELD_REPLIES = Symbol('heldReplies');

/**
 * CloudAdapter with the HTTP edge kept in our hands: the server parses and validates the body and
 * maps errors to responses and log lines itself, instead of CloudAdapter.process writing raw errors
 * to the console; and it checks the token (`authenticate`) before it runs the turn on that check (`runTurn`),
 * so that a caller without a valid token is refused before it counts against the conversation's rate limit.
 *
 * In normal delivery a turn's replies are posted to the channel only once the run has finished: a run that
 * another turn of the conversation got in before is run again on fresh state (server/fresh-turn.ts), and
 * what it had said would otherwise reach the person twice.
 */
export class BotHttpAdapter extends CloudAdapter {
  readonly #authentication: ConfigurationBotFrameworkAuthentication;

  constructor(authentication: ConfigurationBotFrameworkAuthentication) {
    super(authentication);
    this.#authentication = authentication;
    // Whatever a turn says (replied, held, in the HTTP response, proactive) keeps its lines apart in Teams.
    this.use(async (context, next) => {
      context.onSendActivities((_context, activities, send) => {
        for (const [index, activity] of activities.entries()) activities[index] = withLinesKept(activity);
        return send();
      });
      await next();
    });
  }

  /** Checks the request's Bot Framework token (anonymous local mode: none is needed). Throws on a refusal. */
  async authenticate(activity: Activity, authHeader: string): Promise<BotAuthentication> {
    refuseUnsignedToken(authHeader);
    return this.#authentication.authenticateRequest(activity, authHeader);
  }

  /** Runs one turn of an authenticated activity through the middleware and the bot, as CloudAdapter does. */
  async runTurn(
    authentication: BotAuthentication,
    activity: Activity,
    bot: TurnHandler,
  ): Promise<TurnOutcome> {
    activity.callerId = authentication.callerId ?? '';
    const connectorClient = await authentication.connectorFactory?.create(
      activity.serviceUrl,
      authentication.audience,
    );
    if (!connectorClient) throw new Error("no connector client for the activity's service URL");
    const userTokenClient = await this.#authentication.createUserTokenClient(authentication.claimsIdentity);
    const context = new TurnContext(this, activity);
    // expectReplies returns only the replies of the run that counts already: nothing to hold.
    const logic =
      activity.deliveryMode === DeliveryModes.ExpectReplies
        ? (turnContext: TurnContext) => bot.run(turnContext)
        : (turnContext: TurnContext) => this.runHoldingReplies(turnContext, bot);
    context.turnState.set(this.BotIdentityKey, authentication.claimsIdentity);
    context.turnState.set(this.ConnectorClientKey, connectorClient);
    context.turnState.set(this.UserTokenClientKey, userTokenClient);
    context.turnState.set(BotCallbackHandlerKey, logic);
    context.turnState.set(this.ConnectorFactoryKey, authentication.connectorFactory);
    context.turnState.set(this.OAuthScopeKey, authentication.audience);
    await this.runMiddleware(context, logic);
    if (activity.deliveryMode === DeliveryModes.ExpectReplies)
      return { status: StatusCodes.OK, body: { activities: context.bufferedReplyActivities } };
    if (activity.type === ActivityTypes.Invoke) {
      const invokeResponse: Partial<Activity> | undefined = context.turnState.get(INVOKE_RESPONSE_KEY);
      const answer: InvokeResponse | undefined = invokeResponse?.value;
      return answer
        ? { status: answer.status, body: answer.body }
        : { status: StatusCodes.NOT_IMPLEMENTED, body: undefined };
    }
    return { status: StatusCodes.OK, body: undefined };
  }

  override sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    const held: unknown = context.turnState.get(HELD_REPLIES);
    if (held instanceof HeldReplies) return held.hold(activities);
    return super.sendActivities(context, activities);
  }

  /**
   * The bot's turn in normal delivery, its replies held: sent once the turn has finished, or earlier when the
   * bot sends them itself (`SEND_HELD_REPLIES`), once what they answer is stored. A run found stale drops its
   * own; a turn that fails otherwise sends what it said, as it would have without holding.
   */
  private async runHoldingReplies(context: TurnContext, bot: TurnHandler): Promise<void> {
    const held = new HeldReplies((activities) => super.sendActivities(context, activities));
    context.turnState.set(HELD_REPLIES, held);
    context.turnState.set(SEND_HELD_REPLIES, () => held.send());
    try {
      await bot.run(context);
    } catch (error) {
      // Should sending fail too, the turn's own failure is what is reported: its redelivery gets the replies
      // the bot remembered (interview-bot.ts).
      if (!currentTurnScope()?.stale) await held.send().catch(() => undefined);
      throw error;
    }
    await held.send();
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
