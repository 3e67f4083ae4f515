import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invitationMiddleware, teamsDeepLink } from '../../src/bot/invitation-middleware.js';
import { loadInvitationPrompts } from '../../src/bot/invitation-prompts.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { fill } from '../../src/core/guide/template.js';
import { summaryPrompts } from '../../src/core/summary/labels.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { type Browser, chromiumAvailable, launchChromium } from './chromium.js';
import { realInterviewBot, startWebServer, type WebTestServer } from './helpers.js';

/** The bot's app id, as a server with Teams configured gives the invitation desk. */
const BOT_ID = '8f3c2a71-5d4e-4b9a-a0c6-2e7d91b4f35c';
const prompts = loadInvitationPrompts();

const Saved = z.object({ conversationId: z.string(), token: z.string(), userId: z.string() });

/** Our own answers: each names tools, people and value, so the interview goes on without re-asking. */
const SCRIPTS = {
  fr: {
    start: ['démarrer', '1', '1', 'oui'],
    presentation:
      'Je dirige une menuiserie de douze salariés à Vannes, nous fabriquons des escaliers sur mesure.',
    answer:
      "Nous avons un ERP et un site de vente en ligne, choisis par la direction ; nos clients commandent plus vite et l'équipe gagne du temps chaque semaine.",
    back: 'retour',
  },
  en: {
    start: ['start', '2', '1', 'yes'],
    presentation: 'I run a joinery of twelve people in York; we make bespoke staircases for homes.',
    answer:
      'We use an ERP and an online shop, chosen by the management; our customers order faster and the team saves time every week.',
    back: 'back',
  },
} as const;

describe.skipIf(!chromiumAvailable)('the web chat shows the lines of a message apart', () => {
  let server: WebTestServer;
  let browser: Browser;

  beforeAll(async () => {
    const store = createMemoryStore();
    const invitations = invitationMiddleware({ store, prompts, anonymous: true, botId: BOT_ID });
    server = await startWebServer({ bot: realInterviewBot(store), store, middleware: [invitations] });
    browser = await launchChromium('fr-FR');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Web Chat typesets the bot's apostrophes and quotation marks: the guide's are put back to compare. */
  function untypeset(text: string): string {
    return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replaceAll('\u200b', '');
  }

  /** The bot's messages as the page shows them, each split into the lines a reader sees. */
  async function shownLines(page: Page): Promise<string[][]> {
    const bubbles = page.locator(
      '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content',
    );
    const texts = await bubbles.evaluateAll((elements) =>
      // biome-ignore lint/performance/useDomNodeTextContent: the lines as laid out are what a reader sees.
      elements.map((element) => (element instanceof HTMLElement ? element.innerText : '')),
    );
    return texts.map((text) =>
      untypeset(text)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    );
  }

  /** Posts what the respondent says, as the page would, once the bot answered what came before. */
  async function say(page: Page, text: string): Promise<void> {
    const saved = Saved.parse(
      JSON.parse((await page.evaluate(() => localStorage.getItem('sme-interview.webchat'))) ?? 'null'),
    );
    const response = await fetch(
      `${server.url}/directline/conversations/${saved.conversationId}/activities`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${saved.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text, from: { id: saved.userId } }),
      },
    );
    expect(response.status).toBe(200);
  }

  /** Waits until a message of the bot shows `first` as its first line, and returns its lines. */
  async function messageStartingWith(page: Page, first: string): Promise<string[]> {
    let found: string[] | undefined;
    await expect
      .poll(
        async () => {
          found = (await shownLines(page)).findLast((lines) => lines[0] === first);
          return found !== undefined;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    return found ?? [];
  }

  /** A page with a conversation of its own: the one an earlier test left in the profile is forgotten. */
  async function openChat(lang: 'fr' | 'en'): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/?lang=${lang}`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
    return page;
  }

  it.each(['fr', 'en'] as const)(
    'shows the lines of the prompt after `back` one under the other, as the terminal prints them (%s)',
    async (lang) => {
      const script = SCRIPTS[lang];
      const guide = loadGuides()[lang];
      const page = await openChat(lang);
      for (const text of [...script.start, script.presentation, script.back]) await say(page, text);
      const question = guide.presentation.questions[0]?.text ?? '';
      const expected = fill(guide.messages.amendPrompt, { question, answer: script.presentation }).split(
        '\n',
      );
      expect(expected.length).toBeGreaterThan(1);
      expect(await messageStartingWith(page, expected[0] ?? '')).toEqual(expected);
      await page.close();
    },
    60_000,
  );

  it.each(['fr', 'en'] as const)(
    'shows the recap at the end of the interview one heading a line (%s)',
    async (lang) => {
      const script = SCRIPTS[lang];
      const short = summaryPrompts(lang).short;
      const page = await openChat(lang);
      for (const text of [...script.start, script.presentation]) await say(page, text);
      const recapShown = async () => (await shownLines(page)).some((lines) => lines[0] === short.intro);
      for (let turn = 0; turn < 30 && !(await recapShown()); turn++) await say(page, script.answer);
      const recap = await messageStartingWith(page, short.intro);
      expect(recap.at(-1)).toBe(short.invite);
      const headings = [short.tools, short.values, short.levers].map((line) => line.split('{')[0] ?? '-');
      for (const heading of headings)
        expect(recap.filter((line) => line.startsWith(heading))).toHaveLength(1);
      await page.close();
    },
    90_000,
  );
  it.each([
    ['fr', 'inviter'],
    ['en', 'invite'],
  ] as const)(
    'shows the invitation one sentence a line, its Teams link as an address that works (%s)',
    async (lang, request) => {
      const words = prompts[lang];
      const page = await openChat(lang);
      await say(page, request);
      const first = fill(words.created, {
        code: '{code}',
        profile: words.profileNames.manager,
        language: words.languageNames[lang],
      }).split('\n')[0];
      const prefix = first?.split('{code}')[0] ?? '-';
      let shown: string[] = [];
      await expect
        .poll(async () => {
          shown = (await shownLines(page)).find((lines) => lines[0]?.startsWith(prefix)) ?? [];
          return shown.length;
        })
        .toBeGreaterThan(0);
      const code = shown[0]?.slice(prefix.length) ?? '';
      const link = teamsDeepLink(BOT_ID, code);
      const expected = [
        ...fill(words.created, {
          code,
          profile: words.profileNames.manager,
          language: words.languageNames[lang],
        }).split('\n'),
        fill(words.teamsLink, { link }),
      ];
      expect(shown).toEqual(expected);
      const anchor = page.locator(`a[href="${link}"]`);
      expect(untypeset((await anchor.textContent()) ?? '').trim()).toBe(link);
      await page.close();
    },
    60_000,
  );
});
