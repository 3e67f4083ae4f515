import { describe, expect, it } from 'vitest';
import { buildShortSummary, buildStudy, buildSummary, summaryPrompts } from '../../src/core/summary/index.js';
import { renderCard, renderHtml, renderMarkdown, renderStudyMarkdown } from '../../src/export/index.js';
import {
  englishBalancedInterview,
  englishInterview,
  englishUnevenLeversInterview,
  frenchUnevenLeversInterview,
  metaFor,
  TurnLog,
} from './helpers.js';

const fr = summaryPrompts('fr');
const en = summaryPrompts('en');

describe('lever reading: three levers present, two of them thinly (French)', () => {
  const { meta, turns } = frenchUnevenLeversInterview();
  const summary = buildSummary(meta, turns);

  it('grades each lever by the answers that evidence it and how sure the reading is', () => {
    // No lever is missing, so the contract's presence verdict stays "balanced".
    expect(summary.leverBalance).toBe('balanced');
    expect(summary.leverReading).toEqual({
      verdict: 'fragile',
      levers: {
        cluster: { strength: 'weak', weakBecause: 'single_answer', answers: 1, confidentAnswers: 1 },
        product_market: { strength: 'weak', weakBecause: 'uncertain', answers: 2, confidentAnswers: 0 },
        value_chain: { strength: 'strong', answers: 3, confidentAnswers: 3 },
      },
    });
  });

  it('shows the weak levers as weak in the Markdown, with the reason, not as present', () => {
    const md = renderMarkdown(summary);
    expect(md).not.toContain('les trois leviers sont présents');
    expect(md).toContain(
      '**Équilibre des leviers**\u00a0: fragile\u00a0: Clusters et réseaux, Produits et marchés à peine évoqué(s)',
    );
    expect(md).toContain('- Clusters et réseaux\u00a0: faible (une seule réponse)');
    expect(md).toContain('- Produits et marchés\u00a0: faible (2 réponses, repérage incertain)');
    expect(md).toContain('- Chaîne de valeur\u00a0: bien étayé (3 réponses)');
  });

  it('lets the weak levers drive the next steps and questions', () => {
    expect(summary.nextSteps).toEqual([
      fr.nextSteps.manager.weakLevers.cluster,
      fr.nextSteps.manager.weakLevers.product_market,
    ]);
    expect(summary.nextSteps).not.toContain(fr.nextSteps.manager.balanced);
    expect(summary.nextQuestions.slice(0, 2)).toEqual([
      fr.nextQuestions.manager.weakLevers.cluster,
      fr.nextQuestions.manager.weakLevers.product_market,
    ]);
  });

  it('tells the respondent which levers were barely mentioned', () => {
    const short = buildShortSummary(summary, 'fr');
    expect(short).not.toContain(fr.short.balanced);
    expect(short).toContain('Peu évoqué(s)\u00a0: Clusters et réseaux, Produits et marchés.');
  });
});

describe('lever reading: one lever missing, one weak (English)', () => {
  const { meta, turns } = englishUnevenLeversInterview();
  const summary = buildSummary(meta, turns);

  it('is unbalanced, the missing lever first, then the weak one', () => {
    expect(summary.leverBalance).toEqual(['cluster']);
    expect(summary.leverReading.verdict).toBe('unbalanced');
    expect(summary.leverReading.levers.product_market).toMatchObject({
      strength: 'weak',
      weakBecause: 'single_answer',
    });
    expect(summary.nextSteps).toEqual([
      en.nextSteps.manager.levers.cluster,
      en.nextSteps.manager.weakLevers.product_market,
    ]);
    expect(summary.nextQuestions.slice(0, 2)).toEqual([
      en.nextQuestions.manager.levers.cluster,
      en.nextQuestions.manager.weakLevers.product_market,
    ]);
  });

  it('says so in every export', () => {
    const verdict = 'unbalanced: Clusters and networks missing; Products and markets only weakly evidenced';
    expect(renderMarkdown(summary)).toContain(`**Lever balance**: ${verdict}`);
    expect(renderMarkdown(summary)).toContain('- Products and markets: weak (a single answer)');
    const html = renderHtml(summary);
    expect(html).toContain(`<strong>Lever balance</strong>: ${verdict}`);
    expect(html).toMatch(/<svg[^>]*>.*Products and markets.*weak \(a single answer\).*<\/svg>/s);
    const card = JSON.stringify(renderCard(summary));
    expect(card).toContain(`{"title":"Lever balance","value":"${verdict}"}`);
    expect(card).toContain('{"title":"Products and markets","value":"weak (a single answer)"}');
  });

  it('shows each interview of a study with its reading', () => {
    const balanced = englishBalancedInterview();
    const study = buildStudy([summary, buildSummary(balanced.meta, balanced.turns)], 'en');
    const md = renderStudyMarkdown(study, 'en');
    expect(md).toContain(`| I1 | 0 | 1 | 2 | unbalanced: Clusters and networks missing; Products and`);
    expect(md).toContain('| I2 | 2 | 2 | 2 | balanced: all three levers are well evidenced |');
  });
});

describe('lever reading: the three levers well evidenced (English)', () => {
  const { meta, turns } = englishBalancedInterview();
  const summary = buildSummary(meta, turns);

  it('is balanced and suggests consolidating', () => {
    expect(summary.leverReading.verdict).toBe('balanced');
    expect(summary.nextSteps).toEqual([en.nextSteps.manager.balanced]);
    expect(renderMarkdown(summary)).toContain(
      '**Lever balance**: balanced: all three levers are well evidenced',
    );
    expect(buildShortSummary(summary, 'en')).toContain(en.short.balanced);
  });
});

describe('lever reading with corrections', () => {
  it('a lever the respondent adds counts as one mention: present, but weak', () => {
    const { meta, turns } = englishInterview();
    const log = new TurnLog(meta.id, 'en');
    log.turns.push(...turns);
    log.correct({ action: 'add', target: 'lever', id: 'product_market' }, 'add lever products');
    const summary = buildSummary(meta, log.turns);
    expect(summary.leverBalance).toBe('balanced');
    expect(summary.leverReading.levers.product_market).toEqual({
      strength: 'weak',
      weakBecause: 'single_answer',
      answers: 1,
      confidentAnswers: 1,
    });
  });

  it('a weak lever the respondent adds after the recap is one more clear answer: well evidenced', () => {
    const { meta, turns } = frenchUnevenLeversInterview();
    const log = new TurnLog(meta.id, 'fr');
    log.turns.push(...turns);
    log.correct({ action: 'add', target: 'lever', id: 'cluster' }, 'ajoute le levier réseaux');
    log.correct({ action: 'add', target: 'lever', id: 'product_market' }, 'ajoute le levier produits');
    const summary = buildSummary(meta, log.turns);
    expect(summary.leverReading).toEqual({
      verdict: 'balanced',
      levers: {
        cluster: { strength: 'strong', answers: 2, confidentAnswers: 2 },
        product_market: { strength: 'strong', answers: 3, confidentAnswers: 1 },
        value_chain: { strength: 'strong', answers: 3, confidentAnswers: 3 },
      },
    });
    expect(summary.nextSteps).toEqual([fr.nextSteps.manager.balanced]);
    expect(buildShortSummary(summary, 'fr')).not.toContain('Peu évoqué(s)');
  });
});

describe('a lever read from the kind of tool named, not from what is said of it', () => {
  const log = new TurnLog('itv-inferred', 'en');
  log.qa('tools', 'tools', 'Which tools do you use?', 'The lads have a WhatsApp group for the jobs.', {
    tools: [['social_media', 'WhatsApp group']],
  });
  log.qa('tools', 'training', 'How did you learn them?', 'I did an online course on the accounts software.', {
    tools: [['digital_training', 'online course']],
  });
  log.qa('tools', 'meetings', 'Anything else?', 'We went on a training day at the builders merchant.', {
    tools: [['digital_training', 'training day']],
  });
  const summary = buildSummary(metaFor('itv-inferred', 'en'), log.turns);

  it('counts it, but never as well evidenced: two trainings say nothing of networks of firms', () => {
    expect(summary.leverReading.levers.cluster).toEqual({
      strength: 'weak',
      weakBecause: 'uncertain',
      answers: 2,
      confidentAnswers: 0,
    });
    expect(renderMarkdown(summary)).toContain('- Clusters and networks: weak (2 answers, none read clearly)');
  });

  it('gives social networks the offer and its markets, not the cluster lever', () => {
    expect(summary.tools.find((t) => t.id === 'social_media')?.lever).toBe('product_market');
  });
});
