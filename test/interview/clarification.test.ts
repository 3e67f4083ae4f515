import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { fill, type Guide, loadGuides, parseGuide } from '../../src/core/guide/index.js';
import { createFakeTagger } from './fake-tagger.js';
import { CoreSession } from './session.js';

const guides = loadGuides();

function consented(lang: Language, profile: 'manager' | 'expert' = 'manager'): CoreSession {
  const session = new CoreSession(guides, createFakeTagger(), lang, profile);
  session.start();
  session.say(lang === 'fr' ? 'oui' : 'yes');
  return session;
}

function rewordingOf(guide: Guide, questionId: string): string {
  const question = [guide.presentation, ...guide.themes]
    .flatMap((section) => section.questions)
    .find((q) => q.id === questionId);
  if (!question?.rephrase) throw new Error(`no rewording for ${questionId}`);
  return fill(guide.messages.rephrased, { question: question.rephrase });
}

function answers(session: CoreSession): string[] {
  return session.turns.filter((t) => t.kind === 'answer').map((t) => t.text);
}

const SCRIPT = {
  fr: {
    presentation: [
      'Nous sommes une entreprise de plomberie de 14 salariés, installée à Quimper depuis 2006.',
      'Je suis le gérant, je m’occupe surtout des devis et du planning des équipes.',
    ],
    meaning:
      "C'est une opportunité pour gagner du temps, avec un risque de piratage, et il faut de la formation pour l'équipe.",
    tools: [
      'On a un logiciel de devis et de facturation, un agenda partagé et les mails sur les téléphones.',
      'Les clients reçoivent les devis par mail et signent en ligne, les fournisseurs envoient leurs tarifs.',
    ],
    value: [
      'On gagne du temps sur les devis et on fait moins d’erreurs de facturation, mais les abonnements coûtent cher.',
      'Nos fournisseurs reçoivent les commandes plus vite et les clients ont leurs factures le jour même.',
    ],
  },
  en: {
    presentation: [
      'We are a plumbing firm with 14 staff, based in Truro since 2006.',
      'I am the owner, I mostly handle the quotes and the crews’ schedules.',
    ],
    meaning: 'It is an opportunity to save time, with a risk of being hacked, and the crew needs training.',
    tools: [
      'We have quoting and invoicing software, a shared calendar and email on our phones.',
      'Customers get quotes by email and sign online, and suppliers send us their price lists.',
    ],
    value: [
      'We save time on quotes and make fewer errors on invoices, but the subscriptions are expensive.',
      'Our suppliers get orders faster and customers have their invoices the same day.',
    ],
  },
} as const;

describe.each(['fr', 'en'] as const)('a question asked back about the question (%s)', (lang) => {
  const guide = guides[lang];
  const company = guide.presentation.questions[0]?.text;

  it('rewords the question, records no answer, and takes the next message as the answer', () => {
    const session = consented(lang);
    const asked = lang === 'fr' ? 'vous pouvez reformuler ?' : 'sorry, what do you mean?';
    expect(session.say(asked)).toEqual([rewordingOf(guide, 'presentation.company')]);
    expect(session.pendingId()).toBe('presentation.company');
    expect(answers(session)).toEqual([lang === 'fr' ? 'oui' : 'yes']);
    expect(session.turns.at(-1)).toMatchObject({
      kind: 'event',
      data: { event: 'clarify', request: 'rephrase' },
    });
    const [answer = ''] = SCRIPT[lang].presentation;
    session.say(answer);
    expect(session.turns.find((t) => t.kind === 'answer' && t.text === answer)).toMatchObject({
      questionId: 'presentation.company',
    });
    expect(session.pendingId()).toBe('presentation.role');
  });

  it('says why a question is asked, then the question in other words', () => {
    const session = consented(lang);
    const asked = lang === 'fr' ? 'pourquoi vous me demandez ça ?' : 'Why do you ask?';
    expect(session.say(asked)).toEqual([
      guide.presentation.purpose,
      rewordingOf(guide, 'presentation.company'),
    ]);
    expect(session.pendingId()).toBe('presentation.company');
    expect(session.turns.filter((t) => t.kind === 'answer')).toHaveLength(1);
  });

  it('reads the usual short ways of asking, none as an answer', () => {
    const asks =
      lang === 'fr'
        ? [
            'c’est-à-dire ?',
            'pardon ?',
            'Pardon, vous pouvez répéter svp ?',
            'je ne comprends pas la question',
          ]
        : ['pardon?', 'What?', 'I don’t understand the question', 'Could you rephrase that please?'];
    for (const asked of asks) {
      const session = consented(lang);
      expect([asked, session.say(asked)]).toEqual([asked, [rewordingOf(guide, 'presentation.company')]]);
      expect(session.pendingId()).toBe('presentation.company');
    }
  });

  it('asked twice in a row: the rewording, then the question as it was; a third message is the answer', () => {
    const session = consented(lang);
    const asked = lang === 'fr' ? 'c’est-à-dire ?' : 'what do you mean?';
    expect(session.say(asked)).toEqual([rewordingOf(guide, 'presentation.company')]);
    expect(session.say(asked)).toEqual([guide.messages.repeatQuestion, company]);
    session.say(asked);
    expect(session.turns.find((t) => t.kind === 'answer' && t.text === asked)).toMatchObject({
      questionId: 'presentation.company',
    });
    expect(session.pendingId()).not.toBe('presentation.company');
  });

  it('counts the requests from the log, so a restart between them changes nothing', () => {
    const session = consented(lang);
    const asked = lang === 'fr' ? 'pardon ?' : 'sorry?';
    session.say(asked);
    const restarted = new CoreSession(guides, createFakeTagger(), lang, 'manager');
    restarted.meta = session.meta;
    restarted.turns = [...session.turns];
    expect(restarted.say(asked)).toEqual([guide.messages.repeatQuestion, company]);
  });

  it('a theme question asked back gets no probe and leaves nothing tagged', () => {
    const session = consented(lang);
    for (const answer of SCRIPT[lang].presentation) session.say(answer);
    expect(session.pendingId()).toBe('meaning.main');
    const asked =
      lang === 'fr'
        ? 'c’est quoi exactement la transition numérique pour vous ?'
        : 'What do you mean by going digital exactly?';
    expect(session.say(asked)).toEqual([rewordingOf(guide, 'meaning.main')]);
    expect(session.pendingId()).toBe('meaning.main');
    expect(session.turns.filter((t) => t.section === 'meaning' && t.kind === 'answer')).toEqual([]);
  });

  it('rewords a probe too: the network probe asked back', () => {
    const session = consented(lang);
    const script = SCRIPT[lang];
    for (const answer of [...script.presentation, script.meaning, ...script.tools, ...script.value])
      session.say(answer);
    expect(session.pendingId()).toBe('value.probe.cluster');
    const asked =
      lang === 'fr' ? 'Vous entendez quoi par réseaux exactement ?' : 'What do you mean by networks exactly?';
    const cluster = guide.themes.find((t) => t.id === 'value')?.probes.find((p) => p.id === 'cluster');
    if (cluster?.when !== 'lever_missing' || !cluster.rephrase) throw new Error('no rewording for clusters');
    expect(session.say(asked)).toEqual([fill(guide.messages.rephrased, { question: cluster.rephrase })]);
    expect(session.pendingId()).toBe('value.probe.cluster');
  });

  it('records as today an answer that opens with a question or holds a question mark', () => {
    const session = consented(lang);
    for (const answer of SCRIPT[lang].presentation) session.say(answer);
    const answer =
      lang === 'fr'
        ? 'Le numérique ? Pour nous c’est d’abord la facturation.'
        : 'Why did we do it? Because our customers asked for EDI.';
    session.say(answer);
    expect(session.turns.find((t) => t.kind === 'answer' && t.text === answer)).toMatchObject({
      questionId: 'meaning.main',
    });
    const refusal = lang === 'fr' ? 'Non, pourquoi ?' : 'Not really, why would we?';
    session.say(refusal);
    expect(answers(session)).toContain(refusal);
  });
});

describe('the rewording of a question named in the respondent’s words, and its fallback', () => {
  it('names the tool of a tool probe as the question did', () => {
    const session = consented('fr');
    for (const answer of SCRIPT.fr.presentation) session.say(answer);
    session.say(SCRIPT.fr.meaning);
    session.say('Nous vendons surtout sur notre boutique Shopify, ouverte il y a deux ans.');
    const probe = session.say(SCRIPT.fr.tools[1]).at(-1);
    expect(probe).toBe('Pour Shopify\u00a0: qui a poussé à la mise en place, et qui en bénéficie\u202f?');
    const actors = guides.fr.themes
      .find((t) => t.id === 'tools')
      ?.probes.find((p) => p.when === 'tool_actors_missing');
    if (actors?.when !== 'tool_actors_missing' || !actors.rephrase)
      throw new Error('no rewording for actors');
    expect(session.say('c’est-à-dire ?')).toEqual([
      fill(guides.fr.messages.rephrased, { question: fill(actors.rephrase.both, { tool: 'Shopify' }) }),
    ]);
  });

  it('says a question the guide has no rewording for again as it was, after a short line', () => {
    const guide = structuredClone(guides.en);
    const [company] = guide.presentation.questions;
    if (!company) throw new Error('no first question');
    delete company.rephrase;
    const session = new CoreSession(guides, createFakeTagger(), 'en', 'manager', guide);
    session.start();
    session.say('yes');
    expect(session.say('sorry, what do you mean?')).toEqual([guide.messages.rephraseFallback, company.text]);
  });

  it('is answered at the consent question with what becomes of the answers, then consent is asked again', () => {
    const session = new CoreSession(guides, createFakeTagger(), 'fr', 'manager');
    session.start();
    expect(session.say('pourquoi ?')).toEqual([
      guides.fr.messages.privacy,
      guides.fr.opening.consentQuestion,
    ]);
    expect(session.turns.some((t) => t.kind === 'event')).toBe(false);
  });

  it('gives every question and probe of both guides a rewording, and refuses one that is not text', () => {
    for (const guide of [guides.fr, guides.en]) {
      for (const section of [guide.presentation, ...guide.themes]) {
        expect(section.purpose).toBeTruthy();
        expect(section.exampleProbe?.rephrase).toBeTruthy();
        for (const question of section.questions)
          expect([question.id, question.rephrase]).not.toContain(undefined);
        for (const probe of section.probes) expect([probe.id, probe.rephrase]).not.toContain(undefined);
      }
      expect(guide.version).toBe(guides.fr.version);
    }
    const raw = JSON.parse(JSON.stringify(guides.fr));
    raw.presentation.questions[0].rephrase = 42;
    expect(() => parseGuide(raw, 'prompts/guide.fr.json')).toThrow(
      /^prompts\/guide\.fr\.json: presentation\.questions\[0\]\.rephrase: expected string/,
    );
  });
});

describe.each(['fr', 'en'] as const)('requests that asked back were once taken for answers (%s)', (lang) => {
  const guide = guides[lang];
  const script = SCRIPT[lang];
  const roleText = guide.presentation.questions.find((q) => q.id === 'presentation.role')?.text;
  const toolsText = guide.themes.find((t) => t.id === 'tools')?.questions[0]?.text;

  function atTools(): CoreSession {
    const session = consented(lang);
    for (const answer of [...script.presentation, script.meaning]) session.say(answer);
    expect(session.pendingId()).toBe('tools.acquired');
    return session;
  }

  it('says more about a question whose own words come back with a question mark, recording nothing', () => {
    const session = atTools();
    const asked = lang === 'fr' ? 'Quels outils ?' : 'Which tools?';
    expect(session.say(asked)).toEqual([rewordingOf(guide, 'tools.acquired')]);
    expect(session.pendingId()).toBe('tools.acquired');
    expect(session.turns.filter((t) => t.section === 'tools' && t.kind === 'answer')).toEqual([]);
  });

  it('reads the question’s words said back the way this guide words the question', () => {
    const own = structuredClone(guide);
    const [company] = own.presentation.questions;
    if (!company) throw new Error('no first question');
    company.text =
      lang === 'fr'
        ? 'Quelle valeur votre entreprise tire-t-elle du numérique ?'
        : 'What value does your business get from going digital?';
    const session = new CoreSession(guides, createFakeTagger(), lang, 'manager', own);
    session.start();
    session.say(lang === 'fr' ? 'oui' : 'yes');
    const asked = lang === 'fr' ? 'La valeur du numérique ?' : 'The value we get?';
    expect(session.say(asked)).toEqual([rewordingOf(own, 'presentation.company')]);
    expect(answers(session)).toEqual([lang === 'fr' ? 'oui' : 'yes']);
  });

  it('gives the question’s example to a request for one, then the question', () => {
    const session = consented(lang);
    session.say(script.presentation[0]);
    const asked = lang === 'fr' ? 'vous pouvez donner un exemple ?' : 'Can you give me an example?';
    expect(session.say(asked)).toEqual([guide.clarification.examples['presentation.role'], roleText]);
    expect(session.pendingId()).toBe('presentation.role');
    const tools = atTools();
    for (const request of lang === 'fr' ? ['par exemple ?'] : ['like what?', 'for instance?']) {
      const replies = atTools().say(request);
      expect([request, replies]).toEqual([
        request,
        [guide.clarification.examples['tools.acquired'], toolsText],
      ]);
    }
    expect(tools.pendingId()).toBe('tools.acquired');
  });

  it('gives the example to a request made at the example probe that follows its question', () => {
    const session = consented(lang);
    for (const answer of script.presentation) session.say(answer);
    session.say(lang === 'fr' ? 'Bof, pas grand-chose.' : 'Not much, really.');
    expect(session.pendingId()).toBe('meaning.main.example');
    const probe = guide.themes[0]?.exampleProbe?.text;
    expect(session.say(lang === 'fr' ? 'par exemple ?' : 'for example?')).toEqual([
      guide.clarification.examples['meaning.main'],
      probe,
    ]);
  });

  it('takes a role in one word as a whole answer, with no request for more', () => {
    const session = consented(lang);
    session.say(script.presentation[0]);
    session.say(lang === 'fr' ? 'Gérant.' : 'Owner.');
    expect(session.pendingId()).toBe('meaning.main');
  });

  it('rewords the question asked for an example when the guide has none for it', () => {
    const session = consented(lang);
    expect(session.say(lang === 'fr' ? 'un exemple ?' : 'an example?')).toEqual([
      rewordingOf(guide, 'presentation.company'),
    ]);
  });

  it('reads the other ways respondents asked back', () => {
    const asks: [string, string[]][] =
      lang === 'fr'
        ? [
            [
              'à quoi ça sert de savoir ça ?',
              [guide.presentation.purpose ?? '', rewordingOf(guide, 'presentation.company')],
            ],
            ['je vois pas trop ce que vous voulez dire', [rewordingOf(guide, 'presentation.company')]],
            ['de quoi ?', [rewordingOf(guide, 'presentation.company')]],
          ]
        : [
            [
              'why do you need to know that?',
              [guide.presentation.purpose ?? '', rewordingOf(guide, 'presentation.company')],
            ],
            ['what kind of company?', [rewordingOf(guide, 'presentation.company')]],
          ];
    for (const [asked, replies] of asks) {
      const session = consented(lang);
      expect([asked, session.say(asked)]).toEqual([asked, replies]);
      expect(session.pendingId()).toBe('presentation.company');
    }
  });

  it('records an answer that opens with the question’s words or an example asked back, then says more', () => {
    const said =
      lang === 'fr'
        ? [
            'Des outils ? On en a plein : Sage, un ERP, Teams.',
            'Quels outils ? Aucun, on fait tout sur papier.',
            'Par exemple ? La facturation en ligne.',
          ]
        : [
            'Examples? Our ERP and the online shop.',
            'Which tools? Mostly Excel and email.',
            'Like what? Mostly Excel and our website.',
          ];
    for (const answer of said) {
      const session = atTools();
      session.say(answer);
      expect(session.turns.find((t) => t.kind === 'answer' && t.text === answer)).toMatchObject({
        questionId: 'tools.acquired',
      });
    }
  });
});
