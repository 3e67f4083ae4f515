import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/app.js';
import { createBotAdapter } from '../../src/bot/http-adapter.js';
import { invitationMiddleware } from '../../src/bot/invitation-middleware.js';
import { loadInvitationPrompts } from '../../src/bot/invitation-prompts.js';
import { loadConfig } from '../../src/config.js';
import { fill } from '../../src/core/guide/template.js';
import { type BotHttpServer, createHttpServer } from '../../src/server/server.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { createFakeTagger } from '../interview/fake-tagger.js';
import { captureLog, replyTexts, sendExpectingReplies, userActivity } from '../server/helpers.js';

const BOT = { id: '28:e4f1a9c2-3b7d-4e8f-a1c6-9d2b5f7e3a10', name: 'SME Interview' };
const MENTION = '<at>SME Interview</at>';
const prompts = loadInvitationPrompts();

/** POST /api/messages as Teams posts a message there (expectReplies, as the operator reproduced it). */
describe('Teams-shaped activities on POST /api/messages', () => {
  const store = createMemoryStore();
  let services: Services;
  let http: BotHttpServer;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig({ PORT: '0' });
    const adapter = createBotAdapter(config);
    adapter.use(invitationMiddleware({ store, prompts }));
    services = await createServices(config, { store, tagger: createFakeTagger() });
    http = createHttpServer({ config, logger: captureLog('error').logger, bot: services.bot, adapter });
    url = `http://127.0.0.1:${(await http.listen(0, '127.0.0.1')).port}`;
  });

  afterAll(async () => {
    await http?.drain(1000);
  });

  function teams(
    conversation: { id: string; conversationType: string; isGroup?: boolean },
    text: string,
    options: { id?: string; locale?: string; mention?: boolean; from?: string } = {},
  ): Record<string, unknown> {
    return userActivity(conversation.id, {
      channelId: 'msteams',
      ...(options.id ? { id: options.id } : {}),
      text: options.mention ? `${MENTION} ${text}` : text,
      locale: options.locale ?? 'fr-FR',
      from: { id: `29:${options.from ?? 'rachid'}`, name: options.from ?? 'Rachid' },
      recipient: BOT,
      conversation: { ...conversation, tenantId: 'tenant-1' },
      ...(options.mention
        ? { entities: [{ type: 'mention', text: MENTION, mentioned: { id: BOT.id, name: BOT.name } }] }
        : {}),
    });
  }

  const say = async (activity: Record<string, unknown>) =>
    replyTexts(await sendExpectingReplies(url, activity));

  it('answers a redelivered message with its first replies, and records it once (French and English)', async () => {
    for (const [lang, start, answer] of [
      ['fr', ['démarrer', '1', '1', 'oui'], 'Nous faisons des meubles avec un ERP.'],
      ['en', ['start', '2', '1', 'yes'], 'We make furniture with an ERP.'],
    ] as const) {
      const personal = { id: `a:redelivered-${lang}`, conversationType: 'personal' };
      for (const text of start) await say(teams(personal, text));
      const first = await say(teams(personal, answer, { id: `1700000000${lang === 'fr' ? 1 : 2}` }));
      expect(first.join('\n')).toContain(services.guides[lang].presentation.questions[1]?.text);
      const again = await say(teams(personal, answer, { id: `1700000000${lang === 'fr' ? 1 : 2}` }));
      expect(again).toEqual(first);
      const [meta] = await store.listInterviews({ conversationKey: `msteams:${personal.id}` });
      const turns = await store.getTurns(meta?.id ?? '');
      expect(turns.filter((turn) => turn.kind === 'answer' && turn.text === answer)).toHaveLength(1);
    }
  });

  it('answers two deliveries at once of one message alike, recording it once', async () => {
    const personal = { id: 'a:twice-at-once', conversationType: 'personal' };
    for (const text of ['démarrer', '1', '1', 'oui']) await say(teams(personal, text));
    const answer = 'On a un CRM depuis deux ans.';
    const [one, two] = await Promise.all([
      say(teams(personal, answer, { id: 'f:same-id' })),
      say(teams(personal, answer, { id: 'f:same-id' })),
    ]);
    expect(one).toEqual(two);
    const [meta] = await store.listInterviews({ conversationKey: `msteams:${personal.id}` });
    const turns = await store.getTurns(meta?.id ?? '');
    expect(turns.filter((turn) => turn.kind === 'answer' && turn.text === answer)).toHaveLength(1);
  });

  it('ends each line of a message with a Markdown hard break, so Teams shows the lines apart (French and English)', async () => {
    for (const [lang, start, answer, back] of [
      ['fr', ['démarrer', '1', '1', 'oui'], 'Une boulangerie de six personnes à Dinan.', 'retour'],
      ['en', ['start', '2', '1', 'yes'], 'A bakery of six people in Whitby.', 'back'],
    ] as const) {
      const personal = { id: `a:lines-${lang}`, conversationType: 'personal' };
      for (const text of [...start, answer]) await say(teams(personal, text));
      const guide = services.guides[lang];
      const question = guide.presentation.questions[0]?.text ?? '';
      const lines = fill(guide.messages.amendPrompt, { question, answer }).split('\n');
      expect(lines.length).toBeGreaterThan(1);
      // Teams reads the text as Markdown, where a bare line break is shown as a space.
      expect(await say(teams(personal, back))).toEqual([lines.join('  \n')]);
    }
  });

  it('in a group chat: the mention is read through, nothing is recorded, the invitation works', async () => {
    const group = { id: '19:groupe@thread.v2', conversationType: 'groupChat', isGroup: true };
    for (const text of ['oui', 'démarrer', 'aide', '2', 'récapitulatif', 'effacer mes données'])
      expect(await say(teams(group, text, { mention: true, from: 'bob' }))).toEqual([prompts.fr.inGroup]);
    expect(await say(teams(group, 'start', { mention: true, locale: 'en-US', from: 'carol' }))).toEqual([
      prompts.en.inGroup,
    ]);
    expect(await store.listInterviews({ conversationKey: `msteams:${group.id}` })).toEqual([]);
    const invitation = (await say(teams(group, 'inviter un expert en anglais', { mention: true }))).join(
      '\n',
    );
    const code = /Code\u00a0: ([A-Z0-9]{8})/.exec(invitation)?.[1] ?? '';
    expect(await store.getInvitation(code)).toMatchObject({ profile: 'expert', language: 'en' });
  });
});
