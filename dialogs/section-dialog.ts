import { type DialogContext, type DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import { decideNext, handleInput, promptNext } from '../src/core/interview/index.js';
import {
  CLOSING_DIALOG,
  CONSENT_DIALOG,
  PRESENTATION_DIALOG,
  THEME_MEANING_DIALOG,
  THEME_TOOLS_DIALOG,
  THEME_VALUE_DIALOG,
} from './ids.js';
import { InterviewBaseDialog, type InterviewDialogOptions } from './interview-base-dialog.js';
import {
  commitResult,
  type DialogServices,
  forgetLoaded,
  type LoadedInterview,
  turnOptions,
} from './services.js';

/** How a section dialog ends: the parent moves on, or stops the interview. */
export interface SectionResult {
  outcome: 'next' | 'declined' | 'completed' | 'gone';
}

/**
 * One part of the guide (opening, presentation, a theme, closing). It is thin: the core says what to ask;
 * the dialog stays while the pending question belongs to its section and ends when the interview moves on.
 */
export class SectionDialog extends InterviewBaseDialog {
  constructor(
    id: string,
    private readonly section: string,
    services: DialogServices,
  ) {
    super(id, services);
  }

  private owns(loaded: LoadedInterview): boolean {
    const step = decideNext(loaded.guide, loaded.meta, loaded.turns);
    return step.type !== 'complete' && step.question.section === this.section;
  }

  protected override async onInterviewBegin(
    innerDC: DialogContext,
    loaded: LoadedInterview,
    _options: InterviewDialogOptions,
  ): Promise<DialogTurnResult> {
    if (loaded.meta.status === 'completed') return this.done('completed');
    if (!this.owns(loaded)) return this.done('next');
    const step = decideNext(loaded.guide, loaded.meta, loaded.turns);
    // A pending question was sent by the turn that recorded it; only an unasked one is asked here.
    if (step.type === 'ask') {
      await commitResult(
        this.services,
        innerDC.context,
        loaded,
        promptNext(loaded.guide, loaded.meta, loaded.turns, turnOptions(this.services, innerDC.context)),
      );
    }
    return { status: DialogTurnStatus.waiting };
  }

  protected override async onInterviewInput(
    innerDC: DialogContext,
    loaded: LoadedInterview,
    text: string,
  ): Promise<DialogTurnResult> {
    const result = handleInput(
      loaded.guide,
      loaded.meta,
      loaded.turns,
      text,
      this.services.tagger,
      turnOptions(this.services, innerDC.context),
    );
    const after = await commitResult(this.services, innerDC.context, loaded, result);
    // This turn's copy keeps the guide it was read with: a change of language has it read again in the new one.
    if (result.patch?.language) forgetLoaded(innerDC.context);
    if (result.outcome === 'declined') return this.done('declined');
    if (result.outcome === 'completed') return this.done('completed');
    if (!after) return this.done('gone');
    return this.owns(after) ? { status: DialogTurnStatus.waiting } : this.done('next');
  }

  private done(outcome: SectionResult['outcome']): DialogTurnResult<SectionResult> {
    return { status: DialogTurnStatus.complete, result: { outcome } };
  }
}

/** The section dialogs in interview order, with their ids. */
export const SECTION_DIALOGS = [
  { id: CONSENT_DIALOG, section: 'opening' },
  { id: PRESENTATION_DIALOG, section: 'presentation' },
  { id: THEME_MEANING_DIALOG, section: 'meaning' },
  { id: THEME_TOOLS_DIALOG, section: 'tools' },
  { id: THEME_VALUE_DIALOG, section: 'value' },
  { id: CLOSING_DIALOG, section: 'closing' },
] as const;
