import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';
import type { Tags } from '../../src/core/tags.js';

const tagger = createTagger();
const ids = (tags: { id: string }[]) => tags.map((t) => t.id);

function expectEvidencePointsAtText(text: string, tags: Tags): void {
  const all = [...tags.values, ...tags.tools, ...tags.levers, ...tags.actors, ...tags.facets].flatMap(
    (t) => t.evidence,
  );
  expect(all.length).toBeGreaterThan(0);
  for (const e of all) {
    expect(e.end).toBeGreaterThan(e.start);
    expect(text.slice(e.start, e.end)).toBe(e.text);
  }
}

describe('tools', () => {
  it('names tools from acronyms, brands and elided forms', () => {
    const tags = tagger.tag("On a mis en place l'ERP, on vend sur Shopify et on se réunit sur Teams.");
    expect(ids(tags.tools)).toEqual(expect.arrayContaining(['erp', 'ecommerce_website', 'videoconference']));
  });

  it('reads a tool without its hyphen or accents the same as with them', () => {
    expect(ids(tagger.tag('Notre site e-commerce tourne bien.').tools)).toContain('ecommerce_website');
    expect(ids(tagger.tag('Notre site ecommerce tourne bien.').tools)).toContain('ecommerce_website');
    expect(ids(tagger.tag('On est passés à la dematerialisation des factures.').tools)).toContain(
      'dematerialization',
    );
  });

  it('does not list a tool the respondent says they do not have', () => {
    expect(ids(tagger.tag("On n'a pas de CRM, tout est dans un carnet.").tools)).not.toContain('crm');
    expect(ids(tagger.tag("We don't use an ERP, spreadsheets do the job.").tools)).not.toContain('erp');
    expect(ids(tagger.tag('On a laissé tomber Facebook au bout de six mois.').tools)).not.toContain(
      'social_media',
    );
  });

  it('does not list a tool that is only imagined', () => {
    expect(tagger.tag('Si on avait un site marchand, on vendrait plus.').tools).toEqual([]);
    expect(tagger.tag('We might consider an ERP one day.').tools).toEqual([]);
    expect(tagger.tag('On réfléchit à un CRM.').tools).toEqual([]);
  });

  it('imagines only the condition of an "if", not what the speaker says they do about it', () => {
    expect(ids(tagger.tag('Si un client conteste une livraison, on a la trace dans l’ERP.').tools)).toEqual([
      'erp',
    ]);
    expect(ids(tagger.tag('If a customer complains, we check the order in the ERP.').tools)).toEqual(['erp']);
    expect(ids(tagger.tag('If we had an ERP, we would save time.').tools)).toEqual([]);
  });

  it('does not list a tool taken back right after it is named', () => {
    expect(ids(tagger.tag("On avait une page Facebook, on l'a fermée l'an dernier.").tools)).not.toContain(
      'social_media',
    );
    expect(ids(tagger.tag('We had a CRM for a year, then we cancelled it.').tools)).not.toContain('crm');
    // Only the tool just before the retraction: the one kept stays listed.
    const kept = ids(tagger.tag('On utilise Sage tous les jours, et Instagram on l’a arrêté.').tools);
    expect(kept).toContain('erp');
    expect(kept).not.toContain('social_media');
  });

  it('does not list a tool the speaker names as lacking, even past a comma', () => {
    expect(
      ids(tagger.tag("Ce qu'on n'a pas, c'est un ERP, tout est encore sur des tableurs.").tools),
    ).toEqual([]);
    expect(ids(tagger.tag("What we haven't got, honestly, is a CRM, it's all in my head.").tools)).toEqual(
      [],
    );
    // A contrast ends the lack: what follows is had.
    expect(ids(tagger.tag("Ce qui nous manque, c'est un CRM, mais on a un ERP depuis 2019.").tools)).toEqual([
      'erp',
    ]);
  });

  it('does not list a tool in a short question the speaker answers with a bare no', () => {
    expect(tagger.tag('Un site ? Non, pas besoin, tout le monde nous connaît.').tools).toEqual([]);
    expect(tagger.tag('A website? Nope. Word of mouth does it.').tools).toEqual([]);
    expect(ids(tagger.tag('On a un ERP. Un CRM ? Non, pas encore.').tools)).toEqual(['erp']);
    // "No" that is not a bare answer, or a question that is not a short aside, denies nothing.
    expect(ids(tagger.tag('Un site ? Non seulement on en a un, mais il vend.').tools)).toContain(
      'showcase_website',
    );
  });

  it('does not list a tool the firm had before, only the one it has now', () => {
    expect(ids(tagger.tag("Avant on avait Ciel, maintenant c'est Pennylane.").tools)).toEqual([
      'dematerialization',
    ]);
    expect(ids(tagger.tag("We used to have Sage, now it's Xero.").tools)).toEqual(['dematerialization']);
    expect(ids(tagger.tag('On était sur EBP, on est passés sur Sage.').tools)).toEqual(['erp']);
  });

  it('does not list a tool tried for a while and dropped', () => {
    expect(
      tagger.tag("On a testé une tablette d'accueil dans chaque chambre, ça a duré une saison.").tools,
    ).toEqual([]);
    expect(tagger.tag('We ran a Facebook group for members, it died a death.').tools).toEqual([]);
  });

  it("reads English 'd + verb as imagined", () => {
    expect(tagger.tag("I don't reckon we'd sell one extra loaf with a website.").tools).toEqual([]);
    expect(tagger.tag("They'd need an ERP to grow.").tools).toEqual([]);
    expect(ids(tagger.tag("I'd say the ERP saves us hours.").tools)).toEqual(['erp']);
  });

  it('takes back a tool named twice in different words before it was dropped', () => {
    const dropped = tagger.tag(
      "On avait un intranet, une plateforme d'échange entre adhérents, personne n'y allait, on l'a fermée.",
    );
    expect(ids(dropped.tools)).toEqual([]);
  });

  it('does not list a platform named only as a fear', () => {
    expect(ids(tagger.tag("Ce qui m'inquiète, c'est Amazon qui casse les prix.").tools)).not.toContain(
      'marketplace',
    );
    expect(ids(tagger.tag('The fear of going all in on Amazon is what I hear most.').tools)).toEqual([]);
    expect(ids(tagger.tag("What frightens me is Amazon, they're everywhere.").tools)).not.toContain(
      'marketplace',
    );
    // The speaker's own tool, feared for, is in use.
    expect(ids(tagger.tag('What scares me is our website getting hacked.').tools)).toEqual([
      'showcase_website',
    ]);
    // A contrast ends the fear: what follows is what the company does.
    expect(
      ids(tagger.tag("J'avais peur des arnaques, mais on vend sur Amazon depuis deux ans.").tools),
    ).toContain('marketplace');
  });

  it("does not list other firms' tools or tools an adviser recommends (GUIDELINES.md)", () => {
    expect(
      ids(
        tagger.tag('Mon concurrent, lui, il a mis des tablettes à tous ses gars, moi je reste au papier.')
          .tools,
      ),
    ).toEqual([]);
    expect(
      ids(
        tagger.tag('Aux jeunes qui s’installent je leur dis : prenez un logiciel de compta en ligne.').tools,
      ),
    ).toEqual([]);
    expect(ids(tagger.tag('I always tell the shops I visit, get a CRM before you hire.').tools)).toEqual([]);
    expect(
      ids(tagger.tag('We show them how to take card payments on a phone and how to use LinkedIn.').tools),
    ).toEqual([]);
    // The firm speaking of itself again ends the talk of others.
    expect(ids(tagger.tag('Face à nos concurrents, on a ouvert une boutique en ligne.').tools)).toEqual([
      'ecommerce_website',
    ]);
    // A tool the speaker calls theirs is theirs, whoever else is named.
    expect(ids(tagger.tag('My competitors envy our new booking app.').tools)).toContain('mobile_app');
  });

  it('does not list a platform that solicited the firm and was turned down', () => {
    expect(ids(tagger.tag('Deliveroo m’ont démarché deux fois, c’est non pour nous.').tools)).toEqual([]);
    expect(ids(tagger.tag('Selling on Etsy, no thanks, the fees eat everything.').tools)).toEqual([]);
  });
  it('keeps a tool asserted after a contrast that follows a negation', () => {
    const tags = tagger.tag("On n'a pas de CRM mais on utilise un ERP depuis 2019.");
    expect(ids(tags.tools)).toEqual(['erp']);
  });

  it('reads "only" and "could not do without" as use, not negation', () => {
    expect(ids(tagger.tag("On n'utilise que Teams pour les réunions.").tools)).toContain('videoconference');
    expect(ids(tagger.tag("On ne peut plus se passer de l'ERP.").tools)).toContain('erp');
    expect(ids(tagger.tag("Le logiciel de caisse, on ne pourrait plus s'en passer.").tools)).toContain('erp');
  });

  it('reads "could not move to" a tool as not having it', () => {
    expect(tagger.tag("Nos adhérents ne peuvent pas passer au cloud, la fibre n'arrive pas.").tools).toEqual(
      [],
    );
    expect(tagger.tag("On n'a pas pu passer à la facture électronique cette année.").tools).toEqual([]);
  });

  it('reads a tool used from a phone as a mobile app, and a phone used to call as none (GUIDELINES.md)', () => {
    expect(ids(tagger.tag('Le chef d’équipe valide les heures depuis son portable.').tools)).toContain(
      'mobile_app',
    );
    expect(ids(tagger.tag('Our drivers close each delivery from their phones.').tools)).toContain(
      'mobile_app',
    );
    expect(ids(tagger.tag('Most customers still want me on the phone, not an app.').tools)).toEqual([]);
  });

  it('reads a WhatsApp group as social media, whoever is in it (GUIDELINES.md)', () => {
    expect(
      ids(tagger.tag('Les livreurs et moi, on a un groupe WhatsApp pour la tournée du jour.').tools),
    ).toEqual(['social_media']);
    expect(ids(tagger.tag('Owners swap tips in a WhatsApp group.').tools)).toEqual(['social_media']);
  });

  it('tells a video game and waiters from video content and servers', () => {
    expect(tagger.tag("Les ados adorent, pour eux c'est comme un jeu vidéo.").tools).toEqual([]);
    expect(ids(tagger.tag('Les serveurs en salle prennent les commandes.').tools)).not.toContain(
      'cloud_virtualization',
    );
    expect(ids(tagger.tag('On a mis nos serveurs dans le cloud.').tools)).toContain('cloud_virtualization');
  });

  it('tells the brand Teams from the word teams', () => {
    expect(ids(tagger.tag('Our teams work well together.').tools)).not.toContain('videoconference');
  });
});

describe('values', () => {
  it('finds functional value in oral French without accents', () => {
    const tags = tagger.tag('ben ca nous permet de gagner du temps, on fait les devis plus vite');
    expect(ids(tags.values)).toContain('functional');
  });

  it('asserts no value when the respondent says the tool brought nothing', () => {
    expect(tagger.tag('Franchement ça ne nous a rien apporté.').values).toEqual([]);
    expect(ids(tagger.tag("L'ERP ne nous a pas fait gagner de temps.").values)).not.toContain('functional');
  });

  it('finds security and localisation in English', () => {
    const tags = tagger.tag('Our files are backed up every night and staff can work from home.');
    expect(ids(tags.values)).toEqual(expect.arrayContaining(['security', 'localization']));
  });
});

describe('facets', () => {
  it('reads a fear put as a supposition as a threat', () => {
    expect(ids(tagger.tag('Si demain on subit une cyberattaque, on perd tout.').facets)).toContain('threat');
    expect(ids(tagger.tag('If we get hacked one day, we lose everything.').facets)).toContain('threat');
  });
});

describe('actors', () => {
  it('gives the initiator role from "à la demande de" and "c\'est le prestataire qui"', () => {
    const a = tagger.tag("On est passés à l'EDI à la demande de nos clients.").actors;
    expect(a).toContainEqual(expect.objectContaining({ id: 'clients', role: 'initiator' }));
    const b = tagger.tag("C'est le prestataire qui nous l'a proposé.").actors;
    expect(b).toContainEqual(expect.objectContaining({ id: 'it_provider', role: 'initiator' }));
    const c = tagger.tag('Our accountant pushed us to go paperless.').actors;
    expect(c).toContainEqual(expect.objectContaining({ id: 'accountants', role: 'initiator' }));
  });

  it('gives the beneficiary role', () => {
    const a = tagger.tag(
      "Ça permet à nos clients de suivre leur commande, et les gars de l'atelier y gagnent.",
    ).actors;
    expect(a).toContainEqual(expect.objectContaining({ id: 'clients', role: 'beneficiary' }));
    expect(a).toContainEqual(expect.objectContaining({ id: 'employees', role: 'beneficiary' }));
  });

  it('lists an actor without a role as mentioned', () => {
    const a = tagger.tag('Nos fournisseurs sont loin.').actors;
    expect(a).toEqual([expect.objectContaining({ id: 'suppliers', role: 'mentioned' })]);
  });
});

describe('evidence', () => {
  it('points at the quoted text, in UTF-16 offsets of the original', () => {
    const text =
      "🚀 Bon… l'ERP, c'est à la demande de nos clients — ça nous permet de gagner du temps, la sécurité aussi.";
    const tags = tagger.tag(text);
    expectEvidencePointsAtText(text, tags);
    const erp = tags.tools.find((t) => t.id === 'erp');
    expect(erp?.evidence[0]?.text).toBe('ERP');
  });

  it('gives confidences between 0 and 1', () => {
    const tags = tagger.tag('Avec Dropbox et Zoom on travaille à distance, en sécurité.');
    for (const t of [...tags.values, ...tags.tools]) {
      expect(t.confidence).toBeGreaterThan(0);
      expect(t.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('language', () => {
  it('detects French and English, and honours a forced language', () => {
    expect(tagger.tag('On a mis en place un logiciel pour nos clients.').lang).toBe('fr');
    expect(tagger.tag('We set up new software for our customers.').lang).toBe('en');
    expect(tagger.tag('We set up new software.', { lang: 'fr' }).lang).toBe('fr');
  });

  it('returns empty tags for empty or symbol-only text', () => {
    expect(tagger.tag('').tools).toEqual([]);
    expect(tagger.tag('<<<>>> ### !!!').values).toEqual([]);
  });
});
