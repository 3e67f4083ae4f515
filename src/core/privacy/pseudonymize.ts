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
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){8,14}\b/g;

/** Cues after which a capitalised name is the respondent's or the firm's (presentation answers). */
const PERSON_CUES = /\b(?:je m['’]appelle|mon nom est|moi c['’]est|my name is|i am|i'm|je suis)\s+/giu;
const COMPANY_CUES =
  /\b(?:l['’]entreprise|la société|la societe|la boîte|la boite|le cabinet|le groupe|notre entreprise|notre société|chez|the company|our company|the firm|we are|nous sommes|on s['’]appelle|called|appelée|appelee|nommée|nommee)\s+/giu;
const NAME_WORD = "\\p{Lu}[\\p{L}'’&-]+";
const NAME_AFTER_CUE = new RegExp(`^(${NAME_WORD}(?:\\s+(?:(?:de|du|des|&)\\s+)?${NAME_WORD})*)`, 'u');

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
    for (const cue of text.matchAll(cues)) {
      const rest = text.slice((cue.index ?? 0) + cue[0].length);
      const name = NAME_AFTER_CUE.exec(rest)?.[1]?.trim();
      if (!name) continue;
      const words = name.split(/\s+/).filter((w) => !NOT_NAMES.has(w.toLowerCase()));
      if (words.length === 0 || NOT_NAMES.has(name.split(/\s+/)[0]?.toLowerCase() ?? '')) continue;
      found.push({ kind, text: name });
    }
  }
  return dedupe(found);
}

function dedupe(identifiers: readonly Identifier[]): Identifier[] {
  const seen = new Set<string>();
  return identifiers.filter((identifier) => {
    const key = `${identifier.kind}:${normalise(identifier.text)}`;
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
      'giu',
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
