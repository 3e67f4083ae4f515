import type { TurnContext } from 'botbuilder';
import {
  Dialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
  DialogTurnStatus,
} from 'botbuilder-dialogs';
import type { Language } from '../src/core/domain.js';
import { decideNext, guidesFor, parseYesNo, promptNext } from '../src/core/interview/index.js';
import { DELETE_DATA_DIALOG } from './ids.js';
import { commitResult, type DialogServices, forgetLoaded, loadInterview, turnOptions } from './services.js';

export interface DeleteDataOptions {
  interviewId: string;
  language: Language;
}

function readOptions(value: unknown): DeleteDataOptions | null {
  if (typeof value !== 'object' || value === null) return null;
  if (!('interviewId' in value) || typeof value.interviewId !== 'string') return null;
  const language: Language = 'language' in value && value.language === 'en' ? 'en' : 'fr';
  return { interviewId: value.interviewId, language };
}

/** "Delete my data": asks for confirmation, then erases the interview and every trace of it. */
export class DeleteDataDialog extends Dialog<DeleteDataOptions> {
  constructor(private readonly services: DialogServices) {
    super(DELETE_DATA_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: DeleteDataOptions): Promise<DialogTurnResult> {
    const read = readOptions(options);
    if (!read) return dc.endDialog();
    if (dc.activeDialog) Object.assign(dc.activeDialog.state, read);
    await dc.context.sendActivity(this.services.guides[read.language].bot.deleteConfirm);
    return Dialog.EndOfTurn;
  }

  /** The confirmation is asked again as it was (e.g. to a web chat page reloaded after a restart). */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const read = readOptions(instance.state);
    if (read) await context.sendActivity(this.services.guides[read.language].bot.deleteConfirm);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const read = readOptions(dc.activeDialog?.state);
    if (!read) return dc.endDialog();
    const guide = this.services.guides[read.language];
    const answer = parseYesNo(guidesFor(this.services.guides, read.language), dc.context.activity.text ?? '');
    if (answer !== 'yes') {
      await dc.context.sendActivity(guide.bot.deleteCancelled);
      await this.repeatPending(dc, read.interviewId);
      return dc.endDialog({ erased: false });
    }
    forgetLoaded(dc.context);
    // State first, then the interview: the erasure scrubs the store files of both.
    await this.services.forgetConversation(dc.context);
    await this.services.store.eraseInterview(read.interviewId);
    await dc.context.sendActivity(guide.bot.deleted);
    // The interview dialogs below would only find nothing: the conversation starts afresh.
    await dc.cancelAllDialogs();
    return { status: DialogTurnStatus.cancelled, result: { erased: true } };
  }

  /**
   * After a "no", the interview goes on: the question it was waiting on is asked again, unless a terminal
   * chat holds the interview meanwhile (the question is its to ask).
   */
  private async repeatPending(dc: DialogContext, interviewId: string): Promise<void> {
    const loaded = await loadInterview(this.services, interviewId, dc.context);
    if (!loaded) return;
    if (await this.services.heldElsewhere(dc.context, interviewId)) {
      await dc.context.sendActivity(loaded.guide.messages.heldInTerminal);
      return;
    }
    if (loaded.meta.status !== 'in_progress') return;
    const step = decideNext(loaded.guide, loaded.meta, loaded.turns);
    if (step.type !== 'await') return;
    const result = promptNext(
      loaded.guide,
      loaded.meta,
      loaded.turns,
      turnOptions(this.services, dc.context),
    );
    await commitResult(this.services, dc.context, loaded, {
      ...result,
      replies: [loaded.guide.messages.repeatQuestion, ...result.replies],
    });
  }
}
