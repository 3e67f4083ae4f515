import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { CHROMIUM, chromiumAvailable } from './chromium.js';
import { realInterviewBot, startWebServer, type WebTestServer } from './helpers.js';

/** Markup a respondent may type; quoted back by the bot, none of it may become live in the page. */
const MARKUP =
  '<img src=x onerror="window.injected=1"> ![](http://example.invalid/x.png) **gras** [lien](javascript:window.injected=2)';

const SCRIPTS = {
  fr: {
    locale: 'fr-FR',
    start: ['démarrer', '1', '1', 'oui'],
    answer: `Je dirige la boulangerie Le Goff à Rennes, nous sommes huit salariés. ${MARKUP}`,
    back: 'retour',
    address: 'notre site https://exemple.fr/promo?ref=facebook_campaign_2024 et la page pro_contact',
  },
  en: {
    locale: 'en-US',
    start: ['start', '2', '1', 'yes'],
    answer: `I run the Hollis bakery in Leeds, there are eight of us. ${MARKUP}`,
    back: 'back',
    address: 'our website https://example.co.uk/offers?utm_source=spring_mailing and the page team_news',
  },
} as const;

describe.skipIf(!chromiumAvailable)("the web chat shows the respondent's words quoted back as text", () => {
  let server: WebTestServer;
  let browser: Browser;

  beforeAll(async () => {
    const store = createMemoryStore();
    server = await startWebServer({ bot: realInterviewBot(store), store });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Waits until the page shows `count` bot messages, then returns the texts of the bot's bubbles. */
  async function botBubbles(page: Page, count: number): Promise<string[]> {
    const bubbles = page.locator(
      '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content',
    );
    await expect.poll(() => bubbles.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
    return bubbles.allTextContents();
  }

  /** Web Chat typesets the bot's apostrophes and quotation marks: the guide's are put back to compare. */
  function untypeset(text: string): string {
    return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').trim();
  }

  async function send(page: Page, text: string): Promise<void> {
    const box = page.locator('[data-id="webchat-sendbox-input"]');
    await box.fill(text);
    await box.press('Enter');
  }

  it.each(['fr', 'en'] as const)(
    'greets in the page language and quotes an answer to amend as typed (%s)',
    async (lang) => {
      const script = SCRIPTS[lang];
      const guide = loadGuides()[lang];
      const context = await browser.newContext({ locale: script.locale });
      const requested: string[] = [];
      // Nothing leaves the machine; what the page tries to fetch is noted.
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        requested.push(url.href);
        return url.hostname === '127.0.0.1' ? route.continue() : route.abort();
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/?lang=${lang}`);
      const [welcome] = await botBubbles(page, 1);
      expect(untypeset(welcome ?? '')).toBe(guide.bot.welcome);

      let shown = 1;
      for (const text of [...script.start, script.answer]) {
        await send(page, text);
        shown = (await botBubbles(page, shown + 1)).length;
      }
      await send(page, script.back);
      const bubbles = await botBubbles(page, shown + 1);
      // Web Chat also puts zero-width spaces around a URL it shows.
      const amend = untypeset(bubbles.at(-1) ?? '').replaceAll('\u200b', '');
      expect(amend.startsWith(guide.messages.amendPrompt.split('{')[0] ?? '-')).toBe(true);
      // The markup is read as the characters typed, and nothing of it was made an element or fetched.
      expect(amend).toContain('<img src=x onerror="window.injected=1">');
      expect(amend).toContain('![](http://example.invalid/x.png) **gras**');
      expect(amend).toContain('[lien](javascript:window.injected=2)');
      const live = await page.evaluate(() => ({
        injected: 'injected' in window,
        images: document.querySelectorAll('#webchat img[src="x"], #webchat img[src*="example.invalid"]')
          .length,
        links: document.querySelectorAll('#webchat a[href^="javascript"]').length,
        bold: Array.from(document.querySelectorAll('#webchat strong')).filter((b) => b.textContent === 'gras')
          .length,
      }));
      expect(live).toEqual({ injected: false, images: 0, links: 0, bold: 0 });
      expect(requested.filter((url) => url.endsWith('/x') || url.includes('example.invalid'))).toEqual([]);
      await context.close();
    },
    60_000,
  );
  it.each(['fr', 'en'] as const)(
    'quotes a web address as typed, as a link that opens it, and words joined by underscores as typed (%s)',
    async (lang) => {
      const script = SCRIPTS[lang];
      const context = await browser.newContext({ locale: script.locale });
      await context.route('**/*', (route) =>
        new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
      );
      const page = await context.newPage();
      await page.goto(`${server.url}/?lang=${lang}`);
      let shown = (await botBubbles(page, 1)).length;
      for (const text of [...script.start, script.address]) {
        await send(page, text);
        shown = (await botBubbles(page, shown + 1)).length;
      }
      await send(page, script.back);
      const amend = untypeset((await botBubbles(page, shown + 1)).at(-1) ?? '').replaceAll('\u200b', '');
      expect(amend).toContain(script.address);
      expect(amend).not.toContain('\\');
      const address = /https:\/\/\S+/.exec(script.address)?.[0];
      const links = await page
        .locator('.webchat__bubble:not(.webchat__bubble--from-user) a[href^="https://"]')
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
      expect(links.at(-1)).toBe(address);
      await context.close();
    },
    60_000,
  );
});
