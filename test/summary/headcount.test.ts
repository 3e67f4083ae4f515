import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { readHeadcount } from '../../src/core/summary/headcount.js';
import { buildSummary, Summary, summaryPrompts } from '../../src/core/summary/index.js';
import { SummaryPrompts } from '../../src/core/summary/labels.js';
import { renderHtml } from '../../src/export/html.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { metaFor, TurnLog } from './helpers.js';

/** The summary of an interview whose presentation is these answers (the firm, then the respondent's role). */
function summaryOf(
  answer: string | readonly string[],
  lang: Language,
  profile: 'manager' | 'expert' = 'manager',
) {
  const log = new TurnLog(`itv-headcount-${lang}`, lang);
  const [company = '', role] = typeof answer === 'string' ? [answer] : answer;
  log.qa(
    'presentation',
    'company',
    lang === 'fr' ? 'Présentez votre entreprise.' : 'Present your firm.',
    company,
  );
  if (role !== undefined)
    log.qa('presentation', 'role', lang === 'fr' ? 'Quel est votre rôle ?' : 'What is your role?', role);
  return buildSummary(metaFor(log.interviewId, lang, profile), log.turns);
}

const headcountOf = (
  answer: string | readonly string[],
  lang: Language,
  profile: 'manager' | 'expert' = 'manager',
) => {
  const { headcount, headcountApproximate } = summaryOf(answer, lang, profile).respondent;
  return { headcount, headcountApproximate };
};

describe("the firm's headcount, read from a manager's presentation", () => {
  it.each([
    ["On est 9 à l'atelier, on fait de la menuiserie depuis 2019.", 9, false],
    ['Nous sommes une quinzaine, tous sur le même site près de Nantes.', 15, true],
    ['On est une petite équipe de six, avec trois magasins en Bretagne.', 6, false],
    ["C'est une agence de communication d'une vingtaine de personnes.", 20, true],
    ['Nous avons neuf salariés et une apprentie.', 9, false],
    ['Une scierie familiale : vingt-cinq salariés en 2024, contre douze en 2015.', 25, false],
    ["L'entreprise emploie environ 40 personnes.", 40, true],
    ["C'est une salle d'escalade, douze salariés à peu près en comptant les ouvreurs.", 12, true],
    ["Déneigement à Lévis, on est une douzaine l'hiver, 4 l'été.", 12, true],
  ])('reads "%s" in French as %i (approximate: %s)', (answer, headcount, headcountApproximate) => {
    expect(headcountOf(answer, 'fr')).toEqual({ headcount, headcountApproximate });
  });

  it.each([
    ["There are six of us, and we've been trading since 2015.", 6, false],
    ["We're a team of twelve in Leeds, with 10 clients on retainer.", 12, false],
    ['We have about 40 staff across two sites.', 40, true],
    ['A dozen people work in the bakery.', 12, true],
    ['A joinery with forty-five employees, founded in 1987.', 45, false],
    ["Well, we're a family joinery in County Cork, eleven of us.", 11, false],
    ['Landscaping and garden maintenance, near Carmarthen. 6 of us incl me', 6, false],
    ['six of us inc. the apprentice', 6, false],
    ["Pest control in Mobile. We got 22 folks, nine of 'em techs out in the trucks.", 22, false],
  ])('reads "%s" in English as %i (approximate: %s)', (answer, headcount, headcountApproximate) => {
    expect(headcountOf(answer, 'en')).toEqual({ headcount, headcountApproximate });
  });

  it.each([
    ['fr', 'On est 3 vétos dont moi, et 6 ASV.', 9],
    ['fr', 'Il y a moi et quatre autres moniteurs.', 5],
    ['en', "There's me and four other instructors, plus my sister Karen who does the admin part time.", 6],
    ['en', 'its me and my partner Marc plus a seasonal helper', 3],
  ] as const)(
    '%s: adds up the people of a trade counted by their jobs: "%s" is %i',
    (lang, answer, headcount) => {
      expect(headcountOf(answer, lang)).toEqual({ headcount, headcountApproximate: false });
    },
  );

  it('reads no headcount from years, clients, shops, other firms, hires or durations', () => {
    const none = { headcount: null, headcountApproximate: false };
    for (const answer of [
      'Nous existons depuis 2019, avec 10 clients réguliers et 3 magasins.',
      'Nos clients sont des PME de 10 à 250 salariés.',
      "On a embauché 3 personnes l'an dernier.",
      "On est installés ici depuis une quinzaine d'années.",
      'On est 3 magasins dans le département.',
      'On livre les 30 salariés de notre client principal.',
    ])
      expect(headcountOf(answer, 'fr'), answer).toEqual(none);
    for (const answer of [
      "We've been trading since 2019, with 10 clients and 3 shops.",
      'Our customers are firms of 10 to 250 employees.',
      'We train 200 people a year.',
      'Two of us handle the IT on top of our jobs.',
    ])
      expect(headcountOf(answer, 'en'), answer).toEqual(none);
  });

  it('reads no headcount from a run of digits no firm has, and keeps the summary valid', () => {
    for (const answer of [
      `Nous sommes ${'1234567890'.repeat(4)} salariés.`,
      `On est ${'9'.repeat(400)} personnes.`,
      'We have 99999999 employees.',
    ]) {
      const summary = summaryOf(answer, answer.startsWith('We') ? 'en' : 'fr');
      expect(summary.respondent.headcount, answer).toBeNull();
      expect(Summary.safeParse(summary).success, answer).toBe(true);
    }
    expect(headcountOf('Nous sommes 250000 salariés.', 'fr')).toEqual({
      headcount: 250000,
      headcountApproximate: false,
    });
  });

  it("reads none from an expert's presentation, whose numbers are the SMEs'", () => {
    expect(
      headcountOf(
        'Nous sommes une quinzaine de conseillers et suivons des PME de 10 à 250 salariés.',
        'fr',
        'expert',
      ),
    ).toEqual({ headcount: null, headcountApproximate: false });
  });

  it('says an approximate headcount is approximate in the exports', () => {
    expect(renderMarkdown(summaryOf('Nous sommes une quinzaine.', 'fr'))).toContain(
      '- Effectif\u00a0: environ 15\n',
    );
    expect(renderMarkdown(summaryOf('We have about 40 staff.', 'en'))).toContain('- Headcount: about 40\n');
    expect(renderMarkdown(summaryOf('Nous sommes 9 salariés.', 'fr'))).toContain('- Effectif\u00a0: 9\n');
  });
});

describe("the firm's headcount, added up from people counted by their jobs", () => {
  it.each([
    ['On est trois coiffeuses et moi, dans un salon à Vannes.', 4, false],
    ["J'ai deux commerciaux, un apprenti et une secrétaire.", 4, false],
    ['Une petite boîte de maintenance\u00a0: deux techniciens plus moi.', 3, false],
    ["C'est moi et une apprentie, à Angers.", 2, false],
    ['Au cabinet on est quatre associés.', 4, false],
    ['Mon associée et moi, plus une alternante.', 3, false],
    ["L'entreprise emploie deux électriciens à plein temps et une assistante.", 3, false],
    ['On est une dizaine de techniciens et moi.', 11, true],
    ['Nous avons deux commerciales et quelques apprentis.', 4, true],
  ])('reads "%s" in French as %i (approximate: %s)', (answer, headcount, headcountApproximate) => {
    expect(headcountOf(answer, 'fr')).toEqual({ headcount, headcountApproximate });
  });

  it.each([
    ["We're two engineers, a designer and me, in Bristol.", 4, false],
    ['I employ three drivers and an accountant.', 4, false],
    ["There's me and two mechanics, just outside Derby.", 3, false],
    ["We're a team of four: two engineers, a designer and me.", 4, false],
    ["I've got about ten cleaners and a supervisor.", 11, true],
    ['We have two chefs, some waiters and a cashier.', 5, true],
  ])('reads "%s" in English as %i (approximate: %s)', (answer, headcount, headcountApproximate) => {
    expect(headcountOf(answer, 'en')).toEqual({ headcount, headcountApproximate });
  });

  it("keeps a count of the firm's people said elsewhere first", () => {
    expect(headcountOf(['Nous sommes 12 au total.', 'Au bureau, deux commerciales et moi.'], 'fr')).toEqual({
      headcount: 12,
      headcountApproximate: false,
    });
    expect(headcountOf(['Au bureau, deux commerciales et moi.', 'On est une quinzaine.'], 'fr')).toEqual({
      headcount: 15,
      headcountApproximate: true,
    });
    expect(headcountOf('We have 9 employees. At the office, two assistants and me.', 'en')).toEqual({
      headcount: 9,
      headcountApproximate: false,
    });
    // A team counted first ("on est cinq"), then described: the count said stands.
    expect(headcountOf('On est cinq\u00a0: deux techniciens, une commerciale et moi.', 'fr')).toEqual({
      headcount: 5,
      headcountApproximate: false,
    });
  });

  it("reads none from another party's staff, things, time, people to come or gone, or some of the staff", () => {
    const none = { headcount: null, headcountApproximate: false };
    for (const answer of [
      'Notre client a trois commerciaux et deux techniciens.',
      'Chez notre client il y a trois commerciaux et une assistante.',
      'On a trois ordinateurs et deux camions.',
      'Il y a trois jours, deux techniciens sont venus installer la fibre.',
      'On va embaucher deux techniciens et une secrétaire.',
      "L'an prochain, deux techniciens et moi.",
      "S'il y a du travail, il y a deux techniciens et moi.",
      'On est deux ou trois techniciens selon la saison.',
      "J'ai deux techniciens qui ont trente ans de maison.",
      "J'ai des préparateurs et des caristes.",
      "J'ai un apprenti.",
      'On a deux techniciens du fournisseur et moi.',
    ])
      expect(headcountOf(answer, 'fr'), answer).toEqual(none);
    for (const answer of [
      'Our main customer has three sales reps and an engineer.',
      "We've got two vans and three laptops.",
      "We're going to hire two engineers and a designer.",
      'Before the move, two engineers and me.',
      'We have two engineers at our main customer.',
      'Their firm employs four drivers and a mechanic.',
    ])
      expect(headcountOf(answer, 'en'), answer).toEqual(none);
  });

  it("reads none from an expert's presentation, jobs or not", () => {
    expect(headcountOf('Au réseau, on est deux développeuses et moi.', 'fr', 'expert')).toEqual({
      headcount: null,
      headcountApproximate: false,
    });
  });

  it('shows the headcount added up, and says when it is approximate, in the exports', () => {
    expect(renderMarkdown(summaryOf('On est trois coiffeuses et moi.', 'fr'))).toContain(
      '- Effectif\u00a0: 4\n',
    );
    expect(renderMarkdown(summaryOf("J'ai deux commerciaux et des apprentis.", 'fr'))).toContain(
      '- Effectif\u00a0: environ 4\n',
    );
    expect(renderMarkdown(summaryOf('We have two chefs and some waiters.', 'en'))).toContain(
      '- Headcount: about 4\n',
    );
    expect(renderHtml(summaryOf('I employ three drivers and an accountant.', 'en'))).toContain(
      '<dt>Headcount</dt><dd>4</dd>',
    );
    const summary = summaryOf('I employ three drivers and an accountant.', 'en');
    expect(Summary.safeParse(summary).success).toBe(true);
  });

  it("reads the nouns of the firm's people and jobs from the summary prompts, validated at load", () => {
    for (const lang of ['fr', 'en'] as const) {
      const { staff } = summaryPrompts(lang);
      expect(staff.jobs.singular.length, lang).toBeGreaterThan(0);
      expect(staff.people.plural.length, lang).toBeGreaterThan(0);
    }
    expect(summaryPrompts('fr').staff.jobs.plural).toContain('coiffeuses');
    expect(summaryPrompts('en').staff.jobs.singular).toContain('accountant');
    const fr = summaryPrompts('fr');
    const broken = SummaryPrompts.safeParse({
      ...fr,
      staff: { ...fr.staff, jobs: { ...fr.staff.jobs, plural: ['techniciens', '3 techniciens'] } },
    });
    expect(broken.success).toBe(false);
    expect(broken.error?.issues[0]?.path).toEqual(['staff', 'jobs', 'plural', 1]);
    expect(SummaryPrompts.safeParse({ ...fr, staff: { people: fr.staff.people } }).success).toBe(false);
  });
});

describe('a long transcript', () => {
  it.each([
    ['fr', "j'ai deux techniciens qui "],
    ['en', 'I have two engineers who '],
  ] as const)('is read in time linear in its length (%s: "%s" over 800 KB)', (_lang, phrase) => {
    const text = phrase.repeat(Math.ceil(800_000 / phrase.length));
    const started = performance.now();
    expect(readHeadcount([text])).toBeNull();
    // Read from each list's clause start again, this took 15 s; read in one pass, well under a second.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
