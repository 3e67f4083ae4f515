/**
 * The Activity protocol types the front doors (src/server, src/web) use, re-exported from here so that
 * botbuilder stays behind src/bot and a move to another SDK speaking the same protocol stays local.
 */
export type {
  Activity,
  ChannelAccount,
  ConversationReference,
  Middleware,
  Storage,
  TurnContext,
} from 'botbuilder';
