import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadGuides } from '../../src/core/guide/index.js';
import { fill } from '../../src/core/guide/template.js';
import { formatNumber } from '../../src/core/locale-format.js';
import { buildSummary } from '../../src/core/summary/build.js';
import { summaryPrompts } from '../../src/core/summary/labels.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { createMemoryStore } from '../../src/store/memory.js';
import type { ServedActivity } from '../../src/web/directline/conversations.js';
import { issueLocalDashboardToken, LOCAL_INTERVIEWER_ID } from '../../src/web/routes.js';
import { nextStep } from '../server/interview-driver.js';
import { type Browser, chromiumAvailable, launchChromium } from './chromium.js';
import { seedLeverInterview, seedStartedInterview } from './fixtures.js';
import { realInterviewBot, startWebServer, type WebTestServer } from './helpers.js';

const ARTIFACTS = join(PACKAGE_ROOT, 'test-artifacts');
const INVITATION_CODE = 'WEB42CHAT';

const Saved = z.object({ conversationId: z.string(), token: z.string(), userId: z.string() });

/** What the bot said in these activities: texts and card contents, for matching against the guide. */
function botWords(activities: readonly ServedActivity[], userId: string): string {
  return activities
    .filter(
      (activity) => activity.type === 'message' && JSON.stringify(activity.from).includes(userId) === false,
    )
    .map(
      (activity) =>
        `${typeof activity.text === 'string' ? activity.text : ''} ${JSON.stringify(activity.attachments ?? [])}`,
    )
    .join('\n');
}

describe.skipIf(!chromiumAvailable)('in the browser', () => {
  let server: WebTestServer;
  let context: BrowserContext;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const store = createMemoryStore();
    server = await startWebServer({ bot: realInterviewBot(store), store });
    browser = await launchChromium('fr-FR');
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function savedConversation(page: Page) {
    return Saved.parse(
      JSON.parse((await page.evaluate(() => localStorage.getItem('sme-interview.webchat'))) ?? 'null'),
    );
  }

  async function send(page: Page, text: string): Promise<void> {
    const box = page.locator('[data-id="webchat-sendbox-input"]');
    await box.fill(text);
    await box.press('Enter');
  }

  /** A page on a conversation of its own, the interview started and consent given: at the presentation. */
  async function atPresentation(page: Page) {
    await page.goto(`${server.url}/?lang=fr`);
    const box = page.locator('[data-id="webchat-sendbox-input"]');
    await box.waitFor();
    const saved = await savedConversation(page);
    await botReplySince(saved.conversationId, saved.userId, 0);
    for (const text of ['démarrer', '1', '1', 'oui']) {
      const before = server.web.conversations.since(saved.conversationId, undefined).activities.length;
      await send(page, text);
      await botReplySince(saved.conversationId, saved.userId, before);
    }
    return { box, saved };
  }

  /** Waits until the bot has answered everything sent so far, then returns what it said since `from`. */
  async function botReplySince(conversationId: string, userId: string, from: number): Promise<string> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { activities } = server.web.conversations.since(conversationId, undefined);
      const last = activities.at(-1);
      if (activities.length > from && last && !JSON.stringify(last.from).includes(userId)) {
        return botWords(activities.slice(from), userId);
      }
      if (Date.now() > deadline)
        throw new Error(`the bot did not answer; transcript has ${activities.length} activities`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('runs a whole interview in the web chat, across a page reload, and the dashboard shows it', async () => {
    await server.store.upsertInterviewer({ id: LOCAL_INTERVIEWER_ID });
    await server.store.createInvitation({
      code: INVITATION_CODE,
      interviewerId: LOCAL_INTERVIEWER_ID,
      interviewerAddress: null,
      profile: 'manager',
      language: 'fr',
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=fr`);
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
    let saved = await savedConversation(page);
    let said = await botReplySince(saved.conversationId, saved.userId, 0);

    let answers = 0;
    let reloaded = false;
    let step: ReturnType<typeof nextStep> = { kind: 'control', text: `code ${INVITATION_CODE}` };
    for (let turn = 0; turn < 60 && step.kind !== 'done'; turn++) {
      const before = server.web.conversations.since(saved.conversationId, undefined).activities.length;
      await send(page, step.text);
      if (step.kind === 'answer') answers++;
      said = await botReplySince(saved.conversationId, saved.userId, before);
      if (answers === 2 && !reloaded) {
        reloaded = true;
        await page.reload();
        await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
        const again = await savedConversation(page);
        expect(again.conversationId).toBe(saved.conversationId);
        saved = again;
        // The reloaded page replays the exchange so far.
        await page.getByText('Réponse 2 :', { exact: false }).first().waitFor();
      }
      step = nextStep(said, answers);
    }
    expect(step.kind).toBe('done');
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-interview.png'), fullPage: true });

    const [interview] = await server.store.listInterviews({ interviewerId: LOCAL_INTERVIEWER_ID });
    expect(interview?.status).toBe('completed');

    // Without a token the dashboard's API refuses; with the start-up token it shows the interview.
    const dashboard = await context.newPage();
    await dashboard.goto(`${server.url}/dashboard`);
    const status = await dashboard.evaluate(async () => (await fetch('/api/interviews')).status);
    expect(status).toBe(401);
    await dashboard.locator('#sign-in').waitFor();

    const token = await issueLocalDashboardToken(server.store);
    await dashboard.goto(`${server.url}/dashboard#token=${token}`);
    const row = dashboard.locator(`#interviews tr[data-id="${interview?.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('completed');
    await row.click();
    await dashboard.locator('#value-matrix table.heatmap').waitFor();
    const filled = await dashboard.locator('#value-matrix td:not([data-count="0"])').count();
    expect(filled).toBeGreaterThan(0);
    const bars = dashboard.locator('#lever-chart .lever-bar');
    expect(await bars.count()).toBe(3);
    const counts = await bars.evaluateAll((nodes) =>
      nodes.map((node) => Number(node.getAttribute('data-count'))),
    );
    expect(counts.some((count) => count > 0)).toBe(true);
    // The closing's answers too, as the exports show them (the counts include them).
    if (!interview) throw new Error('no interview');
    const built = buildSummary(interview, await server.store.getTurns(interview.id));
    const closing = built.otherAnswers.filter((answer) => answer.section === 'closing');
    // What the transition means to them, in their words, and the firm's headcount, as the exports give them.
    const facetQuotes = [...built.facets.opportunities, ...built.facets.threats, ...built.facets.resources];
    expect(facetQuotes.length).toBeGreaterThan(0);
    expect(await dashboard.locator('#facets q').allTextContents()).toEqual(facetQuotes);
    if (built.respondent.headcount !== null)
      expect(await dashboard.locator('#summary-headcount').textContent()).toContain(
        String(built.respondent.headcount),
      );
    expect(closing.length).toBeGreaterThan(0);
    expect(
      await dashboard.locator('#answers section[data-theme="closing"] .answer-text').allTextContents(),
    ).toEqual(closing.map((answer) => answer.text));
    await dashboard.screenshot({ path: join(ARTIFACTS, 'dashboard-summary.png'), fullPage: true });

    await dashboard.locator('#show-study').click();
    await dashboard.locator('#study-matrix table.heatmap').waitFor();
    await dashboard.screenshot({ path: join(ARTIFACTS, 'dashboard-study.png'), fullPage: true });
  }, 180_000);

  it("names the bot beside its messages in the page's language", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=en`);
    const avatar = page.locator('.webchat__initialsAvatar').first();
    await avatar.waitFor();
    expect((await avatar.textContent())?.trim()).toBe('SME');
    await page.close();
  });

  it('keeps a very long pasted answer up to the limit and says so, as the terminal does', async () => {
    const page = await context.newPage();
    // A conversation of its own, whatever an earlier test left in the browser's storage.
    await page.addInitScript(() => localStorage.removeItem('sme-interview.webchat'));
    const { saved } = await atPresentation(page);
    // About 300 KB, a whole document pasted: more than any request the endpoint reads.
    const pasted =
      "Notre atelier de chaudronnerie travaille surtout pour l'agroalimentaire, avec douze salariés. ".repeat(
        3300,
      );
    const before = server.web.conversations.since(saved.conversationId, undefined).activities.length;
    await send(page, pasted);
    const said = await botReplySince(saved.conversationId, saved.userId, before);
    const guide = loadGuides().fr;
    expect(said).toContain(
      fill(guide.messages.truncated, { max: formatNumber(guide.limits.maxAnswerChars, 'fr') }),
    );
    const [interview] = (await server.store.listInterviews()).filter(
      (meta) => meta.conversationKey === `webchat:${saved.conversationId}`,
    );
    const answer = (await server.store.getTurns(interview?.id ?? '')).find(
      (turn) => turn.kind === 'answer' && turn.section === 'presentation',
    );
    expect(answer?.text.length).toBeLessThanOrEqual(guide.limits.maxAnswerChars);
    expect(pasted.startsWith(answer?.text ?? '-')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-long-answer.png') });
  }, 60_000);

  it('shows how well each lever is evidenced, weak levers apart from strong and missing ones, in French and English', async () => {
    await server.store.upsertInterviewer({ id: LOCAL_INTERVIEWER_ID });
    // Answers are hostile input: none of this may run or become markup in the dashboard.
    const hostile = '<img src=x onerror="window.injected=1"><script>window.injected=2</script>';
    const french = await seedLeverInterview(server.store, LOCAL_INTERVIEWER_ID, 'fr', [
      {
        text: `Nos fournisseurs reçoivent les commandes par EDI. ${hostile}`,
        levers: [['value_chain', 'fournisseurs', 0.9]],
      },
      {
        text: "Nos clients suivent leurs livraisons en ligne, et on vend maintenant à l'export.",
        levers: [
          ['value_chain', 'livraisons', 0.8],
          ['product_market', "l'export", 0.8],
        ],
      },
    ]);
    const english = await seedLeverInterview(server.store, LOCAL_INTERVIEWER_ID, 'en', [
      {
        text: `We send orders to suppliers online and now sell abroad; the business club comes up at times. ${hostile}`,
        levers: [
          ['value_chain', 'suppliers', 0.9],
          ['product_market', 'sell abroad', 0.9],
          ['cluster', 'business club', 0.6],
        ],
      },
      {
        text: 'Customers track deliveries online, we launched a repair service, and the club helps a little.',
        levers: [
          ['value_chain', 'deliveries', 0.8],
          ['product_market', 'repair service', 0.8],
          ['cluster', 'club', 0.6],
        ],
      },
    ]);
    const token = await issueLocalDashboardToken(server.store);

    async function openSummary(page: Page, id: string) {
      await page.goto(`${server.url}/dashboard#token=${token}`);
      await page.locator(`#interviews tr[data-id="${id}"]`).click();
      await page.locator('#summary-title', { hasText: id }).waitFor();
      await page.locator('#lever-chart .lever-bar[data-strength]').first().waitFor();
      const bars = await page.locator('#lever-chart .lever-bar').evaluateAll((nodes) =>
        nodes.map((node) => {
          const fill = node.querySelector('.fill');
          return {
            lever: node.getAttribute('data-lever'),
            strength: node.getAttribute('data-strength'),
            said: node.querySelector('.strength')?.textContent,
            colour: fill ? getComputedStyle(fill).backgroundColor : null,
          };
        }),
      );
      const verdict = await page.locator('#lever-balance').textContent();
      const injected = await page.evaluate(
        () => 'injected' in window || document.querySelector('img[src="x"]') !== null,
      );
      return { bars, verdict, injected };
    }

    const fr = await context.newPage();
    const frenchView = await openSummary(fr, french);
    expect(frenchView.bars.map(({ colour: _colour, ...bar }) => bar)).toEqual([
      { lever: 'cluster', strength: 'missing', said: 'absent (jamais évoqué)' },
      { lever: 'product_market', strength: 'weak', said: 'faible (une seule réponse)' },
      { lever: 'value_chain', strength: 'strong', said: 'bien étayé (2 réponses)' },
    ]);
    // Each strength has its own colour, so a weak lever is seen apart at a glance.
    expect(new Set(frenchView.bars.map((bar) => bar.colour)).size).toBe(3);
    expect(frenchView.verdict).toBe(
      'déséquilibré\u00a0: Clusters et réseaux absent(s)\u202f; Produits et marchés à peine évoqué(s)',
    );
    expect(frenchView.injected).toBe(false);
    await fr.screenshot({ path: join(ARTIFACTS, 'dashboard-lever-reading-fr.png'), fullPage: true });

    const en = await context.newPage();
    await en.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'en-GB' }));
    const englishView = await openSummary(en, english);
    expect(englishView.bars.map(({ colour: _colour, ...bar }) => bar)).toEqual([
      { lever: 'cluster', strength: 'weak', said: 'weak (2 answers, none read clearly)' },
      { lever: 'product_market', strength: 'strong', said: 'well evidenced (2 answers)' },
      { lever: 'value_chain', strength: 'strong', said: 'well evidenced (2 answers)' },
    ]);
    expect(englishView.bars[0]?.colour).not.toBe(englishView.bars[1]?.colour);
    expect(englishView.verdict).toBe('fragile: Clusters and networks only weakly evidenced');
    expect(englishView.injected).toBe(false);
    await en.screenshot({ path: join(ARTIFACTS, 'dashboard-lever-reading-en.png'), fullPage: true });
  }, 60_000);

  it("shows each study interview's levers with how well they are evidenced and why, in words, as the interview view does", async () => {
    await server.store.upsertInterviewer({ id: LOCAL_INTERVIEWER_ID });
    const fragile = await seedLeverInterview(server.store, LOCAL_INTERVIEWER_ID, 'fr', [
      {
        text: 'Les commandes des clients arrivent par EDI et on propose maintenant la location.',
        levers: [
          ['value_chain', 'commandes des clients', 0.9],
          ['product_market', 'la location', 0.9],
        ],
      },
      {
        text: 'Les livraisons sont suivies en ligne, et le club des entrepreneurs en parle parfois.',
        levers: [
          ['value_chain', 'livraisons', 0.8],
          ['cluster', 'club des entrepreneurs', 0.6],
        ],
      },
      { text: 'On croise le réseau local de temps en temps.', levers: [['cluster', 'réseau local', 0.6]] },
    ]);
    const unbalanced = await seedLeverInterview(server.store, LOCAL_INTERVIEWER_ID, 'en', [
      {
        text: 'We joined the regional business club last year.',
        levers: [['cluster', 'business club', 0.9]],
      },
    ]);
    const token = await issueLocalDashboardToken(server.store);
    const page = await context.newPage();
    await page.goto(`${server.url}/dashboard#token=${token}`);
    await page.locator(`#interviews tr[data-id="${fragile}"]`).waitFor();
    await page.locator('#show-study').click();
    await page
      .locator(`#study-interviews figure[data-interview="${unbalanced}"] .lever-bar[data-strength]`)
      .first()
      .waitFor();
    const figureOf = (id: string) =>
      page.locator(`#study-interviews figure[data-interview="${id}"]`).evaluate((node) => ({
        caption: node.querySelector('figcaption')?.textContent,
        bars: Array.from(node.querySelectorAll('.lever-bar')).map((bar) => {
          const fill = bar.querySelector('.fill');
          return {
            lever: bar.getAttribute('data-lever'),
            count: bar.getAttribute('data-count'),
            strength: bar.getAttribute('data-strength'),
            said: bar.querySelector('.strength')?.textContent,
            colour: fill ? getComputedStyle(fill).backgroundColor : null,
          };
        }),
        verdict: node.querySelector('.verdict')?.textContent,
      }));
    expect(await page.locator('#study-interviews h3').textContent()).toBe(
      'Équilibre des leviers par entretien',
    );

    const first = await figureOf(fragile);
    expect(first.caption).toMatch(/^Entretien I\d+ · /);
    expect(first.caption?.endsWith(` · ${fragile}`)).toBe(true);
    expect(first.bars.map(({ colour: _colour, ...bar }) => bar)).toEqual([
      { lever: 'cluster', count: '2', strength: 'weak', said: 'faible (2 réponses, repérage incertain)' },
      { lever: 'product_market', count: '1', strength: 'weak', said: 'faible (une seule réponse)' },
      { lever: 'value_chain', count: '2', strength: 'strong', said: 'bien étayé (2 réponses)' },
    ]);
    expect(first.bars[0]?.colour).not.toBe(first.bars[2]?.colour);
    expect(first.verdict).toBe('fragile\u00a0: Clusters et réseaux, Produits et marchés à peine évoqué(s)');

    // An English interview in a French study view: worded in French, as the interview view would word it here.
    const second = await figureOf(unbalanced);
    expect(second.bars.map(({ strength, said }) => ({ strength, said }))).toEqual([
      { strength: 'weak', said: 'faible (une seule réponse)' },
      { strength: 'missing', said: 'absent (jamais évoqué)' },
      { strength: 'missing', said: 'absent (jamais évoqué)' },
    ]);
    expect(second.bars[0]?.colour).not.toBe(second.bars[1]?.colour);
    expect(second.verdict).toBe(
      'déséquilibré\u00a0: Produits et marchés, Chaîne de valeur absent(s)\u202f; Clusters et réseaux à peine évoqué(s)',
    );
    // The study's totals stay plain: a sum over interviews has no reading of its own.
    expect(await page.locator('#study-levers .lever-bar[data-strength]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-study-levers.png'), fullPage: true });

    // The interview view says the same of the same interview.
    await page.locator('#show-list').click();
    await page.locator(`#interviews tr[data-id="${fragile}"]`).click();
    await page.locator('#summary-title', { hasText: fragile }).waitFor();
    await page.locator('#lever-chart .lever-bar[data-strength]').first().waitFor();
    const said = await page
      .locator('#lever-chart .lever-bar .strength')
      .evaluateAll((nodes) => nodes.map((node) => node.textContent));
    expect(said).toEqual(first.bars.map((bar) => bar.said));
    expect(await page.locator('#lever-balance').textContent()).toBe(first.verdict);
    await page.close();
  }, 60_000);

  it("words each interview's profile, language and progress, names the exports, and saves each under the interview's name", async () => {
    await server.store.upsertInterviewer({ id: LOCAL_INTERVIEWER_ID });
    // Just started: two answers, the third question waiting. As answered/asked it read "2/3", two-thirds done.
    const started = await seedStartedInterview(server.store, LOCAL_INTERVIEWER_ID, [
      ['question', 'presentation', 'presentation.role'],
      ['answer', 'presentation', 'presentation.role'],
      ['question', 'tools', 'tools.main'],
      ['answer', 'tools', 'tools.main'],
      ['question', 'tools', 'tools.other'],
    ]);
    const completed = await seedLeverInterview(server.store, LOCAL_INTERVIEWER_ID, 'en', [
      { text: 'We joined the business club.', levers: [['cluster', 'business club', 0.9]] },
    ]);
    const token = await issueLocalDashboardToken(server.store);

    async function listAndExports(page: Page) {
      await page.goto(`${server.url}/dashboard#token=${token}`);
      const cells = (id: string) =>
        page
          .locator(`#interviews tr[data-id="${id}"] td`)
          .evaluateAll((nodes) => nodes.slice(2, 5).map((node) => node.textContent));
      await page.locator(`#interviews tr[data-id="${started}"]`).waitFor();
      const rows = { started: await cells(started), completed: await cells(completed) };
      const startedAt = await page.locator(`#interviews tr[data-id="${started}"] td`).nth(5).textContent();
      await page.locator(`#interviews tr[data-id="${completed}"]`).click();
      await page.locator('#summary-downloads .download').first().waitFor();
      const group = page.locator('#summary-downloads');
      const buttons = await group
        .locator('.download')
        .evaluateAll((nodes) => nodes.map((node) => node.textContent));
      const saved: string[] = [];
      for (const format of ['json', 'md', 'card']) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          group.locator(`.download[data-format="${format}"]`).click(),
        ]);
        saved.push(download.suggestedFilename());
      }
      // The group's name, the verb its buttons share.
      const caption = await group.evaluate(
        (node) => document.getElementById(node.getAttribute('aria-labelledby') ?? '')?.textContent ?? null,
      );
      return { rows, caption, buttons, saved, startedAt };
    }

    const fr = await context.newPage();
    expect(await listAndExports(fr)).toEqual({
      rows: {
        started: ['expert(e)', 'français', '2 réponses · étape\u00a0: Les outils'],
        completed: ['dirigeant(e)', 'anglais', '1 réponse'],
      },
      caption: 'Télécharger\u00a0:',
      buttons: ['JSON', 'Markdown', 'HTML', 'carte Teams', 'CSV', 'REFI-QDA (.qdpx)'],
      saved: [`interview-${completed}.json`, `interview-${completed}.md`, `interview-${completed}.card.json`],
      startedAt: expect.any(String),
    });
    await fr.screenshot({ path: join(ARTIFACTS, 'dashboard-exports-fr.png'), fullPage: true });
    await fr.close();

    const en = await context.newPage();
    await en.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'en-GB' }));
    expect(await listAndExports(en)).toMatchObject({
      rows: {
        started: ['expert', 'French', '2 answers · stage: The tools'],
        completed: ['manager', 'English', '1 answer'],
      },
      caption: 'Download:',
      buttons: ['JSON', 'Markdown', 'HTML', 'Teams card', 'CSV', 'REFI-QDA (.qdpx)'],
      // As a British reader writes it: day first, 24-hour clock.
      startedAt: new Date((await server.store.getInterview(started))?.startedAt ?? '').toLocaleString(
        'en-GB',
      ),
    });
    await en.close();
  }, 60_000);

  it("shows the dashboard's own words in the reader's language, and the page's own when the reader's cannot be had", async () => {
    await server.store.upsertInterviewer({ id: LOCAL_INTERVIEWER_ID });
    const completed = await seedLeverInterview(server.store, LOCAL_INTERVIEWER_ID, 'fr', [
      {
        text: 'Nous avons rejoint le club des entreprises.',
        levers: [['cluster', 'club des entreprises', 0.9]],
      },
    ]);
    const started = await seedStartedInterview(server.store, LOCAL_INTERVIEWER_ID, [
      ['question', 'presentation', 'presentation.role'],
    ]);
    const paused = await seedStartedInterview(server.store, LOCAL_INTERVIEWER_ID, [
      ['question', 'presentation', 'presentation.role'],
    ]);
    await server.store.updateInterview(paused, { status: 'paused' });
    const withdrawn = await seedStartedInterview(server.store, LOCAL_INTERVIEWER_ID, [
      ['question', 'presentation', 'presentation.role'],
    ]);
    await server.store.appendTurns(withdrawn, [
      {
        kind: 'event',
        section: 'presentation',
        questionId: null,
        text: '',
        tags: null,
        refSeq: null,
        data: { event: 'stop', consent: 'withdrawn' },
      },
    ]);
    await server.store.updateInterview(withdrawn, { status: 'paused' });
    const token = await issueLocalDashboardToken(server.store);

    /** The list's and an interview's words, as the page shows them. */
    async function shownWords(page: Page) {
      await page.goto(`${server.url}/dashboard#token=${token}`);
      await page.locator(`#interviews tr[data-id="${paused}"]`).waitFor();
      const texts = (selector: string) =>
        page.locator(selector).evaluateAll((nodes) => nodes.map((node) => node.textContent));
      const status = (id: string) => page.locator(`#interviews tr[data-id="${id}"] td`).nth(1).textContent();
      const list = {
        lang: await page.evaluate(() => document.documentElement.lang),
        title: await page.title(),
        heading: await page.locator('h1').textContent(),
        views: await texts('nav button'),
        columns: await texts('#interviews th'),
        statuses: [
          await status(completed),
          await status(started),
          await status(paused),
          await status(withdrawn),
        ],
      };
      await page.locator(`#interviews tr[data-id="${completed}"]`).click();
      await page.locator('#summary-title', { hasText: completed }).waitFor();
      await page.locator('#value-matrix table.heatmap').waitFor();
      const summary = {
        title: await page.locator('#summary-title').textContent(),
        headings: await texts('#summary-view figcaption, #summary-view h3'),
        cell: await page.locator('#value-matrix td').first().getAttribute('title'),
      };
      return { ...list, summary };
    }

    const french = {
      lang: 'fr',
      title: 'Tableau de bord',
      heading: 'Tableau de bord',
      views: ['Entretiens', 'Étude'],
      columns: ['Entretien', 'Statut', 'Profil', 'Langue', 'Avancement', 'Début'],
      statuses: ['terminé', 'en cours', 'en pause', 'en pause, accord retiré'],
      summary: {
        title: `Entretien ${completed}`,
        headings: [
          'Matrice des formes de valeur',
          'Équilibre des leviers',
          'Outils',
          'Sens de la transition numérique',
          'Réponses par thème',
          'Questions non répondues',
          'Questions à poser ensuite',
          'Pistes pour le conseiller',
          'Corrections du répondant',
        ],
        cell: 'Fonctionnelle × Fonctionnelle\u00a0: 0',
      },
    };
    const fr = await context.newPage();
    expect(await shownWords(fr)).toEqual(french);
    await fr.close();

    const en = await context.newPage();
    await en.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'en-GB' }));
    expect(await shownWords(en)).toEqual({
      lang: 'en',
      title: 'Dashboard',
      heading: 'Dashboard',
      views: ['Interviews', 'Study'],
      columns: ['Interview', 'Status', 'Profile', 'Language', 'Progress', 'Started'],
      statuses: ['completed', 'in progress', 'paused', 'paused, consent withdrawn'],
      summary: {
        title: `Interview ${completed}`,
        headings: [
          'Value form matrix',
          'Lever balance',
          'Tools',
          'What digital transition means',
          'Answers by theme',
          'Questions declined',
          'Questions to ask next',
          'Next steps for the adviser',
          "Respondent's corrections",
        ],
        cell: 'Functional × Functional: 0',
      },
    });
    await en.close();

    // The page came in French (the browser asks for French pages): without the English words it reads on, whole.
    const fallback = await context.newPage();
    await fallback.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'en-GB' }));
    await fallback.route('**/api/labels?*', (route) => route.abort());
    expect(await shownWords(fallback)).toEqual(french);
    await fallback.close();
  }, 60_000);

  it('says in words why a view cannot be shown, and shows a status it has no word for as the API names it', async () => {
    const token = await issueLocalDashboardToken(server.store);
    const page = await context.newPage();
    const said = () => page.locator('#message').textContent();

    await page.route('**/api/interviews', (route) => route.fulfill({ status: 500, body: '' }));
    await page.goto(`${server.url}/dashboard#token=${token}`);
    await expect
      .poll(said)
      .toBe("Le serveur n'a pas pu répondre (erreur 500)\u00a0: réessayez dans un instant.");

    await page.unroute('**/api/interviews');
    await page.route('**/api/interviews', (route) => route.abort());
    await page.locator('#show-list').click();
    await expect
      .poll(said)
      .toBe("Le serveur ne répond pas\u00a0: vérifiez qu'il est démarré, puis rechargez la page.");

    // No interviews: the message says so, with no column headings over no rows.
    await page.unroute('**/api/interviews');
    await page.route('**/api/interviews', (route) =>
      route.fulfill({
        json: { interviewerId: LOCAL_INTERVIEWER_ID, interviews: [], pendingInvitations: [] },
      }),
    );
    await page.locator('#show-list').click();
    await expect.poll(said).toBe(summaryPrompts('fr').dashboard.messages.empty);
    expect(await page.locator('#interviews').isHidden()).toBe(true);

    // An interview as a newer server might list it, with a status this page has no word for.
    await page.unroute('**/api/interviews');
    await page.route('**/api/interviews', (route) =>
      route.fulfill({
        json: {
          interviewerId: LOCAL_INTERVIEWER_ID,
          interviews: [
            {
              id: 'I-NEWER',
              status: 'archived',
              language: 'fr',
              profile: 'manager',
              startedAt: '2025-03-01T09:00:00.000Z',
              updatedAt: '2025-03-01T10:00:00.000Z',
              completedAt: null,
              progress: { asked: 0, answered: 0, section: null },
            },
          ],
        },
      }),
    );
    await page.locator('#show-list').click();
    const row = page.locator('#interviews tr[data-id="I-NEWER"]');
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('archived');
    expect(await row.textContent()).not.toContain('undefined');
    expect(await page.locator('#message').isHidden()).toBe(true);

    // The server has no such interview.
    await row.click();
    await expect.poll(said).toBe("Cet entretien n'existe plus\u00a0: il a peut-être été effacé.");
    await page.close();
  }, 60_000);

  it('sends an answer of several lines, typed with Shift+Enter or pasted, as one answer with its line breaks', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.removeItem('sme-interview.webchat'));
    const { box, saved } = await atPresentation(page);
    const before = server.web.conversations.since(saved.conversationId, undefined).activities.length;
    await box.fill('Clinique vétérinaire à Vannes.');
    await box.press('Shift+Enter');
    await box.pressSequentially('On est 3 vétos et 6 ASV.');
    await box.press('Enter');
    await botReplySince(saved.conversationId, saved.userId, before);
    const [interview] = await server.store.listInterviews({
      conversationKey: `webchat:${saved.conversationId}`,
    });
    const answers = (await server.store.getTurns(interview?.id ?? '')).filter((t) => t.kind === 'answer');
    expect(answers.map((a) => a.text)).toContain('Clinique vétérinaire à Vannes.\nOn est 3 vétos et 6 ASV.');
    expect(answers.filter((a) => a.section === 'presentation')).toHaveLength(1);
  }, 60_000);

  it('shows the exchange so far and the question waiting for an answer when the page is reloaded after a server restart', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=fr`);
    // A conversation of its own, as a respondent who clicks "Nouvelle conversation" gets (the page asks first,
    // since the previous test wrote in this browser's conversation).
    await page.locator('#restart').click();
    // The page pauses the interview there, then reloads on a new conversation.
    await Promise.all([page.waitForEvent('load'), page.locator('#restart-confirm').click()]);
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
    const saved = await savedConversation(page);
    await botReplySince(saved.conversationId, saved.userId, 0);
    // Answers are hostile input: shown again, they stay text.
    const earlier =
      'Nous sommes une brasserie artisanale de 8 salariés, à Rennes. <img src=x onerror="window.injected=1">';
    for (const text of ['démarrer', '1', '1', 'oui', earlier]) {
      const before = server.web.conversations.since(saved.conversationId, undefined).activities.length;
      await send(page, text);
      await botReplySince(saved.conversationId, saved.userId, before);
    }
    const { store } = server;
    const [interview] = await store.listInterviews({ conversationKey: `webchat:${saved.conversationId}` });
    const pending = (await store.getTurns(interview?.id ?? '')).filter((t) => t.kind === 'question').at(-1);

    const { port } = server;
    await server.close();
    server = await startWebServer({ bot: realInterviewBot(store), store, port });
    await page.reload();
    // Web Chat typesets the bot's apostrophes.
    const pendingShown = (pending?.text ?? '?').replaceAll("'", '’');
    await page.getByText(pendingShown, { exact: false }).first().waitFor({ timeout: 15_000 });
    // The earlier answer is back on the respondent's side, after the consent and before the pending question.
    await page.locator('.webchat__bubble--from-user', { hasText: earlier }).waitFor();
    const transcript = (await page.locator('#webchat').textContent()) ?? '';
    expect(transcript.indexOf(earlier)).toBeGreaterThan(
      transcript.indexOf(loadGuides().fr.opening.consentQuestion),
    );
    expect(transcript.indexOf(earlier)).toBeLessThan(transcript.lastIndexOf(pendingShown));
    expect(
      await page.evaluate(() => 'injected' in window || document.querySelector('img[src="x"]') !== null),
    ).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-after-restart.png'), fullPage: true });

    const answer = "Je suis la gérante, je m'occupe de la production et des ventes.";
    const shown = server.web.conversations.since(saved.conversationId, undefined).activities.length;
    await send(page, answer);
    await botReplySince(saved.conversationId, saved.userId, shown);
    const turns = await store.getTurns(interview?.id ?? '');
    expect(turns.find((t) => t.kind === 'answer' && t.text === answer)?.questionId).toBe(pending?.questionId);
  }, 60_000);

  it('goes on by itself in a page left open while the server restarted, sending once the answer typed meanwhile', async () => {
    // Pages of earlier tests would take their conversations up again too: only this one is left open, in a
    // browser of its own, whose storage holds this conversation alone.
    for (const open of context.pages()) await open.close();
    const own = await launchChromium('fr-FR');
    const page = await own.context.newPage();
    const { box, saved } = await atPresentation(page);
    const { store, port } = server;
    // The page finds its polling dead, waits for the server, and takes the conversation up again.
    const reloaded = page.waitForEvent('load', { timeout: 40_000 });
    await server.close();
    // Down long enough for the page's polls to fail; the answer typed meanwhile cannot be sent, and a draft waits.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const answer = 'Miellerie familiale en Dordogne, 2 personnes.';
    await send(page, answer);
    const draft = 'Je suis la gérante';
    await box.fill(draft);
    server = await startWebServer({ bot: realInterviewBot(store), store, port });
    await reloaded;
    // Sent again once the conversation is back, recorded once, and the draft is back in the box.
    const role = loadGuides().fr.presentation.questions[1]?.text ?? '?';
    await page.getByText(role.replaceAll("'", '’'), { exact: false }).last().waitFor({ timeout: 30_000 });
    const [interview] = await store.listInterviews({ conversationKey: `webchat:${saved.conversationId}` });
    const answers = (await store.getTurns(interview?.id ?? '')).filter((t) => t.kind === 'answer');
    expect(answers.filter((a) => a.text === answer)).toHaveLength(1);
    await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toBe(draft);
    await own.close();
  }, 90_000);

  it('pauses the interview of the conversation left for a new one, writing nothing in it', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=fr`);
    await page.locator('#restart').click();
    await Promise.all([page.waitForEvent('load'), page.locator('#restart-confirm').click()]);
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
    const left = await savedConversation(page);
    await botReplySince(left.conversationId, left.userId, 0);
    for (const text of ['démarrer', '1', '1', 'oui']) {
      const before = server.web.conversations.since(left.conversationId, undefined).activities.length;
      await send(page, text);
      await botReplySince(left.conversationId, left.userId, before);
    }
    const [interview] = await server.store.listInterviews({
      conversationKey: `webchat:${left.conversationId}`,
    });
    expect(interview?.status).toBe('in_progress');
    const shownBefore = server.web.conversations.since(left.conversationId, undefined).activities.length;

    await page.locator('#restart').click();
    await Promise.all([page.waitForEvent('load'), page.locator('#restart-confirm').click()]);
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
    expect((await server.store.getInterview(interview?.id ?? ''))?.status).toBe('paused');
    // Nothing the respondent did not type, and no answer to it, in the conversation left.
    const after = server.web.conversations.since(left.conversationId, undefined).activities;
    expect(after.slice(shownBefore).filter((a) => a.type === 'message')).toEqual([]);

    // On a phone's width, with the earlier conversations' list now in the bar, nothing sticks out sideways.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.locator('#earlier').waitFor();
    const chatWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(chatWidth).toBeLessThanOrEqual(375);
    await page.close();
  }, 60_000);

  it("fits a phone's width: the list and a summary scroll in their own boxes, never the whole page", async () => {
    await server.store.upsertInterviewer({ id: LOCAL_INTERVIEWER_ID });
    const completed = await seedLeverInterview(server.store, LOCAL_INTERVIEWER_ID, 'fr', [
      {
        text: 'On est au club des entreprises du canton.',
        levers: [['cluster', 'club des entreprises', 0.9]],
      },
    ]);
    const token = await issueLocalDashboardToken(server.store);
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${server.url}/dashboard#token=${token}`);
    const row = page.locator(`#interviews tr[data-id="${completed}"]`);
    await row.waitFor();
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    await row.click();
    await page.locator('#summary-downloads .download').first().waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
