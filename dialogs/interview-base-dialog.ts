import {
  ComponentDialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
  DialogTurnStatus,
} from 'botbuilder-dialogs';
import { applyCommand, guidesFor, parseInterviewCommand } from '../src/core/interview/index.js';
import {
  commitResult,
  type DialogServices,
  type LoadedInterview,
  loadInterview,
  turnOptions,
} from './services.js';

export interface InterviewDialogOptions {
  interviewId: string;
  /** Set when a conversation comes back to an interview: the pending question is sent again. */
  resume?: boolean;
}

interface InstanceState {
  interviewId?: string;
}

function instanceState(innerDC: DialogContext): InstanceState {
  const state: unknown = innerDC.parent?.activeDialog?.state;
  return typeof state === 'object' && state !== null ? state : {};
}

/**
 * The interview the conversation's dialogs are in (an interview section, or the erasure confirmation), or
 * null. It is still this conversation's when the interview names another one: a terminal chat took it up.
 */
export function interviewInDialogs(dc: DialogContext): string | null {
  return interviewInStack(dc.stack);
}

/**
 * Reads the stored stacks instead of walking `dc.child`, which builds a dialog context (and its state
 * manager) per level on every message. A component dialog keeps its inner stack under `dialogs`.
 */
function interviewInStack(stack: readonly DialogInstance[]): string | null {
  const state: unknown = stack.at(-1)?.state;
  if (typeof state !== 'object' || state === null) return null;
  if ('interviewId' in state && typeof state.interviewId === 'string') return state.interviewId;
  if (!('dialogs' in state)) return null;
  const inner: unknown = state.dialogs;
  if (typeof inner !== 'object' || inner === null || !('dialogStack' in inner)) return null;
  return Array.isArray(inner.dialogStack) ? interviewInStack(inner.dialogStack) : null;
}

const CONTROL_COMMANDS = new Set(['help', 'pause', 'resume', 'stop']);

/**
 * Base of every interview dialog: remembers the interview id, and intercepts help, pause, resume and
 * stop before the dialog sees an answer.
 */
export abstract class InterviewBaseDialog extends ComponentDialog<InterviewDialogOptions> {
  constructor(
    id: string,
    protected readonly services: DialogServices,
  ) {
    super(id);
  }

  protected override async onBeginDialog(
    innerDC: DialogContext,
    options?: InterviewDialogOptions,
  ): Promise<DialogTurnResult> {
    if (!options?.interviewId) return { status: DialogTurnStatus.complete };
    const state = instanceState(innerDC);
    state.interviewId = options.interviewId;
    const loaded = await loadInterview(this.services, options.interviewId, innerDC.context);
    if (!loaded) return { status: DialogTurnStatus.complete };
    return this.onInterviewBegin(innerDC, loaded, options);
  }

  protected override async onContinueDialog(innerDC: DialogContext): Promise<DialogTurnResult> {
    const interviewId = instanceState(innerDC).interviewId;
    const loaded = interviewId ? await loadInterview(this.services, interviewId, innerDC.context) : null;
    if (!loaded) return { status: DialogTurnStatus.complete };
    const text = innerDC.context.activity.text ?? '';
    const command = parseInterviewCommand(guidesFor(this.services.guides, loaded.meta.language), text);
    if (command !== null && CONTROL_COMMANDS.has(command)) {
      const result = applyCommand(
        loaded.guide,
        loaded.meta,
        loaded.turns,
        command,
        turnOptions(this.services, innerDC.context),
      );
      await commitResult(this.services, innerDC.context, loaded, result);
      return { status: DialogTurnStatus.waiting };
    }
    // A paused interview's messages go to the core too: consent taken back stops it, anything else is
    // answered with the paused reminder there.
    return this.onInterviewInput(innerDC, loaded, text);
  }

  protected abstract onInterviewBegin(
    innerDC: DialogContext,
    loaded: LoadedInterview,
    options: InterviewDialogOptions,
  ): Promise<DialogTurnResult>;

  protected abstract onInterviewInput(
    innerDC: DialogContext,
    loaded: LoadedInterview,
    text: string,
  ): Promise<DialogTurnResult>;
}
