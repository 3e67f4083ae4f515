import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { createTagger, type Tagger } from '../../src/core/tagger/index.js';
import { createFakeTagger } from './fake-tagger.js';
import { CoreSession } from './session.js';

const guides = loadGuides();

const SCRIPT: Record<Language, { presentation: string[]; meaning: string; interfaces: string }> = {
  fr: {
    presentation: [
      'Nous fabriquons des meubles en bois, 25 salariés, en Haute-Savoie.',
      'Je suis la gérante et la fondatrice de la société.',
    ],
    meaning: "Une opportunité, un risque aussi, et il faut de la formation pour les équipes de l'atelier.",
    interfaces: 'Les commandes arrivent par là et partent directement vers la préparation, chaque matin.',
  },
  en: {
    presentation: [
      'We make wooden furniture, 25 people, in Savoie, since 1998.',
      'I am the managing director and the founder of the firm.',
    ],
    meaning: 'An opportunity, a risk too, and the workshop team needs training to keep up with it.',
    interfaces: 'Orders come in that way and go straight to the packing team, every morning.',
  },
};

/** The probe that follows naming tools in `tools` at the start of theme 2. */
function probeAfter(
  language: Language,
  tools: string,
  tagger: Tagger = createFakeTagger(),
): string | undefined {
  const session = new CoreSession(guides, tagger, language, 'manager');
  session.start();
  const script = SCRIPT[language];
  for (const answer of [language === 'fr' ? 'oui' : 'yes', ...script.presentation, script.meaning, tools])
    session.say(answer);
  expect(session.pendingId()).toBe('tools.interfaces');
  return session.say(script.interfaces).at(-1);
}

describe('a probe on a tool names it in the respondent’s own words', () => {
  it('quotes the name the respondent gave the tool, and keeps the label for its own word or several names', () => {
    expect(
      probeAfter('fr', 'Nous vendons surtout sur notre boutique Shopify, ouverte il y a deux ans.'),
    ).toBe('Pour Shopify\u00a0: qui a poussé à la mise en place, et qui en bénéficie\u202f?');
    expect(probeAfter('en', 'We sell mostly through our Shopify store, opened two years ago.')).toBe(
      'For Shopify: who pushed for it, and who benefits from it?',
    );
    expect(probeAfter('fr', 'Nous avons un CRM, HubSpot, depuis deux ans pour suivre les devis.')).toBe(
      'Pour HubSpot\u00a0: qui a poussé à la mise en place, et qui en bénéficie\u202f?',
    );
    expect(probeAfter('en', 'We run an ERP and a CRM, both set up last year for the orders.')).toMatch(
      /^For the ERP: /,
    );
    expect(
      probeAfter('fr', 'On vend sur notre boutique Shopify et sur une boutique Etsy, depuis 2020.'),
    ).toBe(
      'Pour le site de vente ou de réservation en ligne\u00a0: qui a poussé à la mise en place, et qui en bénéficie\u202f?',
    );
  });

  it('asks about a tool with a plural label in words that agree with it', () => {
    expect(
      probeAfter(
        'fr',
        'On est sur les réseaux sociaux depuis 2019, pour montrer nos chantiers.',
        createTagger(),
      ),
    ).toBe('Pour les réseaux sociaux\u00a0: qui a poussé à la mise en place, et qui en bénéficie\u202f?');
  });

  it('quotes a brand that opens the answer, and gives the label for two brands', () => {
    expect(
      probeAfter('fr', 'Shopify pour la boutique en ligne, et la caisse, depuis 2021.', createTagger()),
    ).toBe('Pour Shopify\u00a0: qui a poussé à la mise en place, et qui en bénéficie\u202f?');
    expect(
      probeAfter('en', 'Square or SumUp card readers at the counter, since last spring.', createTagger()),
    ).not.toMatch(/^For (SumUp|Square)/);
    // One brand said whole, then shortened, is one name.
    expect(
      probeAfter(
        'en',
        'WhatsApp Business with customers, and WhatsApp with the drivers, since 2020.',
        createTagger(),
      ),
    ).toMatch(/^For WhatsApp Business[,:] /);
    // A sentence's ordinary first word is still no name.
    expect(probeAfter('fr', 'Site internet et page Facebook, pour la boutique.', createTagger())).not.toMatch(
      /^Pour Site/,
    );
  });

  it('asks about a booking site in words that fit it, as about an online shop', () => {
    expect(
      probeAfter('en', 'Customers book their appointments online on our website now.', createTagger()),
    ).toMatch(/^For the online shop or booking site[,:] /);
    expect(
      probeAfter(
        'fr',
        'Les clients prennent rendez-vous sur le site maintenant, ça marche bien.',
        createTagger(),
      ),
    ).toMatch(/^Pour le site de vente ou de réservation en ligne[\u00a0 ]?[,:] /);
  });

  it('quotes only letters, digits and spaces, never markup, line breaks or long text', () => {
    const label =
      'Pour le site de vente ou de réservation en ligne\u00a0: qui a poussé à la mise en place, et qui en bénéficie\u202f?';
    expect(
      probeAfter(
        'fr',
        'Nous vendons sur notre boutique **Shopify** <script>alert(1)</script>, ouverte en 2021.',
      ),
    ).toBe('Pour Shopify\u00a0: qui a poussé à la mise en place, et qui en bénéficie\u202f?');
    expect(
      probeAfter('fr', 'Nous vendons sur notre boutique [Shopify](javascript:alert(1)) depuis 2021.'),
    ).toBe('Pour Shopify\u00a0: qui a poussé à la mise en place, et qui en bénéficie\u202f?');
    expect(probeAfter('fr', 'Nous vendons sur notre boutique\nShopify, ouverte en 2021.')).toBe(
      'Pour Shopify\u00a0: qui a poussé à la mise en place, et qui en bénéficie\u202f?',
    );
    expect(
      probeAfter('fr', 'Nous vendons sur notre boutique Shopify Plus Premium Edition, depuis 2021.'),
    ).toBe(label);
    expect(probeAfter('fr', `Nous vendons sur notre boutique ${'Z'.repeat(3000)}, depuis 2021.`)).toBe(label);
  });
  it('names a tool said in common words by those words, as "your …", never by a catalogue class it did not say', () => {
    const tagger = createTagger();
    expect(probeAfter('fr', 'On a une caisse connectée depuis deux ans, pour la boutique.', tagger)).toMatch(
      /^Pour votre caisse connectée\u00a0: qui a poussé/,
    );
    expect(probeAfter('fr', 'La caisse, enfin la caisse connectée, on l’a depuis deux ans.', tagger)).toMatch(
      /^Pour votre caisse connectée\u00a0: /,
    );
    expect(probeAfter('en', 'We got a booking system last year, for the salon.', tagger)).toMatch(
      /^For your booking system: who pushed/,
    );
    // A maker's name before the common words goes with them: no "machine programming" the garage never said.
    expect(probeAfter('en', 'We bought a Bosch diagnostic kit for the cars.', tagger)).toMatch(
      /^Who benefits from your Bosch diagnostic kit\?/,
    );
    expect(probeAfter('en', 'We bought diagnostic kits. Bosch diagnostic kit, mostly.', tagger)).not.toMatch(
      /Bosch/,
    );
    // Its own label's words keep the label; words that are no name (a verb, markup around them) are not quoted.
    expect(probeAfter('fr', 'On a un CRM depuis deux ans, pour suivre les devis.', tagger)).toMatch(
      /^Pour le CRM\u00a0: /,
    );
    expect(probeAfter('fr', 'On vend en ligne depuis 2020, surtout des coffrets.', tagger)).not.toMatch(
      /^Pour votre/,
    );
    expect(
      probeAfter('fr', 'On a une <b>caisse connectée</b> depuis deux ans, pour la boutique.', tagger),
    ).toMatch(/^Pour le cloud\u00a0: /);
  });
});

describe('an expert asked about the tools of the firms they support', () => {
  it.each([
    [
      'fr',
      ['oui', 'Je suis conseillère numérique à la CCI du Morbihan.', "J'accompagne surtout des commerçants."],
      'Les plus avancés ont une caisse connectée et un site.',
      /^Pour leur caisse connectée\u00a0: dans les PME/,
    ],
    [
      'en',
      ['yes', "I'm a digital adviser at the chamber of commerce.", 'Mostly shopkeepers and small trades.'],
      'The most advanced ones have a booking system and a website.',
      /^For their booking system: /,
    ],
  ] as const)("%s: names the tool as theirs, not the expert's", (lang, opening, tools, probe) => {
    const session = new CoreSession(guides, createTagger(), lang, 'expert');
    session.start();
    for (const answer of opening) session.say(answer);
    const filler =
      lang === 'fr'
        ? 'Ça dépend beaucoup des entreprises, honnêtement.'
        : 'It depends a lot on the firm, honestly.';
    for (let guard = 0; guard < 12 && session.pendingId() !== 'tools.observed'; guard += 1)
      session.say(filler);
    session.say(tools);
    for (let guard = 0; guard < 3 && session.pendingId()?.startsWith('tools.'); guard += 1)
      session.say(filler);
    const asked = session.turns.filter((t) => t.kind === 'question').map((t) => t.text);
    expect(
      asked.some((text) => probe.test(text)),
      asked.join(' | '),
    ).toBe(true);
    expect(asked.join('\n')).not.toMatch(lang === 'fr' ? /votre caisse/ : /your booking/);
  });
});
