import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { type Browser, chromiumAvailable, launchChromium } from './chromium.js';
import { realInterviewBot, startWebServer, type WebTestServer } from './helpers.js';

const ARTIFACTS = join(PACKAGE_ROOT, 'test-artifacts');
const Saved = z.object({ conversationId: z.string(), token: z.string(), userId: z.string() });

describe.skipIf(!chromiumAvailable)('"Nouvelle conversation" in the web chat', () => {
  let server: WebTestServer;
  let browser: Browser;

  beforeAll(async () => {
    const store = createMemoryStore();
    server = await startWebServer({ bot: realInterviewBot(store), store });
    browser = await launchChromium('fr-FR');
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function saved(page: Page) {
    return Saved.parse(
      JSON.parse((await page.evaluate(() => localStorage.getItem('sme-interview.webchat'))) ?? 'null'),
    );
  }

  /** Sends a message and waits for the bot's answer to it. */
  async function send(page: Page, text: string): Promise<void> {
    const { conversationId, userId } = await saved(page);
    const before = server.web.conversations.since(conversationId, undefined).activities.length;
    const box = page.locator('[data-id="webchat-sendbox-input"]');
    await box.fill(text);
    await box.press('Enter');
    await expect
      .poll(() => {
        const { activities } = server.web.conversations.since(conversationId, undefined);
        const last = activities.at(-1);
        return activities.length > before + 1 && !JSON.stringify(last?.from).includes(userId);
      })
      .toBe(true);
  }

  async function open(page: Page, lang: 'fr' | 'en') {
    await page.goto(`${server.url}/?lang=${lang}`);
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
  }

  const interviewOf = async (conversationId: string) =>
    (await server.store.listInterviews({ conversationKey: `webchat:${conversationId}` }))[0];

  it('asks first, pauses the interview under way, and the earlier conversation takes it up again', async () => {
    const page = await browser.context.newPage();
    await open(page, 'fr');
    const first = await saved(page);
    for (const text of ['démarrer', '1', '1', 'oui', 'Nous fabriquons des meubles en chêne à Quimper.'])
      await send(page, text);
    expect((await interviewOf(first.conversationId))?.status).toBe('in_progress');

    await page.locator('#restart').click();
    const dialog = page.locator('#restart-dialog');
    await dialog.waitFor();
    const question = await dialog.locator('#restart-question').textContent();
    expect(question).toContain('il sera mis en pause');
    expect(question).toContain('«\u00a0Conversations précédentes\u00a0»');
    expect(question).toContain('«\u00a0reprendre\u00a0»');
    expect(question).toContain('«\u00a0effacer mes données\u00a0»');
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-new-conversation-confirmation.png') });
    await dialog.getByRole('button', { name: 'Rester ici' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await saved(page)).conversationId).toBe(first.conversationId);
    expect((await interviewOf(first.conversationId))?.status).toBe('in_progress');
    // Clicked as soon as the page shows, before it has checked its conversation: still asked.
    await page.reload();
    await page.locator('#restart').click();
    await dialog.getByRole('button', { name: 'Rester ici' }).click();
    expect((await saved(page)).conversationId).toBe(first.conversationId);

    await page.locator('#restart').click();
    await Promise.all([
      page.waitForEvent('load'),
      dialog.getByRole('button', { name: 'Ouvrir une nouvelle conversation' }).click(),
    ]);
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
    const second = await saved(page);
    expect(second.conversationId).not.toBe(first.conversationId);
    // Not left "in progress" for ever: the dashboard shows it paused.
    expect((await interviewOf(first.conversationId))?.status).toBe('paused');

    const earlier = page.locator('#earlier');
    await earlier.waitFor();
    expect(await earlier.locator('option').allTextContents()).toEqual([
      'Conversations précédentes…',
      expect.stringMatching(/^Conversation du /),
    ]);
    await Promise.all([page.waitForEvent('load'), earlier.selectOption(first.conversationId)]);
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
    expect((await saved(page)).conversationId).toBe(first.conversationId);
    await send(page, 'reprendre');
    expect((await interviewOf(first.conversationId))?.status).toBe('in_progress');
    // The new conversation held nothing (nothing was written there): it is not offered to go back to.
    expect(await page.locator('#earlier option').count()).toBe(1);
  }, 90_000);

  it('opens a new conversation at once when nothing was written, and asks in English', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => localStorage.clear());
    await open(page, 'en');
    const first = await saved(page);
    await Promise.all([page.waitForEvent('load'), page.locator('#restart').click()]);
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
    expect((await saved(page)).conversationId).not.toBe(first.conversationId);
    expect(await page.locator('#earlier').isHidden()).toBe(true);

    await send(page, 'start');
    await page.locator('#restart').click();
    const question = await page.locator('#restart-question').textContent();
    expect(question).toContain('it will be paused');
    expect(question).toContain('“Earlier conversations”');
    expect(question).toContain('“resume”');
    expect(question).toContain('“delete my data”');
    await page.getByRole('button', { name: 'Stay here' }).click();
  }, 60_000);
});
