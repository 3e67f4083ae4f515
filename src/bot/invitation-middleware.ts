import { randomInt } from 'node:crypto';
import { ActivityTypes, Channels, type Middleware, TurnContext } from 'botbuilder';
import type { Language } from '../core/domain.js';
import { fill } from '../core/guide/template.js';
import { escapeMarkdown } from '../core/interview/quote.js';
import { isAppError } from '../errors.js';
import type { InterviewStore } from '../store/types.js';
import { INVITATION_DESK, type InvitationDesk } from './events.js';
import { isGroupConversation } from './incoming.js';
import { LOCAL_OWNER } from './interview-bot.js';
import { parseInvitationRequest } from './invitation-command.js';
import { summaryReaches } from './invitation-delivery.js';
import type { InvitationPrompts } from './invitation-prompts.js';

/** No 0/O or 1/I: codes are read aloud and typed by hand. */
const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_DIGITS = '23456789';
const CODE_LENGTH = 8;
const CODE_ATTEMPTS = 5;

/** 8 capitals and digits with at least one of each (CONTRACTS.md: 6 to 10, both kinds). */
export function newInvitationCode(): string {
  const alphabet = CODE_LETTERS + CODE_DIGITS;
  for (;;) {
    const code = Array.from({ length: CODE_LENGTH }, () => alphabet[randomInt(alphabet.length)]).join('');
    if (/[A-Z]/.test(code) && /\d/.test(code)) return code;
  }
}

/** Teams' deep link opening a chat with the bot, the `code …` message typed in for the respondent. */
export function teamsDeepLink(botId: string, code: string): string {
  const user = botId.startsWith('28:') ? botId : `28:${botId}`;
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(user)}&message=${encodeURIComponent(`code ${code}`)}`;
}

/**
 * A link written in Markdown with its own address as its text, as Teams and Web Chat show the bot's messages:
 * a bare address is shown decoded ("message=code 6J4ENT4Q", with a space), which copied as text is no link.
 */
function linkShowingItsAddress(url: string): string {
  return `[${escapeMarkdown(url)}](${url})`;
}

/** Who the interviewer is: their Entra object id in Teams (as the dashboard's SSO sees them), else channel:user. */
export function interviewerIdOf(context: TurnContext): string {
  const { from, channelId } = context.activity;
  return from.aadObjectId ?? `${channelId}:${from.id}`;
}

export interface InvitationMiddlewareDeps {
  store: InterviewStore;
  prompts: Record<Language, InvitationPrompts>;
  /**
   * The bot's app id (MicrosoftAppId), for the Teams deep link; without one, the id Teams addresses the bot
   * with in a request from Teams. Elsewhere (the local web chat without app credentials) no Teams bot is known
   * and no link is offered.
   */
  botId?: string;
  /**
   * Nobody is authenticated (local anonymous mode), or only this computer is served (the web chat): every
   * interviewer is the local user whose dashboard the start-up token opens, and a summary the chat cannot
   * receive is left there.
   */
  anonymous?: boolean;
}

/**
 * The invitation desk: answers an interviewer's `inviter …` / `invite …` by creating the invitation (with the
 * interviewer's conversation reference, for the proactive summary) and replying with the code and link; says
 * whether the message was such a request. In a channel or group chat the request works too, but the summary
 * is never posted there (it would show the respondent's answers to every member): it waits in the dashboard.
 */
export function invitationDesk(deps: InvitationMiddlewareDeps): InvitationDesk {
  return async (context) => {
    const { activity } = context;
    const request =
      activity.type === ActivityTypes.Message && typeof activity.text === 'string'
        ? parseInvitationRequest(deps.prompts, activity.text)
        : null;
    if (!request) return false;
    const anonymous = deps.anonymous === true;
    const interviewerId = anonymous ? LOCAL_OWNER : interviewerIdOf(context);
    // The local user keeps their name: a caller's self-declared name proves nothing in anonymous mode.
    await deps.store.upsertInterviewer(
      anonymous ? { id: interviewerId } : { id: interviewerId, displayName: activity.from.name || null },
    );
    const reference = TurnContext.getConversationReference(activity);
    const interviewerAddress = JSON.parse(JSON.stringify(reference));
    let code = '';
    for (let attempt = 1; !code; attempt++) {
      const candidate = newInvitationCode();
      try {
        await deps.store.createInvitation({
          code: candidate,
          interviewerId,
          interviewerAddress,
          profile: request.profile,
          language: request.language,
        });
        code = candidate;
      } catch (error) {
        if (!(isAppError(error) && error.code === 'conflict') || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
    const words = deps.prompts[request.replyLanguage];
    const template = isGroupConversation(activity)
      ? words.createdInGroup
      : summaryReaches(anonymous, reference)
        ? words.created
        : words.createdForDashboard;
    const created = fill(template, {
      code,
      profile: words.profileNames[request.profile],
      language: words.languageNames[request.language],
    });
    const teamsBot =
      deps.botId ?? (activity.channelId === Channels.Msteams ? activity.recipient.id : undefined);
    await context.sendActivity(
      teamsBot === undefined || teamsBot === ''
        ? created
        : `${created}\n${fill(words.teamsLink, { link: linkShowingItsAddress(teamsDeepLink(teamsBot, code)) })}`,
    );
    return true;
  };
}

/**
 * Lends the bot the invitation desk for the turn (`INVITATION_DESK`): the bot runs it first thing once the
 * message is read as the person wrote it (its own Teams mention taken out) and known not to be a redelivery,
 * so an `inviter` sent again by the channel makes no second invitation. Only the bot answers, then.
 */
export function invitationMiddleware(deps: InvitationMiddlewareDeps): Middleware {
  const desk = invitationDesk(deps);
  return {
    async onTurn(context, next) {
      context.turnState.set(INVITATION_DESK, desk);
      await next();
    },
  };
}
