import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Language, Profile } from '../src/core/domain.js';
import type { GuideSet } from '../src/core/guide/schema.js';
import {
  guidesFor,
  parseInterviewCommand,
  parseLanguageChoice,
  parseProfileChoice,
} from '../src/core/interview/index.js';
import { LANGUAGE_CHOICE_DIALOG, PROFILE_CHOICE_DIALOG } from './ids.js';
import { sendLines } from './services.js';

interface ChoiceOptions {
  language: Language;
}

function languageOf(options: unknown): Language {
  return typeof options === 'object' && options !== null && 'language' in options && options.language === 'en'
    ? 'en'
    : 'fr';
}

/**
 * Asks until the reply names one of the choices (numbers or words from prompts/). `aide` explains the choice
 * and asks it again; `arrêter` or `pause` ends the start with no result, since no interview exists yet.
 */
abstract class ChoiceDialog<T> extends Dialog<ChoiceOptions> {
  constructor(
    id: string,
    protected readonly guides: GuideSet,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: ChoiceOptions): Promise<DialogTurnResult> {
    const language = languageOf(options);
    if (dc.activeDialog) dc.activeDialog.state.language = language;
    await dc.context.sendActivity(this.prompt(language));
    return Dialog.EndOfTurn;
  }

  /** The choice is asked again as it was (e.g. to a web chat page reloaded after a restart). */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await context.sendActivity(this.prompt(languageOf(instance.state)));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const language = languageOf(dc.activeDialog?.state);
    const guides = guidesFor(this.guides, language);
    const text = dc.context.activity.text ?? '';
    const choice = this.parse(guides, text);
    if (choice !== null) return dc.endDialog(choice);
    const { bot } = this.guides[language];
    switch (parseInterviewCommand(guides, text)) {
      case 'help':
        await sendLines(dc.context, [this.help(language), this.prompt(language)]);
        return Dialog.EndOfTurn;
      case 'stop':
      case 'pause':
        await dc.context.sendActivity(bot.startCancelled);
        return dc.endDialog();
      default:
        await dc.context.sendActivity(bot.choiceReask);
        return Dialog.EndOfTurn;
    }
  }

  protected abstract prompt(language: Language): string;
  protected abstract help(language: Language): string;
  protected abstract parse(guides: ReturnType<typeof guidesFor>, text: string): T | null;
}

export class LanguageChoiceDialog extends ChoiceDialog<Language> {
  constructor(guides: GuideSet) {
    super(LANGUAGE_CHOICE_DIALOG, guides);
  }
  protected prompt(language: Language): string {
    return this.guides[language].bot.chooseLanguage;
  }
  protected help(language: Language): string {
    return this.guides[language].bot.languageChoiceHelp;
  }
  protected parse(guides: ReturnType<typeof guidesFor>, text: string): Language | null {
    return parseLanguageChoice(guides, text);
  }
}

export class ProfileChoiceDialog extends ChoiceDialog<Profile> {
  constructor(guides: GuideSet) {
    super(PROFILE_CHOICE_DIALOG, guides);
  }
  protected prompt(language: Language): string {
    return this.guides[language].bot.chooseProfile;
  }
  protected help(language: Language): string {
    return this.guides[language].bot.profileChoiceHelp;
  }
  protected parse(guides: ReturnType<typeof guidesFor>, text: string): Profile | null {
    return parseProfileChoice(guides, text);
  }
}
