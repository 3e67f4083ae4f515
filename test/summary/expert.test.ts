import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../src/core/summary/index.js';
import { renderCard, renderHtml, renderMarkdown } from '../../src/export/index.js';
import { englishExpertInterview, frenchExpertInterview, frenchInterview } from './helpers.js';

const cases = [
  {
    lang: 'fr',
    interview: frenchExpertInterview,
    institution: /institution/,
    smes: /PME/,
    aboutTheirFirm: /votre entreprise|l'entreprise|votre offre|avez-vous mis en place/i,
    presentationHeading: /^### .*institution/im,
    nextStepsHeading: /^## Pistes .*institution/m,
    clubRow:
      "| Réunions de réseau et clubs | Clusters et réseaux | Socialisation | l'institution ou les PME accompagnées |",
    headcount: /Effectif/,
  },
  {
    lang: 'en',
    interview: englishExpertInterview,
    institution: /institution/,
    smes: /\bSMEs?\b/,
    aboutTheirFirm: /your company|the company|your offer|have you put in place/i,
    presentationHeading: /^### .*institution/im,
    nextStepsHeading: /^## Next steps .*institution/m,
    clubRow:
      '| Network meetings and clubs | Clusters and networks | Socialisation | the institution or the SMEs supported |',
    headcount: /Headcount/,
  },
] as const;

describe.each(cases)('the summary of an expert interview ($lang)', (c) => {
  const { meta, turns } = c.interview();
  const summary = buildSummary(meta, turns);
  const md = renderMarkdown(summary);

  it('suggests next steps about the institution and the SMEs it supports, never "your firm"', () => {
    expect(summary.nextSteps.length).toBeGreaterThan(0);
    for (const step of summary.nextSteps) {
      expect(step).toMatch(c.institution);
      expect(step).toMatch(c.smes);
      expect(step).not.toMatch(c.aboutTheirFirm);
    }
  });

  it('asks next questions about the SMEs supported and the institution offer', () => {
    expect(summary.nextQuestions.length).toBeGreaterThan(3);
    for (const question of summary.nextQuestions) {
      expect(question).toMatch(new RegExp(`${c.smes.source}|${c.institution.source}`));
      expect(question).not.toMatch(c.aboutTheirFirm);
    }
  });

  it('titles the presentation and the next steps after the institution', () => {
    expect(md).toMatch(c.presentationHeading);
    expect(md).toMatch(c.nextStepsHeading);
    const heading = c.nextStepsHeading.exec(md)?.[0].slice(3) ?? '';
    expect(renderHtml(summary)).toContain(`<h2>${heading.replace("'", '&#39;')}</h2>`);
    expect(JSON.stringify(renderCard(summary))).toContain(JSON.stringify(heading));
  });

  it('never calls the institution or the SMEs "the company", and reads no headcount from the SMEs', () => {
    expect(md).toContain(c.clubRow);
    expect(summary.respondent.headcount).toBeNull();
    expect(md).not.toMatch(c.headcount);
  });
});

describe('the summary of a manager interview', () => {
  it('keeps speaking of the firm and the adviser', () => {
    const { meta, turns } = frenchInterview();
    const summary = buildSummary(meta, turns);
    const md = renderMarkdown(summary);
    expect(md).toContain('## Pistes pour le conseiller');
    expect(md).toContain('- Effectif\u00a0: 35');
    expect(summary.nextSteps.join(' ')).toMatch(/entreprise/);
  });
});
