import { describe, expect, it } from 'vitest';
import {
  buildShortSummary,
  buildSummary,
  parseCorrection,
  summaryPrompts,
} from '../../src/core/summary/index.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { englishInterview, frenchInterview, metaFor, TurnLog } from './helpers.js';

describe('parseCorrection', () => {
  it.each([
    ['retire la valeur sécurité', 'fr', { action: 'remove', target: 'value', id: 'security' }],
    ['Retirez la valeur Securite, merci', 'fr', { action: 'remove', target: 'value', id: 'security' }],
    ["ajoute l'outil CRM", 'fr', { action: 'add', target: 'tool', id: 'crm' }],
    ['ajoute le levier chaîne de valeur', 'fr', { action: 'add', target: 'lever', id: 'value_chain' }],
    ['enlève site e-commerce', 'fr', { action: 'remove', target: 'tool', id: 'ecommerce_website' }],
    ['remove tool erp', 'en', { action: 'remove', target: 'tool', id: 'erp' }],
    ['add value epistemic', 'en', { action: 'add', target: 'value', id: 'epistemic' }],
    ['Please add the lever clusters', 'en', { action: 'add', target: 'lever', id: 'cluster' }],
    [
      's’il vous plaît, supprimez le levier réseaux',
      'fr',
      { action: 'remove', target: 'lever', id: 'cluster' },
    ],
    ['delete the value Personalisation', 'en', { action: 'remove', target: 'value', id: 'personalization' }],
    ['annule la valeur sécurité', 'fr', { action: 'remove', target: 'value', id: 'security' }],
    ['cancel the tool CRM', 'en', { action: 'remove', target: 'tool', id: 'crm' }],
  ] as const)('%s', (text, lang, expected) => {
    expect(parseCorrection(text, lang)).toMatchObject({ ok: true, correction: expected, byName: false });
    const parsed = parseCorrection(text, lang);
    expect(parsed.ok && parsed.correction).toEqual(expected);
  });

  it('says clearly when it does not understand, in the respondent language', () => {
    expect(parseCorrection('tout est parfait', 'fr')).toEqual({
      ok: false,
      reason: 'not_understood',
      message: summaryPrompts('fr').corrections.notUnderstood,
    });
    expect(parseCorrection('', 'en')).toMatchObject({ ok: false, reason: 'not_understood' });
    const unknown = parseCorrection('add tool teleporter', 'en');
    expect(unknown).toMatchObject({ ok: false, reason: 'unknown_item' });
    expect(unknown.ok ? '' : unknown.message).toContain('teleporter');
  });
});

describe('parseCorrection with the tagger reading the name', () => {
  const tagger = createTagger();
  const asTyped = (typed: string) => typed;

  it.each([
    ['remove tool Xero', 'en', { action: 'remove', target: 'tool', id: 'dematerialization' }],
    ["retire l'outil facebook", 'fr', { action: 'remove', target: 'tool', id: 'social_media' }],
    ['enlève Insta', 'fr', { action: 'remove', target: 'tool', id: 'social_media' }],
    ["remove Xero, we don't use it", 'en', { action: 'remove', target: 'tool', id: 'dematerialization' }],
    ['add value fun', 'en', { action: 'add', target: 'value', id: 'hedonic' }],
    ['ajoute la valeur plaisir', 'fr', { action: 'add', target: 'value', id: 'hedonic' }],
    ['ajoute le levier nos fournisseurs', 'fr', { action: 'add', target: 'lever', id: 'value_chain' }],
  ] as const)('%s', (text, lang, expected) => {
    const parsed = parseCorrection(text, lang, asTyped, tagger);
    expect(parsed.ok && parsed.correction).toEqual(expected);
  });

  it('keeps the name as the respondent typed it, without the reason after it', () => {
    expect(parseCorrection('remove Instagram, we gave up on it', 'en', asTyped, tagger)).toMatchObject({
      ok: true,
      correction: { action: 'remove', target: 'tool', id: 'social_media' },
      said: 'Instagram',
      byName: true,
    });
    expect(parseCorrection('retire les réseaux sociaux', 'fr', asTyped, tagger)).toMatchObject({
      said: 'réseaux sociaux',
      byName: false,
    });
  });

  it('quotes a name it does not know as typed, capitals and accents kept', () => {
    const en = parseCorrection('add tool Teleporter Pro, thanks', 'en', asTyped, tagger);
    expect(en.ok ? '' : en.message).toContain('"Teleporter Pro"');
    const fr = parseCorrection('Ajoute l’outil Télé-Zorglub', 'fr', asTyped, tagger);
    expect(fr.ok ? '' : fr.message).toContain('«\u00a0Télé-Zorglub\u00a0»');
  });

  it('quotes back the name it does not know without the reason said after a comma', () => {
    const en = parseCorrection('remove Madison, we stopped using it', 'en', asTyped, tagger);
    expect(en.ok ? '' : en.message).toContain('"Madison"');
    expect(en.ok ? '' : en.message).not.toContain('stopped');
    const fr = parseCorrection('retire Zorglub, on ne s’en sert plus', 'fr', asTyped, tagger);
    expect(fr.ok ? '' : fr.message).toContain('«\u00a0Zorglub\u00a0»');
  });

  it('does not read a long phrase as a name, even one naming a tool', () => {
    const parsed = parseCorrection("enlève ce qu'on a dit sur le site e-commerce", 'fr', asTyped, tagger);
    expect(parsed).toMatchObject({ ok: false, reason: 'unknown_item' });
  });
});

describe('parseCorrection: a reason after the name, without a comma', () => {
  const tagger = createTagger();
  const asTyped = (typed: string) => typed;

  it.each([
    ['enleve l erp on en a pas', 'fr', 'remove', 'erp', 'erp'],
    ["enlève l'ERP on n'en a pas", 'fr', 'remove', 'erp', 'ERP'],
    ["enlève le site e-commerce on n'en a jamais eu", 'fr', 'remove', 'ecommerce_website', 'site e-commerce'],
    ['retire Xero ça marche pas chez nous', 'fr', 'remove', 'dematerialization', 'Xero'],
    ['remove Xero we dropped it last year', 'en', 'remove', 'dematerialization', 'Xero'],
    ['take off the CRM we never used it', 'en', 'remove', 'crm', 'CRM'],
    // The same tool named again in the reason is no second name.
    ['retire l erp on a pas d erp', 'fr', 'remove', 'erp', 'erp'],
    ["retire l'ERP, on n'a jamais eu d'ERP", 'fr', 'remove', 'erp', 'ERP'],
    ['remove the CRM we never had a CRM', 'en', 'remove', 'crm', 'CRM'],
  ] as const)('%s', (text, lang, action, id, said) => {
    expect(parseCorrection(text, lang, asTyped, tagger)).toMatchObject({
      ok: true,
      correction: { action, target: 'tool', id },
      said,
    });
  });

  it.each([
    ["retire l'ERP et le CRM", 'fr', 'ERP et le CRM'],
    ["retire l'ERP le CRM", 'fr', 'ERP le CRM'],
    ['remove the ERP and the CRM', 'en', 'ERP and the CRM'],
    ['remove Xero we use Sage now', 'en', 'Xero we use Sage now'],
  ] as const)('never drops a second name: %s', (text, lang, item) => {
    for (const reader of [tagger, undefined]) {
      const parsed = parseCorrection(text, lang, asTyped, reader);
      expect(parsed).toMatchObject({ ok: false, reason: 'unknown_item' });
      expect(parsed.ok ? '' : parsed.message).toContain(item);
    }
  });
});

describe('parseCorrection: putting back what was removed', () => {
  const tagger = createTagger();
  const asTyped = (typed: string) => typed;

  it.each([
    ['put Xero back', 'en', 'dematerialization', 'Xero'],
    ['actually we keep Xero, put it back', 'en', 'dematerialization', 'Xero'],
    ['add back the CRM please', 'en', 'crm', 'CRM'],
    ['restore the CRM', 'en', 'crm', 'CRM'],
    ['remets le CRM', 'fr', 'crm', 'CRM'],
    ['finalement on garde Xero', 'fr', 'dematerialization', 'Xero'],
    ["rajoute l'ERP aussi, merci", 'fr', 'erp', 'ERP'],
  ] as const)('%s', (text, lang, id, said) => {
    expect(parseCorrection(text, lang, asTyped, tagger)).toMatchObject({
      ok: true,
      correction: { action: 'add', target: 'tool', id },
      said,
    });
  });
});

describe('parseCorrection: a tool named by a phrase the tagger reads as another kind', () => {
  const tagger = createTagger();
  const asTyped = (typed: string) => typed;

  it.each([
    ['ajoute la caisse connectee', 'fr', 'caisse connectee'],
    ['add connected till', 'en', 'connected till'],
    ['add QVT', 'en', 'QVT'],
    ['add delivery management software', 'en', 'delivery management software'],
    ['ajoute le QVT', 'fr', 'QVT'],
  ] as const)('says it does not know %s', (text, lang, item) => {
    const parsed = parseCorrection(text, lang, asTyped, tagger);
    expect(parsed).toMatchObject({ ok: false, reason: 'unknown_item' });
    expect(parsed.ok ? '' : parsed.message).toContain(item);
  });

  it.each([
    ['remove the cloud backup', 'en', 'cloud_virtualization', 'cloud backup'],
    ['retire notre page Facebook', 'fr', 'social_media', 'page Facebook'],
    ['add management software', 'en', 'erp', 'management software'],
    ['add transport management software', 'en', 'erp', 'transport management software'],
    ['retire la visio', 'fr', 'videoconference', 'visio'],
  ] as const)('still reads a brand or the summary’s own words: %s', (text, lang, id, said) => {
    const parsed = parseCorrection(text, lang, asTyped, tagger);
    expect(parsed).toMatchObject({ ok: true, correction: { target: 'tool', id }, said });
  });
});

describe('buildShortSummary', () => {
  it('tells a French respondent the tools, main values, levers and how to correct', () => {
    const { meta, turns } = frenchInterview();
    const text = buildShortSummary(buildSummary(meta, turns), 'fr');
    const lines = text.split('\n');
    expect(lines[0]).toBe(summaryPrompts('fr').short.intro);
    expect(text).toContain('ERP');
    expect(text).toContain('Fonctionnelle');
    // Each lever is in a single answer: all three are named, and named as barely mentioned.
    expect(text).toContain('Leviers\u00a0: Clusters et réseaux, Produits et marchés, Chaîne de valeur.');
    expect(text).toContain(
      'Peu évoqué(s)\u00a0: Clusters et réseaux, Produits et marchés, Chaîne de valeur.',
    );
    expect(lines.length).toBeLessThanOrEqual(6);
  });

  it('names the missing lever in English', () => {
    const { meta, turns } = englishInterview();
    const text = buildShortSummary(buildSummary(meta, turns), 'en');
    expect(text).toContain('Missing lever(s): Products and markets.');
    // A tool read from other words than its label is shown with them: the reply correcting it knows what it corrects.
    expect(text).toContain('Tools: Videoconference, Cloud and backup (“cloud backup”).');
  });

  it("shows the words each tool was read from, in the respondent's typing, when they are not its label", () => {
    const log = new TurnLog('itv-said', 'fr');
    const answer = 'Les devis, on les fait sur Batappli. Et on a un ERP depuis 2019.';
    log.qa('tools', 'tools', 'Quels outils utilisez-vous ?', answer, {
      tools: [
        ['erp', 'Batappli'],
        ['erp', 'ERP'],
      ],
    });
    const text = buildShortSummary(buildSummary(metaFor('itv-said', 'fr'), log.turns), 'fr');
    expect(text).toContain('Outils\u00a0: ERP («\u00a0Batappli\u00a0»).');
  });

  it('a parsed correction stored as a turn changes the next summary', () => {
    const { meta, turns } = englishInterview();
    const parsed = parseCorrection('add tool e-commerce', 'en');
    if (!parsed.ok) throw new Error(parsed.message);
    const corrected = buildSummary(meta, [
      ...turns,
      {
        interviewId: meta.id,
        seq: turns.length + 1,
        at: '2025-03-04T12:00:00.000Z',
        kind: 'correction',
        section: 'closing',
        questionId: null,
        text: 'add tool e-commerce',
        tags: null,
        refSeq: null,
        data: parsed.correction,
      },
    ]);
    expect(corrected.leverBalance).toBe('balanced');
    expect(corrected.corrections.map((c) => c.description)).toEqual([
      'Added (tool): Online shop or booking site (in their words: “add tool e-commerce”)',
    ]);
    expect(corrected.corrections[0]?.text).toBe('add tool e-commerce');
  });
});

describe('a reply at the review saying the firm has no such thing', () => {
  it.each([
    ['fr', "je vous ai dit qu'on avait pas d'ERP !", 'erp', 'ERP'],
    ['fr', "on n'a pas de site e-commerce, on vend rien en ligne", 'ecommerce_website', 'site e-commerce'],
    ['en', "we don't have a CRM, never had one", 'crm', 'CRM'],
  ] as const)('%s: "%s" removes it', (lang, text, id, said) => {
    expect(parseCorrection(text, lang)).toMatchObject({
      ok: true,
      correction: { action: 'remove', target: 'tool', id },
      said,
    });
  });

  it('reads no removal where nothing is denied', () => {
    expect(parseCorrection("non c'est bon, tout est juste", 'fr').ok).toBe(false);
    expect(parseCorrection('we have no complaints', 'en')).toMatchObject({ ok: false });
  });
});
