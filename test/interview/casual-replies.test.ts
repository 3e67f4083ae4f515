import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { fill } from '../../src/core/guide/template.js';
import { parseYesNo } from '../../src/core/interview/commands.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { createFakeTagger } from './fake-tagger.js';
import { CoreSession, MANAGER_OPENING, pastPresentation } from './session.js';

const guides = loadGuides();
const both = [guides.fr, guides.en];

function answers(session: CoreSession): string[] {
  return session.turns.filter((t) => t.kind === 'answer' || t.kind === 'amend').map((t) => t.text);
}

/** Theme 1's question waiting, as in the web chat. */
function underWay(lang: Language): CoreSession {
  return pastPresentation(guides, createFakeTagger(), lang);
}

describe('consent taken back casually, elisions glued as typed on a phone', () => {
  it.each([
    ['fr', 'jveux plus etre enregistre'],
    ['fr', 'jretire mon accord'],
    ['fr', 'finalement non je veux pas participer'],
    ['fr', "j'veux plus participer"],
    ['fr', 'jsuis plus d accord'],
  ] as const)('%s: "%s" stops the interview, recording no answer', (lang, text) => {
    const session = underWay(lang);
    const before = answers(session);
    expect(session.say(text)).toEqual([guides[lang].opening.consentWithdrawn]);
    expect(answers(session)).toEqual(before);
    expect(session.meta.status).toBe('paused');
  });

  it('keeps as answers what only sounds like it', () => {
    for (const text of [
      'jveux plus de clients en ligne, surtout',
      "nos clients ne veulent pas participer aux frais du site, c'est le souci",
    ]) {
      const session = underWay('fr');
      session.say(text);
      expect(answers(session)).toContain(text);
      expect(session.meta.status).toBe('in_progress');
    }
  });
});

describe('a yes or a no, however it is typed', () => {
  it.each(['ouiii', 'ouii', 'oui oui', 'ui', 'ouais', 'yesss', 'yep', 'yeah sure'])(
    'reads "%s" as a yes',
    (yes) => {
      expect(parseYesNo(both, yes)).toBe('yes');
    },
  );

  it.each(['nooon', 'nan', 'non merci', 'nope'])('reads "%s" as a no', (no) => {
    expect(parseYesNo(both, no)).toBe('no');
  });

  it.each(['euh', 'peut-être', 'oui mais non', 'je sais pas'])('reads "%s" as neither', (unclear) => {
    expect(parseYesNo(both, unclear)).toBeNull();
  });
});

describe('a question asked back, typed casually, is answered and nothing is recorded', () => {
  it.each([
    ['fr', 'c quoi un cluster ?'],
    ['fr', "qu'est-ce qu'un cluster ?"],
    ['fr', 'cest quoi un cluster'],
    ['fr', "un cluster c'est quoi ?"],
    ['fr', 'jcomprends pas la question'],
    ['en', "what's a cluster?"],
    ['en', 'cluster means what?'],
  ] as const)('%s: "%s"', (lang, text) => {
    const session = underWay(lang);
    const pending = session.pendingId();
    const before = answers(session);
    const replies = session.say(text);
    expect(replies).not.toContain(guides[lang].messages.reaskOffTopic);
    expect(replies.join(' ')).toContain(guides[lang].themes[0]?.questions[0]?.rephrase ?? '');
    expect(answers(session)).toEqual(before);
    expect(session.pendingId()).toBe(pending);
  });

  it.each([
    ['fr', "c'est quoi la différence entre levier et valeur ?"],
    ['fr', "non mais je demandais c'est quoi un levier ?"],
    ['en', "what's a lever?"],
    ['en', "no but I was asking, what's a value form?"],
  ] as const)('%s: "%s" is explained, every time, and the question waits', (lang, text) => {
    const session = underWay(lang);
    const pending = session.pendingId();
    const before = answers(session);
    for (let time = 0; time < 3; time += 1) {
      const replies = session.say(text);
      expect(replies[0]).toBe(guides[lang].messages.termsExplained);
      expect(replies.at(-1)).toBe(guides[lang].themes[0]?.questions[0]?.text);
    }
    expect(answers(session)).toEqual(before);
    expect(session.pendingId()).toBe(pending);
  });

  it('keeps as answers sentences that only open like a question', () => {
    for (const text of [
      "Le numérique ? Pour nous c'est d'abord la facturation.",
      "C'est quoi le plus dur, c'est de former toute l'équipe au logiciel de caisse.",
    ]) {
      const session = underWay('fr');
      session.say(text);
      expect(answers(session)).toContain(text);
    }
  });
});

describe('which tool, asked back before saying the firm has none', () => {
  /** Theme 2's question on the tools in use waiting, read by the real tagger. */
  function atTools(lang: Language): CoreSession {
    const session = new CoreSession(guides, createTagger(), lang, 'manager');
    session.start();
    const opening = MANAGER_OPENING[lang];
    for (const text of [opening.consent, opening.company, opening.role, opening.meaning]) session.say(text);
    for (let probes = 0; probes < 5 && session.pendingId() !== 'tools.acquired'; probes += 1)
      session.say(lang === 'fr' ? 'passer' : 'skip');
    expect(session.pendingId()).toBe('tools.acquired');
    return session;
  }

  it.each([
    ['fr', 'quel erp ? on a pas d erp', 'erp'],
    ['en', 'which mobile app? we dont have an app', 'mobile_app'],
  ] as const)('%s: "%s" is the answer, with no tool in use', (lang, text, tool) => {
    const session = atTools(lang);
    const replies = session.say(text);
    expect(replies).not.toContain(guides[lang].messages.reaskOffTopic);
    const answer = session.turns.find((t) => t.kind === 'answer' && t.questionId === 'tools.acquired');
    expect(answer?.text).toBe(text);
    expect(answer?.tags?.tools.map((t) => t.id)).not.toContain(tool);
    expect(session.pendingId()).not.toBe('tools.acquired');
  });

  it('still reads a tool the statement after it names', () => {
    const session = atTools('fr');
    const text = 'Quel logiciel ? On a un ERP depuis 2019 pour les commandes.';
    session.say(text);
    const answer = session.turns.find((t) => t.kind === 'answer' && t.questionId === 'tools.acquired');
    const erp = answer?.tags?.tools.find((t) => t.id === 'erp');
    expect(erp?.evidence.map((e) => text.slice(e.start, e.end))).toEqual(['ERP']);
  });
});

describe('a respondent saying they already answered', () => {
  it.each([
    ['fr', 'ben je viens de le dire 🙄 les devis + vite'],
    ['fr', 'jviens de le dire 😤'],
    ['en', 'I just said that'],
    ['en', 'already told you, faster quotes'],
  ] as const)('%s: "%s" is taken as the answer, not asked again', (lang, text) => {
    const session = underWay(lang);
    const replies = session.say(text);
    expect(replies).not.toContain(guides[lang].messages.reaskOffTopic);
    expect(replies).not.toContain(guides[lang].themes[0]?.exampleProbe?.text);
    expect(answers(session)).toContain(text);
    expect(session.pendingId()).not.toBe('meaning.main');
  });
});

describe('a respondent asking the interview to wait', () => {
  it.each([
    ['fr', 'attendez jai une cliente...'],
    ['fr', 'deux secondes'],
    ['fr', 'un instant svp'],
    ['fr', 'attends je reviens dans 5 min'],
    ['fr', 'attendez deux secondes'],
    ['en', 'hang on a sec, phone'],
    ['en', 'wait, a customer just came in'],
    ['en', 'hold on'],
    ['en', 'brb'],
  ] as const)(
    '%s: "%s" gets a short reply, records nothing, and the next message answers the question',
    (lang, text) => {
      const session = underWay(lang);
      const before = session.turns.length;
      expect(session.say(text)).toEqual([guides[lang].messages.waiting]);
      expect(session.turns).toHaveLength(before);
      const answer = MANAGER_OPENING[lang].meaning;
      session.say(answer);
      expect(session.turns.find((t) => t.kind === 'answer' && t.questionId === 'meaning.main')?.text).toBe(
        answer,
      );
    },
  );

  it.each([
    ['fr', 'on attend le devis du prestataire pour le site'],
    ['fr', 'attendez, on a aussi un CRM pour les devis'],
    ['en', "I wait for the supplier's invoices to come in by email"],
    ['en', 'wait, we also have a CRM for the quotes'],
  ] as const)('%s: "%s" stays an answer', (lang, text) => {
    const session = underWay(lang);
    expect(session.say(text)).not.toEqual([guides[lang].messages.waiting]);
    expect(answers(session)).toContain(text);
  });
});

describe('a respondent back after a wait', () => {
  it.each([
    ['fr', 'attendez', "c'est bon je suis là"],
    ['fr', 'deux secondes', 'me revoilà'],
    ['fr', 'brb', 're'],
    ['en', 'brb', 'ok im back'],
    ['en', 'hold on', 'sorry about that'],
    ['en', 'one sec', "I'm back now, sorry"],
    // Why they left, said on their return: an aside.
    ['en', "hold on, phone's ringing", "ok I'm back, sorry about that, Mrs. Thibodeaux has roaches again"],
    ['fr', 'attendez', 'me revoilà, désolé, une livraison de glace pilée'],
  ] as const)('%s: "%s" then "%s" records nothing and asks the question again', (lang, wait, back) => {
    const session = underWay(lang);
    const question = guides[lang].themes[0]?.questions[0]?.text;
    const before = session.turns.length;
    session.say(wait);
    expect(session.say(back)).toEqual([guides[lang].messages.welcomeBack, question]);
    expect(session.turns).toHaveLength(before);
    expect(session.pendingId()).toBe('meaning.main');
  });

  it.each([
    ['fr', 'Je suis là depuis vingt ans, le numérique pour moi c’est surtout la compta en ligne.'],
    ['en', "I'm here most days, and going digital for us means selling online."],
  ] as const)('%s: "%s" is an answer', (lang, text) => {
    const session = underWay(lang);
    expect(session.say(text)).not.toContain(guides[lang].messages.welcomeBack);
    expect(answers(session)).toContain(text);
  });
});

describe('a respondent back after a wait who answers at once', () => {
  it.each([
    ['en', "I'm back. For us it means selling online and saving time."],
    ['fr', 'Me revoilà. Pour nous ça veut dire vendre en ligne et gagner du temps.'],
  ] as const)('%s: "%s" is an answer', (lang, text) => {
    const session = pastPresentation(guides, createTagger(), lang);
    session.say(lang === 'fr' ? 'attendez' : 'hold on');
    expect(session.say(text)).not.toContain(guides[lang].messages.welcomeBack);
    expect(answers(session)).toContain(text);
  });
});

describe('the role, said in the presentation casually, is not asked again', () => {
  const ROLE = 'presentation.role';

  function afterCompany(lang: Language, company: string): CoreSession {
    const session = new CoreSession(guides, createFakeTagger(), lang, 'manager');
    session.start();
    session.say(lang === 'fr' ? 'oui' : 'yes');
    session.say(company);
    return session;
  }

  it.each([
    ['fr', 'Une boulangerie à Brest, 12 salariés, moi je suis le DG depuis 2018.'],
    ['fr', 'Garage auto à Lorient, 5 salariés, cest moi le patron'],
    ['fr', 'jsuis le patron, on fait de la menuiserie, 8 personnes dans le Morbihan'],
    ['fr', "Transport frigorifique à Rennes, c'est moi le gérant, 20 chauffeurs."],
    ['fr', 'je gere la boite depuis 10 ans, plomberie, 4 salariés à Vannes'],
    ['fr', 'Plomberie à Vannes, 4 salariés. Gérant depuis 2015.'],
    ['fr', 'jsuis gerante dune boulangerie a Nantes, 6 salariés'],
    ['en', "A bakery in Leeds, 12 staff, and it's me, the owner."],
    ['en', 'Plumbing firm in York, 4 staff. Owner since 2015.'],
    ['en', 'my role is managing director of a 30-person engineering firm near Bristol'],
    ['fr', "une micro brasserie a Namur, on est 5 avec mon associé. moi je m'occupe de la vente et des sous"],
    ['en', 'Landscaping near Carmarthen, six of us, I look after the quotes and the money'],
    ['fr', "Déneigement à Lévis, on est douze. Moi c'est Réjean Tremblay, le propriétaire."],
    ['en', 'Bike repairs in Whanganui. Dave Kerr, the owner.'],
  ] as const)('%s: "%s"', (lang, company) => {
    const session = afterCompany(lang, company);
    expect(session.askedIds()).not.toContain(ROLE);
    expect(session.turns.find((t) => t.questionId === ROLE)).toMatchObject({ data: { event: 'covered' } });
  });

  it.each([
    ['fr', 'Une boulangerie de 12 salariés à Nantes ; notre gérant a racheté le fonds en 2019.'],
    ['fr', 'Je suis allée voir le directeur de la banque pour le prêt : 12 salariés à Nantes.'],
    ['en', 'A bakery in Leeds with 12 staff. The owner asked me to answer for the business.'],
    ['en', 'The role of the ERP is to keep our 12 staff on the same page, in Leeds.'],
    ['fr', 'Une boulangerie à Brest, 12 salariés, le gérant et moi on fait tout.'],
  ] as const)('still asks it after "%s: %s"', (lang, company) => {
    const session = afterCompany(lang, company);
    expect(session.pendingId()).toBe(ROLE);
  });
});

describe('"did you mean…?" answered casually', () => {
  /** The first theme's question waiting, with an answer to amend before it. */
  function askedAboutBack(lang: Language): CoreSession {
    const session = underWay(lang);
    const word = lang === 'fr' ? 'retuor' : 'bakc';
    expect(session.say(word)).toEqual([
      fill(guides[lang].messages.didYouMean, { command: lang === 'fr' ? 'retour' : 'back' }),
    ]);
    return session;
  }

  it.each([
    ['fr', 'ui'],
    ['fr', 'oui oui'],
    ['fr', 'ouiii'],
    ['en', 'yep'],
  ] as const)('%s: "%s" runs the command, and stores nothing', (lang, yes) => {
    const session = askedAboutBack(lang);
    const before = answers(session);
    session.say(yes);
    expect(answers(session)).toEqual(before);
    expect(session.turns.at(-1)).toMatchObject({ kind: 'event', data: { event: 'amend_request' } });
  });

  it('asks once more on a reply that is neither yes nor no, then reads the next as any message', () => {
    const session = askedAboutBack('fr');
    const asked = fill(guides.fr.messages.didYouMean, { command: 'retour' });
    const before = answers(session);
    expect(session.say('hein')).toEqual([asked]);
    expect(answers(session)).toEqual(before);
    session.say(MANAGER_OPENING.fr.meaning);
    expect(answers(session)).toContain(MANAGER_OPENING.fr.meaning);
  });

  it.each([
    ['fr', 'reprende', 'reprendre'],
    ['en', 'resmue', 'resume'],
  ] as const)('%s: while paused, "%s" is asked about, and a yes resumes', (lang, typo, word) => {
    const session = underWay(lang);
    session.say('pause');
    expect(session.say(typo)).toEqual([fill(guides[lang].messages.didYouMeanPaused, { command: word })]);
    const replies = session.say(lang === 'fr' ? 'ouii' : 'yep');
    expect(replies[0]).toBe(guides[lang].messages.resumed);
    expect(session.meta.status).toBe('in_progress');
  });
});

describe('consent, given or questioned casually', () => {
  function atConsent(lang: Language): CoreSession {
    const session = new CoreSession(guides, createFakeTagger(), lang, 'manager');
    session.start();
    return session;
  }

  it.each([
    ['fr', 'ouais vas y'],
    ['fr', 'vas-y'],
    ['fr', 'go'],
    ['en', "ok let's go"],
    ['en', 'yeah go ahead'],
    ['en', 'go'],
  ] as const)('%s: "%s" is consent', (lang, yes) => {
    const session = atConsent(lang);
    expect(session.say(yes)[0]).toBe(guides[lang].opening.consentThanks);
  });

  it.each([
    ['fr', 'vas-y mais non'],
    ['fr', 'euh je sais pas, attendez'],
    ['en', "let's go later, not now"],
  ] as const)('%s: "%s" is asked again', (lang, unclear) => {
    const session = atConsent(lang);
    expect(session.say(unclear)).toEqual([
      guides[lang].opening.consentReask,
      guides[lang].opening.consentQuestion,
    ]);
    expect(session.meta.consentAt).toBeNull();
  });

  it.each([
    ['fr', 'c quoi les pseudonymes ? qui lit ca'],
    ['en', "what's a pseudonym? who reads this"],
  ] as const)(
    '%s: "%s" is answered with what becomes of the answers, then consent is asked again',
    (lang, text) => {
      const session = atConsent(lang);
      expect(session.say(text)).toEqual([
        guides[lang].messages.privacy,
        guides[lang].opening.consentQuestion,
      ]);
      expect(session.turns.filter((t) => t.kind !== 'question')).toEqual([]);
    },
  );
});
