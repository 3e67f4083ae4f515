import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { buildStudy, buildSummary, renderStudy, renderSummary } from '../../core/summary/index.js';
import { createTagger } from '../../core/tagger/index.js';
import { transcriptToInterview } from '../../core/transcript/index.js';
import { AppError } from '../../errors.js';
import { STUDY_FORMATS, type StudyFormat } from '../../export/index.js';
import { deliver } from '../../export/write.js';
import { type CliIO, type Command, EXIT_OK } from '../command.js';
import { EXPORT_SWITCHES, parseExportArgs } from './summary.js';

/** Transcripts are text; anything bigger is surely not one and would only be slow to tag. */
const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;

const USAGE = `usage: sme-interview analyze <transcript>… [--format md|json|csv|qdpx] [--out PATH] [--interviewer-prefix P] [--profile manager|expert] [--csv-semicolon]

Analyses existing interview transcripts (UTF-8 plain text, one speaker turn per paragraph, paragraphs
separated by blank lines). A paragraph starting with "Q:", "Interviewer:" or "Intervieweur :" (any case),
or with the --interviewer-prefix P, is the interviewer's; the others are the respondent's answers, each
tagged, without the speaker label they may start with ("R:", "A:", "Répondant :", "Respondent:",
"Interviewé :", "Interviewee:"). Each question's wording picks its theme (presentation, meaning,
tools, value); a question without theme words keeps the theme before it, starting at presentation.
One transcript gives its summary; several give one study output (tools table with I1, I2, … in the
order given, value matrix, lever balance per transcript). The interview id is the file name.
  --format         md (default), json, csv (UTF-8 with a byte order mark, comma-separated), qdpx
                   (without --out written to <file name>.qdpx, or study.qdpx for several, in the
                   current directory)
  --out            write to this file instead of standard output
  --profile        manager or expert: whose transcripts these are, for every one given (default: read
                   from each one's presentation answers, clause by clause, with the words the
                   interview reads a profile in, "I'm a business adviser", "je dirige une menuiserie":
                   expert when the clauses naming a profile all name an expert, else manager)
  --csv-semicolon  with --format csv: fields separated by ';', for Excel set to French
Names given at presentation, e-mail addresses, phone numbers and URLs appear as pseudonyms, the same
across the transcripts analysed together.

exit codes: 0 done, 1 failed (unreadable or empty transcript), 2 bad usage`;

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
  if (bytes.includes(0)) throw new AppError('bad_input', `'${path}' is not a text file`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('bad_input', `'${path}' is not UTF-8 text; save it as UTF-8 and try again`);
  }
}

/**
 * Each transcript's interview id: its file name, suffixed where two files share one (a/entretien.txt,
 * b/entretien.txt), so their sources and codings never mix in a study.
 */
function transcriptIds(paths: readonly string[]): string[] {
  const seenPaths = new Set<string>();
  const used = new Set<string>();
  return paths.map((path) => {
    const full = resolve(path);
    if (seenPaths.has(full)) throw new AppError('bad_usage', `'${path}' is given twice`);
    seenPaths.add(full);
    const name = basename(path, extname(path));
    let id = name;
    for (let n = 2; used.has(id); n += 1) id = `${name}-${n}`;
    used.add(id);
    return id;
  });
}

/**
 * The pseudonym key of one analysis: derived from the transcripts themselves, so the same firm gets the
 * same pseudonym across the files analysed together and the output is reproducible, while nobody who
 * lacks the transcripts (and so the names) can rebuild the key to test guesses against the pseudonyms.
 */
function transcriptsKey(texts: readonly string[]): string {
  const hash = createHash('sha256').update('sme-interview:transcripts-key');
  for (const text of texts) hash.update(createHash('sha256').update(text).digest());
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
    const ids = transcriptIds(parsed.positional);
    const texts = await Promise.all(parsed.positional.map(readTranscript));
    const tagger = createTagger();
    const at = new Date().toISOString();
    const pseudonymKey = transcriptsKey(texts);
    const summaries = parsed.positional.map((path, index) => {
      const { meta, turns } = transcriptToInterview(texts[index] ?? '', {
        id: ids[index] ?? basename(path, extname(path)),
        tagger,
        at,
        ...(parsed.interviewerPrefix ? { interviewerPrefix: parsed.interviewerPrefix } : {}),
        ...(parsed.profile ? { profile: parsed.profile } : {}),
      });
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
      cwd: process.cwd(),
      stdout: io.stdout,
      stderr: io.stderr,
    });
    return EXIT_OK;
  },
};
