import { type Language, LEVER_IDS, LeverId, VALUE_IDS, ValueId } from '../domain.js';
import { fill } from '../guide/template.js';
import { type SummaryPrompts, summaryPrompts, toolLabel } from './labels.js';
import { CORRECTION_TARGETS, Correction } from './schema.js';

type Target = (typeof CORRECTION_TARGETS)[number];

export type ParsedCorrection =
  | { ok: true; correction: Correction }
  | { ok: false; reason: 'not_understood' | 'unknown_item'; message: string };

/** Lower case, accents and apostrophe variants folded, spaces collapsed: how correction words are compared. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    .replace(/[«»"“”.!?;:,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function startsWithWord(text: string, word: string): string | null {
  const folded = foldText(word);
  if (text === folded) return '';
  if (folded.endsWith("'") && text.startsWith(folded)) return text.slice(folded.length).trim();
  return text.startsWith(`${folded} `) ? text.slice(folded.length + 1).trim() : null;
}

function stripLeading(text: string, words: readonly string[]): { rest: string; matched: boolean } {
  // Longest first so "la valeur" wins over "la".
  const sorted = [...words].sort((a, b) => b.length - a.length);
  for (const word of sorted) {
    const rest = startsWithWord(text, word);
    if (rest !== null) return { rest, matched: true };
  }
  return { rest: text, matched: false };
}

function namesOf(target: Target, id: string, prompts: readonly SummaryPrompts[]): string[] {
  const names = [id, id.replaceAll('_', ' ')];
  for (const p of prompts) {
    const value = ValueId.safeParse(id);
    const lever = LeverId.safeParse(id);
    if (target === 'value' && value.success) names.push(p.values[value.data]);
    if (target === 'lever' && lever.success) names.push(p.levers[lever.data]);
    if (target === 'tool') names.push(toolLabel(p, id));
    names.push(...(p.corrections.aliases[id] ?? []));
  }
  return names.map(foldText);
}

function candidates(target: Target, prompts: readonly SummaryPrompts[]): string[] {
  if (target === 'value') return [...VALUE_IDS];
  if (target === 'lever') return [...LEVER_IDS];
  const ids = new Set<string>();
  for (const p of prompts) for (const id of Object.keys(p.tools)) ids.add(id);
  return [...ids];
}

function resolve(
  item: string,
  targets: readonly Target[],
  prompts: readonly SummaryPrompts[],
): Correction | null {
  for (const target of targets) {
    for (const id of candidates(target, prompts)) {
      if (!namesOf(target, id, prompts).includes(item)) continue;
      const parsed = Correction.safeParse({ action: 'add', target, id });
      if (parsed.success) return parsed.data;
    }
  }
  return null;
}

/**
 * Reads a respondent's correction of the short summary: a verb (add/remove), an optional kind
 * (value, tool, lever) and a name. Names are matched in the given language first, then the other,
 * so "retire la valeur security" still works. `quote` is how the message quotes a name not known: the
 * respondent's words, which a front door rendering Markdown needs made inert.
 */
export function parseCorrection(
  text: string,
  lang: Language,
  quote: (typed: string) => string = (typed) => typed,
): ParsedCorrection {
  const own = summaryPrompts(lang);
  const other = summaryPrompts(lang === 'fr' ? 'en' : 'fr');
  const all = [own, other];
  const fillers = all.flatMap((p) => p.corrections.fillers);
  let rest = stripLeading(foldText(text), fillers).rest;
  let action: Correction['action'] | null = null;
  for (const p of all) {
    const removed = stripLeading(rest, p.corrections.removeVerbs);
    if (removed.matched) {
      action = 'remove';
      rest = removed.rest;
      break;
    }
    const added = stripLeading(rest, p.corrections.addVerbs);
    if (added.matched) {
      action = 'add';
      rest = added.rest;
      break;
    }
  }
  if (action === null || rest === '')
    return { ok: false, reason: 'not_understood', message: own.corrections.notUnderstood };

  rest = stripLeading(rest, fillers).rest;
  let targets: Target[] = [...CORRECTION_TARGETS];
  for (const target of CORRECTION_TARGETS) {
    const stripped = stripLeading(
      rest,
      all.flatMap((p) => p.corrections.targets[target]),
    );
    if (stripped.matched) {
      targets = [target];
      rest = stripLeading(stripped.rest, fillers).rest;
      break;
    }
  }
  // Trailing politeness ("…, merci") is not part of the name.
  for (const filler of fillers) {
    const folded = foldText(filler);
    if (rest.endsWith(` ${folded}`)) rest = rest.slice(0, -folded.length - 1).trim();
  }
  if (rest === '') return { ok: false, reason: 'not_understood', message: own.corrections.notUnderstood };
  const found = resolve(rest, targets, all);
  if (!found)
    return {
      ok: false,
      reason: 'unknown_item',
      message: fill(own.corrections.unknownItem, { item: quote(rest) }),
    };
  return { ok: true, correction: { ...found, action } };
}

/** `{target}` and `{label}` of a correction as the summary names them: "valeur", "Sécurité". */
export function correctionItem(correction: Correction, lang: Language): { target: string; label: string } {
  const p = summaryPrompts(lang);
  const label =
    correction.target === 'value'
      ? p.values[correction.id]
      : correction.target === 'lever'
        ? p.levers[correction.id]
        : toolLabel(p, correction.id);
  return { target: p.corrections.targetNames[correction.target], label };
}

export function describeCorrection(correction: Correction, lang: Language): string {
  return fill(
    summaryPrompts(lang).corrections.described[correction.action],
    correctionItem(correction, lang),
  );
}
