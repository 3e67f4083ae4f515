import { describe, expect, it } from 'vitest';
import type { NewTurn, TurnRecord } from '../../src/core/interview/record.js';
import { buildSummary } from '../../src/core/summary/index.js';
import { metaFor, tagsFor } from './helpers.js';

function log(turns: NewTurn[]): TurnRecord[] {
  return turns.map((turn, index) => ({
    ...turn,
    interviewId: 'itv-probe',
    seq: index + 1,
    at: `2025-03-04T10:${String(index).padStart(2, '0')}:00.000Z`,
  }));
}

const base = { tags: null, refSeq: null, data: null } as const;
const named = 'Nous avons un ERP depuis deux ans.';
const probeAnswer =
  "C'est notre expert-comptable qui nous l'a conseillé, et ça profite surtout aux salariés.";

function interview(probeData: Record<string, unknown> | null, answer = probeAnswer, self = false) {
  return log([
    { ...base, kind: 'question', section: 'tools', questionId: 'tools.acquired', text: 'Quels outils ?' },
    {
      ...base,
      kind: 'answer',
      section: 'tools',
      questionId: 'tools.acquired',
      text: named,
      tags: tagsFor(named, 'fr', { tools: [['erp', 'ERP']] }),
    },
    {
      ...base,
      kind: 'question',
      section: 'tools',
      questionId: 'tools.probe.actors.erp',
      text: "Pour l'ERP : qui l'a poussé, qui en bénéficie ?",
      data: probeData,
    },
    {
      ...base,
      kind: 'answer',
      section: 'tools',
      questionId: 'tools.probe.actors.erp',
      text: answer,
      tags: tagsFor(answer, 'fr', {
        actors: self
          ? [['organisation', 'initiator', 'Moi']]
          : [
              ['accountants', 'initiator', 'expert-comptable'],
              ['employees', 'beneficiary', 'salariés'],
            ],
      }),
    },
  ]);
}

describe('an answer to a probe on one tool', () => {
  it('credits who initiated and who benefits to that tool, with the sentence as its quote', () => {
    const summary = buildSummary(metaFor('itv-probe', 'fr'), interview({ kind: 'probe', tool: 'erp' }));
    const erp = summary.tools.find((t) => t.id === 'erp');
    expect(erp?.initiators).toEqual(['accountants']);
    expect(erp?.beneficiaries).toEqual(['employees']);
    expect(erp?.quotes.some((q) => q.includes('expert-comptable'))).toBe(true);
  });

  it('credits nothing to a tool the question did not record as its subject', () => {
    const summary = buildSummary(metaFor('itv-probe', 'fr'), interview({ kind: 'probe' }));
    const erp = summary.tools.find((t) => t.id === 'erp');
    expect(erp?.initiators).toEqual([]);
    expect(erp?.beneficiaries).toEqual([]);
  });

  it('quotes no one-word answer for it ("Moi."): the initiators say who already', () => {
    const summary = buildSummary(
      metaFor('itv-probe', 'fr'),
      interview({ kind: 'probe', tool: 'erp' }, 'Moi.', true),
    );
    const erp = summary.tools.find((t) => t.id === 'erp');
    expect(erp?.initiators).toEqual(['organisation']);
    expect(erp?.quotes).toEqual([named]);
  });
});
