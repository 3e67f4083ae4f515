import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { MAX_SEEN_IDS } from '../../src/bot/deliveries.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { type Speaker, TeamsHarness, teamsConversation, teamsMessage } from './teams-harness.js';

const SCRIPTS = {
  fr: {
    locale: 'fr-FR',
    start: ['démarrer', '1', '1', 'oui'],
    answer: 'Nous fabriquons des meubles avec un ERP, 25 salariés.',
    next: 'Je suis la gérante.',
  },
  en: {
    locale: 'en-US',
    start: ['start', '2', '1', 'yes'],
    answer: 'We make furniture with an ERP, 25 people.',
    next: 'I am the manager.',
  },
} as const;

function speaker(lang: 'fr' | 'en', conversation = `a:${lang}-respondent`): Speaker {
  return {
    conversation: teamsConversation(conversation, 'personal'),
    from: { id: `29:${lang}`, name: 'Respondent' },
    locale: SCRIPTS[lang].locale,
  };
}

/** An interview at its first presentation question, each message with its own activity id. */
async function atFirstQuestion(teams: TeamsHarness, who: Speaker, lang: 'fr' | 'en'): Promise<void> {
  let n = 0;
  for (const text of SCRIPTS[lang].start) await teams.send(teamsMessage(who, text, { id: `start-${n++}` }));
}

async function answersSaying(teams: TeamsHarness, text: string): Promise<number> {
  const [meta] = await teams.store.listInterviews();
  const turns = await teams.store.getTurns(meta?.id ?? '');
  return turns.filter((turn) => turn.kind === 'answer' && turn.text === text).length;
}

describe.each(['fr', 'en'] as const)('a message delivered twice (%s)', (lang) => {
  const script = SCRIPTS[lang];

  it('is recorded once, and its second delivery posts nothing more', async () => {
    const teams = new TeamsHarness();
    const who = speaker(lang);
    await atFirstQuestion(teams, who, lang);
    const first = await teams.send(teamsMessage(who, script.answer, { id: 'answer-1' }));
    expect(first.join('\n')).toContain(teams.guides[lang].presentation.questions[1]?.text);
    expect(await teams.send(teamsMessage(who, script.answer, { id: 'answer-1' }))).toEqual([]);
    expect(await answersSaying(teams, script.answer)).toBe(1);
    // The next message is the answer to the question the respondent saw.
    const [meta] = await teams.store.listInterviews();
    await teams.send(teamsMessage(who, script.next, { id: 'answer-2' }));
    const answers = (await teams.store.getTurns(meta?.id ?? '')).filter(
      (turn) => turn.kind === 'answer' && turn.questionId !== 'opening.consent',
    );
    expect(answers.map((turn) => turn.text)).toEqual([script.answer, script.next]);
  });

  it('gets the replies of its first delivery again when the channel expects them in the response', async () => {
    const teams = new TeamsHarness();
    const who = speaker(lang);
    await atFirstQuestion(teams, who, lang);
    const message = teamsMessage(who, script.answer, { id: 'answer-1', deliveryMode: 'expectReplies' });
    const first = await teams.send(message);
    expect(first.length).toBeGreaterThan(0);
    expect(await teams.send({ ...message })).toEqual(first);
    expect(await answersSaying(teams, script.answer)).toBe(1);
  });

  it('is known after a restart (the memory is in the conversation state) and while its first delivery still runs', async () => {
    const store = createMemoryStore();
    const storage = new MemoryStorage();
    const who = speaker(lang);
    const before = new TeamsHarness(store, storage);
    await atFirstQuestion(before, who, lang);
    await before.send(teamsMessage(who, script.answer, { id: 'answer-1' }));
    const restarted = new TeamsHarness(store, storage);
    expect(await restarted.send(teamsMessage(who, script.answer, { id: 'answer-1' }))).toEqual([]);
    expect(await answersSaying(restarted, script.answer)).toBe(1);

    // Two deliveries at once (the channel retrying before the first one answered).
    const twice = teamsMessage(who, script.next, { id: 'answer-2' });
    await Promise.all([
      restarted.adapter.processActivity({ ...twice, recipient: undefined }),
      restarted.adapter.processActivity({ ...twice, recipient: undefined }),
    ]);
    expect(await answersSaying(restarted, script.next)).toBe(1);
  });

  it('failed while replying the first time: its redelivery gets those replies, and records nothing again', async () => {
    const teams = new TeamsHarness();
    const who = speaker(lang);
    await atFirstQuestion(teams, who, lang);
    const send = teams.adapter.sendActivities.bind(teams.adapter);
    let failures = 1;
    teams.adapter.sendActivities = async (context, activities) => {
      if (failures-- > 0) throw new Error('connector unavailable');
      return send(context, activities);
    };
    await expect(teams.send(teamsMessage(who, script.answer, { id: 'answer-1' }))).rejects.toThrow(
      'connector unavailable',
    );
    expect(await answersSaying(teams, script.answer)).toBe(1);
    const retried = await teams.send(teamsMessage(who, script.answer, { id: 'answer-1' }));
    expect(retried.join('\n')).toContain(teams.guides[lang].presentation.questions[1]?.text);
    expect(await answersSaying(teams, script.answer)).toBe(1);
    // Given once, they are not posted again.
    expect(await teams.send(teamsMessage(who, script.answer, { id: 'answer-1' }))).toEqual([]);
  });
});

describe('the memory of delivered messages', () => {
  it('is bounded: only the latest ids are kept, with the replies of a few', async () => {
    const storage = new MemoryStorage();
    const teams = new TeamsHarness(createMemoryStore(), storage);
    const who = speaker('fr', 'a:bounded');
    for (let n = 0; n < MAX_SEEN_IDS + 20; n++)
      await teams.send(teamsMessage(who, 'aide', { id: `help-${n}`, deliveryMode: 'expectReplies' }));
    const key = 'msteams/conversations/a:bounded/';
    const state = (await storage.read([key]))[key];
    expect(state?.deliveries.seen).toHaveLength(MAX_SEEN_IDS);
    expect(state?.deliveries.seen.at(-1)).toBe(`help-${MAX_SEEN_IDS + 19}`);
    expect(state?.deliveries.replies.length).toBeLessThanOrEqual(4);
    // An id forgotten long ago is a new message again; a recent one is still known.
    expect(await teams.send(teamsMessage(who, 'aide', { id: 'help-0' }))).toEqual([teams.guides.fr.bot.help]);
    expect(await teams.send(teamsMessage(who, 'aide', { id: `help-${MAX_SEEN_IDS + 19}` }))).toEqual([]);
  });
});
