import { type Language, LEVER_IDS, LeverId, VALUE_IDS, ValueId } from '../domain.js';
import { fill } from '../guide/template.js';
import { shippedKnownNames } from '../privacy/known-names.js';
import { fold } from '../privacy/name-words.js';
import type { Tagger } from '../tagger/types.js';
import type { Evidence, Tags } from '../tags.js';
import { type SummaryPrompts, summaryPrompts, toolLabel } from './labels.js';
import { CORRECTION_TARGETS, Correction } from './schema.js';

type Target = (typeof CORRECTION_TARGETS)[number];

/**
 * `said`: the name as the respondent typed it, without the reason after it ("Instagram"); `byName`: read as the
 * tagger reads an answer (a brand, or a value or lever in everyday words), not by one of the item's own names.
 */
export type ParsedCorrection =
  | { ok: true; correction: Correction; said: string; byName: boolean }
  | { ok: false; reason: 'not_understood' | 'unknown_item'; message: string };

/** Each brand's nicknames, both languages' (`corrections.nicknames`): the same brands, whatever the interview's language. */
let nicknamePairs: readonly (readonly [string, string])[] | null = null;
function nicknames(): readonly (readonly [string, string])[] {
  nicknamePairs ??= (['fr', 'en'] as const).flatMap((lang) =>
    Object.entries(summaryPrompts(lang).corrections.nicknames).flatMap(([brand, short]) =>
      short.map((nickname) => [` ${nickname} `, ` ${brand} `] as const),
    ),
  );
  return nicknamePairs;
}

/** A folded text with each brand's nickname written as the brand ("insta" as "instagram"). */
export function byBrand(folded: string): string {
  let text = ` ${folded} `;
  for (const [nickname, brand] of nicknames()) text = text.replaceAll(nickname, brand);
  return text.trim();
}

/** Lower case, accents and apostrophe variants folded, spaces collapsed: how correction words are compared. */
export function foldText(text: string): string {
  return foldCharacters(text).replace(/\s+/g, ' ').trim();
}

function foldCharacters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    .replace(/[«»"“”.!?;:,]/g, ' ');
}

/** A folded text and, for each of its characters, the stretch of the typed text it comes from. */
interface Folded {
  text: string;
  from: number[];
  to: number[];
}

/** `foldText`, remembering where each character was typed: a name is quoted as the respondent wrote it. */
function foldTracked(typed: string): Folded {
  const folded: Folded = { text: '', from: [], to: [] };
  let at = 0;
  for (const character of typed) {
    const end = at + character.length;
    const piece = foldCharacters(character);
    // A combining accent typed apart belongs to the letter before it.
    if (piece === '' && folded.to.length > 0) folded.to[folded.to.length - 1] = end;
    for (const c of piece) {
      const space = /\s/.test(c);
      if (space && (folded.text === '' || folded.text.endsWith(' '))) continue;
      folded.text += space ? ' ' : c;
      folded.from.push(at);
      folded.to.push(end);
    }
    at = end;
  }
  if (folded.text.endsWith(' ')) {
    folded.text = folded.text.slice(0, -1);
    folded.from.pop();
    folded.to.pop();
  }
  return folded;
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

/** Every leading filler off, however many stand in a row ("actually, please …", "finalement, juste …"). */
function stripFillers(text: string, fillers: readonly string[]): string {
  let rest = text;
  for (let stripped = stripLeading(rest, fillers); stripped.matched && stripped.rest !== rest; ) {
    rest = stripped.rest;
    stripped = stripLeading(rest, fillers);
  }
  return rest;
}

/** `typed` without the filler words it ends on ("Xero back", "le CRM aussi, merci"), as typed. */
function withoutTrailingFillers(typed: string, fillers: readonly string[]): string {
  const folded = foldTracked(typed);
  let rest = folded.text;
  for (let again = true; again; ) {
    again = false;
    for (const filler of fillers) {
      const word = foldText(filler);
      if (rest.endsWith(` ${word}`)) {
        rest = rest.slice(0, -word.length - 1).trim();
        again = true;
      }
    }
  }
  return rest === '' ? '' : typed.slice(folded.from[0], folded.to[rest.length - 1]);
}

/** The names, folded, each value, tool and lever goes by in the summary's words: id, label, aliases. */
interface ItemNames {
  target: Target;
  id: string;
  names: ReadonlySet<string>;
}

function itemNames(prompts: readonly SummaryPrompts[]): ItemNames[] {
  return CORRECTION_TARGETS.flatMap((target) =>
    candidates(target, prompts).map((id) => ({ target, id, names: new Set(namesOf(target, id, prompts)) })),
  );
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

function resolve(item: string, targets: readonly Target[], items: readonly ItemNames[]): Correction | null {
  for (const target of targets) {
    for (const entry of items) {
      if (entry.target !== target || !entry.names.has(item)) continue;
      const parsed = Correction.safeParse({ action: 'add', target, id: entry.id });
      if (parsed.success) return parsed.data;
    }
  }
  return null;
}

/** Reads a name alone as it reads an answer: brands and everyday words of the lexicon ("Xero", "le plaisir"). */
export type NameReader = Pick<Tagger, 'tag'>;

/** Longer than this, what follows the verb is a sentence rather than a name: the tagger is not asked. */
const MAX_NAME_WORDS = 4;

/** Tools first: a tool the tagger reads brings its lever along, the lever is not what was named. */
const READ_ORDER: readonly Target[] = ['tool', 'value', 'lever'];

/** What a name is read with: the summary's names, the words around names, and the tagger when there is one. */
interface Reading {
  targets: readonly Target[];
  items: readonly ItemNames[];
  /** Folded. */
  fillers: ReadonlySet<string>;
  /** Folded: "et", "and"… */
  listWords: readonly string[];
  /** Folded: "valeur", "tool", "software"… */
  targetWords: ReadonlySet<string>;
  langs: readonly Language[];
  reader: NameReader | undefined;
}

function tagsOf(tags: Tags, target: Target): readonly { id: string; evidence: readonly Evidence[] }[] {
  return target === 'tool' ? tags.tools : target === 'value' ? tags.values : tags.levers;
}

/** Whether the evidence spans every word of `typed` but fillers ("nos" of "nos fournisseurs"). */
function spansName(typed: string, evidence: readonly Evidence[], fillers: ReadonlySet<string>): boolean {
  for (const word of typed.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = word.index;
    const end = start + word[0].length;
    if (!evidence.some((e) => e.start <= start && end <= e.end) && !fillers.has(foldText(word[0])))
      return false;
  }
  return true;
}

/** Whether `typed` holds a name the lexicon writes with capitals: a brand or an acronym ("Xero", "page Facebook"). */
function holdsKnownName(typed: string): boolean {
  const known = shippedKnownNames();
  const words = fold(typed).split(/\s+/).filter(Boolean);
  for (let from = 0; from < words.length; from += 1)
    for (let to = from + 1; to <= words.length; to += 1)
      if (known.has(words.slice(from, to).join(' '))) return true;
  return false;
}

/** A word folded, without a plural's final s or x: "reseaux" and "reseau" are one word. */
function singular(word: string): string {
  return word.length > 3 ? word.replace(/[sx]$/, '') : word;
}

/**
 * Whether `typed` and the tool's own names (its labels and aliases) share a word, besides fillers, joining words
 * and kinds ("de", "and", "logiciel", "software").
 */
function sharesAWord(typed: string, id: string, reading: Reading): boolean {
  const meaningful = (text: string) =>
    text
      .split(' ')
      .filter(
        (word) =>
          word !== '' &&
          !reading.fillers.has(word) &&
          !reading.targetWords.has(word) &&
          !reading.listWords.includes(word),
      )
      .map(singular);
  const own = reading.items
    .filter((item) => item.target === 'tool' && item.id === id)
    .flatMap((item) => [...item.names].flatMap(meaningful));
  return meaningful(foldText(typed)).some((word) => own.includes(word));
}

/**
 * The item the tagger reads in `typed`, when `typed` is its name: read on a word inside it instead ("transport
 * management software" on "management software"), what was named is something else. A tool is named so by a
 * brand, or by words of its own name in the summary ("cloud backup"): the lexicon's other phrases are cues an
 * answer is read with ("caisse connectée" says the till is in the cloud), and would land on another kind of tool
 * than the one named.
 */
function readName(typed: string, reading: Reading, reader: NameReader): Correction | null {
  if (typed.split(/\s+/).length > MAX_NAME_WORDS) return null;
  for (const lang of reading.langs) {
    const tags = reader.tag(typed, { lang });
    const target = READ_ORDER.find((t) => reading.targets.includes(t) && tagsOf(tags, t).length > 0);
    if (target === undefined) continue;
    const read = tagsOf(tags, target);
    const [first, ...others] = read;
    // Two items read in one name: which one was meant is not guessed.
    if (first === undefined || others.some((tag) => tag.id !== first.id)) return null;
    const evidence = read.flatMap((tag) => tag.evidence);
    if (!spansName(typed, evidence, reading.fillers)) continue;
    if (target === 'tool' && !holdsKnownName(typed) && !sharesAWord(typed, first.id, reading)) continue;
    const parsed = Correction.safeParse({ action: 'add', target, id: first.id });
    if (parsed.success) return parsed.data;
  }
  return null;
}

function readItem(typed: string, reading: Reading): { correction: Correction; byName: boolean } | null {
  const byItsName = resolve(foldText(typed), reading.targets, reading.items);
  if (byItsName) return { correction: byItsName, byName: false };
  const read = reading.reader ? readName(typed, reading, reading.reader) : null;
  // The tool's class in other words ("programmation des machines", "le cloud") names all of it; a brand, its own words.
  return read ? { correction: read, byName: read.target === 'tool' && holdsKnownName(typed) } : null;
}

/**
 * Whether the words after a name name something more, rather than saying why: a word joining a second name
 * ("et le CRM"), a kind ("la valeur …") or another tool, by the summary's words or as the tagger reads one. The
 * tool just named, named again, says why ("l erp on a pas d erp").
 */
function namesMore(after: string, reading: Reading, named: Correction): boolean {
  const folded = foldText(after);
  if (stripLeading(folded, reading.listWords).matched) return true;
  const words = folded.split(' ');
  const other = (id: string) => !(named.target === 'tool' && named.id === id);
  const toolNames = reading.items.filter((item) => item.target === 'tool' && other(item.id));
  for (let from = 0; from < words.length; from += 1)
    for (let to = from + 1; to <= words.length; to += 1) {
      const run = words.slice(from, to).join(' ');
      if (reading.targetWords.has(run) || toolNames.some((item) => item.names.has(run))) return true;
    }
  const { reader } = reading;
  return (
    reader !== undefined &&
    reading.langs.some((lang) => reader.tag(after, { lang }).tools.some((tool) => other(tool.id)))
  );
}

/** What ends the name in "retire Xero, on ne s'en sert plus": the rest says why. */
const CLAUSE_PUNCTUATION = /[,;:.!?(—–]/u;

/**
 * Where the name may end in what follows the verb, most words first: all of it; before a comma ("Xero, on ne
 * s'en sert plus"); then each run of leading words of that clause, followed by the words left (`after`), which
 * must only say why ("l'ERP on n'en a pas", "Xero we dropped it last year").
 */
function nameCandidates(typed: string, fillers: readonly string[]): { name: string; after: string }[] {
  const clauseEnd = typed.search(CLAUSE_PUNCTUATION);
  const clause = clauseEnd > 0 ? withoutTrailingFillers(typed.slice(0, clauseEnd).trim(), fillers) : typed;
  const found = [{ name: typed, after: '' }];
  if (clause !== typed && clause !== '') found.push({ name: clause, after: '' });
  const folded = foldTracked(clause);
  const wordEnds = [...folded.text.matchAll(/ /g)].map((space) => space.index);
  for (const end of wordEnds.reverse()) {
    const name = clause.slice(folded.from[0], folded.to[end - 1]);
    const after = clause.slice(folded.from[end + 1]);
    // A name ending on a filler is tried without it, shorter.
    if (withoutTrailingFillers(name, fillers) === name) found.push({ name, after });
  }
  return found;
}

/** What follows the first of `phrases` said in `folded` (itself folded), from a word's start; null when none is. */
function afterDenial(folded: string, phrases: readonly string[]): string | null {
  const padded = ` ${folded} `;
  let best: { at: number; end: number } | null = null;
  for (const phrase of phrases) {
    const wanted = foldText(phrase);
    // It starts a word, or follows an elision ("qu'on avait pas d'"); an elided one ("d'") runs into the name.
    for (let at = padded.indexOf(wanted); at >= 0; at = padded.indexOf(wanted, at + 1)) {
      const end = at + wanted.length;
      const starts = padded[at - 1] === ' ' || padded[at - 1] === "'";
      if (!starts || !(wanted.endsWith("'") || padded[end] === ' ')) continue;
      if (!best || at < best.at || (at === best.at && end > best.end)) best = { at, end };
      break;
    }
  }
  return best === null ? null : padded.slice(best.end).trim();
}

/**
 * Reads a respondent's correction of the short summary: a verb (add, remove, or put back: an add), an optional
 * kind (value, tool, lever) and a name. Names are matched in the given language first, then the other,
 * so "retire la valeur security" still works; with `reader`, a brand the summary's words do not hold is
 * read as the tagger reads an answer ("remove tool Xero": the kind of tool Xero is). A reason after the name
 * is left out, after a comma or not ("retire Xero, on ne s'en sert plus", "enlève l'ERP on n'en a pas"), but
 * never a second name ("retire l'ERP et le CRM" is not read). `quote` is how the message quotes a name not
 * known, as typed: the respondent's words, which a front door rendering Markdown needs made inert.
 */
export function parseCorrection(
  text: string,
  lang: Language,
  quote: (typed: string) => string = (typed) => typed,
  reader?: NameReader,
): ParsedCorrection {
  const own = summaryPrompts(lang);
  const other = summaryPrompts(lang === 'fr' ? 'en' : 'fr');
  const all = [own, other];
  const fillers = all.flatMap((p) => p.corrections.fillers);
  const folded = foldTracked(text);
  let rest = stripFillers(folded.text, fillers);
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
  if (action === null) {
    // "je vous ai dit qu'on avait pas d'ERP !": the name follows a denial anywhere in the reply.
    const after = afterDenial(
      rest,
      all.flatMap((p) => p.corrections.denyPhrases),
    );
    if (after !== null) {
      action = 'remove';
      rest = after;
    }
  }
  if (action === null || rest === '')
    return { ok: false, reason: 'not_understood', message: own.corrections.notUnderstood };

  rest = stripFillers(rest, fillers);
  let targets: Target[] = [...CORRECTION_TARGETS];
  for (const target of CORRECTION_TARGETS) {
    const stripped = stripLeading(
      rest,
      all.flatMap((p) => p.corrections.targets[target]),
    );
    if (stripped.matched) {
      targets = [target];
      rest = stripFillers(stripped.rest, fillers);
      break;
    }
  }
  // Only leading words were taken off so far: the name starts where the rest of the folded text does.
  const start = folded.text.length - rest.length;
  // Trailing politeness and particles ("…, merci", "put Xero back") are not part of the name.
  const typed =
    rest === ''
      ? ''
      : withoutTrailingFillers(text.slice(folded.from[start], folded.to[folded.text.length - 1]), fillers);
  if (typed === '') return { ok: false, reason: 'not_understood', message: own.corrections.notUnderstood };
  const reading: Reading = {
    targets,
    items: itemNames(all),
    fillers: new Set(fillers.map(foldText)),
    listWords: all.flatMap((p) => p.corrections.listWords).map(foldText),
    targetWords: new Set(all.flatMap((p) => Object.values(p.corrections.targets).flat()).map(foldText)),
    langs: [lang, lang === 'fr' ? 'en' : 'fr'],
    reader,
  };
  for (const { name, after } of nameCandidates(typed, fillers)) {
    const found = readItem(name, reading);
    if (!found || (after !== '' && namesMore(after, reading, found.correction))) continue;
    return { ok: true, correction: { ...found.correction, action }, said: name, byName: found.byName };
  }
  // What follows a comma says why ("Madison, we stopped using it"): the name quoted back is the part before.
  const clauseEnd = typed.search(/[,;]/u);
  const named =
    clauseEnd > 0 ? withoutTrailingFillers(typed.slice(0, clauseEnd).trim(), fillers) || typed : typed;
  return {
    ok: false,
    reason: 'unknown_item',
    message: fill(own.corrections.unknownItem, { item: quote(named) }),
  };
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

export function describeCorrection(
  correction: Correction,
  lang: Language,
  earlier: readonly Correction[] = [],
): string {
  const p = summaryPrompts(lang);
  const item = correctionItem(correction, lang);
  if (putsBack(earlier, correction)) {
    const name = correction.said === undefined ? item.label : correction.said;
    return fill(p.corrections.describedPutBack, { ...item, name: fill(p.typography.quoted, { text: name }) });
  }
  if (correction.target === 'tool' && correction.from === 'probe' && correction.said !== undefined)
    return fill(p.corrections.describedDenied, {
      ...item,
      name: fill(p.typography.quoted, { text: correction.said }),
      label: fill(p.typography.quoted, { text: item.label }),
    });
  if (correction.target === 'tool' && correction.from === 'answer' && correction.said !== undefined)
    return fill(p.corrections.describedDropped, {
      ...item,
      name: fill(p.typography.quoted, { text: correction.said }),
    });
  if (correction.target === 'tool' && correction.scope === 'named' && correction.said !== undefined)
    return fill(p.corrections.describedNamedOnly, {
      ...item,
      name: fill(p.typography.quoted, { text: correction.said }),
      label: fill(p.typography.quoted, { text: item.label }),
    });
  return fill(p.corrections.described[correction.action], item);
}

/**
 * An addition of a tool, by a name one of `earlier` removed it by ("remove Instagram", then "put Instagram
 * back").
 */
export function putsBack(earlier: readonly Correction[], correction: Correction): boolean {
  const said = correction.said;
  if (correction.action !== 'add' || correction.target !== 'tool' || said === undefined) return false;
  return earlier.some(
    (removed) =>
      removed.action === 'remove' &&
      removed.target === 'tool' &&
      removed.id === correction.id &&
      removed.said !== undefined &&
      namesEvidence(said, removed.said),
  );
}

/** Whether `name` (folded) is what `evidence`, words the tagger read a tool from, says: the one holds the other. */
export function namesEvidence(name: string, evidence: string): boolean {
  const said = ` ${byBrand(foldText(name))} `;
  const read = ` ${byBrand(foldText(evidence))} `;
  return said.trim() !== '' && (read.includes(said) || said.includes(read));
}
