import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { buildStudy, buildSummary, renderStudy, renderSummary } from '../../core/summary/index.js';
import { createTagger } from '../../core/tagger/index.js';
import {
  interviewerLabel,
  pseudonymousId,
  transcriptToInterview,
  withInterviewId,
} from '../../core/transcript/index.js';
import { AppError } from '../../errors.js';
import { STUDY_FORMATS, type StudyFormat } from '../../export/index.js';
import { deliver, refuseOverwritingInput, safeFileName } from '../../export/write.js';
import { type CliIO, type Command, EXIT_OK } from '../command.js';
import { EXPORT_SWITCHES, parseExportArgs } from './summary.js';

/** Transcripts are text; anything bigger is surely not one and would only be slow to tag. */
const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;

const USAGE = `usage: sme-interview analyze <transcript>… [--format md|json|csv|qdpx] [--out PATH] [--interviewer-prefix P] [--profile manager|expert] [--csv-semicolon]

Analyses existing interview transcripts: plain text, UTF-8 (UTF-16, as Windows Notepad's "Unicode"
saves it, is read too). A turn ends at a blank line, and a line starting with a speaker label starts a
new one, so a question and its answer may stand on consecutive lines. Interviewer's labels: "Q:",
"Q1:", "Question 3 :", "Interviewer:", "Intervieweur :", "Intervieweuse :", "Enquêteur :",
"Enquêtrice :" (any case, spaces before the colon allowed), or --interviewer-prefix P. The other turns
are the respondent's answers, each tagged, without the label they may start with ("R:", "R1:", "A:",
"Réponse :", "Answer:", "Répondant :", "Respondent:", "Interviewé :", "Interviewee:", "Enquêté :",
"Enquêtée :"). A time stamp before a label ("[00:00:05] Q:", "00:12:03 R:", "(00:05) Q:") is no part of
the turn; a line starting with a bracketed one, or with hh:mm:ss, starts a respondent's turn. A
transcript without any interviewer turn is analysed as answers only, with a warning. Each question's
wording picks its theme (presentation, meaning, tools, value); a question without theme words, or as
much of two themes', keeps the theme before it, starting at presentation.
One transcript gives its summary; several give one study output (tools table with I1, I2, … in the
order given, value matrix, lever balance per transcript). The interview id is the file name, with the
names the transcript's presentation introduces replaced by their pseudonyms ("Entretien
[PERSONNE-…]"); a name the transcript never says is not found, so leave such names out of file names.
  --format         md (default), json, csv (UTF-8 with a byte order mark, comma-separated), qdpx
                   (without --out written to <file name>.qdpx, or study.qdpx for several, in the
                   current directory)
  --out            write to this file instead of standard output (never one of the transcripts:
                   that is refused)
  --interviewer-prefix P
                   the label the interviewer's turns start with, besides the above: followed by a
                   colon when it ends in a letter or digit ("I" reads "I: …", "I : …", never "In…"),
                   taken as written when it ends in punctuation ("ENQ.")
  --profile        manager or expert: whose transcripts these are, for every one given (default: read
                   from each one's presentation answers, clause by clause, with the words the
                   interview reads a profile in, "I'm a business adviser", "je dirige une menuiserie":
                   expert when the clauses naming a profile all name an expert, else manager)
  --csv-semicolon  with --format csv: fields separated by ';', for Excel set to French
Names given at presentation, e-mail addresses, phone numbers and URLs appear as pseudonyms, the same
across the transcripts analysed together.

exit codes: 0 done, 1 failed (unreadable or empty transcript), 2 bad usage (an --out that is one of
the transcripts included)`;

/**
 * The UTF-16 a transcript is saved in, if it is: by its byte order mark (FF FE, FE FF), or without one by
 * its shape, every second byte NUL (Latin text, as Windows Notepad's "Unicode" saves it), the NULs
 * standing in one place (high bytes first, big-endian, or second, little-endian) and never both bytes of
 * a character NUL.
 */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  let low = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    const [first, second] = [bytes[i], bytes[i + 1]];
    if (first === 0 && second === 0) return null;
    if (second === 0) low += 1;
    else if (first === 0) high += 1;
  }
  const pairs = bytes.length / 2;
  if (low >= pairs / 2 && high === 0) return 'utf-16le';
  if (high >= pairs / 2 && low === 0) return 'utf-16be';
  return null;
}

/** Whether `text` holds a control character no text holds (tabs, line and page breaks aside). */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x09 || (code > 0x0d && code < 0x20) || code === 0x7f) return true;
  }
  return false;
}

async function readTranscript(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory())
    throw new AppError(
      'not_found',
      `'${path}' is a folder; give the transcript files in it, e.g. sme-interview analyze ${join(path, '*.txt')}`,
    );
  if (!info?.isFile()) throw new AppError('not_found', `cannot read '${path}': no such file`);
  if (info.size > MAX_TRANSCRIPT_BYTES)
    throw new AppError('too_large', `'${path}' is over 5 MB; split it into one file per interview`);
  const bytes = await readFile(path);
  // UTF-16 (Windows Notepad's "Unicode") is decoded as such: only its NUL bytes made it look binary.
  const encoding = utf16Of(bytes) ?? 'utf-8';
  if (encoding === 'utf-8' && bytes.includes(0))
    throw new AppError('bad_input', `'${path}' is not a text file`);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(
      'bad_input',
      encoding === 'utf-8'
        ? `'${path}' is not UTF-8 text; save it as UTF-8 and try again`
        : `'${path}' looks like UTF-16 text but does not decode as such; save it as UTF-8 and try again`,
    );
  }
  // Binary that happened to have the shape of UTF-16 decodes into control characters.
  if (encoding !== 'utf-8' && hasControlCharacter(text))
    throw new AppError('bad_input', `'${path}' is not a text file`);
  return text;
}

/** Refuses a transcript given twice (however its path is written): its codings would count twice. */
function refuseRepeats(paths: readonly string[]): void {
  const seen = new Set<string>();
  for (const path of paths) {
    const full = resolve(path);
    if (seen.has(full)) throw new AppError('bad_usage', `'${path}' is given twice`);
    seen.add(full);
  }
}

/**
 * Each transcript's interview id: its file name with the names its presentation introduces pseudonymised
 * (`pseudonymousId`), suffixed where two share one (a/entretien.txt, b/entretien.txt), so their sources and
 * codings never mix in a study.
 */
function uniqueIds(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let id = name;
    for (let n = 2; used.has(id); n += 1) id = `${name}-${n}`;
    used.add(id);
    return id;
  });
}

/** A transcript's file name without its folder and extension. */
function fileStem(path: string): string {
  return basename(path, extname(path));
}

/**
 * The pseudonym key of one analysis: derived from the transcripts themselves, so the same firm gets the
 * same pseudonym across the files analysed together and the output is reproducible, while nobody who
 * lacks the transcripts (and so the names) can rebuild the key to test guesses against the pseudonyms.
 */
function transcriptsKey(texts: readonly string[]): string {
  const hash = createHash('sha256').update('sme-interview:transcripts-key');
  // In any order the files are named, the same transcripts give the same key.
  const each = texts.map((text) => createHash('sha256').update(text).digest('hex')).sort();
  for (const digest of each) hash.update(digest);
  return hash.digest('hex');
}

export const analyzeCommand: Command = {
  name: 'analyze',
  usage: USAGE,
  switches: EXPORT_SWITCHES,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const parsed = parseExportArgs<StudyFormat>(args, 'analyze', STUDY_FORMATS, 'md', {
      interviewerPrefix: true,
      profile: true,
    });
    if (parsed.positional.length === 0) throw new AppError('bad_usage', 'give at least one transcript file');
    refuseRepeats(parsed.positional);
    // A prefix that is no label (`:` alone) is refused before any transcript is read.
    if (parsed.interviewerPrefix !== undefined) interviewerLabel(parsed.interviewerPrefix);
    const cwd = process.cwd();
    if (parsed.out !== undefined)
      await refuseOverwritingInput(
        parsed.out,
        parsed.positional,
        cwd,
        safeFileName(
          parsed.positional.length === 1 ? fileStem(parsed.positional[0] ?? '') : 'study',
          parsed.format,
        ),
      );
    const texts = await Promise.all(parsed.positional.map(readTranscript));
    const tagger = createTagger();
    const at = new Date().toISOString();
    const pseudonymKey = transcriptsKey(texts);
    const interviews = parsed.positional.map((path, index) => {
      const name = fileStem(path);
      const interview = transcriptToInterview(texts[index] ?? '', {
        id: name,
        tagger,
        at,
        ...(parsed.interviewerPrefix !== undefined ? { interviewerPrefix: parsed.interviewerPrefix } : {}),
        ...(parsed.profile ? { profile: parsed.profile } : {}),
      });
      if (!interview.turns.some((turn) => turn.kind === 'question'))
        io.stderr.write(
          `sme-interview analyze: warning: no interviewer turn found in '${path}', so every paragraph was read as an answer under presentation; start the interviewer's turns with "Q:" or "Intervieweur :" (or give --interviewer-prefix)\n`,
        );
      return { interview, name: pseudonymousId(name, interview, pseudonymKey) };
    });
    const ids = uniqueIds(interviews.map((i) => i.name));
    const summaries = interviews.map(({ interview }, index) => {
      const { meta, turns } = withInterviewId(interview, ids[index] ?? interview.meta.id);
      return buildSummary(meta, turns, { pseudonymKey });
    });
    const [single] = summaries;
    const renderOptions = { csvSeparator: parsed.csvSeparator };
    const rendered =
      single && summaries.length === 1
        ? renderSummary(single, parsed.format, single.interview.language, renderOptions)
        : renderStudy(
            buildStudy(summaries, single?.interview.language ?? 'fr'),
            parsed.format,
            single?.interview.language ?? 'fr',
            renderOptions,
          );
    await deliver(rendered, {
      out: parsed.out,
      defaultName: summaries.length === 1 && single ? single.interview.id : 'study',
      cwd,
      stdout: io.stdout,
      stderr: io.stderr,
      inputs: parsed.positional,
    });
    return EXIT_OK;
  },
};
