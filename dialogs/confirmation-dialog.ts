import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Language } from '../src/core/domain.js';
import { guidesFor, parseYesNo, type YesNo } from '../src/core/interview/index.js';
import type { DialogServices } from './services.js';

/** What every confirmation keeps between its question and the reply. */
export interface ConfirmationOptions {
  interviewId: string;
  language: Language;
}

/** Set in the dialog's state once a reply that was neither a yes nor a no got the question again. */
const ASKED_AGAIN = 'askedAgain';

/**
 * A yes/no asked before something that cannot be taken back (leaving an interview, erasing it): the options
 * are kept in the dialog's state, the question is asked again as it was on a reprompt (a web chat page
 * reloaded after a restart), and the reply is read in the respondent's language. A reply that is neither a
 * yes nor a no ("euh") gets the question again, once: a second one is read as a no, so nothing irreversible
 * is done on a reply no one could read.
 */
export abstract class ConfirmationDialog<Options extends ConfirmationOptions> extends Dialog<Options> {
  constructor(
    id: string,
    protected readonly services: DialogServices,
  ) {
    super(id);
  }

  /** The options read back from state or from the caller; null ends the dialog without asking. */
  protected abstract readOptions(value: unknown): Options | null;

  protected abstract ask(context: TurnContext, options: Options): Promise<void>;

  protected abstract onReply(
    dc: DialogContext,
    options: Options,
    reply: YesNo | null,
  ): Promise<DialogTurnResult>;

  override async beginDialog(dc: DialogContext, options?: Options): Promise<DialogTurnResult> {
    const read = this.readOptions(options);
    if (!read) return dc.endDialog();
    if (dc.activeDialog) Object.assign(dc.activeDialog.state, read);
    await this.ask(dc.context, read);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const read = this.readOptions(instance.state);
    if (read) await this.ask(context, read);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const read = this.readOptions(dc.activeDialog?.state);
    if (!read) return dc.endDialog();
    const reply = parseYesNo(guidesFor(this.services.guides, read.language), dc.context.activity.text ?? '');
    const state: unknown = dc.activeDialog?.state;
    if (reply === null && typeof state === 'object' && state !== null && !(ASKED_AGAIN in state)) {
      Object.assign(state, { [ASKED_AGAIN]: true });
      await dc.context.sendActivity(this.services.guides[read.language].bot.confirmReask);
      await this.ask(dc.context, read);
      return Dialog.EndOfTurn;
    }
    return this.onReply(dc, read, reply);
  }
}
