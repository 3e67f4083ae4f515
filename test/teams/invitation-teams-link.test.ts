import { type Activity, TestAdapter } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { invitationDesk, teamsDeepLink } from '../../src/bot/invitation-middleware.js';
import { loadInvitationPrompts } from '../../src/bot/invitation-prompts.js';
import { createMemoryStore } from '../../src/store/memory.js';

const prompts = loadInvitationPrompts();
const APP_ID = '5b1e9c3a-7d24-4f6e-9a80-c2d4e6f8a1b3';

/** The desk's answer to one request, sent as `channelId` delivers it to a bot it addresses as `recipientId`. */
async function answerTo(
  text: string,
  options: { botId?: string; channelId: string; recipientId: string },
): Promise<string> {
  const store = createMemoryStore();
  const desk = invitationDesk({
    store,
    prompts,
    anonymous: true,
    ...(options.botId ? { botId: options.botId } : {}),
  });
  const said: string[] = [];
  const adapter = new TestAdapter(async (context) => {
    await desk(context);
  });
  const activity: Partial<Activity> = {
    type: 'message',
    text,
    channelId: options.channelId,
    conversation: { id: `conv-${options.channelId}`, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'interviewer', name: 'Maëlle' },
    recipient: { id: options.recipientId, name: 'Entretiens PME' },
  };
  await adapter.send(activity).assertReply((reply) => {
    said.push(reply.text ?? '');
  });
  return said.join('\n');
}

const REQUESTS = [
  ['fr', 'inviter dirigeant fr'],
  ['en', 'invite a manager in English'],
] as const;

describe('the invitation message', () => {
  it.each(REQUESTS)('offers no Teams link when no Teams bot is known (%s)', async (lang, request) => {
    const answer = await answerTo(request, { channelId: 'webchat', recipientId: 'sme-interview' });
    expect(answer).not.toContain('teams.microsoft.com');
    expect(answer).not.toContain('{link}');
    expect(answer).not.toContain(prompts[lang].teamsLink.split('{link}')[0]);
    // Each sentence ends with a full stop.
    expect(answer.split('\n')[1]).toMatch(/\.$/);
  });

  it.each(REQUESTS)("adds the Teams link line with the bot's app id (%s)", async (lang, request) => {
    const answer = await answerTo(request, {
      botId: APP_ID,
      channelId: 'webchat',
      recipientId: 'sme-interview',
    });
    const lines = answer.split('\n');
    const code = /([A-HJ-NP-Z2-9]{8})/.exec(lines[0] ?? '')?.[1] ?? '';
    const link = teamsDeepLink(APP_ID, code);
    expect(lines.at(-1)).toBe(prompts[lang].teamsLink.replace('{link}', `[${link}](${link})`));
  });

  it.each(REQUESTS)(
    'adds it in Teams, to the bot Teams addresses, without an app id (%s)',
    async (_lang, request) => {
      const answer = await answerTo(request, { channelId: 'msteams', recipientId: '28:teams-bot' });
      const code = /([A-HJ-NP-Z2-9]{8})/.exec(answer)?.[1] ?? '';
      expect(answer.split('\n').at(-1)).toContain(`(${teamsDeepLink('28:teams-bot', code)})`);
    },
  );

  it('keeps French typography: no-break space before a colon and inside guillemets, narrow before ; ! ?', () => {
    const french = prompts.fr;
    for (const text of [
      french.created,
      french.createdForDashboard,
      french.createdInGroup,
      french.teamsLink,
    ]) {
      expect(text).not.toMatch(/[^\u00a0]:\s/);
      expect(text).not.toMatch(/«[^\u00a0]|[^\u00a0]»/);
      expect(text).not.toMatch(/[^\u202f][;!?]/);
    }
    for (const key of ['created', 'createdForDashboard', 'createdInGroup'] as const) {
      expect(french[key]).not.toContain('{link}');
      expect(prompts.en[key]).not.toContain('{link}');
    }
    expect(french.teamsLink).toBe('Dans Teams, elle peut aussi ouvrir ce lien\u00a0: {link}');
    expect(prompts.en.teamsLink).toBe('In Teams, they can also open this link: {link}');
  });
});
