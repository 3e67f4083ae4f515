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
  levers?: [LeverId, string][];
  actors?: [ActorId, ActorRole, string][];
  facets?: [FacetId, string][];
}

export function tagsFor(text: string, lang: Language, spec: TagSpec = {}): Tags {
  return {
    lang,
    values: (spec.values ?? []).map(([id, p]) => ({ id, confidence: 0.8, evidence: evidence(text, p) })),
    tools: (spec.tools ?? []).map(([id, p]) => ({ id, confidence: 0.9, evidence: evidence(text, p) })),
    levers: (spec.levers ?? []).map(([id, p]) => ({ id, confidence: 0.7, evidence: evidence(text, p) })),
    actors: (spec.actors ?? []).map(([id, role, p]) => ({ id, role, evidence: evidence(text, p) })),
    facets: (spec.facets ?? []).map(([id, p]) => ({ id, confidence: 0.7, evidence: evidence(text, p) })),
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
    'Firms adopt videoconference so clients can reach them from anywhere, and a cloud backup keeps their files safe.',
    {
      values: [
        ['localization', 'reach them from anywhere'],
        ['security', 'keeps their files safe'],
      ],
      tools: [
        ['videoconference', 'videoconference'],
        ['cloud_virtualization', 'cloud backup'],
      ],
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
