import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVER_IDS, VALUE_IDS } from '../../src/core/domain.js';
import { buildSummary, Summary, summaryPrompts } from '../../src/core/summary/index.js';
import { summaryJsonSchema } from '../../src/core/summary/json-schema.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { englishInterview, frenchInterview } from './helpers.js';

describe('buildSummary on a French interview', () => {
  const { meta, turns } = frenchInterview();
  const summary = buildSummary(meta, turns);
  const fr = summaryPrompts('fr');

  it('conforms to the summary schema and carries the interview header', () => {
    expect(Summary.safeParse(summary).success).toBe(true);
    expect(summary.interview).toEqual({
      id: meta.id,
      language: 'fr',
      profile: 'manager',
      status: 'completed',
      consentWithdrawn: false,
      startedAt: meta.startedAt,
      completedAt: meta.completedAt,
    });
  });

  it('groups answers by theme with the question asked, and keeps opening answers apart', () => {
    expect(summary.themes.map((t) => t.id)).toEqual(['presentation', 'meaning', 'tools', 'value']);
    const tools = summary.themes.find((t) => t.id === 'tools');
    expect(tools?.answers.map((a) => a.question)).toEqual([
      'Quels outils avez-vous mis en place ?',
      'Faites-vous partie de réseaux ?',
    ]);
    expect(summary.otherAnswers.map((a) => a.section)).toEqual(['opening']);
  });

  it('applies an amend to the answer it references and lists the declined question', () => {
    const value = summary.themes.find((t) => t.id === 'value');
    expect(value?.answers).toHaveLength(1);
    expect(value?.answers[0]?.text).toContain('site e-commerce');
    expect(value?.answers[0]?.amended).toBe(true);
    expect(summary.declined).toEqual([
      {
        questionId: 'value_partners',
        question: 'Quelle valeur vos partenaires en retirent-ils ?',
        section: 'value',
      },
    ]);
  });

  it('takes a tool lever from the answer, else from the default map, with its values and actors', () => {
    const erp = summary.tools.find((t) => t.id === 'erp');
    expect(erp).toMatchObject({
      label: fr.tools.erp,
      lever: 'value_chain',
      initiators: ['accountants'],
      beneficiaries: ['suppliers'],
    });
    expect(erp?.values).toEqual(['functional', 'socialization']);
    expect(erp?.quotes[0]).toMatch(/^Nous avons installé un ERP/);
    expect(summary.tools.find((t) => t.id === 'network_meetings')?.lever).toBe('cluster');
    expect(summary.tools.find((t) => t.id === 'ecommerce_website')?.lever).toBe('product_market');
  });

  it('applies and lists the corrections; an unreadable correction is ignored', () => {
    expect(summary.values.security.count).toBe(0);
    expect(summary.tools.every((t) => !t.values.includes('security'))).toBe(true);
    expect(summary.tools.find((t) => t.id === 'crm')).toMatchObject({
      addedByRespondent: true,
      lever: 'product_market',
      quotes: [],
    });
    expect(summary.corrections.map((c) => c.description)).toEqual([
      'Retiré (valeur)\u00a0: Sécurité (en ses mots\u00a0: «\u00a0retire la valeur sécurité\u00a0»)',
      "Ajouté (outil)\u00a0: CRM (en ses mots\u00a0: «\u00a0ajoute l'outil CRM\u00a0»)",
    ]);
  });

  it('counts values per answer and their co-occurrence in the same answer', () => {
    expect(summary.values.functional.count).toBe(2);
    expect(summary.values.socialization.count).toBe(2);
    expect(summary.valueMatrix.functional.socialization).toBe(1);
    expect(summary.valueMatrix.epistemic.socialization).toBe(1);
    expect(summary.valueMatrix.functional.epistemic).toBe(0);
    for (const a of VALUE_IDS)
      for (const b of VALUE_IDS) expect(summary.valueMatrix[a][b]).toBe(summary.valueMatrix[b][a]);
    expect(summary.valueGroups).toEqual({ service: 3, user: 3 });
  });

  it('finds the three levers, each in a single answer, facets, gaps and a pseudonymised respondent', () => {
    expect(summary.leverBalance).toBe('balanced');
    expect(summary.leverReading.verdict).toBe('fragile');
    expect(summary.nextSteps).toEqual(LEVER_IDS.map((id) => fr.nextSteps.manager.weakLevers[id]));
    expect(summary.facets.threats).toEqual([expect.stringContaining('cybercriminalité')]);
    expect(summary.facets.resources).toHaveLength(1);
    expect(summary.gaps.values).toContain('hedonic');
    expect(summary.gaps.values).toContain('security');
    expect(summary.respondent.headcount).toBe(35);
    expect(summary.respondent.pseudonym).toMatch(/^R-[0-9a-f]{8}$/);
    expect(JSON.stringify(summary.respondent)).not.toContain('interviewer-1');
  });
});

describe('buildSummary on an English interview', () => {
  const { meta, turns } = englishInterview();
  const summary = buildSummary(meta, turns);
  const en = summaryPrompts('en');

  it('shows the missing lever and suggests questions and next steps for an expert in English', () => {
    expect(summary.levers.cluster.count).toBe(1);
    expect(summary.levers.value_chain.count).toBe(1);
    expect(summary.leverBalance).toEqual(['product_market']);
    expect(summary.gaps.levers).toEqual(['product_market']);
    expect(summary.nextQuestions).toContain(en.nextQuestions.expert.levers.product_market);
    expect(summary.nextSteps).toEqual([
      en.nextSteps.expert.levers.product_market,
      en.nextSteps.expert.weakLevers.cluster,
      en.nextSteps.expert.weakLevers.value_chain,
    ]);
    expect(summary.tools.map((t) => t.label)).toEqual(['Videoconference', 'Cloud and backup']);
  });

  it('can be labelled in French for a French reader', () => {
    const french = buildSummary(meta, turns, { lang: 'fr' });
    expect(french.tools.map((t) => t.label)).toEqual(['Visioconférence', 'Cloud et sauvegarde']);
    expect(french.interview.language).toBe('en');
  });

  it('asks for tools first when none was named', () => {
    const empty = buildSummary(meta, []);
    expect(empty.nextQuestions[0]).toBe(en.nextQuestions.expert.noTools);
    expect(empty.leverBalance).toEqual(['cluster', 'product_market', 'value_chain']);
  });
});

describe('summary JSON Schema', () => {
  it('the shipped schemas/summary.schema.json is generated from the current zod schema', () => {
    const shipped = readFileSync(join(PACKAGE_ROOT, 'schemas', 'summary.schema.json'), 'utf8');
    expect(shipped).toBe(summaryJsonSchema());
    expect(JSON.parse(shipped).required).toEqual(
      expect.arrayContaining([
        'interview',
        'themes',
        'tools',
        'values',
        'valueMatrix',
        'levers',
        'leverBalance',
        'facets',
      ]),
    );
  });
});
