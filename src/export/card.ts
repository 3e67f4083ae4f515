import { type Language, LEVER_IDS, VALUE_IDS } from '../core/domain.js';
import type { Summary } from '../core/summary/schema.js';
import { truncate } from '../core/summary/text.js';
import { answersInOrder } from './segments.js';
import { correctionLines, labels } from './view.js';

/** Teams refuses messages over 28 KB; the card keeps a margin for the activity envelope around it. */
export const CARD_BYTE_BUDGET = 24 * 1024;
const QUOTE_CHARS = 160;
const ANSWER_CHARS = 280;

type Element = Record<string, unknown>;

/** Our own wording: a TextBlock is fine. */
function heading(text: string, size: 'Large' | 'Medium' | 'Default' = 'Medium'): Element {
  return { type: 'TextBlock', text, weight: 'Bolder', size, wrap: true };
}

function note(text: string): Element {
  return { type: 'TextBlock', text, wrap: true, isSubtle: true };
}

/**
 * Respondent text goes in a TextRun, which Adaptive Cards never read as Markdown, so `**`, links and
 * HTML in an answer show as typed.
 */
function plain(text: string, options: { italic?: boolean; weight?: 'Bolder' } = {}): Element {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...options }] };
}

function bytes(element: unknown): number {
  return Buffer.byteLength(JSON.stringify(element), 'utf8');
}

export interface CardOptions {
  /** Link to the full summary on the dashboard (an Action.OpenUrl button). */
  dashboardUrl?: string;
}

/** The summary as a Teams Adaptive Card (schema 1.5), shortened with "…" to stay under Teams' size limit. */
export function renderCard(
  summary: Summary,
  lang: Language = summary.interview.language,
  options: CardOptions = {},
): Element {
  const l = labels(lang, summary.interview.profile);
  const { h } = l;
  const i = summary.interview;
  const corrections = correctionLines(summary);
  const blocks: Element[] = [
    heading(h.title, 'Large'),
    plain(l.labelled(h.interview, i.id)),
    {
      type: 'FactSet',
      facts: [
        { title: h.profile, value: l.p.profiles[i.profile] },
        { title: h.language, value: l.p.languages[i.language] },
        { title: h.status, value: l.status(i) },
        { title: h.leverBalance, value: l.balance(summary.leverReading) },
      ],
    },
    heading(h.tools),
    ...(summary.tools.length === 0 ? [note(l.p.none.tools)] : []),
    ...summary.tools.map(
      (t): Element => ({
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: l.tool(t.id), weight: 'Bolder', wrap: true },
          plain(`${l.labelled(h.lever, l.lever(t.lever))} · ${l.labelled(h.values, l.values(t.values))}`),
          plain(
            `${l.labelled(h.initiators, l.actors(t.initiators))} · ${l.labelled(h.beneficiaries, l.actors(t.beneficiaries))}`,
          ),
          ...t.quotes.slice(0, 1).map((q) => plain(l.quoted(truncate(q, QUOTE_CHARS)), { italic: true })),
        ],
      }),
    ),
    heading(h.values),
    {
      type: 'FactSet',
      facts: VALUE_IDS.filter((id) => summary.values[id].count > 0).map((id) => ({
        title: l.value(id),
        value: l.number(summary.values[id].count),
      })),
    },
    heading(h.levers),
    {
      type: 'FactSet',
      facts: LEVER_IDS.map((id) => ({
        title: l.p.levers[id],
        value: l.leverStrength(summary.leverReading.levers[id]),
      })),
    },
    heading(h.nextSteps),
    ...summary.nextSteps.map((s) => plain(`• ${s}`)),
    heading(h.nextQuestions),
    ...summary.nextQuestions.map((q) => plain(`• ${q}`)),
    ...(corrections.length > 0
      ? [heading(h.corrections), ...corrections.map((description) => plain(`• ${description}`))]
      : []),
    heading(h.themes),
  ];
  let section = '';
  for (const answer of answersInOrder(summary)) {
    if (answer.section !== section) {
      section = answer.section;
      blocks.push({
        type: 'TextBlock',
        text: l.theme(section),
        weight: 'Bolder',
        wrap: true,
        spacing: 'Medium',
      });
    }
    blocks.push({
      type: 'Container',
      items: [
        plain(truncate(answer.question || h.question, ANSWER_CHARS), { weight: 'Bolder' }),
        plain(truncate(answer.text, ANSWER_CHARS)),
      ],
    });
  }

  const actions: Element[] = options.dashboardUrl
    ? [{ type: 'Action.OpenUrl', title: h.openDashboard, url: options.dashboardUrl }]
    : [];
  const card: Element & { body: Element[] } = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [],
    ...(actions.length > 0 ? { actions } : {}),
  };
  // Room is kept for the two closing notes of a shortened card, each with its separating comma.
  const shortened = [note('…'), note(h.fullOnDashboard)];
  let size = bytes(card) + shortened.reduce((total, block) => total + bytes(block) + 1, 0);
  for (const block of blocks) {
    const cost = bytes(block) + 1;
    if (size + cost > CARD_BYTE_BUDGET) {
      card.body.push(...shortened);
      return card;
    }
    card.body.push(block);
    size += cost;
  }
  return card;
}
