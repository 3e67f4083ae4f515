import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ThemeId } from '../../src/core/domain.js';
import type { Tagger } from '../../src/core/tagger/types.js';
import { emptyTags } from '../../src/core/tags.js';
import { themeOfQuestion, transcriptToInterview } from '../../src/core/transcript/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

type Wording = string | Record<string, string> | undefined;
interface RawSection {
  id: ThemeId;
  questions: { id: string; text: string; rephrase?: string }[];
  probes?: ({ id: string; text?: string; rephrase?: Wording } & Record<string, unknown>)[];
  exampleProbe?: { text: string; rephrase?: string };
}

/** Every wording of a guide section's questions: main questions and probes, each with its rephrasing. */
function questionsOf(section: RawSection): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  const add = (where: string, wording: Wording) => {
    if (typeof wording === 'string') found.push({ where, text: wording });
    else if (wording)
      for (const [key, text] of Object.entries(wording)) found.push({ where: `${where}.${key}`, text });
  };
  for (const question of section.questions) {
    add(question.id, question.text);
    add(`${question.id} (rephrased)`, question.rephrase);
  }
  for (const probe of section.probes ?? []) {
    for (const key of ['text', 'initiator', 'beneficiary', 'both'])
      add(`probe ${probe.id}.${key}`, probe[key] as Wording);
    add(`probe ${probe.id} (rephrased)`, probe.rephrase);
  }
  // A tool probe names the tool the respondent gave.
  return found.map(({ where, text }) => ({ where, text: text.replaceAll('{tool}', 'CRM') }));
}

function guide(lang: 'fr' | 'en'): RawSection[] {
  const raw = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'prompts', `guide.${lang}.json`), 'utf8')) as {
    presentation: RawSection;
    themes: RawSection[];
  };
  return [raw.presentation, ...raw.themes];
}

describe('the theme of a question, read from its wording', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`files every question and probe of guide.${lang}.json under its own section`, () => {
      const misfiled: string[] = [];
      let count = 0;
      for (const section of guide(lang))
        for (const { where, text } of questionsOf(section)) {
          count += 1;
          const theme = themeOfQuestion(text);
          if (theme !== section.id) misfiled.push(`${section.id} ${where} → ${theme}: ${text}`);
        }
      expect(count).toBeGreaterThan(60);
      expect(misfiled).toEqual([]);
    });

    it(`files the example probes of guide.${lang}.json under their own section, or keeps the theme in force`, () => {
      for (const section of guide(lang)) {
        const text = section.exampleProbe?.text;
        if (text) expect([section.id, null], text).toContain(themeOfQuestion(text));
      }
    });
  }

  it('files the questions a researcher reported under their themes, not under presentation', () => {
    expect(
      themeOfQuestion("Quels outils numériques utilisez-vous aujourd'hui dans l'entreprise, même simples ?"),
    ).toBe('tools');
    expect(themeOfQuestion("Concrètement, qu'est-ce que ces outils ont apporté à votre entreprise ?")).toBe(
      'value',
    );
    expect(themeOfQuestion('Which digital tools do you use in the business today, even simple ones?')).toBe(
      'tools',
    );
    expect(themeOfQuestion('In practice, what have these tools done for your business?')).toBe('value');
    expect(themeOfQuestion('What does "going digital" mean to you and your business?')).toBe('meaning');
  });

  it('matches whole words only: "again" is no "gain", "contrôle" no "rôle", "company" no theme at all', () => {
    expect(themeOfQuestion('Could you say that again?')).toBeNull();
    expect(themeOfQuestion('Qui contrôle les accès ?')).toBeNull();
    expect(themeOfQuestion('Tell me more about the company.')).toBeNull();
    expect(themeOfQuestion('Quel est votre rôle ?')).toBe('presentation');
    expect(themeOfQuestion("Qu'avez-vous gagné ?")).toBe('value');
  });

  it('leaves a question weighing as much for two themes to the theme in force', () => {
    // One tools cue ("outils"), one value cue ("erreurs"), nothing else: no theme wins.
    expect(themeOfQuestion('Des outils, des erreurs ?')).toBeNull();
    const tagger: Tagger = { tag: (_text, options) => emptyTags(options?.lang ?? 'fr') };
    const { turns } = transcriptToInterview(
      'Q: Quels outils utilisez-vous ?\n\nUn ERP.\n\nQ: Des outils, des erreurs ?\n\nPeu.',
      { id: 't', tagger, at: '2025-01-01T00:00:00.000Z' },
    );
    expect(turns.filter((t) => t.kind === 'answer').map((t) => t.section)).toEqual(['tools', 'tools']);
  });

  it('files a transcript of the guide’s own questions theme by theme', () => {
    const tagger: Tagger = { tag: (_text, options) => emptyTags(options?.lang ?? 'fr') };
    const transcript = [
      'Q : Pour commencer, pouvez-vous présenter votre entreprise ?',
      'Une boulangerie de six personnes.',
      'Q : Que signifie pour vous la transition numérique de votre entreprise ?',
      'Gagner du temps.',
      "Q : Quels outils numériques utilisez-vous aujourd'hui dans l'entreprise, même simples ?",
      'Un logiciel de caisse.',
      "Q : Concrètement, qu'est-ce que ces outils ont apporté à votre entreprise ?",
      'Moins d’erreurs.',
      'Q : Et pour vos partenaires (clients, fournisseurs, réseau), qu’est-ce que ces outils ont changé ?',
      'Ils commandent en ligne.',
    ].join('\n\n');
    const { turns } = transcriptToInterview(transcript, { id: 't', tagger, at: '2025-01-01T00:00:00.000Z' });
    expect(turns.filter((t) => t.kind === 'answer').map((t) => t.section)).toEqual([
      'presentation',
      'meaning',
      'tools',
      'value',
      'value',
    ]);
  });
});
