import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const facetIds = (text: string, lang: 'fr' | 'en') => tagger.tag(text, { lang }).facets.map((f) => f.id);

describe('what an adviser offers firms is not a resource they say is needed', () => {
  it('reads a mission statement as no resource facet, and keeps what firms need', () => {
    expect(
      facetIds(
        'À la chambre de métiers on accompagne les artisans dans leur passage au numérique, avec des aides financières et des formations.',
        'fr',
      ),
    ).not.toContain('resource');
    expect(
      facetIds(
        'Nous on accompagne les TPE du territoire sur leur transition, avec du financement, de la formation et un conseiller dédié.',
        'fr',
      ),
    ).not.toContain('resource');
    expect(
      facetIds('At the enterprise agency we support small firms with grants and one-to-one training.', 'en'),
    ).not.toContain('resource');
    expect(
      facetIds(
        'I work for the county enterprise office. We help local businesses with funding, mentoring and training.',
        'en',
      ),
    ).not.toContain('resource');
    // What the firms need stays a resource, said by the adviser or by a manager.
    expect(
      facetIds("Les entreprises que j'accompagne ont surtout besoin de formation et de temps.", 'fr'),
    ).toContain('resource');
    expect(facetIds('The firms I support mostly need skills and a bit of money.', 'en')).toContain(
      'resource',
    );
    expect(
      facetIds(
        "On accompagne les commerçants, et ce qui leur manque surtout c'est du temps et des compétences.",
        'fr',
      ),
    ).toContain('resource');
    expect(
      facetIds('We support small retailers, but what they really need is time and skills.', 'en'),
    ).toContain('resource');
    expect(
      facetIds('On a été accompagnés par la CCI et on a eu une subvention de la Région.', 'fr'),
    ).toContain('resource');
  });
});

describe('an adviser running diagnostics or pointing firms to funding presents an offer', () => {
  it('reads "we run", "we signpost", "on oriente" as an offer, not as resources needed', () => {
    for (const [text, lang] of [
      ['At the growth hub we run a free digital check-up and we signpost owners to grants.', 'en'],
      ['As business advisers we run free workshops and we point them to the right funding.', 'en'],
      ['We refer small firms to the regional funding schemes and to training courses.', 'en'],
      ['À la CCI on oriente les commerçants vers les aides de la Région et les formations.', 'fr'],
      ['On fait un premier rendez-vous gratuit et on les met en relation avec des financeurs.', 'fr'],
      [
        "Ma mission c'est de faire un premier diagnostic et d'orienter les commerçants que j'accompagne vers les bons dispositifs.",
        'fr',
      ],
      ['On relaie France Num, les ateliers, les webinaires.', 'fr'],
      ['On aidait aussi à monter les dossiers pour le chèque numérique.', 'fr'],
      ['Our job is to help members grow, with training and funding.', 'en'],
    ] as const)
      expect(facetIds(text, lang), text).not.toContain('resource');
    // Said of the firm itself, the same words still name what it needs.
    expect(facetIds('We run a small garage and we need funding and someone trained.', 'en')).toContain(
      'resource',
    );
    expect(
      facetIds('We run a small hotel and the hardest part is finding the time and the skills.', 'en'),
    ).toContain('resource');
  });
});
