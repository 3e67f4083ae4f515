import {
  ComponentDialog,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { INTERVIEW_DIALOG, INTERVIEW_STEPS } from './ids.js';
import type { InterviewDialogOptions } from './interview-base-dialog.js';
import { SECTION_DIALOGS, SectionDialog, type SectionResult } from './section-dialog.js';
import { type DialogServices, repeatPendingQuestion } from './services.js';

function isSectionResult(value: unknown): value is SectionResult {
  return typeof value === 'object' && value !== null && 'outcome' in value;
}

function interviewIdOf(step: WaterfallStepContext): string | null {
  const options: unknown = step.options;
  if (
    typeof options === 'object' &&
    options !== null &&
    'interviewId' in options &&
    typeof options.interviewId === 'string'
  ) {
    return options.interviewId;
  }
  return null;
}

/** The interview from consent to closing: each section dialog in turn, ending early on refusal or completion. */
export class InterviewDialog extends ComponentDialog<InterviewDialogOptions> {
  constructor(private readonly services: DialogServices) {
    super(INTERVIEW_DIALOG);
    for (const { id, section } of SECTION_DIALOGS) this.addDialog(new SectionDialog(id, section, services));
    const steps = SECTION_DIALOGS.map(
      ({ id }, index) =>
        async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
          const interviewId = interviewIdOf(step);
          if (!interviewId) return step.endDialog();
          if (index === 0 && isResume(step.options))
            await repeatPendingQuestion(this.services, step.context, interviewId);
          if (index > 0 && isSectionResult(step.result) && step.result.outcome !== 'next')
            return step.endDialog(step.result);
          return step.beginDialog(id, { interviewId });
        },
    );
    this.addDialog(
      new WaterfallDialog(INTERVIEW_STEPS, [...steps, async (step) => step.endDialog(step.result)]),
    );
    this.initialDialogId = INTERVIEW_STEPS;
  }
}

function isResume(options: unknown): boolean {
  return typeof options === 'object' && options !== null && 'resume' in options && options.resume === true;
}
