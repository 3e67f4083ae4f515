import {
  type Activity,
  ActivityHandler,
  ActivityTypes,
  ConversationState,
  DeliveryModes,
  type InvokeResponse,
  type StatePropertyAccessor,
  StatusCodes,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import {
  type DialogContext,
  DialogSet,
  type DialogState,
  type DialogStateManagerConfiguration,
} from 'botbuilder-dialogs';
import { DeleteDataDialog } from '../../dialogs/delete-data-dialog.js';
import {
  DELETE_DATA_DIALOG,
  INTERVIEW_DIALOG,
  LEAVE_INTERVIEW_DIALOG,
  START_DIALOG,
} from '../../dialogs/ids.js';
import { interviewInDialogs } from '../../dialogs/interview-base-dialog.js';
import { InterviewDialog } from '../../dialogs/interview-dialog.js';
import { LeaveInterviewDialog, type LeaveInterviewOptions } from '../../dialogs/leave-interview-dialog.js';
import {
  commitResult,
  type DialogServices,
  forgetLoaded,
  loadInterview,
  localeLanguage,
  type OwnerOf,
  repeatPendingQuestion,
  sendLines,
  turnOptions,
} from '../../dialogs/services.js';
import { StartDialog, type StartOptions } from '../../dialogs/start-dialog.js';
import type { Language } from '../core/domain.js';
import type { Guide, GuideSet } from '../core/guide/schema.js';
import { shippedWords } from '../core/interview/gibberish.js';
import {
  applyCommand,
  type BotCommand,
  earlierExchange,
  nearBotCommand,
  parseBotCommand,
  readsAsStartRequest,
  recapLines,
  reviewedSummary,
} from '../core/interview/index.js';
import type { InterviewMeta } from '../core/interview/record.js';
import type { Tagger } from '../core/tagger/types.js';
import type { Logger } from '../log.js';
import { isHeldByAnother } from '../store/interview-hold.js';
import { currentTurnScope } from '../store/turn-scope.js';
import type { InterviewStore } from '../store/types.js';
import { conversationInterview, conversationKeyOf, unfinishedInterview } from './conversation.js';
import {
  DELIVERIES_PROPERTY,
  type DeliveryMemory,
  deliveryId,
  FirstDeliveryUnfinished,
  hasSeen,
  type RememberedReplies,
  readMemory,
  remember,
  repliesTo,
  replyToRemember,
  withDeliveryClaimed,
} from './deliveries.js';
import {
  BOT_EVENT_END_OF_INPUT,
  BOT_EVENT_RESUME,
  BOT_EVENT_SHOW_PENDING,
  BOT_EVENT_START,
  FORGET_TRANSCRIPT,
  INTERVIEW_HOLDER,
  INVITATION_DESK,
  ResumeEventValue,
  SEND_HELD_REPLIES,
  SHOW_EARLIER_MESSAGES,
  StartEventValue,
  TRUSTED_FRONT_DOOR,
} from './events.js';
import { composeAccents, isGroupConversation, stripBotMention } from './incoming.js';
import { codeShapedWord, type InvitationCodeProblem, invitationCodeProblem } from './invitation-command.js';
import { type InvitationPrompts, loadInvitationPrompts } from './invitation-prompts.js';
import { packLines } from './pack-lines.js';

/** The turn-state key under which botbuilder-dialogs' DialogStateManager looks for its configuration. */
const DIALOG_STATE_MANAGER_CONFIGURATION = 'DialogStateManagerConfiguration';

export interface BotHooks {
  /**
   * Runs once an interview completes, after the closing was sent: the place for the end-of-interview
   * summary review card and for delivering the summary to the interviewer of an invitation.
   */
  onCompleted?: DialogServices['onCompleted'];
}

export type { OwnerOf } from '../../dialogs/services.js';

/** How long a redelivery waits for the replies its first delivery, still running, is about to give. */
const FIRST_REPLIES_WAIT_MS = 3000;
const FIRST_REPLIES_POLL_MS = 25;
/**
 * A first delivery that has not given its replies this long after it recorded something never will (its
 * server stopped meanwhile; a request is answered within a minute or dropped): its redelivery gets none.
 */
const FIRST_DELIVERY_ABANDONED_MS = 60_000;

/** Where a turn keeps the work to do once it is stored and has replied (`afterCompletion`). */
const AFTER_TURN = Symbol('afterTurn');
type AfterTurn = () => Promise<void>;

function isAttachmentOnly(activity: Activity): boolean {
  return (activity.text ?? '').trim() === '' && (activity.attachments?.length ?? 0) > 0;
}

async function runAfterTurn(work: readonly AfterTurn[]): Promise<void> {
  for (const run of work) await run();
}

/** Without an `ownerOf`: interviews started without an invitation belong to the local user. */
export const LOCAL_OWNER = 'local';

export interface BotDeps {
  store: InterviewStore;
  storage: Storage;
  tagger: Tagger;
  guides: GuideSet;
  clock?: () => Date;
  hooks?: BotHooks;
  ownerOf?: OwnerOf;
  /** What the bot says about invitations and group conversations; prompts/invitation.<lang>.json by default. */
  invitationPrompts?: Record<Language, InvitationPrompts>;
  logger?: Logger;
}

interface ConversationData {
  greeted?: boolean;
  /** The language the conversation was greeted in, for turns whose activity carries no locale (a reload). */
  language?: Language;
}

/** One bot for every front door: Teams, web chat and the terminal all reach it through their adapters. */
export class InterviewBot extends ActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly conversationData: StatePropertyAccessor<ConversationData>;
  /** The messages this conversation was delivered (deliveries.ts): a redelivery is not processed again. */
  private readonly deliveries: StatePropertyAccessor<DeliveryMemory | undefined>;
  /** Turns running now, by conversation and activity id: a redelivery arriving meanwhile waits for its first. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly invitationPrompts: Record<Language, InvitationPrompts>;
  private readonly dialogs: DialogSet;
  private readonly services: DialogServices;
  private readonly allGuides: Guide[];
  /**
   * The dialogs' memory scopes and path resolvers: botbuilder-dialogs rebuilds them on every turn (component
   * registrations checked, scope objects made anew) unless the turn already carries them, as DialogManager's
   * `stateConfiguration` does. They hold no per-turn data: the first turn's are kept for the next ones.
   */
  private stateConfiguration: DialogStateManagerConfiguration | undefined;
  /** Turns whose conversation state was deleted: nothing is written back at their end. */
  private readonly forgotten = new WeakSet<TurnContext>();
  /** Work following turns that have replied (the summary sent to an interviewer): awaited by `settled`. */
  private readonly background = new Set<Promise<void>>();

  constructor(private readonly deps: BotDeps) {
    super();
    this.services = {
      store: deps.store,
      guides: deps.guides,
      tagger: deps.tagger,
      clock: deps.clock ?? (() => new Date()),
      ownerOf: deps.ownerOf ?? (() => LOCAL_OWNER),
      forgetConversation: (context) => this.forgetConversation(context),
      heldElsewhere: (context, interviewId) => isHeldByAnother(deps.store.kv, interviewId, holderOf(context)),
      onCompleted: deps.hooks?.onCompleted ? this.afterCompletion(deps.hooks.onCompleted) : undefined,
      ...(deps.logger ? { logger: deps.logger } : {}),
    };
    this.allGuides = [deps.guides.fr, deps.guides.en];
    this.conversationState = new ConversationState(deps.storage);
    this.dialogState = this.conversationState.createProperty<DialogState>('dialogState');
    this.conversationData = this.conversationState.createProperty<ConversationData>('interviewConversation');
    this.deliveries = this.conversationState.createProperty<DeliveryMemory | undefined>(DELIVERIES_PROPERTY);
    this.invitationPrompts = deps.invitationPrompts ?? loadInvitationPrompts();
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(new StartDialog(this.services));
    this.dialogs.add(new InterviewDialog(this.services));
    this.dialogs.add(new DeleteDataDialog(this.services));
    this.dialogs.add(new LeaveInterviewDialog(this.services));

    this.onMembersAdded(async (context, next) => {
      await this.greet(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.onText(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      await this.onBotEvent(context);
      await next();
    });
  }

  /**
   * One turn, for every front door. A message is first read as the person wrote it (the bot's own Teams
   * mention taken out, accents written as single letters), and a message this conversation was already delivered (same activity id: a channel
   * retrying after a timeout or an error) is not processed again. State is saved at the end of every turn;
   * the interview itself was already made durable by the dialogs.
   */
  override async run(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message) return this.runOnce(context, null);
    stripBotMention(activity);
    composeAccents(activity);
    const id = deliveryId(activity);
    if (id === null) return this.runOnce(context, null);
    const key = `${conversationKeyOf(context)}\n${id}`;
    const earlier = this.inFlight.get(key);
    const turn = (async () => {
      // The same message delivered again while its first delivery runs: answered once that one is done.
      if (earlier) await earlier.catch(() => undefined);
      await this.runOnce(context, id);
    })();
    this.inFlight.set(key, turn);
    try {
      await turn;
    } finally {
      if (this.inFlight.get(key) === turn) this.inFlight.delete(key);
    }
  }

  /** A turn of a message known by `id` (null: an activity that is not remembered), run unless already run. */
  private async runOnce(context: TurnContext, id: string | null): Promise<void> {
    if (this.stateConfiguration)
      context.turnState.set(DIALOG_STATE_MANAGER_CONFIGURATION, this.stateConfiguration);
    if (id !== null) {
      const memory = readMemory(await this.deliveries.get(context));
      if (hasSeen(memory, id)) {
        await this.answerRedelivery(context, memory, id);
        return;
      }
    }
    const sent: Partial<Activity>[] = [];
    const scope = currentTurnScope();
    if (id !== null && scope) {
      const keepsReplies = expectsReplies(context);
      scope.claim = (state) => withDeliveryClaimed(state, id, keepsReplies, Date.now());
    }
    if (id !== null) {
      context.onSendActivities(async (_context, activities, next) => {
        for (const reply of activities)
          if (reply.type === ActivityTypes.Message) sent.push(replyToRemember(reply));
        return next();
      });
    }
    const afterTurn: AfterTurn[] = [];
    context.turnState.set(AFTER_TURN, afterTurn);
    try {
      await this.dispatch(context);
    } catch (error) {
      // Replies go out only once what they answer is stored: a turn that failed while replying is done, and
      // its redelivery gets those replies again rather than being taken as the answer to the next question.
      // One that recorded something before failing has marked its message as processed, its replies to come:
      // they are known now.
      if (id !== null && (sent.length > 0 || scope?.committed) && !this.forgotten.has(context))
        await this.rememberFailedTurn(context, id, sent).catch(() => undefined);
      // What it recorded stands (an interview completed, say): what follows from it is still done.
      if (scope?.committed && !scope.stale) this.inBackground(runAfterTurn(afterTurn));
      throw error;
    }
    this.stateConfiguration ??= context.turnState.get(DIALOG_STATE_MANAGER_CONFIGURATION);
    if (!this.forgotten.has(context)) {
      if (id !== null) {
        const memory = readMemory(await this.deliveries.get(context));
        remember(memory, id, expectsReplies(context) ? sent : null);
        await this.deliveries.set(context, memory);
      }
      await this.conversationState.saveChanges(context, false);
      await this.sendHeldReplies(context, id, sent);
    }
    // Not awaited: the respondent's replies (with expectReplies, the HTTP response) never wait for it.
    this.inBackground(runAfterTurn(afterTurn));
  }

  private inBackground(work: Promise<void>): void {
    // The work logs its own failures (a summary not delivered); nothing is left to reject unhandled.
    const tracked: Promise<void> = work
      .catch(() => undefined)
      .finally(() => {
        this.background.delete(tracked);
      });
    this.background.add(tracked);
  }

  /**
   * Resolves once the work started after turns that already replied is done, or after `withinMs` (a shutdown
   * does not wait for an interviewer's channel that never answers).
   */
  async settled(withinMs = Number.POSITIVE_INFINITY): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (this.background.size > 0 && Date.now() < deadline) {
      const left = deadline - Date.now();
      const all = Promise.all([...this.background]);
      if (!Number.isFinite(left)) await all;
      else {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, left)))]);
        clearTimeout(timer);
      }
    }
  }

  /**
   * The completion hook (the summary sent to the interviewer, which may take a while) runs once the turn's
   * state and replies are stored and sent, apart from the turn: neither the respondent's last reply nor a
   * redelivery of the message racing this turn waits for the summary.
   */
  private afterCompletion(
    onCompleted: NonNullable<DialogServices['onCompleted']>,
  ): NonNullable<DialogServices['onCompleted']> {
    return async (meta, turns, context) => {
      const afterTurn: unknown = context.turnState.get(AFTER_TURN);
      const work = () => onCompleted(meta, turns, context);
      if (Array.isArray(afterTurn)) afterTurn.push(work);
      else await work();
    };
  }

  /**
   * A message delivered again: with `expectReplies` the replies of its first delivery are its answer again
   * (the channel never read them), as they are when its first delivery failed after it began to reply;
   * otherwise they were posted already, and nothing more is said.
   */
  private async answerRedelivery(context: TurnContext, memory: DeliveryMemory, id: string): Promise<void> {
    let earlier = repliesTo(memory, id);
    if (earlier?.pendingSince !== undefined) {
      // In normal delivery the first delivery posts its replies itself.
      if (!expectsReplies(context)) return;
      earlier = await this.firstDeliveryReplies(context, id, earlier.pendingSince);
    }
    if (!earlier || !(expectsReplies(context) || earlier.failed)) return;
    await context.sendActivities(earlier.activities.map((reply) => ({ ...reply })));
    if (earlier.failed) {
      const current = readMemory(await this.deliveries.get(context));
      remember(current, id, expectsReplies(context) ? earlier.activities : null);
      await this.deliveries.set(context, current);
      await this.conversationState.saveChanges(context, false);
      await this.sendHeldReplies(context, id, earlier.activities);
    }
  }

  /**
   * The replies of a message's first delivery, which was still running when this redelivery read the state
   * (on this server or another): read again until they are there. Still to come after a few seconds, the
   * redelivery is refused (`FirstDeliveryUnfinished`), to be sent again; none when the first delivery
   * stopped long ago without giving any.
   */
  private async firstDeliveryReplies(
    context: TurnContext,
    id: string,
    pendingSince: number,
  ): Promise<RememberedReplies | null> {
    const deadline = Date.now() + FIRST_REPLIES_WAIT_MS;
    for (;;) {
      if (Date.now() - pendingSince > FIRST_DELIVERY_ABANDONED_MS) return null;
      if (Date.now() >= deadline) throw new FirstDeliveryUnfinished();
      await new Promise((resolve) => setTimeout(resolve, FIRST_REPLIES_POLL_MS));
      await this.conversationState.load(context, true);
      const entry = repliesTo(readMemory(await this.deliveries.get(context)), id);
      if (entry?.pendingSince === undefined) return entry;
    }
  }

  /**
   * Sends the replies the front door held back (`SEND_HELD_REPLIES`) now that what they answer is stored:
   * should sending fail, the message's redelivery gets them, as after a turn that failed while replying.
   */
  private async sendHeldReplies(
    context: TurnContext,
    id: string | null,
    replies: readonly Partial<Activity>[],
  ): Promise<void> {
    const send: unknown = context.turnState.get(SEND_HELD_REPLIES);
    if (typeof send !== 'function') return;
    try {
      await send();
    } catch (error) {
      if (id !== null && replies.length > 0)
        await this.rememberFailedTurn(context, id, replies).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Keeps, after a turn that failed, only that its message was processed and what it tried to reply: the
   * rest of the turn's state is left as stored before it (the interview's own position is the store's).
   */
  private async rememberFailedTurn(
    context: TurnContext,
    id: string,
    sent: readonly Partial<Activity>[],
  ): Promise<void> {
    await this.conversationState.load(context, true);
    const memory = readMemory(await this.deliveries.get(context));
    remember(memory, id, sent, { failed: true });
    await this.deliveries.set(context, memory);
    await this.conversationState.saveChanges(context, false);
  }

  /**
   * In a Teams channel or group chat every member reads what the bot says and could answer in another's
   * place: no interview is run there, nothing of a respondent is recorded, and the bot says the interview
   * takes place in a personal chat with it. An interviewer's request for an invitation works everywhere.
   */
  private async dispatch(context: TurnContext): Promise<void> {
    const { activity } = context;
    const desk: unknown = context.turnState.get(INVITATION_DESK);
    if (activity.type === ActivityTypes.Message && typeof desk === 'function' && (await desk(context)))
      return;
    if (isGroupConversation(activity)) {
      if (activity.type === ActivityTypes.Message) {
        await context.sendActivity(this.inGroup(context));
        return;
      }
      // The front doors' events (start, resume…) belong to a personal conversation: none is run here.
      if (activity.type === ActivityTypes.Event) return;
    }
    await super.run(context);
  }

  /** What the bot says to anything but an invitation request in a group, in the language its reader reads. */
  private inGroup(context: TurnContext): string {
    return this.invitationPrompts[localeLanguage(context) ?? 'fr'].inGroup;
  }

  /**
   * Invokes (card actions, message extension searches, sign-in steps) want their answer in the HTTP response.
   * This bot offers none of them: it sends no card with `Action.Execute`, no search, no sign-in card. Each is
   * answered "not implemented", as botbuilder answers an invoke it has no handler for, without botbuilder's
   * reading of the value first, which throws on a card action without an `action` (Teams sends `value: {}`).
   */
  protected override async onInvokeActivity(_context: TurnContext): Promise<InvokeResponse> {
    return { status: StatusCodes.NOT_IMPLEMENTED };
  }

  private async forgetConversation(context: TurnContext): Promise<void> {
    this.forgotten.add(context);
    await this.conversationState.delete(context);
    // What the web chat showed of the answers goes too; the confirmation sent next starts a new transcript.
    const forgetTranscript: unknown = context.turnState.get(FORGET_TRANSCRIPT);
    if (typeof forgetTranscript === 'function') forgetTranscript();
  }

  /**
   * Once a conversation: when someone joins it, or when the bot is added to it, which is all Teams says when a
   * user installs the app in their personal chat (no member but the bot in `membersAdded`).
   */
  private async greet(context: TurnContext): Promise<void> {
    if ((context.activity.membersAdded ?? []).length === 0) return;
    const data = await this.conversationData.get(context, {});
    if (data.greeted) return;
    data.greeted = true;
    const guide = this.guideFor(context, null);
    data.language = guide.language;
    await context.sendActivity(
      isGroupConversation(context.activity) ? this.inGroup(context) : guide.bot.welcome,
    );
  }

  private async onText(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const text = context.activity.text ?? '';
    const command = parseBotCommand(this.allGuides, text);
    const meta = await this.interviewOf(dc);
    if (meta && (await this.answeredAsTakenUpElsewhere(dc, meta, command))) return;
    const choosing = atStartChoices(dc);
    if ((meta?.status === 'in_progress' || choosing) && isAttachmentOnly(context.activity)) {
      // A photo or a file with no words: nothing to read or record, and no empty answer counted toward a skip;
      // a choice of the start is asked again as it was.
      await context.sendActivity(this.guideFor(context, meta).bot.attachmentOnly);
      if (choosing) await dc.repromptDialog();
      return;
    }
    if (command && this.handledAtBotLevel(dc, command, meta)) {
      await this.runBotCommand(dc, command, meta);
      return;
    }
    const codeProblem = command ? null : invitationCodeProblem(this.allGuides, text);
    // An interview question takes "code barre" as an answer; elsewhere a `code …` is a try at an invitation.
    if (codeProblem && !this.awaitsAnswer(dc, meta)) {
      await this.sayCodeProblem(context, codeProblem, meta);
      return;
    }
    // Likewise a code sent alone or in a sentence ("mon code est K7M2QX9P") when no question waits for it.
    const codeTried = command || codeProblem ? null : codeShapedWord(this.allGuides, text);
    if (codeTried && !this.awaitsAnswer(dc, meta)) {
      await this.startFromInvitation(dc, codeTried, this.guideFor(context, meta), meta);
      return;
    }
    const result = await dc.continueDialog();
    if (result.status !== 'empty') return;
    // No dialog running (new conversation, or state lost): an unfinished interview takes the message.
    if (meta && meta.status !== 'completed') {
      await dc.beginDialog(INTERVIEW_DIALOG, { interviewId: meta.id });
      await dc.continueDialog();
      return;
    }
    // Nothing runs here, so a start said in a sentence or a command typed a letter off is no answer to anything.
    const meant = command ? null : this.meantCommand(text);
    if (meant) {
      await this.runBotCommand(dc, meant, meta);
      return;
    }
    const { bot } = this.guideFor(context, meta);
    if (command?.kind === 'help') await context.sendActivity(bot.help);
    // A correction or an afterthought sent once the interview is over would otherwise get a greeting.
    else await context.sendActivity(meta?.status === 'completed' ? bot.afterCompleted : bot.welcome);
  }

  /** The bot command a message means without being one: a start said in a sentence, a command's typo. */
  private meantCommand(text: string): BotCommand | null {
    if (readsAsStartRequest(this.allGuides, text)) return { kind: 'start' };
    return nearBotCommand(this.allGuides, text, this.deps.tagger.knownWords?.() ?? shippedWords());
  }

  /**
   * The interview a message of this conversation is about: the one its dialogs are in (theirs still when a
   * terminal chat took it up, which made the interview name the terminal's conversation), else its newest.
   */
  private async interviewOf(dc: DialogContext): Promise<InterviewMeta | null> {
    const inDialogs = interviewInDialogs(dc);
    const loaded = inDialogs ? await loadInterview(this.services, inDialogs, dc.context) : null;
    return loaded?.meta ?? (await conversationInterview(this.deps.store, dc.context));
  }

  /**
   * A message to an interview a terminal chat took up (`chat --resume`). While the chat holds it, nothing is
   * recorded and the respondent is told where it goes on. Once the chat let go of it (ended, or its hold
   * lapsed), the interview comes back to this conversation and the question it has reached is shown: the
   * message was written before the respondent could see that question, so it is not taken as its answer.
   * Left alone: starting another interview, and erasure with its confirmation (a respondent may have their
   * data erased at any time, wherever the interview goes on). Returns whether the message was answered here.
   */
  private async answeredAsTakenUpElsewhere(
    dc: DialogContext,
    meta: InterviewMeta,
    command: BotCommand | null,
  ): Promise<boolean> {
    if (command?.kind === 'start' || command?.kind === 'code') return false;
    if (dc.activeDialog?.id === DELETE_DATA_DIALOG) return false;
    const context = dc.context;
    if (await this.services.heldElsewhere(context, meta.id)) {
      if (command?.kind === 'delete') return false;
      await context.sendActivity(this.deps.guides[meta.language].messages.heldInTerminal);
      return true;
    }
    if (meta.conversationKey === conversationKeyOf(context)) return false;
    await this.bringBack(dc, meta);
    if (command?.kind === 'delete') return false;
    if (meta.status === 'completed') {
      await context.sendActivity(this.deps.guides[meta.language].messages.alreadyCompleted);
      return true;
    }
    await context.sendActivity(this.deps.guides[meta.language].messages.carriesOnHere);
    await this.resume(dc, meta.id);
    return true;
  }

  /**
   * The interview a terminal chat took up comes back to this conversation; the dialogs start afresh from
   * where the store says it is, so none still waits on a question the terminal has since moved past.
   */
  private async bringBack(dc: DialogContext, meta: InterviewMeta): Promise<void> {
    await this.deps.store.updateInterview(meta.id, { conversationKey: conversationKeyOf(dc.context) });
    forgetLoaded(dc.context);
    await dc.cancelAllDialogs();
  }

  /**
   * Whether the message goes to an interview as its answer: an interview's dialogs run, or none runs and the
   * conversation's interview is unfinished (it takes the message). A choice of the start is no interview yet.
   */
  private awaitsAnswer(dc: DialogContext, meta: InterviewMeta | null): boolean {
    if (interviewInDialogs(dc) !== null) return true;
    return dc.activeDialog === undefined && meta !== null && meta.status !== 'completed';
  }

  private async sayCodeProblem(
    context: TurnContext,
    problem: InvitationCodeProblem,
    meta: InterviewMeta | null,
  ): Promise<void> {
    const { bot } = this.guideFor(context, meta);
    await context.sendActivity(problem === 'missing' ? bot.invitationCodeMissing : bot.invitationUnknown);
  }

  /**
   * Help and resume belong to the running interview when there is one; the other commands always to the bot.
   * At the choices of a start, or when asked before leaving it, `reprendre` brings back the unfinished one.
   */
  private handledAtBotLevel(dc: DialogContext, command: BotCommand, meta: InterviewMeta | null): boolean {
    const active = dc.activeDialog;
    if (command.kind === 'help') return active === undefined;
    if (command.kind === 'resume') {
      if (active === undefined) return true;
      const unfinished = meta !== null && meta.status !== 'completed';
      return unfinished && (atStartChoices(dc) || active.id === LEAVE_INTERVIEW_DIALOG);
    }
    return true;
  }

  /**
   * Whether starting another interview now would leave this conversation's unfinished one behind: it is the
   * one the conversation is in (not a choice of a start after it), and no terminal chat holds it.
   */
  private async wouldLeave(dc: DialogContext, meta: InterviewMeta | null): Promise<boolean> {
    if (!meta || meta.status === 'completed') return false;
    if (atStartChoices(dc)) return false;
    return !(await this.services.heldElsewhere(dc.context, meta.id));
  }

  /** Starts a new interview, after asking when an unfinished one would be left behind. */
  private async startNew(dc: DialogContext, meta: InterviewMeta | null, start: StartOptions): Promise<void> {
    const leaving = await this.wouldLeave(dc, meta);
    await dc.cancelAllDialogs();
    if (leaving && meta) {
      const options: LeaveInterviewOptions = { interviewId: meta.id, language: meta.language, start };
      await dc.beginDialog(LEAVE_INTERVIEW_DIALOG, options);
      return;
    }
    await dc.beginDialog(START_DIALOG, start);
  }

  private async runBotCommand(
    dc: DialogContext,
    command: BotCommand,
    meta: InterviewMeta | null,
  ): Promise<void> {
    const context = dc.context;
    const guide = this.guideFor(context, meta);
    switch (command.kind) {
      case 'start':
        await this.startNew(dc, meta, {});
        return;
      case 'help':
        await context.sendActivity(guide.bot.help);
        return;
      case 'resume': {
        const unfinished =
          meta && meta.status !== 'completed' ? meta : await unfinishedInterview(this.deps.store, context);
        if (unfinished) await this.resume(dc, unfinished.id);
        else await context.sendActivity(guide.bot.nothingToResume);
        return;
      }
      case 'summary':
        await this.sendSummary(context, meta);
        return;
      case 'delete':
        if (!meta) await context.sendActivity(guide.bot.noInterview);
        else await dc.beginDialog(DELETE_DATA_DIALOG, { interviewId: meta.id, language: meta.language });
        return;
      case 'code':
        await this.startFromInvitation(dc, command.code, this.guideFor(context, meta), meta);
        return;
    }
  }

  /**
   * Invitation codes: an interviewer's code opens an interview recorded for that interviewer, with the
   * invitation's language and profile; the summary then reaches the interviewer through `hooks.onCompleted`.
   */
  private async startFromInvitation(
    dc: DialogContext,
    code: string,
    guide: Guide,
    meta: InterviewMeta | null,
  ): Promise<void> {
    const invitation = await this.deps.store.getInvitation(code);
    if (invitation && meta && invitation.interviewId === meta.id) {
      // The respondent's own code again (its link opened twice): back to where their interview is.
      if (meta.status === 'completed') await dc.context.sendActivity(guide.messages.alreadyCompleted);
      else if (await this.services.heldElsewhere(dc.context, meta.id))
        await dc.context.sendActivity(guide.messages.heldInTerminal);
      else await this.resume(dc, meta.id);
      return;
    }
    if (!invitation || invitation.interviewId !== null) {
      await dc.context.sendActivity(guide.bot.invitationUnknown);
      return;
    }
    await this.startNew(dc, meta, {
      language: invitation.language,
      profile: invitation.profile,
      interviewerId: invitation.interviewerId,
      invitationCode: invitation.code,
    });
  }

  private async sendSummary(context: TurnContext, meta: InterviewMeta | null): Promise<void> {
    const guide = this.guideFor(context, meta);
    if (!meta) {
      await context.sendActivity(guide.bot.noInterview);
      return;
    }
    const loaded = await loadInterview(this.services, meta.id, context);
    const turns = loaded?.turns ?? [];
    const lines = recapLines(guide, turns, turnOptions(this.services, context).quote, {
      profile: meta.profile,
      corrected: reviewedSummary(meta, turns, new Date()),
    });
    // One message (a few for a very long interview): Teams throttles a conversation sent many in a row.
    await sendLines(
      context,
      lines.length === 0 ? [guide.bot.summaryEmpty] : packLines([guide.bot.summaryHeader, ...lines]),
    );
  }

  /** Comes back to an interview (this conversation's, or another channel's by id): the pending question is sent again. */
  private async resume(dc: DialogContext, interviewId: string): Promise<void> {
    const context = dc.context;
    let meta = await this.deps.store.getInterview(interviewId);
    if (!meta) {
      await context.sendActivity(this.guideFor(context, null).bot.nothingToResume);
      return;
    }
    const guide = this.deps.guides[meta.language];
    if (meta.status === 'completed') {
      await context.sendActivity(guide.messages.alreadyCompleted);
      return;
    }
    const key = conversationKeyOf(context);
    if (meta.conversationKey !== key) {
      meta = await this.deps.store.updateInterview(meta.id, { conversationKey: key });
      forgetLoaded(context);
    }
    await dc.cancelAllDialogs();
    if (meta.status === 'paused') {
      const loaded = await loadInterview(this.services, meta.id, context);
      if (!loaded) return;
      await commitResult(
        this.services,
        context,
        loaded,
        applyCommand(guide, loaded.meta, loaded.turns, 'resume', turnOptions(this.services, context)),
      );
      await dc.beginDialog(INTERVIEW_DIALOG, { interviewId: meta.id });
      return;
    }
    await dc.beginDialog(INTERVIEW_DIALOG, { interviewId: meta.id, resume: true });
  }

  private async onBotEvent(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    switch (context.activity.name) {
      case BOT_EVENT_START: {
        const value = StartEventValue.safeParse(context.activity.value ?? {});
        await dc.cancelAllDialogs();
        await dc.beginDialog(START_DIALOG, value.success ? value.data : {});
        return;
      }
      case BOT_EVENT_RESUME: {
        const value = ResumeEventValue.safeParse(context.activity.value);
        if (value.success && (await this.mayResume(context, value.data.interviewId)))
          await this.resume(dc, value.data.interviewId);
        else await context.sendActivity(this.guideFor(context, null).bot.nothingToResume);
        return;
      }
      case BOT_EVENT_END_OF_INPUT: {
        const meta = await conversationInterview(this.deps.store, context);
        if (meta?.status !== 'in_progress') return;
        const loaded = await loadInterview(this.services, meta.id, context);
        if (!loaded) return;
        const paused = applyCommand(
          loaded.guide,
          loaded.meta,
          loaded.turns,
          'pause',
          turnOptions(this.services, context),
        );
        // « reprendre » would reach nobody: the front door whose input ended says itself how to come back.
        await commitResult(this.services, context, loaded, { ...paused, replies: [] });
        return;
      }
      case BOT_EVENT_SHOW_PENDING:
        await this.showWhereTheyAre(dc);
        return;
    }
  }

  /**
   * For a front door that lost what it had shown (a web chat page after a server restart): the interview's
   * exchange so far is put back (when the front door can), then what is waiting for the respondent is said
   * again (the choice or confirmation asked, the pending question, the pause) without recording anything,
   * and the conversation goes on where it was.
   */
  private async showWhereTheyAre(dc: DialogContext): Promise<void> {
    const context = dc.context;
    const data = await this.conversationData.get(context, {});
    // A conversation never greeted is new: its opening greets it.
    if (!data.greeted) return;
    const meta = await this.interviewOf(dc);
    if (meta) await this.showEarlierExchange(context, meta.id);
    if (meta && (await this.services.heldElsewhere(context, meta.id))) {
      await context.sendActivity(this.deps.guides[meta.language].messages.heldInTerminal);
      return;
    }
    if (meta && meta.conversationKey !== conversationKeyOf(context)) {
      // Taken up in a terminal since, and let go of: it comes back here (nothing is recorded to show it).
      await this.bringBack(dc, meta);
      const guide = this.deps.guides[meta.language];
      await context.sendActivity(
        meta.status === 'completed' ? guide.messages.alreadyCompleted : guide.messages.carriesOnHere,
      );
      if (meta.status === 'completed') return;
    } else {
      // Choices and confirmations ask again by themselves; the dialogs of an interview leave it to the store.
      await dc.repromptDialog();
      if (context.responded) return;
    }
    if (!meta) {
      await context.sendActivity(this.guideFor(context, null, data.language).bot.welcome);
      return;
    }
    if (meta.status === 'paused') {
      await context.sendActivity(this.deps.guides[meta.language].messages.pausedReminder);
      return;
    }
    await repeatPendingQuestion(this.services, context, meta.id);
  }

  /** The questions and answers stored so far, shown as they were said (nothing is tagged or recorded). */
  private async showEarlierExchange(context: TurnContext, interviewId: string): Promise<void> {
    const showEarlier: unknown = context.turnState.get(SHOW_EARLIER_MESSAGES);
    if (typeof showEarlier !== 'function') return;
    const loaded = await loadInterview(this.services, interviewId, context);
    if (loaded) showEarlier(earlierExchange(loaded.guide, loaded.turns));
  }

  /**
   * An interview named by id is taken up only from a trusted front door or from its own conversation:
   * otherwise whoever learnt an id (it is in exports and file names) could read and rewrite its answers.
   */
  private async mayResume(context: TurnContext, interviewId: string): Promise<boolean> {
    if (context.turnState.get(TRUSTED_FRONT_DOOR) === true) return true;
    const meta = await this.deps.store.getInterview(interviewId);
    return meta !== null && meta.conversationKey === conversationKeyOf(context);
  }

  /**
   * The guide to speak in: the interview's language, else the one the front door says the person reads
   * (Teams and the web page send a locale), else the one the conversation was greeted in, else French.
   */
  private guideFor(context: TurnContext, meta: InterviewMeta | null, greetedIn?: Language): Guide {
    return this.deps.guides[meta?.language ?? localeLanguage(context) ?? greetedIn ?? 'fr'];
  }
}

/** Whether the channel waits for this turn's replies in its HTTP response (`deliveryMode: expectReplies`). */
function expectsReplies(context: TurnContext): boolean {
  return context.activity.deliveryMode === DeliveryModes.ExpectReplies;
}

/** At the choices of a start (language, profile, consent), before any interview of it. */
function atStartChoices(dc: DialogContext): boolean {
  return dc.activeDialog?.id === START_DIALOG && interviewInDialogs(dc) === null;
}

/** The hold this turn's front door keeps on its interview (a terminal chat's), if any. */
function holderOf(context: TurnContext): string | null {
  const holder: unknown = context.turnState.get(INTERVIEW_HOLDER);
  return typeof holder === 'string' ? holder : null;
}
