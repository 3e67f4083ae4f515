import { type Activity, ActivityTypes, TextFormatTypes } from 'botbuilder';

/** A line break with text on both sides, and the spaces ending the line before it. */
const LINE_BREAK_IN_TEXT = /(?<=[^\n]) *\n(?=[^\n])/g;
/** Two spaces ending a line: Markdown's hard line break, which Teams and Web Chat both show as a new line. */
const HARD_LINE_BREAK = '  \n';

/**
 * The text of a bot message as Teams and Web Chat show it: both read it as Markdown (`textFormat` unset is
 * Markdown), where a single line break is a soft one, shown as a space, so lines the bot writes one under the
 * other (as the terminal prints them) would run together. Each becomes a hard break; a blank line between
 * paragraphs and text sent as plain or XML are left as they are. Done twice, it changes nothing more.
 */
export function withLinesKept<T extends Partial<Activity>>(activity: T): T {
  if (activity.type !== ActivityTypes.Message || typeof activity.text !== 'string') return activity;
  if (activity.textFormat !== undefined && activity.textFormat !== TextFormatTypes.Markdown) return activity;
  return { ...activity, text: activity.text.replace(LINE_BREAK_IN_TEXT, HARD_LINE_BREAK) };
}
