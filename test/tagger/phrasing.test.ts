import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const ids = (tags: { id: string }[]) => tags.map((t) => t.id);

describe('brands and everyday names of tools', () => {
  it.each([
    ['On gère les prospects dans Pipedrive depuis un an.', 'crm'],
    ['On a tout passé sur Dolibarr, devis, stock et factures.', 'erp'],
    ['Les patients prennent rendez-vous sur Doctolib.', 'marketplace'],
    ['Le midi on livre avec Deliveroo.', 'marketplace'],
    ['Les clients paient par lien de paiement.', 'secure_payment'],
    ['On a enfin une fiche Google à jour avec nos horaires.', 'social_media'],
    ['Le technicien intervient à distance sur la chaudière.', 'remote_maintenance'],
    ['On programme la fraiseuse avec SolidWorks et une CNC.', 'machine_programming'],
    ['Les deux salariés ont suivi un MOOC sur la cybersécurité.', 'digital_training'],
    ['On fait les salons professionnels du secteur et les petits déjeuners du BNI.', 'network_meetings'],
    ['We post our job ads on Welcome to the Jungle.', 'recruitment'],
    ['Our guests book online, even late at night.', 'ecommerce_website'],
    ['Everything is backed up every night to the NAS.', 'cloud_virtualization'],
  ])('%s → %s', (text, tool) => {
    expect(ids(tagger.tag(text).tools)).toContain(tool);
  });

  it('does not read the same words in their everyday sense as tools', () => {
    expect(ids(tagger.tag('On est une TPE de six personnes.').tools)).not.toContain('secure_payment');
    expect(ids(tagger.tag('Le prestataire répare quand un poste plante.').tools)).not.toContain(
      'social_media',
    );
    expect(ids(tagger.tag('Les conducteurs de travaux sont chacun sur leur site.').tools)).not.toContain(
      'showcase_website',
    );
    expect(ids(tagger.tag('La facture sort automatiquement.').tools)).not.toContain('machine_programming');
    expect(ids(tagger.tag('Customers like the products.').values)).not.toContain('personalization');
  });

  it('does not list a brand the respondent denies or only imagines', () => {
    expect(ids(tagger.tag("On n'a jamais utilisé Pipedrive.").tools)).not.toContain('crm');
    expect(ids(tagger.tag('Un jour peut-être on passera sur Doctolib.').tools)).not.toContain('marketplace');
    expect(ids(tagger.tag("We don't sell on Etsy.").tools)).not.toContain('marketplace');
  });
});

describe('paraphrases of value forms and facets', () => {
  it.each([
    ["Depuis qu'on l'a, on ne ressaisit plus rien, ça tourne tout seul.", 'functional'],
    ['On a divisé par deux le temps de préparation des commandes.', 'functional'],
    ['It is a huge time saver for the office.', 'functional'],
    ['Les clients commandent de n’importe où, même en dehors des heures d’ouverture.', 'localization'],
    ['Our engineers work from home two days a week.', 'localization'],
    ['Les données sont chiffrées et on a la double authentification.', 'security'],
  ])('%s → %s', (text, value) => {
    expect(ids(tagger.tag(text).values)).toContain(value);
  });

  it('does not assert a paraphrase that is denied', () => {
    expect(
      ids(tagger.tag("Ça ne nous a pas fait gagner de temps, c'est même plus lent.").values),
    ).not.toContain('functional');
  });

  it.each([
    ["Pour nous c'est une vraie opportunité d'ouvrir de nouveaux marchés.", 'opportunity'],
    ['Le risque, c’est la dépendance aux plateformes et les cyberattaques.', 'threat'],
    ['Il faut des compétences, du budget et une subvention pour démarrer.', 'resource'],
    ['What scares me is ransomware.', 'threat'],
  ])('%s → %s', (text, facet) => {
    expect(ids(tagger.tag(text).facets)).toContain(facet);
  });
});

describe('belonging to a named network', () => {
  it.each([
    ['On fait partie du réseau Initiative depuis notre création.', 'fr'],
    ['On est membres du réseau des Boutiques de Gestion, ça nous aide.', 'fr'],
    ['We are members of the Entreprendre network in our county.', 'en'],
    ['We belong to the Alliance network, it gives us contacts.', 'en'],
  ] as const)('%s → cluster', (text, lang) => {
    expect(ids(tagger.tag(text, { lang }).levers)).toContain('cluster');
  });
});
