import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import {
  ACTOR_IDS,
  ACTOR_ROLES,
  CATALOGUE_TOOL_IDS,
  FACET_IDS,
  type Language,
  LEVER_IDS,
  VALUE_IDS,
} from '../core/domain.js';
import type { Summary } from '../core/summary/schema.js';
import { escapeXml as x } from './escape.js';
import { answersInOrder, type CodeType, codedSegments, codePointOffset } from './segments.js';
import { correctionLines, labels } from './view.js';

/**
 * Stable GUIDs (UUID version 5 layout over SHA-1) so the same code, source or coding gets the same GUID
 * in every export, and a project re-imported into a QDA tool merges instead of duplicating.
 */
export function stableGuid(key: string): string {
  const hash = createHash('sha1').update(`sme-interview:${key}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The one user of the project: the bot, which coded every answer as the interview went. Its GUID is the same in
 * every export, so projects merged in a QDA tool keep one user for the automatic coding.
 */
export const AUTOMATIC_CODING_USER = {
  guid: stableGuid('user:automatic-coding'),
  name: 'sme-interview (automatic coding)',
} as const;

/** An ISO 8601 time as xsd:dateTime, or null when it is none. */
function dateTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** `creatingUser` and, when known, `creationDateTime`, as attributes of a source, selection or coding. */
function created(at: string | null, userAttribute = 'creatingUser'): string {
  return ` ${userAttribute}="${AUTOMATIC_CODING_USER.guid}"${at ? ` creationDateTime="${x(at)}"` : ''}`;
}

/** The key a coding's code is found by in the codebook. */
function codeKey(type: CodeType, id: string): string {
  if (type === 'initiator' || type === 'beneficiary' || type === 'actor') {
    return `code:actor:${type === 'actor' ? 'mentioned' : type}:${id}`;
  }
  return `code:${type}:${id}`;
}

export interface SourceText {
  text: string;
  /** UTF-16 offset of each answer's text inside `text`, by answer seq. */
  answerStarts: Map<number, number>;
}

/**
 * The transcript a QDA tool reads: each question and its answer, blank-line separated, labelled in the
 * interview's own language (a study's project may mix languages). The answer text is copied verbatim so
 * the tagger's offsets stay valid once shifted by the answer's start.
 */
export function buildSourceText(summary: Summary): SourceText {
  const l = labels(summary.interview.language);
  const answerStarts = new Map<number, number>();
  let text = '';
  for (const answer of answersInOrder(summary)) {
    if (text) text += '\n\n';
    text += `${l.labelled(l.h.question, answer.question)}\n${l.labelled(l.h.answer, '')}`;
    answerStarts.set(answer.seq, text.length);
    text += answer.text;
  }
  return { text, answerStarts };
}

function codebook(summaries: readonly Summary[], lang: Language): string {
  const l = labels(lang);
  const seenTools = new Set<string>(CATALOGUE_TOOL_IDS);
  for (const s of summaries)
    for (const a of answersInOrder(s)) for (const t of a.tags.tools) seenTools.add(t.id);
  for (const s of summaries) for (const t of s.tools) seenTools.add(t.id);
  const code = (key: string, name: string, children = '', codable = true) =>
    `<Code guid="${stableGuid(key)}" name="${x(name)}" isCodable="${codable}">${children}</Code>`;
  const group = (key: string, name: string, children: string) => code(key, name, children, false);
  const roleNames = {
    initiator: l.h.initiators,
    beneficiary: l.h.beneficiaries,
    mentioned: l.h.actorsMentioned,
  };
  return [
    '<CodeBook><Codes>',
    group('group:value', l.h.values, VALUE_IDS.map((id) => code(`code:value:${id}`, l.value(id))).join('')),
    group('group:tool', l.h.tools, [...seenTools].map((id) => code(`code:tool:${id}`, l.tool(id))).join('')),
    group(
      'group:lever',
      l.h.levers,
      LEVER_IDS.map((id) => code(`code:lever:${id}`, l.p.levers[id])).join(''),
    ),
    // "Actors", over its three roles: the codes of actors named with no role are "Actors mentioned".
    group(
      'group:actor',
      l.h.actors,
      ACTOR_ROLES.map((role) =>
        group(
          `group:actor:${role}`,
          roleNames[role],
          ACTOR_IDS.map((id) =>
            code(`code:actor:${role}:${id}`, `${l.p.actors[id]} (${roleNames[role]})`),
          ).join(''),
        ),
      ).join(''),
    ),
    group(
      'group:facet',
      l.h.facets,
      FACET_IDS.map((id) => code(`code:facet:${id}`, l.p.facets[id])).join(''),
    ),
    '</Codes></CodeBook>',
  ].join('');
}

export interface QdpxProject {
  /** project.qde */
  xml: string;
  /** sources/<guid>.txt → the plain text of each interview. */
  sources: Map<string, string>;
}

/**
 * The REFI-QDA project: each interview a TextSource (its transcript stored in sources/), each tag a
 * Coding on a PlainTextSelection. Positions count characters (Unicode code points) of the source text,
 * end exclusive, as QDA tools read their UTF-8 text files; JS offsets (UTF-16) are converted. Sources,
 * selections, codings and notes are created by the one user, the bot's automatic coding: a source when its
 * interview started, a selection and its coding when the answer was given (the interview's start for a summary
 * that does not carry the answer's time); the project itself at `createdAt`, the time of the export.
 */
export function buildQdpxProject(
  summaries: readonly Summary[],
  lang: Language,
  createdAt: string,
): QdpxProject {
  const sources = new Map<string, string>();
  const sourceXml: string[] = [];
  const notes: string[] = [];
  for (const summary of summaries) {
    const id = summary.interview.id;
    // The source is the interview: it was created when the interview started, each coding when its answer was given.
    const startedAt = dateTime(summary.interview.startedAt);
    const sourceGuid = stableGuid(`source:${id}`);
    const { text, answerStarts } = buildSourceText(summary);
    sources.set(`${sourceGuid}.txt`, text);
    const selections: string[] = [];
    codedSegments(summary).forEach((segment, index) => {
      const base = answerStarts.get(segment.answer.seq);
      if (base === undefined) return;
      const start = codePointOffset(text, base + segment.evidence.start);
      const end = codePointOffset(text, base + segment.evidence.end);
      const key = `${id}:${segment.answer.seq}:${index}`;
      const codedAt = created(dateTime(segment.answer.at) ?? startedAt);
      selections.push(
        `<PlainTextSelection guid="${stableGuid(`selection:${key}`)}" name="${x(segment.evidence.text)}" startPosition="${start}" endPosition="${end}"${codedAt}>` +
          `<Coding guid="${stableGuid(`coding:${key}`)}"${codedAt}><CodeRef targetGUID="${stableGuid(codeKey(segment.codeType, segment.code))}"/></Coding>` +
          '</PlainTextSelection>',
      );
    });
    const review = reviewNote(summary);
    if (review) notes.push(review.xml);
    sourceXml.push(
      `<TextSource guid="${sourceGuid}" name="${x(id)}" plainTextPath="internal://${sourceGuid}.txt"${created(startedAt)}>` +
        `<Description>${x(describe(summary, lang))}</Description>${selections.join('')}` +
        `${review ? `<NoteRef targetGUID="${review.guid}"/>` : ''}</TextSource>`,
    );
  }
  const xml =
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<Project xmlns="urn:QDA-XML:project:1.0" name="${x(summaries.length === 1 ? (summaries[0]?.interview.id ?? 'sme-interview') : 'sme-interview study')}" origin="sme-interview"${created(dateTime(createdAt) ?? createdAt, 'creatingUserGUID')}>` +
    `<Users><User guid="${AUTOMATIC_CODING_USER.guid}" name="${x(AUTOMATIC_CODING_USER.name)}"/></Users>` +
    codebook(summaries, lang) +
    (sourceXml.length > 0 ? `<Sources>${sourceXml.join('')}</Sources>` : '') +
    (notes.length > 0 ? `<Notes>${notes.join('')}</Notes>` : '') +
    '</Project>\n';
  return { xml, sources };
}

/**
 * The respondent's replies to the closing review, applied or not, as a note (memo) on the interview's source:
 * they are not part of the coded transcript, yet say which codes the respondent rejected or added.
 */
function reviewNote(summary: Summary): { guid: string; xml: string } | null {
  const lines = correctionLines(summary);
  if (lines.length === 0) return null;
  // Written by the bot once the last reply was given.
  const lastReply = [...summary.corrections, ...summary.unreadCorrections]
    .map((reply) => dateTime(reply.at))
    .filter((at): at is string => at !== null)
    .sort()
    .at(-1);
  const heading = labels(summary.interview.language).h.corrections;
  const guid = stableGuid(`note:review:${summary.interview.id}`);
  const text = [heading, ...lines.map((line) => `• ${line}`)].join('\n');
  return {
    guid,
    xml:
      `<Note guid="${guid}" name="${x(`${heading} · ${summary.interview.id}`)}"${created(lastReply ?? dateTime(summary.interview.startedAt))}>` +
      `<PlainTextContent>${x(text)}</PlainTextContent></Note>`,
  };
}

function describe(summary: Summary, lang: Language): string {
  const l = labels(lang);
  const i = summary.interview;
  return `${l.p.profiles[i.profile]} · ${l.p.languages[i.language]} · ${i.startedAt}`;
}

/** The .qdpx archive: a ZIP of project.qde and sources/. */
export function renderQdpx(
  summaries: readonly Summary[],
  lang: Language,
  createdAt = new Date().toISOString(),
): Uint8Array {
  const project = buildQdpxProject(summaries, lang, createdAt);
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(project.xml) };
  for (const [name, text] of project.sources) files[`sources/${name}`] = strToU8(text);
  return zipSync(files, { level: 6 });
}
