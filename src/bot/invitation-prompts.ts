import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../core/domain.js';
import { AppError } from '../errors.js';
import { PROMPTS_DIR } from '../paths.js';

const Words = z.array(z.string().min(1)).min(1);

export const InvitationPrompts = z.object({
  commandWords: Words,
  profileWords: z.object({ manager: Words, expert: Words }),
  languageWords: z.object({ fr: Words, en: Words }),
  /**
   * Words a request may hold besides the command, the profile and the language, so that it reads as people
   * write it ("inviter un expert en anglais", "invite an expert in English"); any other word makes the message
   * no request (an answer such as "invitation de nos clients au salon" stays an answer).
   */
  fillerWords: Words,
  created: z.string().includes('{code}'),
  /** As `created`, when the summary cannot be sent to the chat it was asked from: it will be in the dashboard. */
  createdForDashboard: z.string().includes('{code}'),
  /**
   * As `created`, in a channel or group chat: the respondent answers in a personal chat with the bot, and the
   * summary is never posted in the group (every member would read the answers): it waits in the dashboard.
   */
  createdInGroup: z.string().includes('{code}'),
  /** The line added when the bot is known to Teams: the deep link that opens a chat with it, the code typed in. */
  teamsLink: z.string().includes('{link}'),
  /**
   * Anything else said to the bot in a channel or group chat, in the reader's language: interviews take place
   * in a personal chat with the bot (a group's members would read and could change each other's answers);
   * here an interviewer can still ask for an invitation.
   */
  inGroup: z.string().min(1),
  profileNames: z.object({ manager: z.string(), expert: z.string() }),
  languageNames: z.object({ fr: z.string(), en: z.string() }),
  summaryIntro: z.string(),
});
export type InvitationPrompts = z.infer<typeof InvitationPrompts>;

/** prompts/invitation.<lang>.json, validated; a bad file stops the start naming the file and field. */
export function loadInvitationPrompts(dir: string = PROMPTS_DIR): Record<Language, InvitationPrompts> {
  const load = (lang: Language) => {
    const file = join(dir, `invitation.${lang}.json`);
    const parsed = InvitationPrompts.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(
        'bad_guide',
        `${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`,
      );
    }
    return parsed.data;
  };
  const [fr, en] = LANGUAGES.map(load);
  if (!fr || !en) throw new AppError('bad_guide', 'invitation prompts missing');
  return { fr, en };
}
