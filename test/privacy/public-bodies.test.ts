import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { buildSummary, renderSummary } from '../../src/core/summary/index.js';
import { metaFor, TurnLog } from '../summary/helpers.js';
import { presentedThenLater } from './helpers.js';

const KEY = 'e'.repeat(64);

const replaced = (presentation: string, later: string, lang: Language): string =>
  presentedThenLater(presentation, later, KEY, lang);

describe('a support body named by its place stays as said', () => {
  it.each([
    [
      'I lead the digital team at West Yorkshire Growth Hub.',
      'West Yorkshire Growth Hub runs peer groups; Yorkshire firms like them.',
      'en',
    ],
    ['I WORK FOR THE WEST YORKSHIRE GROWTH HUB.', 'Most of our firms are in West Yorkshire.', 'en'],
    ["I'm a business adviser at Galway Chamber.", 'Galway Chamber runs a digital club.', 'en'],
    ['I work for Galway Local Enterprise Office.', 'Galway has many small shops.', 'en'],
    ['I WORK FOR GALWAY LOCAL ENTERPRISE OFFICE.', 'Galway has many small shops.', 'en'],
    ['I work at Cork Business Network.', 'Cork Business Network meets monthly in Cork.', 'en'],
    ['I work for Leeds Chamber of Commerce.', 'Leeds Chamber of Commerce helps.', 'en'],
    ['Je travaille pour la CCI Bretagne Ouest.', 'La CCI Bretagne Ouest forme les TPE de Bretagne.', 'fr'],
    ['Je suis conseiller chez Bpifrance Bretagne.', 'Bpifrance Bretagne prête aux PME.', 'fr'],
    ['Je travaille pour BPI Bretagne.', 'En Bretagne la BPI prête.', 'fr'],
    ['Je travaille pour la Région Normandie.', 'La Normandie finance des chèques numériques.', 'fr'],
    [
      "Je suis chargée de mission pour l'Agence de développement du Pays de Morlaix.",
      "L'Agence de développement du Pays de Morlaix accompagne 60 PME.",
      'fr',
    ],
    [
      "Je travaille pour Chambre de Métiers et de l'Artisanat du Finistère.",
      'Le Finistère compte beaucoup d’artisans.',
      'fr',
    ],
  ] as const)('"%s" then "%s"', (presentation, later, lang) => {
    expect(replaced(presentation, later, lang)).toBe(`${presentation}\n${later}`);
  });

  it('still replaces a private firm that a body word or a place stands in', () => {
    for (const [presentation, later, name, lang] of [
      ['I run Yorkshire Growth Hub Ltd.', 'Yorkshire Growth Hub sells training.', 'Yorkshire', 'en'],
      ['I work for Leeds Business Hub.', 'Leeds Business Hub rents desks.', 'Leeds', 'en'],
      ['I work for Brightwater growth hub.', 'Brightwater runs workshops.', 'Brightwater', 'en'],
      ['Je dirige Kerlann en région Bretagne.', 'Kerlann vend en ligne.', 'Kerlann', 'fr'],
      ['Je travaille chez Kerlann Développement.', 'Kerlann forme.', 'Kerlann', 'fr'],
    ] as const) {
      expect(replaced(presentation, later, lang), presentation).not.toContain(name);
    }
  });

  it('reads as said in the cluster lever of the exports', () => {
    const log = new TurnLog('itv-growth-hub', 'en');
    log.qa(
      'presentation',
      'presentation.institution',
      'Could you introduce your institution?',
      "I'm Priya Raman, I lead the digital team at West Yorkshire Growth Hub.",
    );
    const answer = 'We run peer groups at West Yorkshire Growth Hub for owners to swap tips.';
    log.qa('tools', 'tools.offered', 'What does your institution offer SMEs?', answer, {
      levers: [['cluster', 'West Yorkshire Growth Hub', 0.9]],
    });
    const summary = buildSummary(metaFor(log.interviewId, 'en', 'expert'), log.turns, { pseudonymKey: KEY });
    const tags = summary.themes.flatMap((theme) => theme.answers).find((a) => a.text === answer)?.tags;
    expect(tags?.levers[0]?.evidence[0]?.text).toBe('West Yorkshire Growth Hub');
    const markdown = String(renderSummary(summary, 'md').body);
    expect(markdown).toContain('West Yorkshire Growth Hub');
    expect(markdown).not.toMatch(/Priya|Raman|COMPANY-/);
  });
});
