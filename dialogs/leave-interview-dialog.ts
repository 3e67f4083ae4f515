import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Language, Profile } from '../src/core/domain.js';
import type { Guide } from '../src/core/guide/schema.js';
import { fill } from '../src/core/guide/template.js';
import { applyCommand, type YesNo } from '../src/core/interview/index.js';
import type { TurnRecord } from '../src/core/interview/record.js';
import { ConfirmationDialog, type ConfirmationOptions } from './confirmation-dialog.js';
import { INTERVIEW_DIALOG, LEAVE_INTERVIEW_DIALOG, START_DIALOG } from './ids.js';
import { commitResult, type DialogServices, loadInterview, turnOptions } from './services.js';
import type { StartOptions } from './start-dialog.js';

/** `interviewId` is the unfinished interview the respondent would leave. */
export interface LeaveInterviewOptions extends ConfirmationOptions {
  /** How the new interview starts on a yes (an invitation's choices, or none). */
  start: StartOptions;
}

function readLeaveOptions(value: unknown): LeaveInterviewOptions | null {
  if (typeof value !== 'object' || value === null) return null;
  if (!('interviewId' in value) || typeof value.interviewId !== 'string') return null;
  const language = Language.safeParse('language' in value ? value.language : undefined);
  const raw: unknown = 'start' in value ? value.start : undefined;
  const start: StartOptions = {};
  if (typeof raw === 'object' && raw !== null) {
    const startLanguage = Language.safeParse('language' in raw ? raw.language : undefined);
    const profile = Profile.safeParse('profile' in raw ? raw.profile : undefined);
    if (startLanguage.success) start.language = startLanguage.data;
    if (profile.success) start.profile = profile.data;
    if ('interviewerId' in raw && typeof raw.interviewerId === 'string')
      start.interviewerId = raw.interviewerId;
    if ('invitationCode' in raw && typeof raw.invitationCode === 'string')
      start.invitationCode = raw.invitationCode;
  }
  return { interviewId: value.interviewId, language: language.success ? language.data : 'fr', start };
}

/** How far the interview went, in the guide's words: its answers and the part its last question is in. */
export function whereItStands(guide: Guide, turns: readonly TurnRecord[]): { answers: string; part: string } {
  const answered = new Set<string>();
  let section: string | null = null;
  for (const turn of turns) {
    if (turn.kind === 'question') section = turn.section;
    // Consent is no answer of the interview: the recap does not list it either.
    if (turn.kind === 'answer' && turn.questionId && turn.section !== 'opening')
      answered.add(turn.questionId);
  }
  const { leaveAnswers, leaveParts } = guide.bot;
  const count = answered.size;
  const answers =
    count === 0 ? leaveAnswers.none : count === 1 ? leaveAnswers.one : fill(leaveAnswers.many, { count });
  const theme = [guide.presentation, ...guide.themes].find((s) => s.id === section);
  const part = theme?.title ?? (section === 'closing' ? leaveParts.closing : leaveParts.opening);
  return { answers, part };
}

/**
 * `démarrer` or an invitation code while an interview is unfinished: asks before leaving it. A yes pauses it
 * (it can be taken up again) and starts the new one; a no, or a second reply that is neither, goes back to where
 * the respondent was.
 */
export class LeaveInterviewDialog extends ConfirmationDialog<LeaveInterviewOptions> {
  constructor(services: DialogServices) {
    super(LEAVE_INTERVIEW_DIALOG, services);
  }

  protected override readOptions(value: unknown): LeaveInterviewOptions | null {
    return readLeaveOptions(value);
  }

  protected override async onReply(
    dc: DialogContext,
    read: LeaveInterviewOptions,
    answer: YesNo | null,
  ): Promise<DialogTurnResult> {
    const loaded = await loadInterview(this.services, read.interviewId, dc.context);
    const guide = loaded?.guide ?? this.services.guides[read.language];
    if (answer === 'yes') {
      if (loaded?.meta.status === 'in_progress') {
        const paused = applyCommand(
          loaded.guide,
          loaded.meta,
          loaded.turns,
          'pause',
          turnOptions(this.services, dc.context),
        );
        await commitResult(this.services, dc.context, loaded, { ...paused, replies: [] });
      }
      if (loaded) await dc.context.sendActivity(guide.bot.leaveKept);
      return dc.replaceDialog(START_DIALOG, read.start);
    }
    await dc.context.sendActivity(guide.bot.leaveCancelled);
    if (loaded?.meta.status === 'in_progress')
      return dc.replaceDialog(INTERVIEW_DIALOG, { interviewId: read.interviewId, resume: true });
    if (loaded?.meta.status === 'paused') await dc.context.sendActivity(guide.messages.pausedReminder);
    return dc.endDialog();
  }

  protected override async ask(context: TurnContext, read: LeaveInterviewOptions): Promise<void> {
    const loaded = await loadInterview(this.services, read.interviewId, context);
    if (!loaded) return;
    await context.sendActivity(
      fill(loaded.guide.bot.leaveConfirm, whereItStands(loaded.guide, loaded.turns)),
    );
  }
}
