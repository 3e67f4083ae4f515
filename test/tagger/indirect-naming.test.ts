import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const ids = (tags: { id: string }[]) => tags.map((t) => t.id);
const toolsOf = (text: string) => ids(tagger.tag(text).tools);
const valuesOf = (text: string) => ids(tagger.tag(text).values);

describe('tools named by what people do with them', () => {
  it.each([
    ['Nos clients pros passent commande sur notre portail, on prépare le matin.', 'ecommerce_website'],
    ['Trade customers order through our web portal and we pick in the morning.', 'ecommerce_website'],
    ['Les gens réservent leur table sur notre site, ça marche très bien.', 'ecommerce_website'],
    ['People book their table on our website now.', 'ecommerce_website'],
    ['On a ouvert le click and collect pendant le confinement.', 'ecommerce_website'],
    ['We do click and collect for the cakes.', 'ecommerce_website'],
    ['Le logiciel de caisse nous sort les ventes par produit.', 'erp'],
    ['The till system is linked to the stock.', 'erp'],
    ['We put in a scheduling system on the shop floor.', 'production_software'],
    ['Avec les sous-traitants on partage tout sur une plateforme de chantier.', 'collaboration_platform'],
    ['Rotas are on a shared online tool.', 'collaboration_platform'],
    ['Depuis qu’on scanne les bons de livraison, plus de classeurs.', 'dematerialization'],
    ['Receipts get snapped on the phone and the accountant has them straight away.', 'dematerialization'],
    ['Nos chaudières chez les clients remontent leurs pannes.', 'remote_maintenance'],
    ['Our coffee machines report faults and we fix most of them remotely.', 'remote_maintenance'],
    ['Toutes les fiches sont dans notre outil de suivi commercial.', 'crm'],
    ['All the customer details are in our contact management system.', 'crm'],
  ])('%s → %s', (text, tool) => {
    expect(toolsOf(text)).toContain(tool);
  });

  it('does not list them when they are denied or only tried', () => {
    expect(toolsOf("On n'a pas de logiciel de caisse, tout est sur le cahier.")).not.toContain('erp');
    expect(toolsOf("We don't have a till system, it's a notebook.")).not.toContain('erp');
    expect(toolsOf("We don't do click and collect, people come in.")).not.toContain('ecommerce_website');
    expect(toolsOf('On a essayé Instagram, personne ne regardait.')).not.toContain('social_media');
  });

  it('reads gates, loading platforms, workstations, dust clouds and letters as no tool', () => {
    for (const text of [
      'Le portail de la maison, on l’a refait l’an dernier.',
      'The portal frame of the new shed went up last week.',
      'La plateforme du quai de chargement a été agrandie.',
      'The loading platform at the back was extended.',
      'On a un poste de soudure en plus dans l’atelier.',
      'The cloud of dust in the workshop is a real problem.',
      'We post letters to our older clients.',
    ]) {
      expect(toolsOf(text)).toEqual([]);
    }
  });
});

describe('functional value said without the usual cue words', () => {
  it.each([
    'Maintenant on gagne deux jours sur chaque commande.',
    'Les erreurs de saisie ont disparu depuis le logiciel.',
    'On prépare tous les envois en une matinée.',
    'Fini la double saisie entre la caisse et la compta.',
    'Ça remplit la cuisine les jours creux, sans embaucher.',
    'No more re-typing everything into the accounts.',
    'We make far fewer mistakes on the delivery notes.',
    'It takes one click now.',
    'We save a couple of days on every order.',
    'The handheld scanners cut stock-taking from two days to half a day.',
  ])('%s → functional', (text) => {
    expect(valuesOf(text)).toContain('functional');
  });

  it('does not read a chore still done the old way as functional', () => {
    expect(valuesOf('On mettait trois jours à boucler la paie, et c’est toujours pareil.')).not.toContain(
      'functional',
    );
    expect(valuesOf('The lorries can turn at the back of the yard.')).not.toContain('functional');
  });
});

describe('brands and plain names read as their class', () => {
  it.each([
    ['La facturation est sur Henrri.', 'erp'],
    ['We take payments with Square at the market.', 'secure_payment'],
    ['Nos relevés HACCP sont sur une application.', 'quality_software'],
    ['On a une chaîne YouTube avec nos recettes.', 'video'],
    ['Les gars se forment sur des tutos en ligne.', 'digital_training'],
    ['We handle customer relationship management in one place.', 'crm'],
  ])('%s → %s', (text, tool) => {
    expect(toolsOf(text)).toContain(tool);
  });

  it('drops them when denied', () => {
    expect(toolsOf("On n'a pas de chaîne YouTube.")).not.toContain('social_media');
    expect(toolsOf("We don't take payments with Square.")).not.toContain('secure_payment');
  });
});

describe('chores that are gone, said plainly', () => {
  it.each([
    'Les oublis, c’est terminé, les relances se font toutes seules.',
    'Forgotten jobs are a thing of the past.',
    'Reminders go out by themselves.',
    'We cut delivery times by a week.',
  ])('%s → functional', (text) => {
    expect(valuesOf(text)).toContain('functional');
  });
});
