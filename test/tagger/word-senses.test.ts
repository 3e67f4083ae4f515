import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const ids = (text: string, lang: 'fr' | 'en') => {
  const tags = tagger.tag(text, { lang });
  return {
    values: tags.values.map((v) => v.id),
    tools: tags.tools.map((t) => t.id),
    levers: tags.levers.map((l) => l.id),
    actors: tags.actors.map((a) => a.id),
    facets: tags.facets.map((f) => f.id),
  };
};

describe('a network is socialisation or a cluster only in its business sense', () => {
  it('reads posting on social networks as the tool, not as socialisation', () => {
    const french = ids(
      'On met des photos de nos chantiers sur les réseaux sociaux, ça ramène des clients.',
      'fr',
    );
    expect(french.tools).toContain('social_media');
    expect(french.values).not.toContain('socialization');
    const english = ids('We post our new menus on social networks every week.', 'en');
    expect(english.tools).toContain('social_media');
    expect(english.values).not.toContain('socialization');
    // Sharing with the team is socialisation, whatever the tool.
    expect(
      ids('Sur le groupe WhatsApp on partage les plannings, tout le monde est au courant.', 'fr').values,
    ).toContain('socialization');
  });

  it('reads a computer network as IT, not a business network', () => {
    for (const [text, lang] of [
      ['Last winter our computer network went down for two days and the tills stopped.', 'en'],
      ['Le réseau informatique est tombé deux jours, plus de caisse, plus rien.', 'fr'],
    ] as const) {
      const tags = ids(text, lang);
      expect(tags.values).not.toContain('socialization');
      expect(tags.levers).not.toContain('cluster');
      expect(tags.actors).not.toContain('networks');
    }
    const club = ids(
      'We are part of a network of local food producers, we meet every month to share tips.',
      'en',
    );
    expect(club.levers).toContain('cluster');
    expect(club.actors).toContain('networks');
  });
});

describe('a self-presentation is not read as a value or an actor', () => {
  it('does not read a family firm as the traditional value', () => {
    expect(
      ids(
        'On est une entreprise familiale, quinze salariés, on fabrique des volets roulants près de Cholet.',
        'fr',
      ).values,
    ).not.toContain('traditional');
    expect(
      ids('We are a family business, twelve people, making kitchen worktops in Leeds.', 'en').values,
    ).not.toContain('traditional');
    expect(
      ids("On garde nos traditions, le contact humain au téléphone, même avec l'informatique.", 'fr').values,
    ).toContain('traditional');
  });

  it('does not read interior fitting as an agency', () => {
    expect(
      ids("Menuiserie de huit personnes, on fait surtout de l'agencement intérieur pour des boutiques.", 'fr')
        .actors,
    ).not.toContain('it_provider');
    expect(ids("L'agence web nous a refait le site.", 'fr').actors).toContain('it_provider');
  });
});

describe('a tool imposed with no choice is no opportunity', () => {
  it('reads "on n\'a pas eu le choix" as constraint, and "on n\'a pas le choix" of going digital as one', () => {
    expect(
      ids("La télégestion, c'est le Département qui l'a imposée, on n'a pas eu le choix.", 'fr').facets,
    ).not.toContain('opportunity');
    expect(
      ids(
        "Le portail fournisseur, c'est notre donneur d'ordre qui nous l'a imposé, on n'a pas eu le choix.",
        'fr',
      ).facets,
    ).not.toContain('opportunity');
    expect(ids('The portal was imposed by our main customer, we had no choice.', 'en').facets).not.toContain(
      'opportunity',
    );
    expect(ids("Le numérique on n'a pas le choix, c'est ça ou on disparaît.", 'fr').facets).toContain(
      'opportunity',
    );
  });
});

describe('what reads as a facet only in its own sense', () => {
  const facetIds = (text: string) => tagger.tag(text).facets.map((f) => f.id);

  it('time gained is no time needed, and an adviser presenting themselves is no outside help needed', () => {
    expect(facetIds('Du temps gagné, surtout, sur les devis.')).not.toContain('resource');
    expect(facetIds("As I said, I'm a digital adviser, covering the Rhône department.")).not.toContain(
      'resource',
    );
    expect(facetIds('What we lack is time, and an adviser to help us choose.')).toContain('resource');
  });

  it('depending less on someone is no threat; depending on them is one', () => {
    expect(facetIds('It also makes them less dependent on walk-in trade.')).not.toContain('threat');
    expect(facetIds('Ça nous rend moins dépendants des grossistes.')).not.toContain('threat');
    expect(facetIds('La dépendance aux plateformes, ça me fait peur.')).toContain('threat');
  });
});

describe("a common word whose stem is a cue's", () => {
  it('reads "je sais pas" as no data entry, and the data entry as the value chain', () => {
    expect(ids('Je sais pas trop.', 'fr').levers).toEqual([]);
    expect(ids('Je sais pas, je sais plus.', 'fr').levers).toEqual([]);
    expect(ids('La saisie des commandes se fait une seule fois maintenant.', 'fr').levers).toContain(
      'value_chain',
    );
  });
});

describe('"compris" as "including"', () => {
  it('reads no learning in "moi compris", and still in "on a compris"', () => {
    const values = (text: string) => tagger.tag(text, { lang: 'fr' }).values.map((v) => v.id);
    expect(values('On est sept, moi compris.')).not.toContain('epistemic');
    expect(values("Avec le logiciel, on a compris d'où venaient les pertes.")).toContain('epistemic');
  });
});
