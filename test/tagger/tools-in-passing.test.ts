import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const toolIds = (text: string, lang: Language) => tagger.tag(text, { lang }).tools.map((t) => t.id);

describe('trade software named by what it is for', () => {
  it('quoting, workshop and hotel software are the management software', () => {
    expect(
      toolIds(
        'Les devis, je les fais sur le logiciel de chiffrage, et les ordres de réparation sur le logiciel atelier.',
        'fr',
      ),
    ).toEqual(['erp']);
    expect(
      toolIds('The hotel runs on a property management system tied to the channel manager.', 'en'),
    ).toEqual(['erp']);
  });

  it('booking on our own site is the e-commerce site', () => {
    expect(toolIds('Les clients réservent sur notre site, avec une empreinte de carte.', 'fr')).toContain(
      'ecommerce_website',
    );
  });
});

describe('connected equipment and what reaches the phone', () => {
  it('GPS trackers and connected vats are connected machines', () => {
    expect(
      toolIds('On a des traceurs GPS sur les fourgons, et les cuves connectées envoient tout.', 'fr'),
    ).toEqual(['machine_programming']);
  });

  it('a unit that pings the phone is watched from afar', () => {
    expect(toolIds('If a fridge drifts, the unit pings my phone straight away.', 'en')).toContain(
      'remote_maintenance',
    );
  });

  it('the phone under its Swiss and Quebec names carries the app', () => {
    expect(toolIds('Je valide les bons de livraison sur mon natel.', 'fr')).toContain('mobile_app');
    expect(toolIds('Les gars voient leurs chantiers sur leur cellulaire.', 'fr')).toContain('mobile_app');
  });
});

describe('everyday names of other tools', () => {
  it('"le Drive" with its capital is the shared drive, not a pick-up point', () => {
    expect(toolIds('On a tout mis sur le Drive, les plans et les devis.', 'fr')).toEqual([
      'cloud_virtualization',
    ]);
  });

  it('a job advert posted online is recruitment', () => {
    expect(toolIds('La dernière vendeuse, on l’a trouvée après avoir posté une annonce.', 'fr')).toEqual([
      'recruitment',
    ]);
  });

  it('"whats app" typed in two words is the messaging network, not an app of the firm', () => {
    const tools = toolIds('On a un groupe whats app avec les livreurs.', 'fr');
    expect(tools).toContain('social_media');
    expect(tools).not.toContain('mobile_app');
  });
});

describe('tools turned down, dropped or not there', () => {
  it('a platform that came canvassing and was told no is not in use', () => {
    expect(toolIds('Uber Eats sont venus me démarcher, j’ai dit non.', 'fr')).toEqual([]);
  });

  it('a page closed by the speaker, a tool that lasted a month or was a flop', () => {
    expect(toolIds('J’avais une page Instagram, je l’ai fermée l’an dernier.', 'fr')).toEqual([]);
    expect(toolIds('We gave Trello a go, it lasted about a month.', 'en')).toEqual([]);
    expect(toolIds('The booking app was a flop, nobody downloaded it.', 'en')).toEqual([]);
  });

  it('a tool asked back and answered "no, no"', () => {
    expect(toolIds('Une boutique en ligne ? Non non, on n’en a pas.', 'fr')).toEqual([]);
    expect(toolIds('Website? No no, word of mouth does the job.', 'en')).toEqual([]);
  });

  it('equipment named first and then said to be missing', () => {
    expect(toolIds('Les balances connectées, j’en ai pas, c’est trop cher.', 'fr')).toEqual([]);
  });

  it('scam e-mails are a threat received, not the firm using e-mail', () => {
    expect(toolIds('Les arnaques par mail, on en reçoit tous les jours.', 'fr')).toEqual([]);
    expect(toolIds('We get scam emails every day.', 'en')).toEqual([]);
    expect(toolIds('On envoie les rappels par mail.', 'fr')).toEqual(['email']);
  });

  it('a training body and a second branch are no tools', () => {
    expect(toolIds('On est un organisme de formation, on forme des caristes.', 'fr')).toEqual([]);
    expect(toolIds('On a ouvert un deuxième site à Vannes l’an dernier.', 'fr')).toEqual([]);
  });
});

describe('trade software and devices named by brand or by what they do', () => {
  it('reads job, shop and till software by their brands', () => {
    expect(toolIds('Toutes les offres et factures, je les fais sur Bexio depuis le bureau.', 'fr')).toEqual([
      'erp',
    ]);
    expect(toolIds('At the garage every repair order goes through Tekmetric now.', 'en')).toEqual(['erp']);
    expect(toolIds('We keep the books in Tally, the accountant logs in from his office.', 'en')).toContain(
      'erp',
    );
    // The word, not the brand: keeping a tally names no software.
    expect(toolIds('I keep a tally of the hours in a notebook.', 'en')).toEqual([]);
  });

  it('reads a shared building model, a route planner and work orders on the shop floor', () => {
    expect(toolIds("Le bureau d'études et nous, on travaille sur la même maquette, en BIM.", 'fr')).toContain(
      'collaboration_platform',
    );
    expect(toolIds('The route planner sorts the van drops before eight.', 'en')).toEqual([
      'collaboration_platform',
    ]);
    expect(toolIds("Chaque matin les soudeurs voient les OF du jour sur l'écran.", 'fr')).toContain(
      'production_software',
    );
  });

  it('reads an online calendar the jobs are shared on as a collaboration platform', () => {
    expect(toolIds('We put the jobs in Google Calendar so the lads see them.', 'en')).toEqual([
      'collaboration_platform',
    ]);
    expect(
      toolIds('Les chantiers sont sur Google Agenda, les gars le voient sur leur téléphone.', 'fr'),
    ).toContain('collaboration_platform');
    // A paper diary is no tool.
    expect(toolIds('I write the jobs in my diary every evening.', 'en')).toEqual([]);
  });

  it('reads alarms and alerts that reach the phone as watching from afar', () => {
    expect(toolIds('If the cold room warms up, the alerts come straight to my phone.', 'en')).toContain(
      'remote_maintenance',
    );
    expect(toolIds('Le capteur nous prévient si la chambre froide monte en température.', 'fr')).toContain(
      'remote_maintenance',
    );
  });

  it('reads a club of a sport or of wine buyers as no business network', () => {
    expect(toolIds('Mes clients, je les trouve au club de rugby, le dimanche.', 'fr')).toEqual([]);
    expect(toolIds('Our wine club members get two cases a year.', 'en')).not.toContain('network_meetings');
  });
});
