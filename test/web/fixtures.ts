import type { NewTurn } from '../../src/core/interview/record.js';
import { emptyTags, Tags } from '../../src/core/tags.js';
import type { InterviewStore } from '../../src/store/types.js';

/** Tags for an answer, with evidence pointing at the words that carry each item. */
function tagged(text: string, items: { values?: string[][]; tools?: string[][]; levers?: string[][] }): Tags {
  const evidence = (words: string) => {
    const start = text.indexOf(words);
    if (start < 0) throw new Error(`"${words}" is not in "${text}"`);
    return [{ start, end: start + words.length, text: words }];
  };
  const item =
    (confidence: number) =>
    ([id, words]: string[]) => ({ id, confidence, evidence: evidence(words ?? '') });
  return Tags.parse({
    ...emptyTags('fr'),
    values: (items.values ?? []).map(item(0.8)),
    tools: (items.tools ?? []).map(item(0.9)),
    levers: (items.levers ?? []).map(item(0.7)),
  });
}

const ANSWER_1 = "Avec l'ERP nous gagnons en flexibilité et nos clients sont rassurés sur les délais.";
const ANSWER_2 = 'Le site de vente en ligne nous ouvre un nouveau marché et fidélise nos clients.';

/** A completed French interview for `interviewerId`, with two tagged answers. */
export async function seedCompletedInterview(
  store: InterviewStore,
  interviewerId: string | null,
): Promise<string> {
  const meta = await store.createInterview({
    language: 'fr',
    profile: 'manager',
    guideVersion: 'test',
    interviewerId,
    conversationKey: null,
  });
  const turns: NewTurn[] = [
    {
      kind: 'question',
      section: 'tools',
      questionId: 'tools.main',
      text: 'Quels outils utilisez-vous ?',
      tags: null,
      refSeq: null,
      data: null,
    },
    {
      kind: 'answer',
      section: 'tools',
      questionId: 'tools.main',
      text: ANSWER_1,
      tags: tagged(ANSWER_1, {
        values: [
          ['functional', 'gagnons en flexibilité'],
          ['security', 'rassurés sur les délais'],
        ],
        tools: [['erp', 'ERP']],
        levers: [['value_chain', 'délais']],
      }),
      refSeq: null,
      data: null,
    },
    {
      kind: 'question',
      section: 'value',
      questionId: 'value.main',
      text: 'Quelle valeur en tirez-vous ?',
      tags: null,
      refSeq: null,
      data: null,
    },
    {
      kind: 'answer',
      section: 'value',
      questionId: 'value.main',
      text: ANSWER_2,
      tags: tagged(ANSWER_2, {
        values: [
          ['functional', 'nouveau marché'],
          ['benevolence', 'fidélise nos clients'],
        ],
        tools: [['ecommerce_website', 'site de vente en ligne']],
        levers: [['product_market', 'nouveau marché']],
      }),
      refSeq: null,
      data: null,
    },
  ];
  await store.appendTurns(meta.id, turns, { status: 'completed' });
  return meta.id;
}

/** An answer to seed, with the levers the tagger read in it and its confidence in each (and tools, roles, facets). */
export interface SeededAnswer {
  text: string;
  levers: [id: string, words: string, confidence: number][];
  tools?: [id: string, words: string][];
  actors?: [id: string, role: 'initiator' | 'beneficiary' | 'mentioned', words: string][];
  facets?: [id: string, words: string][];
}

/** Where `words` stands in `text`, as evidence. */
function evidenceOf(text: string, words: string) {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in "${text}"`);
  return [{ start, end: start + words.length, text: words }];
}

/** A completed interview whose answers evidence levers more or less well (one question per answer). */
export async function seedLeverInterview(
  store: InterviewStore,
  interviewerId: string,
  language: 'fr' | 'en',
  answers: readonly SeededAnswer[],
): Promise<string> {
  const meta = await store.createInterview({
    language,
    profile: 'manager',
    guideVersion: 'test',
    interviewerId,
    conversationKey: null,
  });
  const turns: NewTurn[] = answers.flatMap((answer, index): NewTurn[] => {
    const questionId = `value.q${index + 1}`;
    const tags = Tags.parse({
      ...emptyTags(language),
      levers: answer.levers.map(([id, words, confidence]) => ({
        id,
        confidence,
        evidence: evidenceOf(answer.text, words),
      })),
      tools: (answer.tools ?? []).map(([id, words]) => ({
        id,
        confidence: 0.9,
        evidence: evidenceOf(answer.text, words),
      })),
      actors: (answer.actors ?? []).map(([id, role, words]) => ({
        id,
        role,
        evidence: evidenceOf(answer.text, words),
      })),
      facets: (answer.facets ?? []).map(([id, words]) => ({
        id,
        confidence: 0.9,
        evidence: evidenceOf(answer.text, words),
      })),
    });
    return [
      {
        kind: 'question',
        section: 'value',
        questionId,
        text: `Question ${index + 1}`,
        tags: null,
        refSeq: null,
        data: null,
      },
      { kind: 'answer', section: 'value', questionId, text: answer.text, tags, refSeq: null, data: null },
    ];
  });
  await store.appendTurns(meta.id, turns, { status: 'completed' });
  return meta.id;
}

/** A French expert's interview still in progress: each step a question asked or answered, its text made up. */
export async function seedStartedInterview(
  store: InterviewStore,
  interviewerId: string,
  steps: readonly (readonly ['question' | 'answer', string, string])[],
): Promise<string> {
  const { id } = await store.createInterview({
    language: 'fr',
    profile: 'expert',
    guideVersion: 'test',
    interviewerId,
    conversationKey: null,
  });
  await store.appendTurns(
    id,
    steps.map(([kind, section, questionId]) => ({
      kind,
      section,
      questionId,
      text: `${kind} ${questionId}`,
      tags: null,
      refSeq: null,
      data: null,
    })),
  );
  return id;
}
