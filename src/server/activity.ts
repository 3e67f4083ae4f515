import { z } from 'zod';
import type { Activity, ChannelAccount } from '../bot/protocol.js';

/** PostgreSQL text cannot hold NUL, and no channel sends it in an identifier: refused at the edge. */
const noNul = (value: string) => !value.includes('\u0000');
const Id = (max: number) => z.string().min(1).max(max).refine(noNul, 'NUL characters are not allowed');

const Account = z.looseObject({
  id: Id(512),
  name: z.string().max(512).optional(),
  role: z.string().optional(),
  aadObjectId: z.string().optional(),
});

const Conversation = z.looseObject({
  id: Id(1024),
  name: z.string().optional(),
  isGroup: z.boolean().optional(),
  conversationType: z.string().optional(),
  tenantId: z.string().optional(),
});

/** What the bot relies on in an incoming activity; other fields pass through untouched. */
export const IncomingActivity = z.looseObject({
  type: Id(64),
  id: z.string().max(1024).optional(),
  channelId: Id(128),
  serviceUrl: Id(2048),
  conversation: Conversation,
  from: Account,
  recipient: Account.optional(),
  /**
   * A NUL in typed text carries nothing and cannot be stored: dropped rather than refusing the answer. Some
   * clients send `null` for a message with no text (a photo alone): read as no text.
   */
  text: z
    .string()
    .nullable()
    .transform((text) => (text === null ? undefined : text.replaceAll('\u0000', '')))
    .optional(),
  locale: z.string().max(64).optional(),
  timestamp: z.string().max(64).optional(),
  localTimestamp: z.string().max(64).optional(),
  deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
  membersAdded: z.array(Account).optional(),
  membersRemoved: z.array(Account).optional(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  replyToId: z.string().optional(),
  name: z.string().optional(),
});
export type IncomingActivity = z.infer<typeof IncomingActivity>;

export type ActivityCheck = { ok: true; activity: Activity } | { ok: false; problems: string[] };

/** Validates a request body as an activity; problems name the field and what is wrong with it. */
export function checkActivity(body: unknown): ActivityCheck {
  const parsed = IncomingActivity.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues
        .slice(0, 5)
        .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`),
    };
  }
  return { ok: true, activity: toActivity(parsed.data) };
}

/** The botbuilder shape: dates as `Date` (as botbuilder's own validator does), empty defaults for the rest. */
function toActivity(incoming: IncomingActivity): Activity {
  const {
    timestamp,
    localTimestamp,
    recipient,
    text,
    from,
    conversation,
    membersAdded,
    membersRemoved,
    ...rest
  } = incoming;
  return {
    ...rest,
    from: toAccount(from),
    recipient: toAccount(recipient ?? { id: '' }),
    conversation: {
      ...conversation,
      name: conversation.name ?? '',
      isGroup: conversation.isGroup ?? false,
      conversationType: conversation.conversationType ?? '',
    },
    ...(membersAdded === undefined ? {} : { membersAdded: membersAdded.map(toAccount) }),
    ...(membersRemoved === undefined ? {} : { membersRemoved: membersRemoved.map(toAccount) }),
    text: text ?? '',
    localTimezone: '',
    callerId: '',
    label: '',
    valueType: '',
    listenFor: [],
    ...(timestamp === undefined ? {} : { timestamp: toDate(timestamp), rawTimestamp: timestamp }),
    ...(localTimestamp === undefined
      ? {}
      : { localTimestamp: toDate(localTimestamp), rawLocalTimestamp: localTimestamp }),
  };
}

type IncomingAccount = z.infer<typeof Account>;

function toAccount(account: IncomingAccount): ChannelAccount {
  return { ...account, name: account.name ?? '' };
}

/** Channels differ in timestamp precision; an unreadable one is dropped rather than refused. */
function toDate(text: string): Date | undefined {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
