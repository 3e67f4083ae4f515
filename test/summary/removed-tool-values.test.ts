import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { fill } from '../../src/core/guide/template.js';
import {
  buildShortSummary,
  buildSummary,
  type Summary,
  summaryPrompts,
} from '../../src/core/summary/index.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { renderCsv, renderQdpx, stableGuid } from '../../src/export/index.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { parseCsv, unescapeXml, unzip } from '../export/helpers.js';
import { answerUntilReview, CoreSession } from '../interview/session.js';
import { metaFor, TurnLog } from './helpers.js';

const tagger = createTagger();

/** A turn log of one answer to the tools question, tagged by the shipped tagger. */
function taggedAnswer(id: string, lang: Language, text: string): TurnLog {
  const log = new TurnLog(id, lang);
  log.qa('tools', 'tools.acquired', lang === 'fr' ? 'Quels outils utilisez-vous ?' : 'Which tools?', text);
  const turn = log.turns.at(-1);
  if (turn) turn.tags = tagger.tag(text, { lang });
  return log;
}

/** The CSV's value rows, as [quote, code]. */
const valueRows = (summary: Summary) =>
  parseCsv(renderCsv([summary]))
    .filter((row) => row[4] === 'value')
    .map((row) => [row[3], row[5]]);

/** The names of the REFI-QDA selections coded with the value form. */
function qdpxValueQuotes(summary: Summary, value: string): string[] {
  const xml = unzip(renderQdpx([summary], summary.interview.language, '2025-03-05T09:00:00.000Z')).get(
    'project.qde',
  );
  const guid = stableGuid(`code:value:${value}`);
  return [
    ...(xml ?? '').matchAll(
      /<PlainTextSelection [^>]*name="([^"]*)"[^>]*><Coding [^>]*><CodeRef targetGUID="([^"]+)"/g,
    ),
  ]
    .filter((m) => m[2] === guid)
    .map((m) => unescapeXml(m[1] ?? ''));
}

const tool = (summary: Summary, id: string) => summary.tools.find((t) => t.id === id);

describe.each([
  {
    lang: 'fr' as const,
    text: 'On a une plateforme collaborative et un ERP, ça nous fait gagner du temps.',
    removed: 'collaboration_platform',
    said: 'plateforme collaborative',
    reply: 'retire la plateforme collaborative',
    onToolWords: 'socialization' as const,
    label: 'Socialisation',
  },
  {
    lang: 'en' as const,
    text: 'We have a cloud backup and an ERP, it saves us time.',
    removed: 'cloud_virtualization',
    said: 'cloud backup',
    reply: 'remove the cloud backup',
    onToolWords: 'security' as const,
    label: 'Security',
  },
])('a value read only on the words of a tool removed in the review goes with it ($lang)', (c) => {
  it('leaves the summary, the short version, the CSV and the REFI-QDA project; the value said apart stays', () => {
    const log = taggedAnswer(`itv-value-${c.lang}`, c.lang, c.text);
    const before = buildSummary(metaFor(log.interviewId, c.lang), log.turns);
    expect(before.values[c.onToolWords].count).toBe(1);
    expect(before.values.functional.count).toBe(1);

    log.correct({ action: 'remove', target: 'tool', id: c.removed, said: c.said }, c.reply);
    const summary = buildSummary(metaFor(log.interviewId, c.lang), log.turns);

    expect(summary.tools.map((t) => t.id)).toEqual(['erp']);
    expect(summary.values[c.onToolWords].count).toBe(0);
    expect(summary.valueMatrix.functional[c.onToolWords]).toBe(0);
    expect(summary.gaps.values).toContain(c.onToolWords);
    expect(buildShortSummary(summary, c.lang)).not.toContain(c.label);
    for (const answer of summary.themes.flatMap((t) => t.answers))
      expect(answer.tags.values.map((v) => v.id)).toEqual(['functional']);
    expect(valueRows(summary).map(([, code]) => code)).toEqual(['functional']);
    expect(qdpxValueQuotes(summary, c.onToolWords)).toEqual([]);
    // Stated in the respondent's own words, apart from the tool: kept.
    expect(summary.values.functional.count).toBe(1);
    expect(qdpxValueQuotes(summary, 'functional')).toHaveLength(1);
  });
});

describe.each([
  {
    lang: 'fr' as const,
    text: 'On a une sauvegarde en ligne, nos fichiers sont en sécurité.',
    backup: 'sauvegarde en ligne',
    safe: 'en sécurité',
  },
  {
    lang: 'en' as const,
    text: 'We have an online backup, so our files are safe.',
    backup: 'online backup',
    safe: 'are safe',
  },
])('a value read on the removed words and on others keeps the others ($lang)', (c) => {
  it('keeps the value, coded on the words said apart from the tool only', () => {
    const log = new TurnLog(`itv-both-${c.lang}`, c.lang);
    log.qa('tools', 'tools.acquired', '?', c.text, {
      tools: [['cloud_virtualization', c.backup]],
      values: [['security', c.backup]],
    });
    const turn = log.turns.at(-1);
    const safe = { start: c.text.indexOf(c.safe), end: c.text.indexOf(c.safe) + c.safe.length, text: c.safe };
    turn?.tags?.values[0]?.evidence.push(safe);
    log.correct({ action: 'remove', target: 'tool', id: 'cloud_virtualization' }, 'remove tool cloud');
    const summary = buildSummary(metaFor(log.interviewId, c.lang), log.turns);
    expect(summary.tools).toEqual([]);
    expect(summary.values.security.count).toBe(1);
    expect(valueRows(summary)).toEqual([[c.safe, 'security']]);
  });
});

describe('a value read on the words of a brand removed alone stays while another word still names the tool', () => {
  it('keeps security on "sauvegarde" when only "cloud" is removed', () => {
    const text = 'On a une sauvegarde dans le cloud.';
    const log = taggedAnswer('itv-named-value', 'fr', text);
    log.correct(
      { action: 'remove', target: 'tool', id: 'cloud_virtualization', said: 'cloud', scope: 'named' },
      'retire le cloud',
    );
    const summary = buildSummary(metaFor(log.interviewId, 'fr'), log.turns);
    expect(summary.tools.map((t) => t.id)).toEqual(['cloud_virtualization']);
    expect(summary.values.security.count).toBe(1);
  });
});

describe.each([
  {
    lang: 'fr' as const,
    consent: 'oui',
    tools: 'On a une plateforme collaborative et un ERP.',
    other: 'On gagne du temps avec nos fournisseurs.',
    remove: 'retire la plateforme collaborative',
    value: 'socialization' as const,
    removeValue: 'retire la valeur socialisation',
  },
  {
    lang: 'en' as const,
    consent: 'yes',
    tools: 'We have a cloud backup and an ERP.',
    other: 'We work faster with our suppliers.',
    remove: 'remove the cloud backup',
    value: 'security' as const,
    removeValue: 'remove value security',
  },
])('a whole interview whose respondent removes a tool in the review ($lang)', (c) => {
  it('no longer holds the value read on that tool, and says so if asked to remove it', () => {
    const guides = loadGuides();
    const session = new CoreSession(guides, tagger, c.lang, 'manager');
    session.start();
    session.say(c.consent);
    answerUntilReview(session, (pending) => (pending?.startsWith('tools') ? c.tools : c.other));
    expect(buildSummary(session.meta, session.turns).values[c.value].count).toBeGreaterThan(0);
    session.say(c.remove);
    const summary = buildSummary(session.meta, session.turns);
    expect(summary.corrections.map((x) => x.correction.action)).toEqual(['remove']);
    expect(summary.values[c.value].count).toBe(0);
    expect(summary.values.functional.count).toBeGreaterThan(0);
    const p = summaryPrompts(c.lang);
    expect(session.say(c.removeValue)).toEqual([
      fill(guides[c.lang].closing.correctionNotPresent, {
        label: p.values[c.value],
        target: p.corrections.targetNames.value,
      }),
    ]);
  });
});

describe.each([
  {
    lang: 'fr' as const,
    text: "C'est notre comptable qui nous a fait prendre Xero. On a aussi un ERP.",
    erpRow: '| ERP | Chaîne de valeur | — | — | — |',
  },
  {
    lang: 'en' as const,
    text: 'Our accountant got us onto Xero. We also have an ERP.',
    erpRow: '| ERP | Value chain | — | — | — |',
  },
])('who pushed a removed tool is not handed to the tool that stays ($lang)', (c) => {
  it('leaves the ERP without the accountant who pushed Xero', () => {
    const log = taggedAnswer(`itv-role-${c.lang}`, c.lang, c.text);
    const before = buildSummary(metaFor(log.interviewId, c.lang), log.turns);
    expect(tool(before, 'dematerialization')?.initiators).toEqual(['accountants']);
    expect(tool(before, 'erp')?.initiators).toEqual([]);

    log.correct({ action: 'remove', target: 'tool', id: 'dematerialization', said: 'Xero' }, 'enlevez Xero');
    const summary = buildSummary(metaFor(log.interviewId, c.lang), log.turns);
    expect(summary.tools.map((t) => t.id)).toEqual(['erp']);
    expect(tool(summary, 'erp')?.initiators).toEqual([]);
    expect(renderMarkdown(summary)).toContain(c.erpRow);
  });
});

describe('what a removed tool brings is not handed to the tool that stays', () => {
  it('keeps the value in the counts but credits it to no other tool (en)', () => {
    const log = taggedAnswer('itv-credit-en', 'en', 'Xero saves us a lot of time. We also have an ERP.');
    const before = buildSummary(metaFor(log.interviewId, 'en'), log.turns);
    expect(tool(before, 'dematerialization')?.values).toEqual(['functional']);
    expect(tool(before, 'erp')?.values).toEqual([]);

    log.correct({ action: 'remove', target: 'tool', id: 'dematerialization', said: 'Xero' }, 'remove Xero');
    const summary = buildSummary(metaFor(log.interviewId, 'en'), log.turns);
    expect(summary.values.functional.count).toBe(1);
    expect(tool(summary, 'erp')).toMatchObject({ values: [], beneficiaries: [] });
  });

  it('does not give the removed tool’s lever to the site said after it (fr)', () => {
    const text = 'Avec Xero, le comptable reçoit nos factures sans ressaisie, et on a un site vitrine.';
    const log = new TurnLog('itv-credit-fr', 'fr');
    log.qa('tools', 'tools.acquired', 'Quels outils utilisez-vous ?', text, {
      tools: [
        ['dematerialization', 'Xero'],
        ['showcase_website', 'site vitrine'],
      ],
      levers: [['value_chain', 'le comptable reçoit nos factures sans ressaisie', 0.9]],
    });
    const before = buildSummary(metaFor(log.interviewId, 'fr'), log.turns);
    expect(tool(before, 'showcase_website')?.lever).toBe('product_market');

    log.correct({ action: 'remove', target: 'tool', id: 'dematerialization', said: 'Xero' }, 'retire Xero');
    const summary = buildSummary(metaFor(log.interviewId, 'fr'), log.turns);
    expect(tool(summary, 'showcase_website')?.lever).toBe('product_market');
    // Said in the respondent's own words, the lever is still evidenced by the answer.
    expect(summary.levers.value_chain.count).toBe(1);
  });

  it('gives what is said in answer to a probe on a removed tool to none of the tools named there (fr)', () => {
    const log = new TurnLog('itv-probe-removed', 'fr');
    log.qa('tools', 'tools.acquired', 'Quels outils utilisez-vous ?', 'On a Xero.', {
      tools: [['dematerialization', 'Xero']],
    });
    log.turns.push({
      interviewId: log.interviewId,
      seq: log.turns.length + 1,
      at: '2025-03-04T10:30:00.000Z',
      kind: 'question',
      section: 'tools',
      questionId: 'tools.probe.actors.dematerialization',
      text: 'Pour Xero : qui l’a poussé, qui en bénéficie ?',
      tags: null,
      refSeq: null,
      data: { kind: 'probe', tool: 'dematerialization' },
    });
    const answer = "C'est le comptable. On a aussi un ERP.";
    log.answer('tools', 'tools.probe.actors.dematerialization', answer, {
      tools: [['erp', 'ERP']],
      actors: [['accountants', 'initiator', 'le comptable']],
    });
    const before = buildSummary(metaFor(log.interviewId, 'fr'), log.turns);
    expect(tool(before, 'dematerialization')?.initiators).toEqual(['accountants']);

    log.correct({ action: 'remove', target: 'tool', id: 'dematerialization', said: 'Xero' }, 'retire Xero');
    const summary = buildSummary(metaFor(log.interviewId, 'fr'), log.turns);
    expect(summary.tools.map((t) => t.id)).toEqual(['erp']);
    expect(tool(summary, 'erp')?.initiators).toEqual([]);
  });
});
