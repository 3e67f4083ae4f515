import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { z } from 'zod';
import { unfinishedInterview } from '../src/bot/conversation.js';
import { Language, Profile } from '../src/core/domain.js';
import type { GuideSet } from '../src/core/guide/schema.js';
import {
  guidesFor,
  parseInterviewCommand,
  parseLanguageChoice,
  parseProfileChoice,
  readLanguageRequest,
} from '../src/core/interview/index.js';
import { LANGUAGE_CHOICE_DIALOG, PROFILE_CHOICE_DIALOG } from './ids.js';
import { type DialogServices, sendLines } from './services.js';

interface ChoiceOptions {
  language: Language;
}

function languageOf(options: unknown): Language {
  return typeof options === 'object' && options !== null && 'language' in options && options.language === 'en'
    ? 'en'
    : 'fr';
}

/** What a choice ends with when `reprendre` was typed there: the unfinished interview to take up instead. */
export interface TakeUp {
  takeUp: string;
}

/** What a choice ends with: the choice, and the language the respondent reads by then (they may ask another). */
function chosen<Choice extends z.ZodType>(choice: Choice) {
  return z.object({ choice, language: Language });
}
export const LanguageChosen = chosen(Language);
export type LanguageChosen = z.infer<typeof LanguageChosen>;
export const ProfileChosen = chosen(Profile);
export type ProfileChosen = z.infer<typeof ProfileChosen>;

export function isTakeUp(value: unknown): value is TakeUp {
  return typeof value === 'object' && value !== null && 'takeUp' in value && typeof value.takeUp === 'string';
}

/**
 * Asks until the reply names one of the choices (numbers or words from prompts/). `aide` explains the choice
 * and asks it again; `arrêter` or `pause` ends the start with no result, since no interview exists yet;
 * `reprendre` ends it with the conversation's unfinished interview to take up, or, with none, says so and asks
 * the choice again.
 */
abstract class ChoiceDialog<T> extends Dialog<ChoiceOptions> {
  protected readonly guides: GuideSet;

  constructor(
    id: string,
    private readonly services: DialogServices,
  ) {
    super(id);
    this.guides = services.guides;
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
    if (choice !== null) return dc.endDialog({ choice, language });
    const requested = readLanguageRequest(guides, text, language);
    if (requested !== null) return this.inLanguage(dc, requested);
    const { bot } = this.guides[language];
    switch (parseInterviewCommand(guides, text)) {
      case 'help':
        await sendLines(dc.context, [this.help(language), this.prompt(language)]);
        return Dialog.EndOfTurn;
      case 'stop':
      case 'pause':
        await dc.context.sendActivity(bot.startCancelled);
        return dc.endDialog();
      case 'resume':
        return this.takeUp(dc, language);
      default:
        await dc.context.sendActivity(bot.choiceReask);
        return Dialog.EndOfTurn;
    }
  }

  /**
   * The bot takes up the conversation's newest interview itself when it is unfinished; one left for an
   * invitation's interview, since completed, is found here ("reprendre quand la langue vous sera demandée").
   */
  private async takeUp(dc: DialogContext, language: Language): Promise<DialogTurnResult> {
    const { store, guides, heldElsewhere } = this.services;
    const unfinished = await unfinishedInterview(store, dc.context);
    if (!unfinished) {
      await sendLines(dc.context, [guides[language].bot.nothingToResume, this.prompt(language)]);
      return Dialog.EndOfTurn;
    }
    if (await heldElsewhere(dc.context, unfinished.id)) {
      await sendLines(dc.context, [
        guides[unfinished.language].messages.heldInTerminal,
        this.prompt(language),
      ]);
      return Dialog.EndOfTurn;
    }
    const takeUp: TakeUp = { takeUp: unfinished.id };
    return dc.endDialog(takeUp);
  }

  /** A request to go on in `language` ("english please"): it is made the choice, or the choice is asked in it. */
  protected abstract inLanguage(dc: DialogContext, language: Language): Promise<DialogTurnResult>;
  protected abstract prompt(language: Language): string;
  protected abstract help(language: Language): string;
  protected abstract parse(guides: ReturnType<typeof guidesFor>, text: string): T | null;
}

export class LanguageChoiceDialog extends ChoiceDialog<Language> {
  constructor(services: DialogServices) {
    super(LANGUAGE_CHOICE_DIALOG, services);
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
  protected async inLanguage(dc: DialogContext, language: Language): Promise<DialogTurnResult> {
    return dc.endDialog({ choice: language, language });
  }
}

export class ProfileChoiceDialog extends ChoiceDialog<Profile> {
  constructor(services: DialogServices) {
    super(PROFILE_CHOICE_DIALOG, services);
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
  protected async inLanguage(dc: DialogContext, language: Language): Promise<DialogTurnResult> {
    if (dc.activeDialog) dc.activeDialog.state.language = language;
    await sendLines(dc.context, [this.guides[language].messages.languageSwitched, this.prompt(language)]);
    return Dialog.EndOfTurn;
  }
}
