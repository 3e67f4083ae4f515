import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Language, Profile } from '../src/core/domain.js';
import type { GuideSet } from '../src/core/guide/schema.js';
import { guidesFor, parseLanguageChoice, parseProfileChoice } from '../src/core/interview/index.js';
import { LANGUAGE_CHOICE_DIALOG, PROFILE_CHOICE_DIALOG } from './ids.js';

interface ChoiceOptions {
  language: Language;
}

function languageOf(options: unknown): Language {
  return typeof options === 'object' && options !== null && 'language' in options && options.language === 'en'
    ? 'en'
    : 'fr';
}

/** Asks until the reply names one of the choices (numbers or words from prompts/). */
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
    const choice = this.parse(guidesFor(this.guides, language), dc.context.activity.text ?? '');
    if (choice === null) {
      await dc.context.sendActivity(this.guides[language].bot.choiceReask);
      return Dialog.EndOfTurn;
    }
    return dc.endDialog(choice);
  }

  protected abstract prompt(language: Language): string;
  protected abstract parse(guides: ReturnType<typeof guidesFor>, text: string): T | null;
}

export class LanguageChoiceDialog extends ChoiceDialog<Language> {
  constructor(guides: GuideSet) {
    super(LANGUAGE_CHOICE_DIALOG, guides);
  }
  protected prompt(language: Language): string {
    return this.guides[language].bot.chooseLanguage;
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
  protected parse(guides: ReturnType<typeof guidesFor>, text: string): Profile | null {
    return parseProfileChoice(guides, text);
  }
}
