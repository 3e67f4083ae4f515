import {
  ComponentDialog,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { Language, Profile } from '../src/core/domain.js';
import { LanguageChoiceDialog, ProfileChoiceDialog } from './choice-dialogs.js';
import {
  INTERVIEW_DIALOG,
  LANGUAGE_CHOICE_DIALOG,
  PROFILE_CHOICE_DIALOG,
  START_DIALOG,
  START_STEPS,
} from './ids.js';
import { InterviewDialog } from './interview-dialog.js';
import { type DialogServices, localeLanguage } from './services.js';

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

function conversationKey(step: WaterfallStepContext): string {
  const activity = step.context.activity;
  return `${activity.channelId}:${activity.conversation.id}`;
}

/** Language and profile choice, then a new interview record, then the interview itself. */
export class StartDialog extends ComponentDialog<StartOptions> {
  constructor(private readonly services: DialogServices) {
    super(START_DIALOG);
    this.addDialog(new LanguageChoiceDialog(services.guides));
    this.addDialog(new ProfileChoiceDialog(services.guides));
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
    if (options.language) return step.next(options.language);
    // The choice is still asked, in the language the page or Teams says the respondent reads.
    return step.beginDialog(LANGUAGE_CHOICE_DIALOG, { language: localeLanguage(step.context) ?? 'fr' });
  }

  private async chooseProfile(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const chosen = Language.safeParse(step.result);
    // No language: the respondent stopped at the choice.
    if (!chosen.success) return step.endDialog();
    const language = chosen.data;
    Object.assign(step.values, { language });
    const options = read(step);
    if (options.profile) return step.next(options.profile);
    return step.beginDialog(PROFILE_CHOICE_DIALOG, { language });
  }

  private async createInterview(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const chosen = Profile.safeParse(step.result);
    // No profile: the respondent stopped at the choice.
    if (!chosen.success) return step.endDialog();
    const profile = chosen.data;
    const options = read(step);
    const language = Language.parse(Reflect.get(step.values, 'language'));
    const meta = await this.services.store.createInterview({
      language,
      profile,
      guideVersion: this.services.guides[language].version,
      interviewerId: options.interviewerId ?? this.services.ownerOf(step.context),
      conversationKey: conversationKey(step),
    });
    if (options.invitationCode) await this.services.store.redeemInvitation(options.invitationCode, meta.id);
    return step.beginDialog(INTERVIEW_DIALOG, { interviewId: meta.id });
  }
}
