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

/** Bot Framework JWT authentication when app credentials are configured; anonymous local mode otherwise. */
export function createBotAdapter(config: Config): BotHttpAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
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
