/** Dialog ids: one constant each, shared by the bot and the tests. */
export const START_DIALOG = 'interview.start';
export const LANGUAGE_CHOICE_DIALOG = 'interview.choose-language';
export const PROFILE_CHOICE_DIALOG = 'interview.choose-profile';
export const INTERVIEW_DIALOG = 'interview.run';
export const CONSENT_DIALOG = 'interview.consent';
export const PRESENTATION_DIALOG = 'interview.presentation';
export const THEME_MEANING_DIALOG = 'interview.theme.meaning';
export const THEME_TOOLS_DIALOG = 'interview.theme.tools';
export const THEME_VALUE_DIALOG = 'interview.theme.value';
export const CLOSING_DIALOG = 'interview.closing';
export const DELETE_DATA_DIALOG = 'interview.delete-data';
export const LEAVE_INTERVIEW_DIALOG = 'interview.leave';

/** Waterfall ids inside the component dialogs. */
export const START_STEPS = 'interview.start.steps';
export const INTERVIEW_STEPS = 'interview.run.steps';
