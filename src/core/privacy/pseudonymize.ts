import { createHmac } from 'node:crypto';
import type { Language } from '../domain.js';
import { asWebName, shippedKnownWebNames } from './known-names.js';

/**
 * Pseudonymisation for exports: names given at presentation, e-mail addresses, phone numbers, URLs and social
 * network accounts are
 * replaced by stable pseudonyms. The pseudonym is derived from a per-study secret key, so the same firm maps
 * to the same pseudonym across every interview and export of a study, and cannot be reversed without the key.
 */

export const IDENTIFIER_KINDS = ['person', 'company', 'email', 'phone', 'url', 'handle'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface Identifier {
  kind: IdentifierKind;
  /** The identifying text as it appears in the answers. */
  text: string;
  /**
   * Matched only where it starts with a capital ("Martine", "MARTINE", "Anne" for "ANNE"): one word of a
   * name ("Rose") may also be a common word in lower case. In a text written all in one case, case says
   * nothing and any case matches.
   */
  caseSensitive?: boolean;
  /** The name whose pseudonym this one takes, so every way one firm or person is said reads alike. */
  canonical?: string;
}

export interface Replacement {
  start: number;
  end: number;
  original: string;
  pseudonym: string;
  kind: IdentifierKind;
}

/**
 * The word of a pseudonym, in the language of the text it stands in. Only the word changes with the
 * language, never the code after it: one firm keeps one code across the interviews of a study.
 */
const LABELS: Record<Language, Record<IdentifierKind, string>> = {
  fr: {
    person: 'PERSONNE',
    company: 'ENTREPRISE',
    email: 'EMAIL',
    phone: 'TEL',
    url: 'URL',
    handle: 'COMPTE',
  },
  en: { person: 'PERSON', company: 'COMPANY', email: 'EMAIL', phone: 'PHONE', url: 'URL', handle: 'ACCOUNT' },
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** The top-level domains a web address written without "www." or "http" is told by. */
const TOP_LEVEL_DOMAINS = ['fr', 'com', 'net', 'org', 'eu', 'io', 'biz', 'info', 'uk', 'ie', 'bzh'];
/**
 * A web address: from "http(s)://" or "www.", or host names ending on a top-level domain as a word
 * ("durand-menuiserie.com", "kerguelen.bzh", "harbourview.co.uk"; not "vrai.Franchement" typed without a space).
 */
const URL_PATTERN = new RegExp(
  String.raw`\b(?:https?:\/\/|www\.)[^\s<>"')\]]+|(?<![\p{L}\p{N}_@.-])(?:[\p{L}\p{N}-]+\.)+(?:${TOP_LEVEL_DOMAINS.join('|')})(?![\p{L}\p{N}-])(?:\/[^\s<>"')\]]*)?`,
  'giu',
);
/** What may follow a brand's name in its own site's address ("amazon.co.uk"). */
const DOMAIN_SUFFIXES = new Set([...TOP_LEVEL_DOMAINS, 'co']);
/** A site named with no page of it: a scheme and "www." may open it, a slash end it. */
const WHOLE_SITE = /^(?:https?:\/\/)?(?:www\.)?([^/]+)\/?$/iu;
/** A social network account ("@spokeandchain_bikes"): an "@" no word or address runs into. */
const HANDLE = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_.]*[\p{L}\p{N}_]/gu;
/** French numbers (0X XX XX XX XX, +33 X …) and generic international numbers of 9 to 15 digits. */
const PHONE = /(?<!\d)(?:\+\d{1,3}[\s.-]?)?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){8,14}\b/g;

/** A pseudonym as `pseudonymFor` writes it, wherever it stands in a text. */
export const PSEUDONYM = /\[\p{Lu}+-[0-9A-F]{6}\]/gu;

export function pseudonymFor(key: string, kind: IdentifierKind, text: string, lang: Language): string {
  const digest = createHmac('sha256', key)
    .update(`${kind}\u0000${normalise(text)}`)
    .digest('hex');
  return `[${LABELS[lang][kind]}-${digest.slice(0, 6).toUpperCase()}]`;
}

function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The pattern of a name as written, either apostrophe matching the other ("N'Diaye", "N’Diaye"). */
function namePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
}

/**
 * Every place in `text` to replace: the given names (whole words, case- and accent-insensitive on the
 * surface form), then e-mails, URLs and phone numbers. Overlaps keep the earliest, longest match.
 * `lang`: the language `text` is written in, which the pseudonyms' words are in.
 */
export function findReplacements(
  text: string,
  names: readonly Identifier[],
  key: string,
  lang: Language,
): Replacement[] {
  const candidates: Replacement[] = [];
  const add = (start: number, original: string, kind: IdentifierKind, canonical: string) => {
    candidates.push({
      start,
      end: start + original.length,
      original,
      kind,
      pseudonym: pseudonymFor(key, kind, canonical, lang),
    });
  };
  const oneCase = text === text.toLowerCase() || text === text.toUpperCase();
  for (const name of names) {
    const written = name.text.trim();
    if (written.length < 2) continue;
    const caseSensitive = name.caseSensitive === true && !oneCase;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${namePattern(written)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of text.matchAll(pattern))
      if (!caseSensitive || /^\p{Lu}/u.test(match[0]))
        add(match.index ?? 0, match[0], name.kind, name.canonical ?? name.text);
  }
  for (const match of text.matchAll(EMAIL)) add(match.index ?? 0, match[0], 'email', match[0]);
  for (const match of text.matchAll(HANDLE))
    if (match[0].length > 2) add(match.index ?? 0, match[0], 'handle', match[0].toLowerCase());
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    if (!isKnownSite(url)) add(match.index ?? 0, url, 'url', url);
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

/**
 * Whether a web address is the site of a brand or institution the lexicon knows ("Booking.com", "Amazon.fr",
 * "www.leboncoin.fr"): naming it identifies no one. A page of it ("facebook.com/menuiserie-durand") may, and
 * any other site is taken for the respondent's.
 */
function isKnownSite(url: string): boolean {
  const host = WHOLE_SITE.exec(url)?.[1];
  if (!host) return false;
  const known = shippedKnownWebNames();
  const [name = '', ...suffixes] = host.split('.');
  return (
    known.has(asWebName(host)) ||
    (suffixes.every((suffix) => DOMAIN_SUFFIXES.has(suffix.toLowerCase())) && known.has(asWebName(name)))
  );
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

export function pseudonymizeText(
  text: string,
  names: readonly Identifier[],
  key: string,
  lang: Language,
): PseudonymizedText {
  const replacements = findReplacements(text, names, key, lang);
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
