import { createHmac } from 'node:crypto';

/**
 * Pseudonymisation for exports: names given at presentation, e-mail addresses, phone numbers and URLs are
 * replaced by stable pseudonyms. The pseudonym is derived from a per-study secret key, so the same firm maps
 * to the same pseudonym across every interview and export of a study, and cannot be reversed without the key.
 */

export const IDENTIFIER_KINDS = ['person', 'company', 'email', 'phone', 'url'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface Identifier {
  kind: IdentifierKind;
  /** The identifying text as it appears in the answers. */
  text: string;
  /**
   * Matched only as written, capital included: one word of a name ("Martine", "Kerguelen") may also be a
   * common word in lower case.
   */
  caseSensitive?: boolean;
}

export interface Replacement {
  start: number;
  end: number;
  original: string;
  pseudonym: string;
  kind: IdentifierKind;
}

const LABELS: Record<IdentifierKind, string> = {
  person: 'PERSONNE',
  company: 'ENTREPRISE',
  email: 'EMAIL',
  phone: 'TEL',
  url: 'URL',
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const URL_PATTERN =
  /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+|\b[\p{L}\p{N}-]+\.(?:fr|com|net|org|eu|io|biz|info)(?:\/[^\s<>"')\]]*)?/giu;
/** French numbers (0X XX XX XX XX, +33 X …) and generic international numbers of 9 to 15 digits. */
const PHONE = /(?<!\d)(?:\+\d{1,3}[\s.-]?)?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){8,14}\b/g;

/** Cues after which a capitalised name is the respondent's or the firm's (presentation answers). */
const PERSON_CUES = /\b(?:je m['’]appelle|mon nom est|moi c['’]est|my name is|i am|i'm|je suis)\s+/giu;
/** Cues so explicit that the name after them is taken even in lower case ("je m'appelle paul le gall"). */
const STRONG_PERSON_CUES = /\b(?:je m['’]appelle|mon nom est|my name is)\s+/giu;
const COMPANY_CUES =
  /\b(?:l['’]entreprise|la société|la societe|la boîte|la boite|le cabinet|le groupe|notre entreprise|notre société|mon entreprise|ma société|ma boîte|ma boite|chez|the company|our company|the firm|my company|my business|we are|we're|nous sommes|on s['’]appelle|called|appelée|appelee|nommée|nommee|je dirige|j['’]ai créé|j['’]ai repris|gérant de|gérante de|gerant de|gerante de|dirigeant de|dirigeante de|directeur de|directrice de|fondateur de|fondatrice de|patron de|patronne de|i run|i own|owner of|director of|manager of|founder of)[\s,:]+(?:(?:la|le|les|the)\s+|l['’])?/giu;
const NAME_WORD = "\\p{Lu}[\\p{L}'’&-]+";
const NAME_AFTER_CUE = new RegExp(`^(${NAME_WORD}(?:\\s+(?:(?:de|du|des|&)\\s+)?${NAME_WORD})*)`, 'u');
const LOWER_NAME = /^([\p{L}'’-]{2,}(?:\s+[\p{L}'’-]{2,}){0,2})/u;
/** Words that end a lower-case name ("je m'appelle paul et je dirige…"), or show there is none ("comme mon père"). */
const AFTER_NAME = new Set(
  'et je j and i de du chez at from gérant gerant comme like ça ca pas not plus bien just so aussi also mon ma my un une a an the'.split(
    ' ',
  ),
);
/** Parts of a firm's name that say what it is, not who: never replaced on their own. */
const LEGAL_FORMS = new Set('sarl sas sasu sa eurl sci scop ltd llp plc inc gmbh'.split(' '));

/** Words that are capitalised at a cue without being a name ("je suis Directeur", "chez Nous"). */
const NOT_NAMES = new Set(
  [
    'le',
    'la',
    'les',
    'un',
    'une',
    'des',
    'nous',
    'moi',
    'on',
    'the',
    'a',
    'an',
    'we',
    'our',
    'i',
    'directeur',
    'directrice',
    'gérant',
    'gérante',
    'gerant',
    'gerante',
    'président',
    'présidente',
    'dirigeant',
    'dirigeante',
    'responsable',
    'chef',
    'manager',
    'director',
    'owner',
    'ceo',
    'founder',
    'fondateur',
    'fondatrice',
    'conseiller',
    'conseillère',
    'adviser',
    'advisor',
    'pme',
    'sme',
    'tpe',
    'eti',
    'cci',
    'très',
    'tres',
    'plutôt',
  ].map((w) => w.toLowerCase()),
);

export function pseudonymFor(key: string, kind: IdentifierKind, text: string): string {
  const digest = createHmac('sha256', key)
    .update(`${kind}\u0000${normalise(text)}`)
    .digest('hex');
  return `[${LABELS[kind]}-${digest.slice(0, 6).toUpperCase()}]`;
}

function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Names introduced by a cue ("je m'appelle Anne Roux", "chez Menuiserie Vidal") in presentation answers. */
export function findIntroducedNames(text: string): Identifier[] {
  const found: Identifier[] = [];
  for (const [cues, kind] of [
    [PERSON_CUES, 'person'],
    [COMPANY_CUES, 'company'],
  ] as const) {
    for (const cue of overlappingMatches(cues, text)) {
      const rest = text.slice(cue.index + cue[0].length);
      const name = NAME_AFTER_CUE.exec(rest)?.[1]?.trim();
      if (!name) continue;
      const words = name.split(/\s+/).filter((w) => !NOT_NAMES.has(w.toLowerCase()));
      if (words.length === 0 || NOT_NAMES.has(name.split(/\s+/)[0]?.toLowerCase() ?? '')) continue;
      found.push({ kind, text: name }, ...partsOf(kind, name));
    }
  }
  for (const cue of text.matchAll(STRONG_PERSON_CUES)) {
    const rest = text.slice((cue.index ?? 0) + cue[0].length);
    const words = (LOWER_NAME.exec(rest)?.[1] ?? '').split(/\s+/);
    const end = words.findIndex((w) => AFTER_NAME.has(w.toLowerCase()));
    const name = words.slice(0, end < 0 ? words.length : end).join(' ');
    if (name.length >= 2 && !NOT_NAMES.has(words[0]?.toLowerCase() ?? ''))
      found.push({ kind: 'person', text: name }, ...partsOf('person', name));
  }
  return dedupe(found);
}

/** Every match of a global pattern, overlapping ones included ("je dirige la société X": both cues). */
function overlappingMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const scan = new RegExp(pattern.source, pattern.flags);
  for (let match = scan.exec(text); match !== null; match = scan.exec(text)) {
    found.push(match);
    scan.lastIndex = match.index + 1;
  }
  return found;
}

/**
 * The words of a name that identify on their own, as written: a first name or a surname said alone later
 * ("c'est Martine qui…"), the distinctive word of a firm's name ("chez Kerguelen"). Legal forms, short
 * words and particles are left.
 */
function partsOf(kind: 'person' | 'company', name: string): Identifier[] {
  const words = name.split(/\s+/);
  if (words.length < 2) return [];
  return words
    .filter((word) => word.length >= 3 && /^\p{Lu}/u.test(word))
    .filter((word) => !NOT_NAMES.has(word.toLowerCase()) && !LEGAL_FORMS.has(word.toLowerCase()))
    .map((word) => ({ kind, text: word, caseSensitive: true }));
}

function dedupe(identifiers: readonly Identifier[]): Identifier[] {
  const seen = new Set<string>();
  return identifiers.filter((identifier) => {
    const key = `${identifier.kind}:${identifier.caseSensitive ? identifier.text : normalise(identifier.text)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every place in `text` to replace: the given names (whole words, case- and accent-insensitive on the
 * surface form), then e-mails, URLs and phone numbers. Overlaps keep the earliest, longest match.
 */
export function findReplacements(text: string, names: readonly Identifier[], key: string): Replacement[] {
  const candidates: Replacement[] = [];
  const add = (start: number, original: string, kind: IdentifierKind, canonical: string) => {
    candidates.push({
      start,
      end: start + original.length,
      original,
      kind,
      pseudonym: pseudonymFor(key, kind, canonical),
    });
  };
  for (const name of names) {
    if (name.text.trim().length < 2) continue;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(name.text.trim())}(?![\\p{L}\\p{N}])`,
      name.caseSensitive ? 'gu' : 'giu',
    );
    for (const match of text.matchAll(pattern)) add(match.index ?? 0, match[0], name.kind, name.text);
  }
  for (const match of text.matchAll(EMAIL)) add(match.index ?? 0, match[0], 'email', match[0]);
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    add(match.index ?? 0, url, 'url', url);
  }
  for (const match of text.matchAll(PHONE))
    add(match.index ?? 0, match[0], 'phone', match[0].replace(/\D/g, ''));
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Replacement[] = [];
  for (const candidate of candidates) {
    const last = kept.at(-1);
    if (last && candidate.start < last.end) continue;
    kept.push(candidate);
  }
  return kept;
}

export interface PseudonymizedText {
  text: string;
  replacements: Replacement[];
  /** Maps an offset of the original text to the pseudonymised text (for evidence spans). */
  mapOffset(offset: number): number;
  /**
   * Maps a span [start, end) so it covers the same words afterwards: a span reaching into a replaced
   * identifier covers the whole pseudonym, so the evidence keeps pointing at what replaced the words.
   */
  mapSpan(start: number, end: number): { start: number; end: number };
}

export function pseudonymizeText(text: string, names: readonly Identifier[], key: string): PseudonymizedText {
  const replacements = findReplacements(text, names, key);
  let output = '';
  let cursor = 0;
  for (const replacement of replacements) {
    output += text.slice(cursor, replacement.start) + replacement.pseudonym;
    cursor = replacement.end;
  }
  output += text.slice(cursor);
  const mapOffset = (offset: number): number => {
    let shift = 0;
    for (const replacement of replacements) {
      if (offset <= replacement.start) break;
      if (offset < replacement.end) return replacement.start + shift;
      shift += replacement.pseudonym.length - (replacement.end - replacement.start);
    }
    return offset + shift;
  };
  const mapSpan = (start: number, end: number) => {
    const inside = replacements.find((r) => end > r.start && end < r.end);
    const mappedStart = mapOffset(start);
    return { start: mappedStart, end: Math.max(mappedStart, mapOffset(inside ? inside.end : end)) };
  };
  return { text: output, replacements, mapOffset, mapSpan };
}
