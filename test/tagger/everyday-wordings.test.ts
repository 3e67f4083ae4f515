import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const tagged = (text: string, lang: Language) => tagger.tag(text, { lang });
const toolIds = (text: string, lang: Language) => tagged(text, lang).tools.map((t) => t.id);

describe('words that look like a cue and are not one', () => {
  it('"one day" is no hypothetical in "all day" or "most days": the tools there are in use', () => {
    expect(toolIds('We are on Teams all day and on insta most days.', 'en')).toEqual(
      expect.arrayContaining(['videoconference', 'social_media']),
    );
    expect(toolIds('One day we might try Teams.', 'en')).not.toContain('videoconference');
  });

  it('a trade that installs things is no IT provider', () => {
    const actors = (text: string, lang: Language) => tagged(text, lang).actors.map((a) => a.id);
    expect(actors('We do boiler installs and servicing for homes around Leeds.', 'en')).not.toContain(
      'it_provider',
    );
    expect(actors('On a installé des étiquettes RFID dans le dépôt.', 'fr')).not.toContain('it_provider');
    expect(actors("L'installateur informatique nous a monté le réseau.", 'fr')).toContain('it_provider');
  });

  it('"benefits them" is no opportunity, and a body named Growth Hub is no growth', () => {
    const facets = (text: string) => tagged(text, 'en').facets.map((f) => f.id);
    expect(facets('Benefits them more than us if I am honest.')).not.toContain('opportunity');
    expect(facets('That is the Growth Hub again, they organise them.')).not.toContain('opportunity');
  });

  it('a place too remote is an obstacle, not the localization value', () => {
    const values = (text: string, lang: Language) => tagged(text, lang).values.map((v) => v.id);
    expect(values('None whatsoever. We are too remote for all that.', 'en')).not.toContain('localization');
    expect(values('Rien du tout, on est trop isolés pour ça.', 'fr')).not.toContain('localization');
  });

  it('costs going down are neither a threat nor a resource needed', () => {
    const facets = tagged('Real-time tracking saves hours, and fuel costs down 8%.', 'en').facets;
    expect(facets.map((f) => f.id)).not.toContain('threat');
  });

  it('what bigger firms are looking at is not in use here', () => {
    expect(toolIds('The bigger manufacturers are looking at connected machines.', 'en')).toEqual([]);
  });
});

describe('everyday names of tools in use', () => {
  it('QuickBooks is paperless accounting, as Xero is', () => {
    expect(toolIds('We do the books on QuickBooks now.', 'en')).toEqual(['dematerialization']);
  });

  it('insta in lower case is social media', () => {
    expect(toolIds('On poste sur insta tous les jours depuis Noël.', 'fr')).toContain('social_media');
  });

  it('machines watched from afar by the maintenance firm are remote maintenance', () => {
    expect(
      toolIds('They put sensors on the machines so the maintenance company can see them remotely.', 'en'),
    ).toContain('remote_maintenance');
  });

  it('transport management software and a diagnostic kit are named', () => {
    expect(toolIds('We run a transport management system for all the deliveries.', 'en')).toContain('erp');
    expect(toolIds('On a une valise de diagnostic pour les voitures récentes.', 'fr')).toContain(
      'machine_programming',
    );
  });
});

describe('people of the firm and what they feel', () => {
  it('a daughter or a wife who set a tool up is staff of the firm', () => {
    const actors = (text: string, lang: Language) => tagged(text, lang).actors.map((a) => a.id);
    expect(actors('My daughter set up the Facebook page and it brings customers.', 'en')).toContain(
      'employees',
    );
    expect(actors('Ma fille a créé la page Facebook, ça nous ramène des clients.', 'fr')).toContain(
      'employees',
    );
  });

  it('"it feels personal" is personalization', () => {
    expect(tagged('It feels personal, customers like that.', 'en').values.map((v) => v.id)).toContain(
      'personalization',
    );
  });
});
