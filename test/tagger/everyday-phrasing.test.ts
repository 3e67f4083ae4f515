import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const ids = (tags: { id: string }[]) => tags.map((t) => t.id);
const toolsOf = (text: string) => ids(tagger.tag(text).tools);
const valuesOf = (text: string) => ids(tagger.tag(text).values);

describe('tools named in passing, as owners say them', () => {
  it.each([
    ['Le site, c’est mon neveu qui nous l’a fait, il est joli.', 'showcase_website'],
    ['To be honest I change the prices on the site myself now.', 'showcase_website'],
    ['Chaque client suit son chantier sur son espace en ligne.', 'collaboration_platform'],
    ['Our tenants see their lease in the client area.', 'collaboration_platform'],
    ['Les avis Google nous ramènent des clients.', 'social_media'],
    ['We helped them set up their Google Business profile.', 'social_media'],
    ['Les alarmes arrivent sur mon téléphone, même la nuit.', 'remote_maintenance'],
    ['The alarms from the cold rooms come straight to my phone.', 'remote_maintenance'],
    ['Je prends le ticket en photo avec l’appli de notes de frais.', 'dematerialization'],
    ['The accountant set up the receipts app for us.', 'dematerialization'],
    ['Avec le configurateur 3D, le client dessine sa cuisine.', 'machine_programming'],
    ['On scanne le code-barres de chaque meule.', 'production_software'],
    ['Les gars suivent la formation en ligne le soir.', 'digital_training'],
    ['Our apprentices take the online courses on the bus.', 'digital_training'],
  ])('%s → %s', (text, tool) => {
    expect(toolsOf(text)).toContain(tool);
  });

  it('reads a site people order from as the e-commerce site, not a showcase site besides it', () => {
    for (const text of [
      'Le site marche bien : les clients commandent sur le site, on livre le mardi.',
      'Customers order from the website, we ship the next morning.',
    ]) {
      expect(toolsOf(text)).toContain('ecommerce_website');
      expect(toolsOf(text)).not.toContain('showcase_website');
    }
  });

  it('does not read a place called a site as a website', () => {
    expect(toolsOf('Le site de production est à Oyonnax, le siège à Lyon.')).not.toContain(
      'showcase_website',
    );
    expect(toolsOf('The building site is just down the road from the office.')).not.toContain(
      'showcase_website',
    );
  });

  it('does not list the everyday names when they are denied or only imagined', () => {
    expect(toolsOf("On n'a pas de site, les clients nous appellent.")).not.toContain('showcase_website');
    expect(toolsOf("We don't have a client area, they ring us.")).not.toContain('collaboration_platform');
    expect(toolsOf("On n'a aucune alerte sur le téléphone, il faut passer voir.")).not.toContain(
      'remote_maintenance',
    );
    expect(toolsOf('Un jour peut-être on fera de la formation en ligne.')).not.toContain('digital_training');
  });
});

describe('what reads as imagined and what does not', () => {
  it('reads a past narrative in the French imperfect as asserted, the conditional as imagined', () => {
    expect(toolsOf('Le site montrait nos réalisations, les gens venaient.')).toContain('showcase_website');
    expect(toolsOf('Un site vitrine montrerait nos réalisations.')).not.toContain('showcase_website');
  });

  it('does not take "se … il" for "s’il"', () => {
    expect(toolsOf('Il se connecte quand il veut à l’extranet.')).toContain('collaboration_platform');
    expect(toolsOf('S’il y avait un extranet, ils se connecteraient.')).not.toContain(
      'collaboration_platform',
    );
  });

  it('takes "planning" as a noun unless it plans something', () => {
    expect(toolsOf('We put all the jobs on a shared planning app.')).toContain('collaboration_platform');
    expect(toolsOf("We're planning to get a shared planning app next year.")).not.toContain(
      'collaboration_platform',
    );
  });
});

describe('paraphrase families of the value forms', () => {
  it.each([
    ['Maintenant on fait nos prototypes en deux jours au lieu d’attendre trois semaines.', 'functional'],
    ['The money lands the next day now instead of the end of the week.', 'functional'],
    ['On a fait toute la négociation sans prendre l’avion.', 'localization'],
    ["We've got customers three counties away ordering plants.", 'localization'],
    ['Maintenant tout le monde a la même info sur le planning.', 'socialization'],
    ['Le diagnostic est gratuit pour l’artisan.', 'benevolence'],
    ['We run free one-on-one sessions for owners.', 'benevolence'],
    ['Ça a redonné la main aux dirigeants sur leurs outils.', 'actualization'],
  ])('%s → %s', (text, value) => {
    expect(valuesOf(text)).toContain(value);
  });

  it('does not assert them when the answer denies them', () => {
    expect(valuesOf("Ce n'est pas gratuit, on paie tout.")).not.toContain('benevolence');
    expect(valuesOf("It's not free, we pay for everything.")).not.toContain('benevolence');
    expect(valuesOf("On n'a jamais la même info, c'est le souci.")).not.toContain('socialization');
  });
});
