import { describe, expect, it } from 'vitest';
import type { Language, Profile } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { buildSummary, summaryPrompts } from '../../src/core/summary/index.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { answerUntilReview, CoreSession } from '../interview/session.js';
import { metaFor, TurnLog } from './helpers.js';

const WORDS = {
  fr: {
    tools: 'Quels outils numériques utilisez-vous ?',
    toolsAnswer:
      'Un ERP pour les commandes des fournisseurs : on gagne du temps et on suit chaque client de partout.',
    said: ['commandes des fournisseurs', 'gagne du temps', 'chaque client', 'de partout'],
    social: "Ces outils numériques ont-ils changé l'image de votre entreprise ?",
    productMarket: 'Le numérique a-t-il changé ce que vend votre entreprise ?',
    no: 'Non.',
    nothing: 'Aucun, on fait tout sur papier.',
    image: "Ces outils ont-ils changé l'image de votre entreprise",
  },
  en: {
    tools: 'Which digital tools do you use?',
    toolsAnswer: "An ERP for our suppliers' orders: it saves time and we follow each customer from anywhere.",
    said: ["suppliers' orders", 'saves time', 'each customer', 'from anywhere'],
    social: 'Have these digital tools changed how your business is seen?',
    productMarket: 'Has going digital changed what your business sells?',
    no: 'No.',
    nothing: 'None, we do everything on paper.',
    image: "Have these tools changed your company's image",
  },
} as const;

function questionsFor(lang: Language, profile: Profile = 'manager') {
  return summaryPrompts(lang).nextQuestions[profile];
}

/** An ERP with the value chain and three value forms: the social form is the first value never evidenced. */
function toolsAnswer(log: TurnLog) {
  const w = WORDS[log.lang];
  const [orders = '', time = '', each = '', anywhere = ''] = w.said;
  log.qa('tools', 'tools.acquired', w.tools, w.toolsAnswer, {
    tools: [['erp', 'ERP']],
    levers: [['value_chain', orders, 0.9]],
    values: [
      ['functional', time],
      ['personalization', each],
      ['localization', anywhere],
    ],
  });
}

/** The tools answer, then the social probe and the product/market probe, both answered no. */
function probedInterview(lang: Language, profile: Profile = 'manager') {
  const w = WORDS[lang];
  const log = new TurnLog(`itv-asked-${lang}-${profile}`, lang);
  toolsAnswer(log);
  log.qa('value', 'value.probe.social', w.social, w.no);
  log.qa('value', 'value.probe.product_market', w.productMarket, w.no);
  return { log, meta: metaFor(log.interviewId, lang, profile) };
}

describe.each(['fr', 'en'] as const)(
  'the next questions never ask again what the interview asked (%s)',
  (lang) => {
    const q = questionsFor(lang);

    it('does not suggest the value or lever question a probe already asked, answered no', () => {
      const { log, meta } = probedInterview(lang);
      const summary = buildSummary(meta, log.turns);
      expect(summary.gaps.values).toContain('social');
      expect(summary.gaps.levers).toContain('product_market');
      expect(summary.nextQuestions).not.toContain(q.values.social);
      expect(summary.nextQuestions).not.toContain(q.levers.product_market);
      // The gaps not asked about still pick their questions, three value forms at most.
      expect(summary.nextQuestions).toContain(q.levers.cluster);
      const valueQuestions = summary.nextQuestions.filter((text) => Object.values(q.values).includes(text));
      expect(summary.gaps.values.slice(0, 4)).toEqual(['social', 'hedonic', 'epistemic', 'actualization']);
      expect(valueQuestions).toEqual([q.values.hedonic, q.values.epistemic, q.values.actualization]);
      // The advice still names the missing lever.
      expect(summary.nextSteps).toContain(summaryPrompts(lang).nextSteps.manager.levers.product_market);
      expect(renderMarkdown(summary)).not.toContain(WORDS[lang].image);
    });

    it('does not ask for more on a lever its probe asked about and the answer only glimpsed', () => {
      const log = new TurnLog(`itv-weak-${lang}`, lang);
      toolsAnswer(log);
      const [question, answer, cue] =
        lang === 'fr'
          ? ['Quel rôle jouent les réseaux ?', "On est à l'association des commerçants.", 'association des']
          : ['What part do networks play?', "We're in the traders' association.", 'association'];
      log.qa('value', 'value.probe.cluster', question, answer, { levers: [['cluster', cue, 0.6]] });
      const summary = buildSummary(metaFor(log.interviewId, lang), log.turns);
      expect(summary.leverReading.levers.cluster.strength).toBe('weak');
      expect(summary.nextQuestions).not.toContain(q.weakLevers.cluster);
      // What to do about it is still advised.
      expect(summary.nextSteps).toContain(summaryPrompts(lang).nextSteps.manager.weakLevers.cluster);
    });

    it('does not suggest them either in a summary written in the other language', () => {
      const { log, meta } = probedInterview(lang);
      const other = lang === 'fr' ? 'en' : 'fr';
      const summary = buildSummary(meta, log.turns, { lang: other });
      expect(summary.nextQuestions).not.toContain(questionsFor(other).values.social);
      expect(summary.nextQuestions).not.toContain(questionsFor(other).levers.product_market);
    });

    it('counts a probe the respondent declined as asked', () => {
      const log = new TurnLog(`itv-declined-${lang}`, lang);
      toolsAnswer(log);
      log.ask('value', 'value.probe.social', WORDS[lang].social).skip('value', 'value.probe.social');
      const summary = buildSummary(metaFor(log.interviewId, lang), log.turns);
      expect(summary.declined.map((d) => d.questionId)).toEqual(['value.probe.social']);
      expect(summary.nextQuestions).not.toContain(q.values.social);
    });

    it('does not ask which tools are used when the tools question was asked and none was named', () => {
      const log = new TurnLog(`itv-no-tools-${lang}`, lang);
      log.qa('tools', 'tools.acquired', WORDS[lang].tools, WORDS[lang].nothing);
      const summary = buildSummary(metaFor(log.interviewId, lang), log.turns);
      expect(summary.tools).toEqual([]);
      expect(summary.nextQuestions).not.toContain(q.noTools);
      // Not asked at all (the interview stopped before the tools): still suggested.
      const early = new TurnLog(`itv-early-${lang}`, lang);
      early.qa('presentation', 'presentation.company', '?', 'Une menuiserie.');
      expect(buildSummary(metaFor(early.interviewId, lang), early.turns).nextQuestions).toContain(q.noTools);
    });

    it("an expert's summary does not ask again either", () => {
      const { log, meta } = probedInterview(lang, 'expert');
      const summary = buildSummary(meta, log.turns);
      const expert = questionsFor(lang, 'expert');
      expect(summary.nextQuestions).not.toContain(expert.values.social);
      expect(summary.nextQuestions).not.toContain(expert.levers.product_market);
      expect(summary.nextQuestions).toContain(expert.levers.cluster);
    });
  },
);

describe.each([
  {
    lang: 'fr' as const,
    consent: 'oui',
    tools: 'On a un ERP et Facebook.',
    answer: 'On gagne du temps avec nos fournisseurs.',
    no: 'Non',
  },
  {
    lang: 'en' as const,
    consent: 'yes',
    tools: 'We have an ERP and Facebook.',
    answer: 'We save time with our suppliers.',
    no: 'No',
  },
])('a whole interview asked whether its tools changed its image ($lang)', (c) => {
  it('does not suggest asking it again once answered no', () => {
    const session = new CoreSession(loadGuides(), createTagger(), c.lang, 'manager');
    session.start();
    session.say(c.consent);
    let asked = false;
    answerUntilReview(session, (pending) => {
      if (pending === 'value.probe.social') asked = true;
      return pending === 'value.probe.social' ? c.no : pending?.startsWith('tools') ? c.tools : c.answer;
    });
    expect(asked).toBe(true);
    const summary = buildSummary(session.meta, session.turns);
    expect(summary.values.social.count).toBe(0);
    expect(summary.gaps.values.slice(0, 3)).toContain('social');
    expect(summary.nextQuestions).not.toContain(questionsFor(c.lang).values.social);
    expect(renderMarkdown(summary)).not.toContain(WORDS[c.lang].image);
  });
});
