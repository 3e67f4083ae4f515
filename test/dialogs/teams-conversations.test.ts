import { describe, expect, it } from 'vitest';
import { BOT_EVENT_START } from '../../src/bot/events.js';
import { stripBotMention } from '../../src/bot/incoming.js';
import { summaryDeliveryHook } from '../../src/bot/invitation-delivery.js';
import {
  BOT_MENTION,
  type Speaker,
  TEAMS_BOT,
  TeamsHarness,
  teamsConversation,
  teamsMessage,
} from './teams-harness.js';

const PERSONAL: Speaker = {
  conversation: teamsConversation('a:alice-personal', 'personal'),
  from: { id: '29:alice', name: 'Alice', aadObjectId: 'aad-alice' },
  locale: 'fr-FR',
};

function inGroup(kind: 'groupChat' | 'channel', who: 'alice' | 'bob', locale: string): Speaker {
  return {
    conversation: teamsConversation(
      kind === 'channel' ? '19:projet@thread.tacv2' : '19:groupe@thread.v2',
      kind,
    ),
    from: { id: `29:${who}`, name: who, aadObjectId: `aad-${who}` },
    locale,
  };
}

describe("the bot's own @mention, as Teams writes it into the text", () => {
  it('is taken out before anything reads the message: commands, choices and consent work', async () => {
    const teams = new TeamsHarness();
    const { fr } = teams.guides;
    const say = (text: string) => teams.send(teamsMessage(PERSONAL, text, { mention: true }));
    expect(await say('démarrer')).toEqual([fr.bot.chooseLanguage]);
    expect(await say('aide')).toEqual([fr.bot.languageChoiceHelp, fr.bot.chooseLanguage]);
    expect(await say('1')).toEqual([fr.bot.chooseProfile]);
    expect(await say('1')).toEqual([fr.opening.intro.manager, fr.opening.consentQuestion]);
    const consented = await say('oui');
    expect(consented[0]).toBe(fr.opening.consentThanks);
    expect(consented).not.toContain(fr.opening.consentQuestion);
    // What is stored is what the person wrote, without the mention.
    await say('Nous fabriquons des meubles avec un ERP.');
    const [meta] = await teams.store.listInterviews();
    const turns = await teams.store.getTurns(meta?.id ?? '');
    const answer = turns.filter((turn) => turn.kind === 'answer').at(-1);
    expect(answer?.text).toBe('Nous fabriquons des meubles avec un ERP.');
  });

  it('is taken out in English too, and before a request for an invitation', async () => {
    const teams = new TeamsHarness();
    const speaker = { ...PERSONAL, locale: 'en-US' };
    const say = (text: string) => teams.send(teamsMessage(speaker, text, { mention: true }));
    expect(await say('help')).toEqual([teams.guides.en.bot.help]);
    const invitation = (await say('invite expert en')).join('\n');
    expect(invitation).toMatch(/Code: [A-Z0-9]{8}/);
  });

  it("takes out every mention of the bot and nobody else's, with or without Teams' entity", () => {
    const withEntity = {
      text: `${BOT_MENTION} code K7M2QX9P ${BOT_MENTION}`,
      recipient: TEAMS_BOT,
      entities: [{ type: 'mention', text: BOT_MENTION, mentioned: TEAMS_BOT }],
    };
    stripBotMention(withEntity);
    expect(withEntity.text).toBe('code K7M2QX9P');
    const noEntity = { text: `${BOT_MENTION}&nbsp;oui`, recipient: TEAMS_BOT };
    stripBotMention(noEntity);
    expect(noEntity.text).toBe('oui');
    const someoneElse = { text: '<at>Bob</at> a son code', recipient: TEAMS_BOT };
    stripBotMention(someoneElse);
    expect(someoneElse.text).toBe('<at>Bob</at> a son code');
  });
});

describe.each(['groupChat', 'channel'] as const)('in a Teams %s, interviews are personal', (kind) => {
  const alice = inGroup(kind, 'alice', 'fr-FR');
  const bob = inGroup(kind, 'bob', 'en-GB');

  it('says, in each reader’s language, that the interview takes place in a personal chat, and records nothing', async () => {
    const teams = new TeamsHarness();
    const fr = teams.prompts.fr.inGroup;
    const en = teams.prompts.en.inGroup;
    for (const text of [
      'démarrer',
      'oui',
      '1',
      'aide',
      'récapitulatif',
      'retour',
      'effacer mes données',
      'reprendre',
    ])
      expect(await teams.send(teamsMessage(alice, text, { mention: true })), text).toEqual([fr]);
    for (const text of ['start', 'yes', 'summary', 'back', 'delete my data', 'help', 'We use an ERP.'])
      expect(await teams.send(teamsMessage(bob, text, { mention: true })), text).toEqual([en]);
    expect(fr).toContain('conversation privée');
    expect(en).toContain('personal chat');
    expect(await teams.store.listInterviews()).toEqual([]);
  });

  it('opens no interview with an invitation code there, and keeps the code usable in a personal chat', async () => {
    const teams = new TeamsHarness();
    await teams.store.createInvitation({
      code: 'K7M2QX9P',
      interviewerId: 'aad-carla',
      interviewerAddress: {},
      profile: 'manager',
      language: 'fr',
    });
    expect(await teams.send(teamsMessage(alice, 'code K7M2QX9P', { mention: true }))).toEqual([
      teams.prompts.fr.inGroup,
    ]);
    expect(await teams.send(teamsMessage(alice, 'mon code est K7M2QX9P', { mention: true }))).toEqual([
      teams.prompts.fr.inGroup,
    ]);
    expect(await teams.store.listInterviews()).toEqual([]);
    expect((await teams.store.getInvitation('K7M2QX9P'))?.interviewId).toBeNull();
    const personal = await teams.send(teamsMessage(PERSONAL, 'code K7M2QX9P'));
    expect(personal.at(-1)).toBe(teams.guides.fr.opening.consentQuestion);
  });

  it('starts nothing on a front door event naming the group, and greets a new member with where interviews happen', async () => {
    const teams = new TeamsHarness();
    expect(
      await teams.send({
        type: 'event',
        name: BOT_EVENT_START,
        value: { language: 'fr', profile: 'manager' },
        conversation: alice.conversation,
        from: alice.from,
      }),
    ).toEqual([]);
    expect(await teams.store.listInterviews()).toEqual([]);
    expect(
      await teams.send({
        type: 'conversationUpdate',
        membersAdded: [bob.from],
        conversation: bob.conversation,
        from: bob.from,
        locale: 'en-GB',
      }),
    ).toEqual([teams.prompts.en.inGroup]);
  });

  it('gives an interviewer an invitation code there, in French and English; the summary is never posted in the group', async () => {
    const teams = new TeamsHarness();
    const french = (
      await teams.send(teamsMessage(alice, 'inviter un expert en anglais', { mention: true }))
    ).join('\n');
    const code = /Code\u00a0: ([A-Z0-9]{8})/.exec(french)?.[1] ?? '';
    expect(code).not.toBe('');
    expect(french).toContain('tableau de bord');
    expect(french).not.toContain('Vous recevrez ici la synthèse');
    expect(await teams.store.getInvitation(code)).toMatchObject({ profile: 'expert', language: 'en' });
    const english = (
      await teams.send(teamsMessage(bob, 'invite a manager in French', { mention: true }))
    ).join('\n');
    const englishCode = /Code: ([A-Z0-9]{8})/.exec(english)?.[1] ?? '';
    expect(english).toContain('never be posted here');
    expect(await teams.store.getInvitation(englishCode)).toMatchObject({
      profile: 'manager',
      language: 'fr',
    });

    // The respondent answers in a personal chat; at the end, nothing goes to the group's conversation.
    const invitation = await teams.store.getInvitation(code);
    const posted: unknown[] = [];
    const deliver = summaryDeliveryHook({
      store: teams.store,
      prompts: teams.prompts,
      channels: {
        continueConversationAsync: async (_appId, reference) => {
          posted.push(reference);
        },
      },
      appId: 'app-id',
    });
    const meta = await teams.store.createInterview({
      language: 'en',
      profile: 'expert',
      guideVersion: teams.guides.en.version,
      interviewerId: invitation?.interviewerId ?? null,
      conversationKey: 'msteams:a:respondent',
    });
    await teams.store.redeemInvitation(code, meta.id);
    await deliver(meta, []);
    expect(posted).toEqual([]);
  });
});
