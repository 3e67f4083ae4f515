import type { TurnContext } from 'botbuilder';
import { type DialogContext, type DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import { decideNext, promptNext, type YesNo } from '../src/core/interview/index.js';
import { ConfirmationDialog, type ConfirmationOptions } from './confirmation-dialog.js';
import { DELETE_DATA_DIALOG } from './ids.js';
import { commitResult, type DialogServices, forgetLoaded, loadInterview, turnOptions } from './services.js';

export type DeleteDataOptions = ConfirmationOptions;

/** "Delete my data": asks for confirmation, then erases the interview and every trace of it. */
export class DeleteDataDialog extends ConfirmationDialog<DeleteDataOptions> {
  constructor(services: DialogServices) {
    super(DELETE_DATA_DIALOG, services);
  }

  protected override readOptions(value: unknown): DeleteDataOptions | null {
    if (typeof value !== 'object' || value === null) return null;
    if (!('interviewId' in value) || typeof value.interviewId !== 'string') return null;
    const language = 'language' in value && value.language === 'en' ? 'en' : 'fr';
    return { interviewId: value.interviewId, language };
  }

  protected override async ask(context: TurnContext, read: DeleteDataOptions): Promise<void> {
    await context.sendActivity(this.services.guides[read.language].bot.deleteConfirm);
  }

  protected override async onReply(
    dc: DialogContext,
    read: DeleteDataOptions,
    reply: YesNo | null,
  ): Promise<DialogTurnResult> {
    const guide = this.services.guides[read.language];
    if (reply !== 'yes') {
      await dc.context.sendActivity(guide.bot.deleteCancelled);
      await this.repeatPending(dc, read.interviewId);
      return dc.endDialog({ erased: false });
    }
    forgetLoaded(dc.context);
    // State first, then the interview: the erasure scrubs the store files of both.
    await this.services.forgetConversation(dc.context);
    await this.services.store.eraseInterview(read.interviewId);
    // As the dashboard's erasure and the retention purge are: which interview, never what it held.
    this.services.logger?.info('respondent.interview_erased', {
      interview: read.interviewId,
      channelId: dc.context.activity.channelId,
    });
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
