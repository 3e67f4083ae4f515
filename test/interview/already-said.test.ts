import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { createTagger, type Tagger } from '../../src/core/tagger/index.js';
import { createFakeTagger } from './fake-tagger.js';
import { CoreSession } from './session.js';

const guides = loadGuides();
const ROLE = 'presentation.role';

function consented(lang: Language, tagger: Tagger = createFakeTagger()): CoreSession {
  const session = new CoreSession(guides, tagger, lang, 'manager');
  session.start();
  session.say(lang === 'fr' ? 'oui' : 'yes');
  return session;
}

function roleText(lang: Language): string {
  const role = guides[lang].presentation.questions.find((q) => q.id === ROLE);
  if (!role) throw new Error(`no ${ROLE} in the ${lang} guide`);
  return role.text;
}

describe('a main question already answered is not asked, and the log says why', () => {
  it.each([
    ['fr', "Je suis la gérante d'une boulangerie de 12 salariés à Nantes, en Loire-Atlantique."],
    ['fr', 'Menuiserie de 25 personnes en Haute-Savoie. Je suis co-gérant avec mon frère depuis 2015.'],
    ['fr', "Jai repris l'entreprise de mon père en 2010 : 8 salariés, transport frigorifique, dans le Gers."],
    ['en', "I run a bakery in Leeds with 12 staff, mostly bread and cakes for local cafés. I'm the owner."],
    ['en', "We're a 30-person engineering firm near Bristol; im the managing director."],
  ] as const)('skips the role question after "%s: %s"', (lang, presentation) => {
    const session = consented(lang);
    const replies = session.say(presentation);
    expect(replies).not.toContain(roleText(lang));
    expect(session.askedIds()).not.toContain(ROLE);
    expect(session.pendingId()).toBe('meaning.main');
    const answer = session.turns.find((t) => t.kind === 'answer' && t.questionId === 'presentation.company');
    expect(session.turns.find((t) => t.questionId === ROLE)).toMatchObject({
      kind: 'event',
      refSeq: answer?.seq,
      data: { event: 'covered', question: roleText(lang) },
    });
  });

  it.each([
    ['fr', 'Nous fabriquons des meubles en bois, 25 salariés, en Haute-Savoie, depuis 1998.'],
    ['fr', 'Une boulangerie de 12 salariés à Nantes ; notre gérant a racheté le fonds en 2019.'],
    ['fr', 'Je suis allée voir le gérant de la banque pour financer le site : 12 salariés à Nantes.'],
    ['fr', 'Je ne suis pas la gérante : la boutique compte 6 salariés, à Lyon.'],
    ['en', 'We make wooden furniture, 25 people, in Cumbria, since 1998; our director set it up.'],
    ['en', 'A bakery in Leeds with 12 staff. The owner asked me to answer for the business.'],
  ] as const)('still asks it when the role was not said: "%s: %s"', (lang, presentation) => {
    const session = consented(lang);
    expect(session.say(presentation).at(-1)).toBe(roleText(lang));
    expect(session.turns.some((t) => t.kind === 'event' && t.data?.event === 'covered')).toBe(false);
  });

  it.each([
    [
      'en',
      'I work at the Chamber of Commerce in Plymouth. I advise small retailers and trades on going digital, about 200 firms a year across Devon.',
    ],
    ['en', "The county's growth hub; I'm a digital adviser there for the whole of Cornwall."],
    ['fr', "La CCI du Finistère. J'accompagne les commerçants et artisans du département sur le numérique."],
    ['fr', 'Un cluster agroalimentaire breton : je suis chargée de mission numérique pour les 80 adhérents.'],
    [
      'en',
      "I manage Taste of Alba Network, a food and drink cluster with 140 members. I've been in the role for six years.",
    ],
  ] as const)('skips the expert role question after "%s: %s"', (lang, presentation) => {
    const session = new CoreSession(guides, createFakeTagger(), lang, 'expert');
    session.start();
    session.say(lang === 'fr' ? 'oui' : 'yes');
    const role = guides[lang].presentation.questions.find((q) => q.id === 'presentation.expert_role')?.text;
    expect(session.say(presentation)).not.toContain(role);
    expect(session.askedIds()).not.toContain('presentation.expert_role');
    // Without the role said, it is asked.
    const other = new CoreSession(guides, createFakeTagger(), lang, 'expert');
    other.start();
    other.say(lang === 'fr' ? 'oui' : 'yes');
    const institution =
      lang === 'fr'
        ? 'La CCI du Finistère accompagne 3 000 entreprises par an.'
        : 'The Chamber of Commerce supports 3,000 firms a year in Devon.';
    expect(other.say(institution).at(-1)).toBe(role);
  });

  it('counts the answer to the "tell me more" probe of the presentation too, and resumes past it', () => {
    const session = consented('fr');
    session.say('Boulangerie.');
    expect(session.pendingId()).toBe('presentation.company.example');
    session.say('Nous sommes 12 à Nantes, et je suis la patronne depuis dix ans.');
    expect(session.pendingId()).toBe('meaning.main');
    const restarted = new CoreSession(guides, createFakeTagger(), 'fr', 'manager');
    restarted.meta = session.meta;
    restarted.turns = [...session.turns];
    expect(restarted.start().at(-1)).toBe(guides.fr.themes[0]?.questions[0]?.text);
    expect(restarted.turns).toHaveLength(session.turns.length);
  });
});

describe('a question covered by an answer the respondent then amends', () => {
  it.each([
    [
      'fr',
      'Nous sommes une boulangerie de 12 salariés à Nantes, je suis la gérante.',
      'retour',
      'Une boulangerie-pâtisserie de 14 salariés à Nantes.',
      'Pour nous, c’est surtout vendre en ligne et gagner du temps sur les commandes.',
    ],
    [
      'en',
      "I run a bakery in Leeds with 12 staff; I'm the owner.",
      'back',
      'A bakery and cake shop in Leeds with 14 staff.',
      'For us it means selling online and saving time on orders.',
    ],
  ] as const)(
    'is asked once the interview goes on, when the amended answer no longer says it (%s)',
    (lang, first, back, amended, meaning) => {
      const session = consented(lang);
      session.say(first);
      expect(session.pendingId()).toBe('meaning.main');
      session.say(back);
      session.say('pause');
      session.say(lang === 'fr' ? 'reprendre' : 'resume');
      session.say(amended);
      // The question waiting when `back` was typed comes first, then the one the amend left unanswered.
      expect(session.pendingId()).toBe('meaning.main');
      expect(session.say(meaning).at(-1)).toBe(roleText(lang));
      expect(session.pendingId()).toBe(ROLE);
    },
  );

  it('stays covered when the amended answer still says it (fr)', () => {
    const session = consented('fr');
    session.say('Nous sommes une boulangerie de 12 salariés à Nantes, je suis la gérante.');
    session.say('retour');
    session.say('Je suis la gérante d’une boulangerie de 14 salariés à Nantes.');
    session.say('Pour nous, c’est surtout vendre en ligne et gagner du temps sur les commandes.');
    expect(session.askedIds()).not.toContain(ROLE);
  });
});

describe('what the respondent already covered is not asked again', () => {
  it.each([
    [
      'fr',
      "Une librairie de 6 salariés à Rennes ; la concurrence d'Amazon est une vraie menace pour nous.",
      'Je suis la gérante.',
      "Pour nous, c'est une opportunité de vendre en ligne et de gagner du temps sur les commandes.",
    ],
    [
      'en',
      'A bookshop with 6 staff in York; competition from Amazon is a real threat to us.',
      "I'm the owner and I do the buying.",
      "For us it's a chance to sell online and to save time on orders.",
    ],
  ] as const)('does not come back to threats said in the presentation (%s)', (lang, firm, role, meaning) => {
    const session = consented(lang, createTagger());
    session.say(firm);
    const presented = session.turns.find(
      (t) => t.kind === 'answer' && t.questionId === 'presentation.company',
    );
    expect(presented?.tags?.facets.map((f) => f.id)).toContain('threat');
    session.say(role);
    expect(session.pendingId()).toBe('meaning.main');
    session.say(meaning);
    for (let turn = 0; !session.pendingId()?.startsWith('tools.') && turn < 6; turn += 1)
      session.say(lang === 'fr' ? 'Rien de plus à ce sujet, vraiment.' : 'Nothing more on that, really.');
    expect(session.askedIds().filter((id) => id.startsWith('meaning.'))).not.toContain(
      'meaning.probe.threat',
    );
    expect(
      session.turns.filter((t) => t.kind === 'question' && /déjà évoqué|already mentioned/.test(t.text)),
    ).toEqual([]);
  });

  it.each(['fr', 'en'] as const)('never asks one probe twice in an interview (%s)', (lang) => {
    const session = consented(lang);
    const short = lang === 'fr' ? 'Pas grand-chose.' : 'Not much.';
    for (let turn = 0; session.meta.status !== 'completed' && turn < 60; turn += 1)
      session.say(session.pendingId() === 'closing.review' ? (lang === 'fr' ? 'non' : 'no') : short);
    expect(session.meta.status).toBe('completed');
    const asked = session.turns.filter((t) => t.kind === 'question').map((t) => t.text);
    expect(asked.filter((text, i) => asked.indexOf(text) !== i)).toEqual([]);
    // Each theme's "for example?" is asked after its first short answer only.
    const value = guides[lang].themes[2];
    expect(asked.filter((text) => text === value?.exampleProbe?.text)).toHaveLength(1);
  });
});
