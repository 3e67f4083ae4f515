import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { issueLocalDashboardToken, LOCAL_INTERVIEWER_ID } from '../../src/web/routes.js';
import { type Browser, chromiumAvailable, launchChromium } from './chromium.js';
import { seedLeverInterview } from './fixtures.js';
import { probeBot, startWebServer, type WebTestServer } from './helpers.js';

/** Answers are hostile input: none of this may run, become markup or a link in the dashboard. */
const HOSTILE =
  '<img src=x onerror="window.injected=1"><script>window.injected=2</script> [notre site](javascript:window.injected=3)';
const ANSWER = `Nos fournisseurs reçoivent les commandes par EDI. ${HOSTILE}`;

const ARTIFACTS = join(PACKAGE_ROOT, 'test-artifacts');
const Summary = z.object({ nextQuestions: z.array(z.string()) });

describe.skipIf(!chromiumAvailable)('the dashboard in the browser', () => {
  let server: WebTestServer;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    server = await startWebServer({ bot: probeBot });
    browser = await launchChromium('fr-FR');
    mkdirSync(ARTIFACTS, { recursive: true });
    await server.store.upsertInterviewer({ id: LOCAL_INTERVIEWER_ID });
    token = await issueLocalDashboardToken(server.store);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A completed interview opened by an invitation, and an invitation nobody has used yet. */
  async function seed(code: string, pendingCode: string) {
    const { store } = server;
    const id = await seedLeverInterview(store, LOCAL_INTERVIEWER_ID, 'fr', [
      { text: ANSWER, levers: [['value_chain', 'fournisseurs', 0.9]] },
      {
        text: "C'est notre comptable qui nous a mis sur Pennylane, et les arnaques en ligne, ça nous inquiète.",
        levers: [],
        tools: [['dematerialization', 'Pennylane']],
        actors: [['accountants', 'initiator', 'notre comptable']],
        facets: [['threat', 'ça nous inquiète']],
      },
    ]);
    // At the closing review, a reply it could not read: kept for the interviewer.
    const [review] = await store.appendTurns(id, [
      {
        kind: 'question',
        section: 'closing',
        questionId: 'closing.review',
        text: 'Y a-t-il quelque chose à corriger ?',
        tags: null,
        refSeq: null,
        data: { kind: 'review' },
      },
    ]);
    await store.appendTurns(id, [
      {
        kind: 'answer',
        section: 'closing',
        questionId: 'closing.review',
        text: 'le passage sur les partenaires est un peu à côté',
        tags: null,
        refSeq: review?.seq ?? null,
        data: { review: 'unread' },
      },
    ]);
    for (const [invitation, language, profile] of [
      [code, 'fr', 'manager'],
      [pendingCode, 'en', 'expert'],
    ] as const) {
      await store.createInvitation({
        code: invitation,
        interviewerId: LOCAL_INTERVIEWER_ID,
        interviewerAddress: null,
        profile,
        language,
      });
    }
    await store.redeemInvitation(code, id);
    return id;
  }

  async function openList(page: Page, id: string) {
    await page.goto(`${server.url}/dashboard#token=${token}`);
    const row = page.locator(`#interviews tr[data-id="${id}"]`);
    await row.waitFor();
    return row;
  }

  /** The URL of the export a download button asks for. */
  async function downloadUrl(page: Page, format: string): Promise<string> {
    const [request] = await Promise.all([
      page.waitForRequest((request) => request.url().includes(`format=${format}`)),
      page.locator(`#summary-downloads button[data-format="${format}"]`).click(),
    ]);
    return request.url();
  }

  it('shows invitation codes, the answers as text with their tags, next questions, and erases after asking', async () => {
    const id = await seed('K7M2QX9P', 'Q3W8E5R1');
    const page = await browser.context.newPage();
    const row = await openList(page, id);
    expect(await row.locator('.invitation-code').textContent()).toBe("Code d'invitation\u00a0: K7M2QX9P");
    expect(await row.locator('.interview-id').textContent()).toBe(id);
    const pending = page.locator('#pending-invitations tr[data-code="Q3W8E5R1"]');
    expect(await page.locator('#pending-invitations h2').textContent()).toBe(
      'Invitations en attente (codes envoyés, pas encore utilisés)',
    );
    expect(await pending.locator('td').allTextContents()).toEqual([
      'Q3W8E5R1',
      expect.any(String),
      'expert(e)',
      'anglais',
    ]);
    expect(await page.locator('#pending-invitations tr[data-code="K7M2QX9P"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-invitations.png'), fullPage: true });

    await row.click();
    await page.locator('#answers li').first().waitFor();
    expect(await page.locator('#summary-code').textContent()).toBe("Code d'invitation\u00a0: K7M2QX9P");
    expect(await page.locator('#answers .answer-text').first().textContent()).toBe(ANSWER);
    expect(await page.locator('#answers .question').allTextContents()).toEqual([
      'Question 1',
      'Question 2',
      'Y a-t-il quelque chose à corriger ?',
    ]);
    const tags = await page.locator('#answers .tags').allTextContents();
    expect(tags[0]).toBe('Leviers de la valeur partagée\u00a0: Chaîne de valeur');
    // Who started a tool and the facets an answer evidences are shown as the exports show them.
    expect(tags[1]).toContain('Initiateurs\u00a0: experts-comptables');
    expect(tags[1]).toContain('Menaces');
    expect(await page.locator('#tools li[data-tool="dematerialization"]').textContent()).toContain(
      'Initiateurs\u00a0: experts-comptables',
    );
    // A tool with no value read says so by showing none, not a dash with nothing after it; the respondent's
    // words about it follow.
    for (const line of await page.locator('#tools li').allTextContents())
      expect(line).not.toMatch(/—\s*(·|$)/);
    expect(await page.locator('#tools li[data-tool="dematerialization"] q.tool-quote').count()).toBe(1);
    // The review reply it could not read is listed for the interviewer, as the exports list it.
    expect(await page.locator('#corrections-heading').isHidden()).toBe(false);
    expect(await page.locator('#corrections li').allTextContents()).toEqual([
      expect.stringContaining('le passage sur les partenaires est un peu à côté'),
    ]);
    expect(await page.locator('#answers h4').allTextContents()).toEqual(['La valeur créée', 'Clôture']);
    const injected = await page.evaluate(
      () =>
        'injected' in window || document.querySelector('#answers img, #answers script, #answers a') !== null,
    );
    expect(injected).toBe(false);
    const summary = Summary.parse(
      await (
        await fetch(`${server.url}/api/interviews/${id}/summary?lang=fr`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json(),
    );
    expect(summary.nextQuestions.length).toBeGreaterThan(0);
    expect(await page.locator('#next-questions li').allTextContents()).toEqual(summary.nextQuestions);

    // French Excel reads semicolons: the French dashboard's CSV has them unless the reader picks commas.
    expect(await page.locator('#summary-downloads #csv-separator').inputValue()).toBe('semicolon');
    expect(await downloadUrl(page, 'csv')).toContain('separator=semicolon');
    await page.locator('#summary-downloads #csv-separator').selectOption('comma');
    expect(await downloadUrl(page, 'csv')).toContain('separator=comma');
    expect(await downloadUrl(page, 'json')).not.toContain('separator');

    // Erasure is asked first; cancelling keeps everything.
    await page.locator('#erase-interview').click();
    const dialog = page.locator('#erase-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('#erase-question').textContent()).toContain(
      `Effacer définitivement l'entretien K7M2QX9P (${id})\u202f?`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-erase-confirmation.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await server.store.getInterview(id)).not.toBeNull();

    await page.locator('#erase-interview').click();
    await dialog.getByRole('button', { name: 'Effacer', exact: true }).click();
    await page.locator('#message', { hasText: 'a été effacé' }).waitFor();
    expect(await page.locator('#message').textContent()).toBe(
      `L'entretien K7M2QX9P (${id}) a été effacé, avec tout ce qui s'y rapportait.`,
    );
    expect(await page.locator('#list-view').isVisible()).toBe(true);
    expect(await page.locator(`#interviews tr[data-id="${id}"]`).count()).toBe(0);
    expect(await server.store.getInterview(id)).toBeNull();
    expect(await server.store.getInvitation('K7M2QX9P')).toBeNull();
  }, 60_000);

  it('words all of it in English, with commas in the CSV by default', async () => {
    const id = await seed('E5N7G2L9', 'P8D4N6G3');
    const page = await browser.context.newPage();
    await page.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'en-GB' }));
    await openList(page, id);
    await page.locator('#pending-invitations h2', { hasText: 'Pending invitations' }).waitFor();
    expect(await page.locator(`#interviews tr[data-id="${id}"] .invitation-code`).textContent()).toBe(
      'Invitation code: E5N7G2L9',
    );
    await page.locator(`#interviews tr[data-id="${id}"]`).click();
    await page.locator('#answers li').first().waitFor();
    expect(await page.locator('#summary-code').textContent()).toBe('Invitation code: E5N7G2L9');
    const tags = await page.locator('#answers .tags').allTextContents();
    expect(tags[0]).toBe('Levers of shared value: Value chain');
    expect(tags[1]).toContain('Initiators: accountants');
    expect(await page.locator('#summary-downloads #csv-separator').inputValue()).toBe('comma');
    expect(await page.locator('#summary-downloads .csv-separator').textContent()).toContain('CSV separator:');
    await page.locator('#erase-interview', { hasText: 'Erase this interview' }).click();
    expect(await page.locator('#erase-question').textContent()).toContain(
      `Erase interview E5N7G2L9 (${id}) for good?`,
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await server.store.getInterview(id)).not.toBeNull();
  }, 60_000);
});
