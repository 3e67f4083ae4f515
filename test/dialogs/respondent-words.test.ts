import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.js';
import { TerminalAdapter } from '../../src/bot/terminal-adapter.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { escapeMarkdown } from '../../src/core/interview/quote.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { createFakeTagger } from '../interview/fake-tagger.js';
import { BotHarness } from './harness.js';

/** Markup a respondent may type: HTML, an image, bold, a script link. None may reach a bubble as markup. */
const MARKUP =
  '<img src=x onerror=alert(1)> ![](http://example.invalid/x.png) **gras** [lien](javascript:alert(1))';

const SCRIPTS = {
  fr: {
    start: ['démarrer', '1', '1', 'oui'],
    answer: `Je dirige la boulangerie Le Goff à Rennes ${MARKUP}`,
    back: 'retour',
    summary: 'recap',
    themeAnswer:
      "Nous avons installé un ERP avec nos fournisseurs : j'ai décidé de le faire, nos clients en profitent et nous gagnons du temps.",
    unknownTool: "ajoute l'outil <img src=x onerror=alert(1)> **gras**",
  },
  en: {
    start: ['start', '2', '1', 'yes'],
    answer: `I run the Hollis bakery in Leeds ${MARKUP}`,
    back: 'back',
    summary: 'summary',
    themeAnswer:
      'We decided to set up an ERP with our suppliers and a network club: customers benefit and we save time.',
    unknownTool: 'add tool <img src=x onerror=alert(1)> **bold**',
  },
} as const;

/** What no reply may hold: the markup as typed, which a Markdown renderer would make live. */
function expectInert(replies: readonly string[]): void {
  const said = replies.join('\n');
  expect(said).not.toContain('<img');
  expect(said).not.toContain('**gras**');
  // A link or image opens with `](` unless its bracket is escaped.
  expect(said).not.toMatch(/(?<!\\)\]\(/);
}

describe.each(['fr', 'en'] as const)("the respondent's words quoted back (%s)", (lang) => {
  const script = SCRIPTS[lang];
  const guide = loadGuides()[lang];

  async function answered(): Promise<BotHarness> {
    const bot = new BotHarness();
    for (const text of script.start) await bot.say(text);
    await bot.say(script.answer);
    return bot;
  }

  it('are inert Markdown in the prompt of `back`, for Teams and the web chat', async () => {
    const bot = await answered();
    const replies = await bot.say(script.back);
    expectInert(replies);
    expect(replies.join('\n')).toContain(escapeMarkdown(script.answer));
    expect(escapeMarkdown(script.answer)).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // What is stored is what was typed.
    const { turns } = await bot.interview();
    expect(turns.some((turn) => turn.kind === 'answer' && turn.text === script.answer)).toBe(true);
  });

  it('are inert Markdown in the recap of the answers', async () => {
    const bot = await answered();
    const replies = await bot.say(script.summary);
    expect(replies[0]?.startsWith(guide.bot.summaryHeader)).toBe(true);
    expectInert(replies);
    expect(replies.join('\n')).toContain(escapeMarkdown(script.answer));
  });

  it('are inert Markdown in the review when the item to correct is not known', async () => {
    const bot = await answered();
    for (let guard = 0; guard < 40; guard++) {
      const { turns } = await bot.interview();
      const pending = [...turns].reverse().find((turn) => turn.kind === 'question');
      if (pending?.questionId === 'closing.review') break;
      await bot.say(script.themeAnswer);
    }
    const replies = await bot.say(script.unknownTool);
    expectInert(replies);
    expect(replies.join('\n')).toContain('&lt;img src=x onerror=alert(1)&gt; \\*\\*');
  });

  it('are shown as typed in the terminal, which prints text as it is', async () => {
    const printed: string[] = [];
    const store = createMemoryStore();
    const bot = createBot({
      store,
      storage: new MemoryStorage(),
      tagger: createFakeTagger(),
      guides: loadGuides(),
    });
    const terminal = new TerminalAdapter((text) => printed.push(text));
    const run = (context: Parameters<typeof bot.run>[0]) => bot.run(context);
    for (const text of [...script.start, script.answer]) await terminal.sendText(text, run);
    printed.length = 0;
    await terminal.sendText(script.back, run);
    expect(printed.join('\n')).toContain(script.answer);
  });
});
