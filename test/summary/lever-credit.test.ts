import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { buildSummary, type Summary } from '../../src/core/summary/index.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { renderCsv, renderQdpx, stableGuid } from '../../src/export/index.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { parseCsv, unescapeXml, unzip } from '../export/helpers.js';
import { answerUntilReview, CoreSession } from '../interview/session.js';
import { metaFor, TurnLog } from './helpers.js';

const tagger = createTagger();

/** A turn log whose answers carry what the shipped tagger reads in them. */
function taggedLog(id: string, lang: Language, answers: readonly [string, string][]) {
  const log = new TurnLog(id, lang);
  answers.forEach(([question, text], index) => {
    log.qa('tools', `tools.q${index}`, question, text);
    const turn = log.turns.at(-1);
    if (turn) turn.tags = tagger.tag(text, { lang });
  });
  return log;
}

const toolLevers = (summary: Summary) => Object.fromEntries(summary.tools.map((t) => [t.id, t.lever]));

/** The CSV's lever rows, as [quote, code]. */
const leverRows = (summary: Summary) =>
  parseCsv(renderCsv([summary]))
    .filter((row) => row[4] === 'lever')
    .map((row) => [row[3], row[5]]);

/** The names of the REFI-QDA selections coded with the lever. */
function qdpxLeverQuotes(summary: Summary, lever: string): string[] {
  const xml = unzip(renderQdpx([summary], summary.interview.language, '2025-03-05T09:00:00.000Z')).get(
    'project.qde',
  );
  const guid = stableGuid(`code:lever:${lever}`);
  return [
    ...(xml ?? '').matchAll(
      /<PlainTextSelection [^>]*name="([^"]*)"[^>]*><Coding [^>]*><CodeRef targetGUID="([^"]+)"/g,
    ),
  ]
    .filter((m) => m[2] === guid)
    .map((m) => unescapeXml(m[1] ?? ''));
}

describe.each([
  {
    lang: 'fr' as const,
    question: 'Quels outils utilisez-vous ?',
    many: 'On a un ERP, un site vitrine et Facebook.',
    one: 'On a un ERP.',
    erpRow: '| ERP | Chaîne de valeur |',
    absent: /Chaîne de valeur\u00a0: absent/,
  },
  {
    lang: 'en' as const,
    question: 'Which tools do you use?',
    many: 'We have an ERP, a showcase website and Facebook.',
    one: 'We have an ERP.',
    erpRow: '| ERP | Value chain |',
    absent: /Value chain: missing/,
  },
])('an ERP named with other tools keeps its value-chain lever ($lang)', (c) => {
  it('gives the ERP the value chain and the site and Facebook what their own words carry', () => {
    const alone = buildSummary(
      metaFor('itv-one', c.lang),
      taggedLog('itv-one', c.lang, [[c.question, c.one]]).turns,
    );
    expect(toolLevers(alone).erp).toBe('value_chain');
    const summary = buildSummary(
      metaFor('itv-many', c.lang),
      taggedLog('itv-many', c.lang, [[c.question, c.many]]).turns,
    );
    expect(toolLevers(summary)).toEqual({
      erp: 'value_chain',
      showcase_website: 'product_market',
      social_media: 'product_market',
    });
    const markdown = renderMarkdown(summary);
    expect(markdown).toContain(c.erpRow);
    expect(markdown).not.toMatch(c.absent);
  });

  it('does not call the value chain missing when an ERP is listed', () => {
    const summary = buildSummary(
      metaFor('itv-many', c.lang),
      taggedLog('itv-many', c.lang, [[c.question, c.many]]).turns,
    );
    expect(summary.levers.value_chain.count).toBe(1);
    expect(summary.leverReading.levers.value_chain.strength).not.toBe('missing');
    expect(summary.gaps.levers).not.toContain('value_chain');
    expect(summary.leverBalance).not.toContain('value_chain');
    expect(summary.levers.product_market.count).toBe(1);
  });
});

describe('a lever goes to the tools of its own clause', () => {
  it('credits each tool with the lever said of it, not the one said of the other (fr)', () => {
    const log = new TurnLog('itv-clauses-fr', 'fr');
    const text = "L'ERP nous relie aux fournisseurs, et Facebook nous amène de nouveaux clients.";
    log.qa('tools', 'tools.acquired', 'Quels outils utilisez-vous ?', text, {
      tools: [
        ['erp', 'ERP'],
        ['social_media', 'Facebook'],
      ],
      levers: [
        ['value_chain', 'nous relie aux fournisseurs', 0.9],
        ['product_market', 'nous amène de nouveaux clients', 0.9],
      ],
    });
    const summary = buildSummary(metaFor('itv-clauses-fr', 'fr'), log.turns);
    expect(toolLevers(summary)).toEqual({ erp: 'value_chain', social_media: 'product_market' });
  });

  it('credits each tool with the lever said of it, not the one said of the other (en)', () => {
    const log = new TurnLog('itv-clauses-en', 'en');
    const text = 'The ERP links us with our suppliers; Facebook brings us new customers.';
    log.qa('tools', 'tools.acquired', 'Which tools do you use?', text, {
      tools: [
        ['erp', 'ERP'],
        ['social_media', 'Facebook'],
      ],
      levers: [
        ['value_chain', 'links us with our suppliers', 0.9],
        ['product_market', 'brings us new customers', 0.9],
      ],
    });
    const summary = buildSummary(metaFor('itv-clauses-en', 'en'), log.turns);
    expect(toolLevers(summary)).toEqual({ erp: 'value_chain', social_media: 'product_market' });
  });

  it("a lever said in a sentence naming no tool leaves the tools' own levers (and still counts)", () => {
    const log = new TurnLog('itv-apart', 'en');
    const text = 'We have an ERP. We now sell custom shelves to new markets.';
    log.qa('tools', 'tools.acquired', 'Which tools do you use?', text, {
      tools: [['erp', 'ERP']],
      levers: [['product_market', 'sell custom shelves to new markets', 0.9]],
    });
    const summary = buildSummary(metaFor('itv-apart', 'en'), log.turns);
    expect(toolLevers(summary).erp).toBe('value_chain');
    expect(summary.levers.product_market.count).toBe(1);
    expect(summary.levers.value_chain.count).toBe(1);
  });
});

/** "On a un ERP et Facebook." twice, Facebook read as products and markets: two answers, read clearly. */
function erpAndFacebook(lang: Language, id: string) {
  const text = lang === 'fr' ? 'On a un ERP et Facebook.' : 'We have an ERP and Facebook.';
  const log = new TurnLog(id, lang);
  for (const question of ['tools.acquired', 'tools.interfaces']) {
    log.qa('tools', question, '?', text, {
      tools: [
        ['erp', 'ERP'],
        ['social_media', 'Facebook'],
      ],
      levers: [
        ['value_chain', 'ERP', 0.84],
        ['product_market', 'Facebook', 0.84],
      ],
    });
  }
  return log;
}

describe.each([
  { lang: 'fr' as const, remove: "retire l'outil facebook", said: 'facebook' },
  { lang: 'en' as const, remove: 'remove tool facebook', said: 'facebook' },
])('a tool removed in the closing review takes the lever read on its words with it ($lang)', (c) => {
  it('leaves no lever on the removed words in the summary, the CSV and the REFI-QDA project', () => {
    const log = erpAndFacebook(c.lang, `itv-remove-${c.lang}`);
    const before = buildSummary(metaFor(log.interviewId, c.lang), log.turns);
    expect(before.leverReading.levers.product_market.strength).toBe('strong');
    log.correct({ action: 'remove', target: 'tool', id: 'social_media', said: c.said }, c.remove);
    const summary = buildSummary(metaFor(log.interviewId, c.lang), log.turns);

    expect(summary.tools.map((t) => t.id)).toEqual(['erp']);
    expect(summary.levers.product_market.count).toBe(0);
    expect(summary.leverReading.levers.product_market).toEqual({
      strength: 'missing',
      answers: 0,
      confidentAnswers: 0,
    });
    expect(summary.leverBalance).toContain('product_market');
    for (const answer of summary.themes.flatMap((t) => t.answers))
      expect(answer.tags.levers.map((l) => l.id)).toEqual(['value_chain']);

    expect(leverRows(summary)).toEqual([
      ['ERP', 'value_chain'],
      ['ERP', 'value_chain'],
    ]);
    expect(renderCsv([summary])).not.toMatch(/Facebook,lever,/);
    expect(qdpxLeverQuotes(summary, 'product_market')).toEqual([]);
    expect(qdpxLeverQuotes(summary, 'value_chain')).toEqual(['ERP', 'ERP']);
  });

  it('keeps a lever read on more than the removed words', () => {
    const text =
      c.lang === 'fr'
        ? 'On a un ERP, et Facebook nous amène de nouveaux clients.'
        : 'We have an ERP, and Facebook brings us new customers.';
    const carried =
      c.lang === 'fr' ? 'Facebook nous amène de nouveaux clients' : 'Facebook brings us new customers';
    const log = new TurnLog(`itv-keep-${c.lang}`, c.lang);
    log.qa('tools', 'tools.acquired', '?', text, {
      tools: [
        ['erp', 'ERP'],
        ['social_media', 'Facebook'],
      ],
      levers: [['product_market', carried, 0.9]],
    });
    log.correct({ action: 'remove', target: 'tool', id: 'social_media', said: c.said }, c.remove);
    const summary = buildSummary(metaFor(log.interviewId, c.lang), log.turns);
    expect(summary.levers.product_market.count).toBe(1);
    expect(leverRows(summary)).toEqual([[carried, 'product_market']]);
  });
});

describe('a brand removed from a tool read from two takes only the lever read on that brand', () => {
  it('keeps the lever on the brand that stays', () => {
    const text = 'On a Instagram et Facebook.';
    const log = new TurnLog('itv-named', 'fr');
    log.qa('tools', 'tools.acquired', '?', text, {
      tools: [['social_media', 'Instagram']],
      levers: [['product_market', 'Instagram', 0.84]],
    });
    const turn = log.turns.at(-1);
    const facebook = { start: text.indexOf('Facebook'), end: text.indexOf('Facebook') + 8, text: 'Facebook' };
    if (turn?.tags) {
      turn.tags.tools[0]?.evidence.push(facebook);
      turn.tags.levers[0]?.evidence.push(facebook);
    }
    log.correct(
      { action: 'remove', target: 'tool', id: 'social_media', said: 'Instagram', scope: 'named' },
      'retire Instagram',
    );
    const summary = buildSummary(metaFor('itv-named', 'fr'), log.turns);
    expect(leverRows(summary)).toEqual([['Facebook', 'product_market']]);
    expect(summary.levers.product_market.count).toBe(1);
  });
});

describe.each([
  {
    lang: 'fr' as const,
    consent: 'oui',
    tools: 'On a un ERP et Facebook.',
    other: 'On gagne du temps avec nos fournisseurs.',
    remove: "retire l'outil facebook",
  },
  {
    lang: 'en' as const,
    consent: 'yes',
    tools: 'We have an ERP and Facebook.',
    other: 'We save time with our suppliers.',
    remove: 'remove tool facebook',
  },
])('a whole interview whose respondent removes Facebook in the review ($lang)', (c) => {
  it('exports no lever on "Facebook" and no longer reads products and markets', () => {
    const session = new CoreSession(loadGuides(), tagger, c.lang, 'manager');
    session.start();
    session.say(c.consent);
    answerUntilReview(session, (pending) => (pending?.startsWith('tools') ? c.tools : c.other));
    expect(buildSummary(session.meta, session.turns).levers.product_market.count).toBeGreaterThan(0);
    session.say(c.remove);
    const summary = buildSummary(session.meta, session.turns);
    expect(summary.corrections.map((x) => x.correction.id)).toEqual(['social_media']);
    expect(summary.levers.product_market.count).toBe(0);
    expect(summary.leverReading.levers.product_market.strength).toBe('missing');
    expect(leverRows(summary).filter(([quote]) => quote === 'Facebook')).toEqual([]);
    expect(qdpxLeverQuotes(summary, 'product_market')).toEqual([]);
  });
});
