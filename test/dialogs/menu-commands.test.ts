import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInvitationRequest } from '../../src/bot/invitation-command.js';
import { loadInvitationPrompts } from '../../src/bot/invitation-prompts.js';
import { MANIFEST_DIR, MANIFEST_TEMPLATE } from '../../src/teams/package-app.js';
import { type Speaker, TeamsHarness, teamsConversation, teamsMessage } from './teams-harness.js';

interface CommandList {
  scopes: string[];
  commands: { title: string; description: string }[];
}

const TEMPLATE = JSON.parse(readFileSync(join(MANIFEST_DIR, MANIFEST_TEMPLATE), 'utf8'));
const EN: Record<string, string> = JSON.parse(readFileSync(join(MANIFEST_DIR, 'en.json'), 'utf8'));
const LISTS: CommandList[] = TEMPLATE.bots[0].commandLists;

/** The command menu Teams shows in `scope`, in French (the manifest) or English (its language file). */
function menu(scope: string, lang: 'fr' | 'en'): { title: string; description: string }[] {
  const index = LISTS.findIndex((list) => list.scopes.includes(scope));
  const list = LISTS[index];
  if (!list) return [];
  return list.commands.map((command, n) =>
    lang === 'fr'
      ? command
      : {
          title: EN[`bots[0].commandLists[${index}].commands[${n}].title`] ?? '',
          description: EN[`bots[0].commandLists[${index}].commands[${n}].description`] ?? '',
        },
  );
}

const prompts = loadInvitationPrompts();

function personal(lang: 'fr' | 'en'): Speaker {
  return {
    conversation: teamsConversation(`a:menu-${lang}`, 'personal'),
    from: { id: `29:menu-${lang}`, name: 'Interviewer', aadObjectId: `aad-menu-${lang}` },
    locale: lang === 'fr' ? 'fr-FR' : 'en-US',
  };
}

describe.each(['fr', 'en'] as const)('the Teams command menu (%s) does what it says', (lang) => {
  it('in a personal chat: every command is understood, the invitation one gives a code', async () => {
    const commands = menu('personal', lang);
    expect(commands.map((c) => c.title)).toEqual(
      lang === 'fr'
        ? ['démarrer', 'inviter', 'reprendre', 'récapitulatif', 'effacer mes données', 'aide']
        : ['start', 'invite', 'resume', 'summary', 'delete my data', 'help'],
    );
    for (const command of commands) {
      const teams = new TeamsHarness();
      const guide = teams.guides[lang];
      const replies = await teams.send(teamsMessage(personal(lang), command.title));
      expect(replies, command.title).not.toContain(guide.bot.welcome);
      if (/invitation/i.test(command.description)) {
        expect(replies.join('\n'), command.title).toMatch(/Code\u00a0?: [A-Z0-9]{8}/);
        expect(await teams.store.listInterviews()).toEqual([]);
      } else if (command.title === commands[0]?.title) {
        expect(replies).toEqual([guide.bot.chooseLanguage]);
      }
    }
  });

  it('the help lists every command of the menu, the invitation included', () => {
    const teams = new TeamsHarness();
    const help = teams.guides[lang].bot.help;
    const [open, close] = lang === 'fr' ? ['«\u00a0', '\u00a0»'] : ['"', '"'];
    for (const { title } of menu('personal', lang)) expect(help).toContain(`${open}${title}${close}`);
    expect(help).toContain(lang === 'fr' ? 'inviter un expert en anglais' : 'invite an expert in English');
  });

  it('in a group chat or channel: only what works there, the invitation and help', async () => {
    for (const scope of ['groupChat', 'team']) {
      const commands = menu(scope, lang);
      expect(commands.map((c) => c.title)).toEqual(lang === 'fr' ? ['inviter', 'aide'] : ['invite', 'help']);
      const teams = new TeamsHarness();
      const group: Speaker = {
        ...personal(lang),
        conversation: teamsConversation('19:team@thread.tacv2', scope === 'team' ? 'channel' : 'groupChat'),
      };
      const invitation = await teams.send(teamsMessage(group, commands[0]?.title ?? '', { mention: true }));
      expect(invitation.join('\n')).toMatch(/Code\u00a0?: [A-Z0-9]{8}/);
      const help = await teams.send(teamsMessage(group, commands[1]?.title ?? '', { mention: true }));
      expect(help).toEqual([teams.prompts[lang].inGroup]);
      expect(help[0]).toContain(lang === 'fr' ? '«\u00a0inviter\u00a0»' : '"invite"');
    }
  });
});

describe('a request for an invitation, as interviewers write it', () => {
  it.each([
    ['inviter un expert en anglais', { profile: 'expert', language: 'en', replyLanguage: 'fr' }],
    ['Inviter une experte, en français svp', { profile: 'expert', language: 'fr', replyLanguage: 'fr' }],
    ['inviter un dirigeant de PME', { profile: 'manager', language: 'fr', replyLanguage: 'fr' }],
    [
      "invitation pour un chef d'entreprise en anglais",
      { profile: 'manager', language: 'en', replyLanguage: 'fr' },
    ],
    ['invite an expert in English', { profile: 'expert', language: 'en', replyLanguage: 'en' }],
    ['Invite a manager in French, please.', { profile: 'manager', language: 'fr', replyLanguage: 'en' }],
    ['invite an SME manager', { profile: 'manager', language: 'en', replyLanguage: 'en' }],
    ['invite expert en', { profile: 'expert', language: 'en', replyLanguage: 'en' }],
  ] as const)('"%s"', (text, request) => {
    expect(parseInvitationRequest(prompts, text)).toEqual(request);
  });

  it.each([
    'invitation de nos clients au salon',
    'inviter nos fournisseurs à la démo',
    'invite our customers to the launch',
    'nous utilisons un ERP',
  ])('"%s" is no request', (text) => {
    expect(parseInvitationRequest(prompts, text)).toBeNull();
  });

  it('gets the generic welcome no more, in French and English', async () => {
    for (const [lang, text] of [
      ['fr', 'inviter un expert en anglais'],
      ['en', 'invite an expert in English'],
    ] as const) {
      const teams = new TeamsHarness();
      const replies = await teams.send(teamsMessage(personal(lang), text));
      expect(replies).not.toContain(teams.guides[lang].bot.welcome);
      expect(replies.join('\n')).toContain(
        lang === 'fr' ? 'entretien expert, en anglais' : 'expert interview, in English',
      );
    }
  });
});
