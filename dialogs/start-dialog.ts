import {
  ComponentDialog,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { conversationKeyOf } from '../src/bot/conversation.js';
import { Language, Profile } from '../src/core/domain.js';
import { applyCommand } from '../src/core/interview/index.js';
import {
  isTakeUp,
  LanguageChoiceDialog,
  LanguageChosen,
  ProfileChoiceDialog,
  ProfileChosen,
} from './choice-dialogs.js';
import {
  INTERVIEW_DIALOG,
  LANGUAGE_CHOICE_DIALOG,
  PROFILE_CHOICE_DIALOG,
  START_DIALOG,
  START_STEPS,
} from './ids.js';
import { InterviewDialog } from './interview-dialog.js';
import { commitResult, type DialogServices, loadInterview, localeLanguage, turnOptions } from './services.js';

/** How an interview is started: choices already made are not asked (CLI flags, invitation codes). */
export interface StartOptions {
  language?: Language;
  profile?: Profile;
  /** Absent: the interview belongs to whoever `ownerOf` names (a respondent running it for themselves). */
  interviewerId?: string | null;
  /** Called with the new interview's id (e.g. to redeem the invitation that opened it). */
  invitationCode?: string;
}

function read(step: WaterfallStepContext): StartOptions {
  const raw: unknown = step.options;
  if (typeof raw !== 'object' || raw === null) return {};
  const record: Record<string, unknown> = { ...raw };
  const language = Language.safeParse(record.language);
  const profile = Profile.safeParse(record.profile);
  return {
    language: language.success ? language.data : undefined,
    profile: profile.success ? profile.data : undefined,
    interviewerId: typeof record.interviewerId === 'string' ? record.interviewerId : undefined,
    invitationCode: typeof record.invitationCode === 'string' ? record.invitationCode : undefined,
  };
}

/**
 * Language and profile choice, then a new interview record, then the interview itself; or, on `reprendre` at a
 * choice, the conversation's unfinished interview instead.
 */
export class StartDialog extends ComponentDialog<StartOptions> {
  constructor(private readonly services: DialogServices) {
    super(START_DIALOG);
    this.addDialog(new LanguageChoiceDialog(services));
    this.addDialog(new ProfileChoiceDialog(services));
    this.addDialog(new InterviewDialog(services));
    this.addDialog(
      new WaterfallDialog(START_STEPS, [
        (step) => this.chooseLanguage(step),
        (step) => this.chooseProfile(step),
        (step) => this.createInterview(step),
        async (step) => step.endDialog(step.result),
      ]),
    );
    this.initialDialogId = START_STEPS;
  }

  private async chooseLanguage(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = read(step);
    if (options.language) {
      const given: LanguageChosen = { choice: options.language, language: options.language };
      return step.next(given);
    }
    // The choice is still asked, in the language the page or Teams says the respondent reads.
    return step.beginDialog(LANGUAGE_CHOICE_DIALOG, { language: localeLanguage(step.context) ?? 'fr' });
  }

  private async chooseProfile(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (isTakeUp(step.result)) return this.takeUp(step, step.result.takeUp);
    const chosen = LanguageChosen.safeParse(step.result);
    // No language: the respondent stopped at the choice.
    if (!chosen.success) return step.endDialog();
    const language = chosen.data.choice;
    const options = read(step);
    if (options.profile) {
      const given: ProfileChosen = { choice: options.profile, language };
      return step.next(given);
    }
    return step.beginDialog(PROFILE_CHOICE_DIALOG, { language });
  }

  private async createInterview(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (isTakeUp(step.result)) return this.takeUp(step, step.result.takeUp);
    const chosen = ProfileChosen.safeParse(step.result);
    // No profile: the respondent stopped at the choice, or the interview taken up at the language ended.
    if (!chosen.success) return step.endDialog(step.result);
    // The language as it stands after the profile choice: the respondent may have asked for the other there.
    const { choice: profile, language } = chosen.data;
    const options = read(step);
    const meta = await this.services.store.createInterview({
      language,
      profile,
      guideVersion: this.services.guides[language].version,
      interviewerId: options.interviewerId ?? this.services.ownerOf(step.context),
      conversationKey: conversationKeyOf(step.context),
    });
    if (options.invitationCode) await this.services.store.redeemInvitation(options.invitationCode, meta.id);
    return step.beginDialog(INTERVIEW_DIALOG, { interviewId: meta.id });
  }

  /**
   * `reprendre` at a choice: the start gives way to the unfinished interview. A paused one is resumed (the
   * resume says where it was); one in progress has its pending question sent again.
   */
  private async takeUp(step: WaterfallStepContext, interviewId: string): Promise<DialogTurnResult> {
    const loaded = await loadInterview(this.services, interviewId, step.context);
    if (!loaded) return step.endDialog();
    if (loaded.meta.status !== 'paused')
      return step.beginDialog(INTERVIEW_DIALOG, { interviewId, resume: true });
    const options = turnOptions(this.services, step.context);
    const resumed = applyCommand(loaded.guide, loaded.meta, loaded.turns, 'resume', options);
    await commitResult(this.services, step.context, loaded, resumed);
    return step.beginDialog(INTERVIEW_DIALOG, { interviewId });
  }
}
