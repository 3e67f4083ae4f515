import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { computeCoverage, decideNext, derivePosition } from '../../src/core/interview/index.js';
import { createFakeTagger } from './fake-tagger.js';
import { CoreSession } from './session.js';

const guides = loadGuides();
function theme(lang: 'fr' | 'en', index: number) {
  const found = guides[lang].themes[index];
  if (!found) throw new Error(`no theme ${index}`);
  return found;
}

function consented(lang: 'fr' | 'en' = 'fr', profile: 'manager' | 'expert' = 'manager'): CoreSession {
  const session = new CoreSession(guides, createFakeTagger(), lang, profile);
  session.start();
  session.say(lang === 'fr' ? 'oui' : 'yes');
  return session;
}

/** Answers the presentation with full answers so the next question is the first of theme 1. */
function toTheme1(session: CoreSession): void {
  session.say('Nous fabriquons des meubles en bois, 25 salariés, en Haute-Savoie.');
  session.say('Je suis la gérante et la fondatrice de la société.');
}

describe('opening and consent', () => {
  it('starts with the purpose, duration and rights, then asks for consent', () => {
    const session = new CoreSession(guides, createFakeTagger(), 'fr', 'manager');
    const replies = session.start();
    expect(replies.join('\n')).toMatch(/20 à 30 minutes/);
    expect(replies.join('\n')).toMatch(/«\u00a0effacer mes données\u00a0»/);
    expect(replies.join('\n')).not.toMatch(/n'apparaîtront/);
    expect(session.pendingId()).toBe('opening.consent');
  });

  it('asks again on an unclear consent reply and records consent with its version', () => {
    const session = new CoreSession(guides, createFakeTagger(), 'fr', 'manager');
    session.start();
    const replies = session.say('peut-être');
    expect(replies[0]).toBe(guides.fr.opening.consentReask);
    expect(session.turns).toHaveLength(1);
    session.say('Oui !');
    expect(session.meta.consentVersion).toBe(guides.fr.opening.consentVersion);
    expect(session.meta.consentAt).not.toBeNull();
    expect(session.pendingId()).toBe('presentation.company');
  });

  it('ends when consent is refused', () => {
    const session = new CoreSession(guides, createFakeTagger(), 'en', 'manager');
    session.start();
    session.say('no');
    expect(session.last?.outcome).toBe('declined');
    expect(session.last?.replies).toEqual([guides.en.opening.consentDeclined]);
  });
});

describe('probes chosen from what was said', () => {
  it('asks for more after a very short presentation answer, only once', () => {
    const session = consented();
    const replies = session.say('Menuiserie.');
    expect(replies.at(-1)).toBe(guides.fr.presentation.exampleProbe?.text);
    session.say('Bois.');
    expect(session.pendingId()).toBe('presentation.role');
  });

  it('asks for a concrete example after a vague theme answer', () => {
    const session = consented();
    toTheme1(session);
    const replies = session.say("C'est important pour l'avenir de l'entreprise.");
    expect(replies.at(-1)).toBe(theme('fr', 0).exampleProbe?.text);
    expect(session.pendingId()).toBe('meaning.main.example');
  });

  it('asks only about the theme-1 facets not yet touched', () => {
    const session = consented();
    toTheme1(session);
    session.say(
      "C'est une opportunité pour gagner du temps, mais il y a aussi un risque de dépendance à nos éditeurs de logiciels.",
    );
    expect(session.pendingId()).toBe('meaning.probe.resource');
  });

  it('does not come back, even as "anything to add?", to a facet raised spontaneously in the presentation', () => {
    const session = consented();
    session.say(
      'Nous fabriquons des meubles, 25 salariés, en Savoie, et la concurrence en ligne est une menace.',
    );
    session.say('Je suis la gérante et la fondatrice.');
    session.say("C'est une opportunité de gagner du temps sur la gestion des commandes et du stock.");
    expect(session.pendingId()).toBe('meaning.probe.resource');
    expect(session.askedIds()).not.toContain('meaning.probe.threat');
    expect(session.turns.map((t) => t.text).join('\n')).not.toMatch(/déjà évoqué/);
  });

  it('asks who pushed and who benefits from a tool named without them, naming the tool', () => {
    const session = consented();
    toTheme1(session);
    session.say(
      "Une opportunité, un risque aussi, et il faut de la formation pour les équipes de l'atelier.",
    );
    expect(session.pendingId()).toBe('tools.acquired');
    expect(session.last?.replies).toContain(
      'Thème 2 sur 3\u00a0: les outils numériques et les liens avec les partenaires',
    );
    session.say("Nous avons installé un ERP l'an dernier pour suivre la production et les commandes.");
    session.say('Nos clients passent commande sur le portail relié au logiciel de gestion, avec leurs prix.');
    expect(session.pendingId()).toBe('tools.probe.actors.erp');
    expect(session.last?.replies.at(-1)).toBe(
      "Pour l'ERP\u00a0: qui a poussé à la mise en place, et qui en bénéficie\u202f?",
    );
  });

  it('asks only for the missing beneficiary when the initiator was said', () => {
    const session = consented();
    toTheme1(session);
    session.say(
      "Une opportunité, un risque aussi, et il faut de la formation pour les équipes de l'atelier.",
    );
    session.say("J'ai décidé d'acheter un ERP pour suivre la production et les commandes de l'atelier.");
    session.say('Nos clients passent commande sur le portail relié au logiciel de gestion, avec leurs prix.');
    expect(session.last?.replies.at(-1)).toBe("Pour l'ERP, qui en bénéficie\u202f?");
  });

  it('asks who initiated only the tools named in the tools theme, not those cited in theme 1', () => {
    const session = consented();
    toTheme1(session);
    session.say(
      "Une opportunité et un risque : dépendre d'un CRM qu'on ne maîtrise pas, il faut de la formation.",
    );
    session.say("Nous avons installé un ERP l'an dernier pour suivre la production et les commandes.");
    session.say('Nos clients passent commande sur le portail relié au logiciel de gestion, avec leurs prix.');
    expect(session.pendingId()).toBe('tools.probe.actors.erp');
    session.say("J'ai décidé, et les clients en profitent.");
    const asked = session.turns.filter((t) => t.kind === 'question').map((t) => t.questionId);
    expect(asked).not.toContain('tools.probe.actors.crm');
  });

  it('credits an answer to a tool probe to that tool even when it does not name it again', () => {
    const session = consented();
    toTheme1(session);
    session.say(
      "Une opportunité, un risque aussi, et il faut de la formation pour les équipes de l'atelier.",
    );
    session.say(
      "Nous avons installé un ERP et un CRM l'an dernier pour suivre la production et les commandes.",
    );
    session.say('Nos clients passent commande sur le portail relié au logiciel de gestion, avec leurs prix.');
    expect(session.pendingId()).toBe('tools.probe.actors.erp');
    session.say("C'est simple : nous avons décidé, et les clients en profitent.");
    const coverage = computeCoverage(derivePosition(session.turns).answers);
    expect(coverage.tools.find((tool) => tool.id === 'erp')).toMatchObject({
      hasInitiator: true,
      hasBeneficiary: true,
    });
    expect(coverage.tools.find((tool) => tool.id === 'crm')).toMatchObject({
      hasInitiator: false,
      hasBeneficiary: false,
    });
    expect(session.pendingId()).toBe('tools.probe.actors.crm');
  });

  it('probes the theme-3 levers and values not yet evidenced, most informative first, within the budget', () => {
    const session = consented();
    toTheme1(session);
    session.say(
      "Une opportunité, un risque aussi, et il faut de la formation pour les équipes de l'atelier.",
    );
    session.say(
      "J'ai décidé d'installer un ERP, et nos clients en profitent au quotidien pour suivre leurs commandes.",
    );
    session.say('Le logiciel est relié à nos fournisseurs de bois pour les commandes automatiques.');
    expect(session.pendingId()).toBe('value.company');
    expect(session.last?.replies).toContain(
      "Thème 3 sur 3\u00a0: ce que les outils apportent, et ce qu'ils coûtent",
    );
    session.say("Nous gagnons du temps et faisons moins d'erreurs dans la préparation des commandes.");
    session.say('Nos clients reçoivent leurs meubles plus vite et suivent la fabrication en ligne.');
    // value_chain was evidenced (suppliers); cluster and product_market were not.
    const probes: string[] = [];
    while (session.pendingId()?.startsWith('value.probe.')) {
      probes.push(session.pendingId() ?? '');
      session.say('Pas vraiment, pas pour le moment dans notre cas précis je dirais.');
    }
    expect(probes).toEqual([
      'value.probe.cluster',
      'value.probe.product_market',
      'value.probe.security',
      'value.probe.epistemic',
    ]);
    expect(probes.length).toBe(guides.fr.limits.maxProbesPerTheme);
    expect(session.pendingId()).toBe('closing.add');
  });

  it('bounds the probes of a theme by the guide limit', () => {
    const guide = { ...guides.fr, limits: { ...guides.fr.limits, maxProbesPerTheme: 1 } };
    const session = new CoreSession(guides, createFakeTagger(), 'fr', 'manager', guide);
    session.start();
    session.say('oui');
    toTheme1(session);
    session.say('Bien sûr.');
    expect(session.pendingId()).toBe('meaning.main.example');
    session.say('Par exemple, nos devis sont faits sur tablette chez le client.');
    expect(session.pendingId()).toBe('tools.acquired');
  });
});

describe('the position is derived from the log', () => {
  it('never asks a question twice and completes with every theme answered in order', () => {
    const session = consented('en', 'expert');
    let guard = 0;
    while (session.meta.status !== 'completed' && guard < 60) {
      guard += 1;
      session.say(
        session.pendingId() === 'closing.review'
          ? 'no'
          : 'Our chamber runs digital training and a network of clubs where SME managers learn from each other.',
      );
    }
    expect(session.meta.status).toBe('completed');
    const asked = session.askedIds();
    expect(new Set(asked).size).toBe(asked.length);
    const sections = session.turns.filter((t) => t.kind === 'answer').map((t) => t.section);
    const order = ['opening', 'presentation', 'meaning', 'tools', 'value', 'closing'];
    const firstIndex = order.map((s) => sections.indexOf(s));
    expect(firstIndex.every((i) => i >= 0)).toBe(true);
    expect([...firstIndex].sort((a, b) => a - b)).toEqual(firstIndex);
    expect(asked).toContain('tools.offered');
    expect(asked).not.toContain('tools.acquired');
  });

  it('resumes at the pending question after a restart: decideNext on the stored log awaits it', () => {
    const session = consented();
    toTheme1(session);
    const step = decideNext(session.guide, session.meta, session.turns);
    expect(step).toMatchObject({ type: 'await', question: { id: 'meaning.main' } });
    const replay = new CoreSession(guides, createFakeTagger(), 'fr', 'manager');
    replay.meta = session.meta;
    replay.turns = [...session.turns];
    const replies = replay.start();
    expect(replay.turns).toHaveLength(session.turns.length);
    expect(replies.at(-1)).toBe(theme('fr', 0).questions[0]?.text);
  });

  it('shows the short summary at the closing review and completes on "that\'s all"', () => {
    const session = consented('en');
    let guard = 0;
    let replies: string[] = [];
    while (session.pendingId() !== 'closing.review' && guard < 60) {
      guard += 1;
      replies = session.say('We installed an ERP with our suppliers and it saves time for the whole team.');
    }
    expect(replies.some((r) => r.startsWith('Here is what I understood') && r.includes('ERP'))).toBe(true);
    expect(replies.at(-1)).toBe(guides.en.closing.questions.at(-1)?.text);
    const done = session.say("That's all!");
    expect(done).toEqual([guides.en.closing.thanks]);
    expect(session.meta.status).toBe('completed');
  });
});
