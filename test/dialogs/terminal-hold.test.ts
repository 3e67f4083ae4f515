import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { KeyValueBotStorage } from '../../src/bot/bot-storage.js';
import { createBot } from '../../src/bot/create-bot.js';
import { BOT_EVENT_END_OF_INPUT, BOT_EVENT_RESUME, BOT_EVENT_SHOW_PENDING } from '../../src/bot/events.js';
import { TerminalAdapter } from '../../src/bot/terminal-adapter.js';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { HOLD_LAPSE_MS, InterviewHold, isHeldByAnother } from '../../src/store/interview-hold.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { openStore } from '../../src/store/open.js';
import type { InterviewStore } from '../../src/store/types.js';
import { createFakeTagger } from '../interview/fake-tagger.js';
import { requirePostgresIfDemanded, TEST_DATABASE_URL, TestSchemas } from '../store/postgres-schema.js';
import { BotHarness } from './harness.js';

requirePostgresIfDemanded();
const schemas = new TestSchemas();
afterAll(async () => {
  if (TEST_DATABASE_URL !== undefined) await schemas.dropAll(TEST_DATABASE_URL);
});

const STORES: { name: string; open: () => Promise<InterviewStore> }[] = [
  { name: 'memory', open: async () => createMemoryStore() },
  { name: 'sqlite', open: () => openStore({ DATA_DIR: mkdtempSync(join(tmpdir(), 'sme-hold-')) }) },
  ...(TEST_DATABASE_URL === undefined
    ? []
    : [
        {
          name: 'postgres',
          open: () =>
            openStore(
              { DATA_DIR: '/nonexistent-never-used', DATABASE_URL: TEST_DATABASE_URL },
              { schema: schemas.next() },
            ),
        },
      ]),
];

const guides = loadGuides();

/** Each language's respondent: the opening in a web/Teams-like conversation, then answers as they come. */
const SCRIPTS = {
  fr: {
    opening: [
      'démarrer',
      '1',
      '1',
      'oui',
      'Nous fabriquons des escaliers en chêne, 18 salariés, dans le Jura.',
    ],
    inTerminal: 'Je suis le cogérant, avec ma sœur.',
    whileHeld: ['Je suis responsable de la production.', 'passer', 'retour', 'pause', 'aide', 'reprendre'],
    comingBack: 'Me revoilà.',
    nextAnswer:
      "Le numérique, c'est une opportunité de gagner du temps sur les devis, mais il faut se former.",
    erase: 'effacer mes données',
    no: 'non',
    yes: 'oui',
  },
  en: {
    opening: ['start', '2', '1', 'yes', 'We build oak staircases, 18 staff, in the Lake District.'],
    inTerminal: 'I run the firm with my brother.',
    whileHeld: ['I am in charge of production.', 'skip', 'back', 'pause', 'help', 'resume'],
    comingBack: "I'm back.",
    nextAnswer: 'Going digital is an opportunity to quote faster, but it takes training.',
    erase: 'delete my data',
    no: 'no',
    yes: 'yes',
  },
} as const;

/** The terminal chat's side: the same bot over the same store, its turns carrying its hold. */
function terminalChat(store: InterviewStore, hold: InterviewHold) {
  const bot = createBot({
    store,
    storage: new KeyValueBotStorage(store.kv),
    tagger: createFakeTagger(),
    guides,
  });
  const printed: string[] = [];
  const adapter = new TerminalAdapter((text) => printed.push(text), { holder: hold.holder });
  const logic = (context: Parameters<typeof bot.run>[0]) => bot.run(context);
  return {
    async resume(interviewId: string): Promise<string[]> {
      await hold.take(interviewId);
      await adapter.sendEvent(BOT_EVENT_RESUME, { interviewId }, logic);
      return printed.splice(0);
    },
    async say(text: string): Promise<string[]> {
      await adapter.sendText(text, logic);
      return printed.splice(0);
    },
    /** What the chat does at the end of its input: the interview is paused, then the hold released. */
    async quit(): Promise<void> {
      await adapter.sendEvent(BOT_EVENT_END_OF_INPUT, null, logic);
      await hold.release();
    },
  };
}

/** A web chat or Teams conversation on the store, its dialog state kept in the store as the server keeps it. */
async function webConversationWithInterview(store: InterviewStore, lang: Language) {
  const web = new BotHarness(store, new KeyValueBotStorage(store.kv), `web-${lang}`);
  // Opened as Web Chat opens it: the bot greets the new member.
  await web.send({ type: 'conversationUpdate', membersAdded: [{ id: 'respondent', name: 'R' }] });
  for (const line of SCRIPTS[lang].opening) await web.say(line);
  const { meta, turns } = await web.interview();
  return { web, meta, turns };
}

const pendingQuestion = async (store: InterviewStore, interviewId: string) =>
  (await store.getTurns(interviewId)).filter((t) => t.kind === 'question').at(-1);

describe.each(STORES)('an interview taken up in a terminal, on the $name store', ({ open }) => {
  it.each(['fr', 'en'] as const)(
    '(%s) records nothing from its web conversation while the terminal holds it, then goes on there at the right question',
    async (lang) => {
      const store = await open();
      try {
        const script = SCRIPTS[lang];
        const guide = guides[lang];
        const { web, meta } = await webConversationWithInterview(store, lang);
        const role = await pendingQuestion(store, meta.id);

        const terminal = terminalChat(store, new InterviewHold(store.kv));
        expect(await terminal.resume(meta.id)).toEqual([role?.text]);
        await terminal.say(script.inTerminal);
        const afterTerminal = await store.getTurns(meta.id);
        const askedInTerminal = afterTerminal.filter((t) => t.kind === 'question').at(-1);
        expect(askedInTerminal?.section).toBe('meaning');

        // The web conversation still shows the role question; whatever is written there waits.
        for (const line of script.whileHeld)
          expect(await web.say(line)).toEqual([guide.messages.heldInTerminal]);
        expect(await store.getTurns(meta.id)).toEqual(afterTerminal);
        expect((await store.getInterview(meta.id))?.status).toBe('in_progress');

        await terminal.quit();
        // Back in the web conversation: the question the terminal reached is shown, the message is not its answer.
        const back = await web.say(script.comingBack);
        expect(back[0]).toBe(guide.messages.carriesOnHere);
        expect(back.at(-1)).toBe(askedInTerminal?.text);
        expect((await store.getInterview(meta.id))?.status).toBe('in_progress');
        await web.say(script.nextAnswer);

        const turns = await store.getTurns(meta.id);
        const answers = turns.filter((t) => t.kind === 'answer');
        expect(answers.map((t) => t.text)).toEqual([
          ...script.opening.slice(3),
          script.inTerminal,
          script.nextAnswer,
        ]);
        expect(answers.at(-2)?.questionId).toBe(role?.questionId);
        expect(answers.at(-1)?.questionId).toBe(askedInTerminal?.questionId);
        const said = turns.map((t) => t.text);
        for (const line of [...script.whileHeld, script.comingBack]) expect(said).not.toContain(line);
        const asked = turns.filter((t) => t.kind === 'question').map((t) => t.questionId);
        expect(new Set(asked).size).toBe(asked.length);
      } finally {
        await store.close();
      }
    },
  );

  it('lets the web conversation go on once the terminal hold has lapsed (its chat suspended)', async () => {
    const store = await open();
    // Only the clock is faked: the stores and the bot run as they do.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    try {
      const guide = guides.en;
      const { web, meta } = await webConversationWithInterview(store, 'en');
      const role = await pendingQuestion(store, meta.id);
      const hold = new InterviewHold(store.kv);
      const terminal = terminalChat(store, hold);
      await terminal.resume(meta.id);
      expect(await web.say(SCRIPTS.en.whileHeld[0])).toEqual([guide.messages.heldInTerminal]);

      // The laptop running the chat is shut: a minute goes by without its renewals.
      vi.setSystemTime(Date.now() + HOLD_LAPSE_MS + 1000);
      expect(await web.say(SCRIPTS.en.comingBack)).toEqual([guide.messages.carriesOnHere, role?.text]);
      await web.say(SCRIPTS.en.inTerminal);
      const answered = (await store.getTurns(meta.id)).filter((t) => t.kind === 'answer').at(-1);
      expect(answered).toMatchObject({ text: SCRIPTS.en.inTerminal, questionId: role?.questionId });
      await hold.release();
    } finally {
      vi.useRealTimers();
      await store.close();
    }
  });

  it('still erases the data from the web conversation while the terminal holds the interview, after confirmation', async () => {
    const store = await open();
    try {
      const script = SCRIPTS.fr;
      const guide = guides.fr;
      const { web, meta, turns } = await webConversationWithInterview(store, 'fr');
      const hold = new InterviewHold(store.kv);
      const terminal = terminalChat(store, hold);
      await terminal.resume(meta.id);

      expect(await web.say(script.erase)).toEqual([guide.bot.deleteConfirm]);
      // Kept: the question is the terminal's to ask, so the web conversation is told where the interview is.
      expect(await web.say(script.no)).toEqual([guide.bot.deleteCancelled, guide.messages.heldInTerminal]);
      expect(await store.getTurns(meta.id)).toEqual(turns);
      expect(await web.say(script.erase)).toEqual([guide.bot.deleteConfirm]);
      expect(await web.say(script.yes)).toEqual([guide.bot.deleted]);
      expect(await store.getInterview(meta.id)).toBeNull();
      // The hold named the interview: it went with it.
      expect(await isHeldByAnother(store.kv, meta.id, null)).toBe(false);
      // What the terminal says next records nothing anywhere.
      await terminal.say(script.inTerminal);
      expect(await store.listInterviews()).toEqual([]);
      await hold.release();
    } finally {
      await store.close();
    }
  });

  it('shows a reloaded web chat page that the interview goes on in the terminal, then where it stands once let go of', async () => {
    const store = await open();
    try {
      const script = SCRIPTS.en;
      const guide = guides.en;
      const { web, meta } = await webConversationWithInterview(store, 'en');
      const terminal = terminalChat(store, new InterviewHold(store.kv));
      await terminal.resume(meta.id);
      await terminal.say(script.inTerminal);
      const reached = await pendingQuestion(store, meta.id);
      const showPending = { type: 'event', name: BOT_EVENT_SHOW_PENDING };

      expect(await web.send(showPending)).toEqual([guide.messages.heldInTerminal]);
      await terminal.quit();
      const recorded = await store.getTurns(meta.id);
      expect(await web.send(showPending)).toEqual([
        guide.messages.carriesOnHere,
        guide.messages.pausedReminder,
      ]);
      expect(await store.getTurns(meta.id)).toEqual(recorded);
      const resumed = await web.say('resume');
      expect(resumed[0]).toBe(guide.messages.resumed);
      expect(resumed.at(-1)).toBe(reached?.text);
      await web.say(script.nextAnswer);
      const answered = (await store.getTurns(meta.id)).filter((t) => t.kind === 'answer').at(-1);
      expect(answered).toMatchObject({ text: script.nextAnswer, questionId: reached?.questionId });
    } finally {
      await store.close();
    }
  });

  it('tells the web conversation an interview completed in the terminal is over, and shows its answers there', async () => {
    const store = await open();
    try {
      const guide = guides.fr;
      const { web, meta } = await webConversationWithInterview(store, 'fr');
      const hold = new InterviewHold(store.kv);
      const terminal = terminalChat(store, hold);
      await terminal.resume(meta.id);
      for (let guard = 0; guard < 40; guard += 1) {
        if ((await store.getInterview(meta.id))?.status === 'completed') break;
        const pending = await pendingQuestion(store, meta.id);
        await terminal.say(pending?.questionId === 'closing.review' ? 'non' : SCRIPTS.fr.nextAnswer);
      }
      expect((await store.getInterview(meta.id))?.status).toBe('completed');
      expect(await web.say('récapitulatif')).toEqual([guide.messages.heldInTerminal]);
      await hold.release();

      expect(await web.say('Bonjour')).toEqual([guide.messages.alreadyCompleted]);
      const summary = await web.say('récapitulatif');
      expect(summary[0]?.startsWith(guide.bot.summaryHeader)).toBe(true);
      expect(summary.join('\n')).toContain('escaliers en chêne');
    } finally {
      await store.close();
    }
  });

  it('lets the web conversation start another interview while the terminal holds its own', async () => {
    const store = await open();
    try {
      const guide = guides.fr;
      const { web, meta, turns } = await webConversationWithInterview(store, 'fr');
      const hold = new InterviewHold(store.kv);
      await terminalChat(store, hold).resume(meta.id);
      expect(await web.say('nouvel entretien')).toEqual([guide.bot.chooseLanguage]);
      expect(await web.say('1')).toEqual([guide.bot.chooseProfile]);
      expect(await web.say('1')).toEqual([guide.opening.intro.manager, guide.opening.consentQuestion]);
      expect(await web.say('oui')).toContain(guide.presentation.questions[0]?.text);
      expect(await store.listInterviews()).toHaveLength(2);
      expect(await store.getTurns(meta.id)).toEqual(turns);
      await hold.release();
    } finally {
      await store.close();
    }
  });
});
