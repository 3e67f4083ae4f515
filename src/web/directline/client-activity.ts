import { z } from 'zod';

/**
 * Longest message text taken from the web chat, in UTF-16 units: longer text is cut here, before a
 * transcript holds it, and the page itself sends no more. Well above the guide's answer cap, so the bot
 * still sees an answer was too long and says how much of it it kept, as in the terminal.
 */
export const MAX_TEXT_LENGTH = 20_000;

/** The text up to MAX_TEXT_LENGTH, never ending on half of a surrogate pair. */
function keepFirstUnits(text: string): string {
  if (text.length <= MAX_TEXT_LENGTH) return text;
  const cut = text.slice(0, MAX_TEXT_LENGTH);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * What Web Chat may post: messages (typed text or a card's submitted `value`) and events. Ids, sender,
 * recipient and timestamps are ours to set, so they are not read from the client.
 */
export const ClientActivity = z.object({
  type: z.enum(['message', 'event']),
  text: z.string().transform(keepFirstUnits).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as fr-FR')
    .optional(),
  localTimezone: z.string().max(64).optional(),
  name: z.string().max(128).optional(),
  value: z.unknown().optional(),
  from: z.object({ name: z.string().max(256).optional() }).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z
    .array(z.looseObject({ type: z.string().max(128) }))
    .max(16)
    .optional(),
});
export type ClientActivity = z.infer<typeof ClientActivity>;

export type ClientActivityCheck = { ok: true; activity: ClientActivity } | { ok: false; problem: string };

export function checkClientActivity(body: unknown): ClientActivityCheck {
  const parsed = ClientActivity.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` };
}
