import { type Activity, TurnContext } from 'botbuilder';

/** Teams' own markup for a mention inside the text of a message: `<at>SME Interview</at>`. */
const MENTION_MARKUP = /<at>([^<]*)<\/at>/gi;
/** What Teams may leave around a mention it wrote: a no-break space, sometimes as its HTML entity. */
const MENTION_SPACING = /^(?:&nbsp;|\s)+|(?:&nbsp;|\s)+$/g;

/**
 * Removes the bot's own @mentions from a message's text, in place, so everything after reads what the person
 * wrote: in a Teams channel or group chat a message reaches the bot as "<at>SME Interview</at> oui". The
 * mentions Teams lists in `entities` naming the bot (its recipient id) go, every occurrence of each; so does an
 * `<at>…</at>` naming the bot by its name when the channel sent no entity for it. Other people's mentions stay.
 */
export function stripBotMention(activity: Partial<Activity>): void {
  const text = activity.text;
  if (typeof text !== 'string' || !text.toLowerCase().includes('<at')) return;
  let stripped = text;
  const botId = activity.recipient?.id;
  if (botId) {
    for (const mention of TurnContext.getMentions(activity)) {
      const said = typeof mention.text === 'string' ? mention.text : '';
      if (mention.mentioned?.id === botId && said !== '') stripped = stripped.split(said).join(' ');
    }
  }
  const botName = normalisedName(activity.recipient?.name ?? '');
  if (botName !== '') {
    stripped = stripped.replace(MENTION_MARKUP, (whole, name: string) =>
      normalisedName(name) === botName ? ' ' : whole,
    );
  }
  if (stripped === text) return;
  activity.text = stripped.replace(/[ \t]{2,}/g, ' ').replace(MENTION_SPACING, '');
}

/**
 * Writes the message's accents as single letters (Unicode NFC), in place: text pasted from some systems (macOS,
 * PDFs) writes "é" as "e" and a combining accent, which no command, phrase or name of the guide would match.
 */
export function composeAccents(activity: Partial<Activity>): void {
  const text = activity.text;
  if (typeof text === 'string' && COMBINING_MARK.test(text)) activity.text = text.normalize('NFC');
}

const COMBINING_MARK = /\p{M}/u;

function normalisedName(name: string): string {
  return name
    .replace(/&nbsp;|\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Teams' conversation types where several people read what the bot says. */
const GROUP_CONVERSATION_TYPES = new Set(['channel', 'groupChat', 'groupchat']);

/**
 * Whether the conversation is shared by several people (a Teams channel or group chat): there an interview is
 * never run, since every member would read and could change the respondent's answers.
 */
export function isGroupConversation(activity: Partial<Activity>): boolean {
  const conversation = activity.conversation;
  if (!conversation) return false;
  return conversation.isGroup === true || GROUP_CONVERSATION_TYPES.has(conversation.conversationType ?? '');
}
