import type { ActorId, ActorRole, FacetId, Language, LeverId, ValueId } from '../../src/core/domain.js';
import type { InterviewMeta, NewTurn, TurnRecord } from '../../src/core/interview/record.js';
import type { Evidence, Tags } from '../../src/core/tags.js';

/** Evidence for the first occurrence of `phrase` in `text` (UTF-16 offsets, as the tagger gives them). */
export function evidence(text: string, phrase: string): Evidence[] {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`'${phrase}' is not in '${text}'`);
  return [{ start, end: start + phrase.length, text: phrase }];
}

export interface TagSpec {
  values?: [ValueId, string][];
  tools?: [string, string][];
  /** The third element, when given, is the tagger's confidence (0.7 otherwise). */
  levers?: [LeverId, string, number?][];
  actors?: [ActorId, ActorRole, string][];
  /** The third element, when given, is the tagger's confidence (0.7 otherwise). */
  facets?: [FacetId, string, number?][];
}

export function tagsFor(text: string, lang: Language, spec: TagSpec = {}): Tags {
  return {
    lang,
    values: (spec.values ?? []).map(([id, p]) => ({ id, confidence: 0.8, evidence: evidence(text, p) })),
    tools: (spec.tools ?? []).map(([id, p]) => ({ id, confidence: 0.9, evidence: evidence(text, p) })),
    levers: (spec.levers ?? []).map(([id, p, confidence = 0.7]) => ({
      id,
      confidence,
      evidence: evidence(text, p),
    })),
    actors: (spec.actors ?? []).map(([id, role, p]) => ({ id, role, evidence: evidence(text, p) })),
    facets: (spec.facets ?? []).map(([id, p, confidence = 0.7]) => ({
      id,
      confidence,
      evidence: evidence(text, p),
    })),
  };
}

/** Builds a turn log the way the store would return it: dense seqs, one timestamp per turn. */
export class TurnLog {
  readonly turns: TurnRecord[] = [];
  constructor(
    readonly interviewId: string,
    readonly lang: Language,
  ) {}

  private push(turn: NewTurn): number {
    const seq = this.turns.length + 1;
    this.turns.push({
      ...turn,
      interviewId: this.interviewId,
      seq,
      at: `2025-03-04T10:${String(seq).padStart(2, '0')}:00.000Z`,
    });
    return seq;
  }

  ask(section: string, questionId: string, text: string): this {
    this.push({ kind: 'question', section, questionId, text, tags: null, refSeq: null, data: null });
    return this;
  }

  answer(section: string, questionId: string, text: string, spec?: TagSpec): number {
    return this.push({
      kind: 'answer',
      section,
      questionId,
      text,
      tags: tagsFor(text, this.lang, spec),
      refSeq: null,
      data: null,
    });
  }

  qa(section: string, questionId: string, question: string, answer: string, spec?: TagSpec): number {
    this.ask(section, questionId, question);
    return this.answer(section, questionId, answer, spec);
  }

  amend(refSeq: number, section: string, text: string, spec?: TagSpec): this {
    this.push({
      kind: 'amend',
      section,
      questionId: null,
      text,
      tags: tagsFor(text, this.lang, spec),
      refSeq,
      data: null,
    });
    return this;
  }

  skip(section: string, questionId: string): this {
    this.push({ kind: 'skip', section, questionId, text: '', tags: null, refSeq: null, data: null });
    return this;
  }

  correct(data: Record<string, unknown>, text = ''): this {
    this.push({
      kind: 'correction',
      section: 'closing',
      questionId: null,
      text,
      tags: null,
      refSeq: null,
      data,
    });
    return this;
  }
}

export function metaFor(
  id: string,
  language: Language,
  profile: 'manager' | 'expert' = 'manager',
): InterviewMeta {
  return {
    id,
    status: 'completed',
    language,
    profile,
    guideVersion: '1',
    interviewerId: 'interviewer-1',
    conversationKey: 'test:conversation',
    consentVersion: '1',
    consentAt: '2025-03-04T10:00:00.000Z',
    startedAt: '2025-03-04T10:00:00.000Z',
    updatedAt: '2025-03-04T11:00:00.000Z',
    completedAt: '2025-03-04T11:00:00.000Z',
  };
}

export const HOSTILE =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-looking fragment is part of the hostile text
  '=HYPERLINK("http://evil.example") # Titre **gras** <script>alert(1)</script> <img src=x onerror=alert(2)> [clic](javascript:alert(3)) "}],"actions":[{"type":"Action.OpenUrl","url":"http://evil.example"}],"x":[{" & ${secret}';

/** A French manager's interview: an amend, a skip, an emoji before evidence, corrections at the end. */
export function frenchInterview(id = 'itv-fr-1') {
  const log = new TurnLog(id, 'fr');
  log.qa('opening', 'consent', 'Acceptez-vous que vos réponses soient analysées ?', 'Oui, j’accepte.');
  log.qa(
    'presentation',
    'company',
    'Pouvez-vous présenter votre entreprise ?',
    'Nous sommes une menuiserie de 35 salariés en Vendée.',
  );
  log.qa(
    'meaning',
    'meaning',
    'Que signifie pour vous la transition numérique ?',
    "C'est une opportunité pour gagner du temps, mais le manque de compétences nous inquiète et la cybercriminalité nous fait peur.",
    {
      values: [['functional', 'gagner du temps']],
      facets: [
        ['opportunity', 'une opportunité'],
        ['resource', 'le manque de compétences'],
        ['threat', 'la cybercriminalité nous fait peur'],
      ],
    },
  );
  const erpText =
    "Nous avons installé un ERP à la demande de notre expert-comptable pour partager les devis avec nos fournisseurs 🤝. Grâce à l'ERP 🎉 les erreurs de commande ont disparu et les sauvegardes nous rassurent.";
  log.qa('tools', 'tools', 'Quels outils avez-vous mis en place ?', erpText, {
    values: [
      ['functional', 'les erreurs de commande ont disparu'],
      ['security', 'les sauvegardes nous rassurent'],
      ['socialization', 'partager les devis'],
    ],
    tools: [['erp', 'ERP']],
    levers: [['value_chain', 'partager les devis avec nos fournisseurs']],
    actors: [
      ['accountants', 'initiator', 'expert-comptable'],
      ['suppliers', 'beneficiary', 'fournisseurs'],
    ],
  });
  log.qa(
    'tools',
    'networks',
    'Faites-vous partie de réseaux ?',
    "Nous allons aux réunions du club d'entreprises de la CCI, où l'on apprend beaucoup.",
    {
      values: [
        ['epistemic', "l'on apprend beaucoup"],
        ['socialization', "club d'entreprises"],
      ],
      tools: [['network_meetings', "réunions du club d'entreprises"]],
      actors: [['cci', 'mentioned', 'CCI']],
    },
  );
  log
    .ask('value', 'value_partners', 'Quelle valeur vos partenaires en retirent-ils ?')
    .skip('value', 'value_partners');
  const first = log.qa('value', 'value_company', 'Et votre entreprise ?', 'Nos clients peuvent commander.');
  log.amend(first, 'value', 'Nos clients commandent sur notre site e-commerce le soir et le week-end.', {
    values: [['localization', 'le soir et le week-end']],
    tools: [['ecommerce_website', 'site e-commerce']],
    actors: [['clients', 'beneficiary', 'clients']],
  });
  log.correct({ action: 'remove', target: 'value', id: 'security' }, 'retire la valeur sécurité');
  log.correct({ action: 'add', target: 'tool', id: 'crm' }, "ajoute l'outil CRM");
  log.correct({ action: 'explode', target: 'everything' }, 'nonsense that never parsed');
  return { meta: metaFor(id, 'fr'), turns: log.turns };
}

/** An English expert's interview with the product/market lever never evidenced. */
export function englishInterview(id = 'itv-en-1') {
  const log = new TurnLog(id, 'en');
  log.qa(
    'presentation',
    'company',
    'Could you present your organisation?',
    'I advise firms at a chamber of commerce with 12 employees.',
  );
  log.qa(
    'tools',
    'tools',
    'Which tools do you see firms adopt?',
    'Firms adopt videoconference to meet their clients and business network from anywhere, and a cloud backup keeps their files safe.',
    {
      values: [
        ['localization', 'from anywhere'],
        ['security', 'keeps their files safe'],
      ],
      tools: [
        ['videoconference', 'videoconference'],
        ['cloud_virtualization', 'cloud backup'],
      ],
      levers: [['cluster', 'business network', 0.8]],
      actors: [['clients', 'beneficiary', 'clients']],
    },
  );
  return { meta: metaFor(id, 'en', 'expert'), turns: log.turns };
}

/** Hostile text in a question and an answer, with evidence starting on the formula. */
export function hostileInterview(id = 'itv-hostile') {
  const log = new TurnLog(id, 'fr');
  log.qa('tools', 'tools', `Question <b>piégée</b> ${HOSTILE}`, HOSTILE, {
    values: [['functional', '=HYPERLINK("http://evil.example")']],
    tools: [['erp', '<script>alert(1)</script>']],
  });
  return { meta: metaFor(id, 'fr'), turns: log.turns };
}

/** A long interview: `count` long answers, each naming a tool and values. */
export function longInterview(count = 60, id = 'itv-long') {
  const log = new TurnLog(id, 'fr');
  const sections = ['presentation', 'meaning', 'tools', 'value'] as const;
  for (let i = 0; i < count; i += 1) {
    const text = `Réponse ${i} : nous utilisons un ERP pour gagner du temps avec nos fournisseurs. ${'Nous détaillons ici le contexte de l’atelier, les équipes et les clients. '.repeat(12)}`;
    log.qa(
      sections[i % sections.length] ?? 'tools',
      `q${i}`,
      `Question numéro ${i} sur vos outils et leur valeur ?`,
      text,
      {
        values: [['functional', 'gagner du temps']],
        tools: [['erp', 'ERP']],
        actors: [['suppliers', 'beneficiary', 'fournisseurs']],
      },
    );
  }
  return { meta: metaFor(id, 'fr'), turns: log.turns };
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/**
 * A French CCI adviser: presents the institution and what it offers, then speaks of the SMEs it follows
 * (their size, the tools they adopt); the product/market lever is never evidenced.
 */
export function frenchExpertInterview(id = 'itv-fr-expert') {
  const log = new TurnLog(id, 'fr');
  log.qa(
    'presentation',
    'presentation.institution',
    `Pour commencer, pouvez-vous présenter votre institution et sa mission auprès des PME${NNBSP}?`,
    "Je suis conseiller numérique dans une chambre de commerce et d'industrie. Nous suivons des PME de 10 à 250 salariés sur tout le département.",
  );
  log.qa(
    'meaning',
    'meaning.main_expert',
    `Que signifie pour vous la transition numérique des PME que vous accompagnez${NNBSP}?`,
    "Pour les PME, c'est une opportunité de trouver des clients plus loin, mais le manque de temps des dirigeants reste le frein principal.",
    {
      facets: [
        ['opportunity', 'une opportunité'],
        ['resource', 'le manque de temps'],
      ],
    },
  );
  log.qa(
    'tools',
    'tools.offered',
    `Quels outils, dispositifs et actions votre institution propose-t-elle aux PME${NNBSP}?`,
    'Nous proposons un diagnostic gratuit et un club numérique où les dirigeants partagent leurs expériences.',
    {
      values: [['socialization', 'partagent leurs expériences']],
      tools: [['network_meetings', 'club numérique']],
      levers: [['cluster', 'club numérique', 0.9]],
      actors: [['organisation', 'initiator', 'Nous proposons']],
    },
  );
  log.qa(
    'tools',
    'tools.observed',
    `Quels outils voyez-vous les PME adopter${NNBSP}?`,
    'Beaucoup passent à la facture électronique, souvent poussées par leurs gros clients.',
    {
      tools: [['dematerialization', 'facture électronique']],
      levers: [['value_chain', 'facture électronique', 0.9]],
      actors: [['clients', 'initiator', 'gros clients']],
    },
  );
  log.qa(
    'value',
    'value.smes',
    `Concrètement, qu'est-ce que le numérique apporte aux PME que vous accompagnez${NNBSP}?`,
    "Elles gagnent du temps et font moins d'erreurs de saisie.",
    { values: [['functional', 'gagnent du temps']] },
  );
  return { meta: metaFor(id, 'fr', 'expert'), turns: log.turns };
}

/** The same kind of interview in English: a regional development agency adviser. */
export function englishExpertInterview(id = 'itv-en-expert') {
  const log = new TurnLog(id, 'en');
  log.qa(
    'presentation',
    'presentation.institution',
    'To begin, could you introduce your institution and its role with SMEs?',
    'I work for a regional development agency. We support firms of 10 to 200 employees across the county.',
  );
  log.qa(
    'tools',
    'tools.offered',
    'Which tools, schemes and actions does your institution offer SMEs?',
    'We run a free digital check-up and a business club where owners share what worked for them.',
    {
      values: [['socialization', 'share what worked']],
      tools: [['network_meetings', 'business club']],
      levers: [['cluster', 'business club', 0.9]],
      actors: [['organisation', 'initiator', 'We run']],
    },
  );
  log.qa(
    'tools',
    'tools.observed',
    'Which tools do you see SMEs adopt?',
    'Many move to e-invoicing, often because their large customers ask for it.',
    {
      tools: [['dematerialization', 'e-invoicing']],
      levers: [['value_chain', 'e-invoicing', 0.9]],
      actors: [['clients', 'initiator', 'large customers']],
    },
  );
  return { meta: metaFor(id, 'en', 'expert'), turns: log.turns };
}

/**
 * A French printer whose value chain is told in three answers, its club once, and its custom offer twice
 * but each time only in passing (the tagger unsure).
 */
export function frenchUnevenLeversInterview(id = 'itv-fr-uneven') {
  const log = new TurnLog(id, 'fr');
  log.qa(
    'presentation',
    'presentation.company',
    `Pouvez-vous présenter votre entreprise${NNBSP}?`,
    'Nous sommes une imprimerie de 18 salariés près de Rennes.',
  );
  log.qa(
    'tools',
    'tools.acquired',
    `Quels outils numériques utilisez-vous${NNBSP}?`,
    "Notre ERP relie les commandes des clients à l'atelier et aux fournisseurs de papier.",
    {
      tools: [['erp', 'ERP']],
      levers: [['value_chain', 'relie les commandes des clients', 0.9]],
    },
  );
  log.qa(
    'tools',
    'tools.interfaces',
    `Lesquels vous relient à vos partenaires${NNBSP}?`,
    'Les fournisseurs reçoivent nos commandes par EDI, sans ressaisie. On a aussi des cartes de visite personnalisées en ligne, pour quelques clients.',
    {
      tools: [['edi', 'EDI']],
      levers: [
        ['value_chain', 'reçoivent nos commandes par EDI', 0.85],
        ['product_market', 'cartes de visite personnalisées', 0.5],
      ],
    },
  );
  log.qa(
    'value',
    'value.company',
    `Qu'est-ce que ces outils ont apporté à votre entreprise${NNBSP}?`,
    'Les factures partent en ligne et les clients paient plus vite.',
    { levers: [['value_chain', 'les clients paient plus vite', 0.8]] },
  );
  log.qa(
    'value',
    'value.partners',
    `Et pour vos partenaires${NNBSP}?`,
    `Je suis allé une fois au club numérique de la CCI${NBSP}; et certains clients commandent des faire-part sur mesure.`,
    {
      levers: [
        ['cluster', 'club numérique', 0.9],
        ['product_market', 'faire-part sur mesure', 0.55],
      ],
    },
  );
  return { meta: metaFor(id, 'fr'), turns: log.turns };
}

/** An English joinery: value chain well told, a customised offer in one answer, no network at all. */
export function englishUnevenLeversInterview(id = 'itv-en-uneven') {
  const log = new TurnLog(id, 'en');
  log.qa(
    'tools',
    'tools.acquired',
    'Which digital tools do you use in the business today?',
    'Our ERP links the workshop with the timber suppliers.',
    {
      tools: [['erp', 'ERP']],
      levers: [['value_chain', 'links the workshop with the timber suppliers', 0.9]],
    },
  );
  log.qa(
    'tools',
    'tools.interfaces',
    'Which of these tools connect you with customers or suppliers?',
    'Customers get their invoices by e-mail and pay online, so we are paid within a week.',
    { levers: [['value_chain', 'pay online', 0.8]] },
  );
  log.qa(
    'value',
    'value.company',
    'What have these tools done for your business?',
    'Customers can now design their own shelves on our website.',
    { levers: [['product_market', 'design their own shelves', 0.9]] },
  );
  return { meta: metaFor(id, 'en'), turns: log.turns };
}

/** Each lever told in two answers, each time clearly. */
export function englishBalancedInterview(id = 'itv-en-balanced') {
  const log = new TurnLog(id, 'en');
  const answers: [LeverId, string][] = [
    ['cluster', 'We meet other owners every month at the business club.'],
    ['cluster', 'The cluster pooled a cyber-security audit for its members.'],
    ['product_market', 'We now rent machines by the hour instead of selling them.'],
    ['product_market', 'Customers configure their order online before we build it.'],
    ['value_chain', 'Our suppliers see our stock and refill it themselves.'],
    ['value_chain', 'Orders flow from the website straight into production.'],
  ];
  answers.forEach(([lever, text], index) => {
    log.qa('tools', `q${index}`, 'Could you tell me more?', text, { levers: [[lever, text, 0.9]] });
  });
  return { meta: metaFor(id, 'en'), turns: log.turns };
}
