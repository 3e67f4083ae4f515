import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../core/domain.js';
import { createTagger } from '../../core/tagger/index.js';
import { AppError } from '../../errors.js';
import { type CliIO, type Command, EXIT_FAILED, EXIT_OK } from '../command.js';

/** A single text above this size is refused rather than tagged slowly into a huge line. */
const MAX_TEXT_CHARS = 2_000_000;

/** Echoed as given: `{"id": 5}` answers with `"id": 5`, `{"id": "5"}` with `"id": "5"`. */
const JsonlId = z.union([z.string(), z.number()], {
  error: 'expected a string or a number (the id echoed in the output)',
});

const LANGUAGE_ERROR = { error: 'expected fr or en (any case)' };

/** A language code in any case ("EN", "Fr"): scripts write it as their own data has it. */
const AnyCaseLanguage = z
  .string(LANGUAGE_ERROR)
  .transform((code) => code.toLowerCase())
  .pipe(z.enum(LANGUAGES, LANGUAGE_ERROR));

const JsonlLine = z.object({
  id: JsonlId.optional(),
  text: z.string({ error: 'expected the text to tag, a string' }),
  lang: AnyCaseLanguage.optional(),
});

/** The id of a line that is JSON but not a valid line, so its error line can still be matched to it. */
const LooseId = z.object({ id: JsonlId });

const USAGE = `usage: sme-interview tag [--lang fr|en] [--jsonl]

Tags text read from standard input: value forms, tools, levers, actors (with their role) and facets,
each with its evidence (offsets into the text). Prints one JSON object. A byte order mark at the start
of the input (or, with --jsonl, of a line) is dropped: offsets count from the character after it.

  --lang fr|en  force the language, any case (otherwise detected from the text)
  --jsonl       one JSON object per input line, {"id": "...", "text": "...", "lang": "fr"} (id and lang
                optional; lang fr or en, any case), one JSON line out per input line, same order, id
                echoed. A bad line, a blank one too, gets {"line": N, "error": "..."} (and its id, if it
                has one) as its output line and the same error on stderr; the other lines are still
                tagged, and the exit code is then 1.

exit codes: 0 done, 1 failed (empty input or a bad line), 2 bad usage`;

function parseArgs(args: readonly string[]): { lang?: Language; jsonl: boolean } {
  let lang: Language | undefined;
  let jsonl = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--jsonl') jsonl = true;
    else if (arg === '--lang') {
      const parsed = AnyCaseLanguage.safeParse(args[i + 1]);
      if (!parsed.success)
        throw new AppError('bad_usage', `--lang takes fr or en, got '${args[i + 1] ?? ''}'`);
      lang = parsed.data;
      i += 1;
    } else throw new AppError('bad_usage', `unknown option '${arg}'; run 'sme-interview tag --help'`);
  }
  return lang ? { lang, jsonl } : { jsonl };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_TEXT_CHARS * 4)
      throw new AppError('too_large', 'input too large: split it and tag the parts');
    chunks.push(buffer);
  }
  return withoutByteOrderMark(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Text without the UTF-8 byte order mark Windows editors save at its start: it is no character of the
 * text, so offsets count from the character after it, and a JSONL line starting with it is still JSON.
 */
function withoutByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function describeLineError(error: z.ZodError): string {
  const issue = error.issues[0];
  return `field '${issue?.path.join('.') ?? ''}': ${issue?.message ?? 'invalid'}`;
}

type LineResult =
  | { ok: true; line: z.infer<typeof JsonlLine> }
  | { ok: false; id?: string | number; error: string };

const LINE_SHAPE = 'each line must be one object such as {"id": "a1", "text": "…"}';

/** What a JSON value that is not an object is, in the words of JSON. */
function jsonKind(json: unknown): string {
  if (json === null) return 'null';
  if (Array.isArray(json)) return 'an array';
  return typeof json === 'string' ? 'a string' : `a ${typeof json}`;
}

function readLine(line: string): LineResult {
  if (line.trim() === '') return { ok: false, error: `blank line: ${LINE_SHAPE}` };
  if (line.length > MAX_TEXT_CHARS) return { ok: false, error: 'line too large: split the text' };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not a JSON object' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, error: `not a JSON object but ${jsonKind(json)}: ${LINE_SHAPE}` };
  const parsed = JsonlLine.safeParse(json);
  if (parsed.success) return { ok: true, line: parsed.data };
  const id = LooseId.safeParse(json);
  const error = describeLineError(parsed.error);
  return id.success ? { ok: false, id: id.data.id, error } : { ok: false, error };
}

export const tagCommand: Command = {
  name: 'tag',
  usage: USAGE,
  switches: ['--jsonl'],
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const options = parseArgs(args);
    const tagger = createTagger();
    const tagOptions = options.lang ? { lang: options.lang } : {};
    if (!options.jsonl) {
      const text = await readAll(io.stdin);
      if (text.trim() === '') {
        io.stderr.write(
          'sme-interview tag: no text on standard input; pipe the text to tag, e.g. echo "…" | sme-interview tag\n',
        );
        return EXIT_FAILED;
      }
      if (text.length > MAX_TEXT_CHARS)
        throw new AppError('too_large', 'input too large: split it and tag the parts');
      io.stdout.write(`${JSON.stringify(tagger.tag(text, tagOptions))}\n`);
      return EXIT_OK;
    }
    let failed = 0;
    let lineNumber = 0;
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNumber += 1;
      // The file's byte order mark, or that of one of several files joined with `cat`.
      const json = withoutByteOrderMark(line);
      const read = readLine(json);
      if (!read.ok) {
        // An output line all the same: output line N always answers input line N.
        failed += 1;
        io.stdout.write(`${JSON.stringify({ id: read.id, line: lineNumber, error: read.error })}\n`);
        io.stderr.write(`sme-interview tag: line ${lineNumber}: ${read.error}\n`);
        continue;
      }
      const { id, text, lang = options.lang } = read.line;
      const tags = tagger.tag(text, lang ? { lang } : {});
      io.stdout.write(`${JSON.stringify(id === undefined ? tags : { id, ...tags })}\n`);
    }
    return failed > 0 ? EXIT_FAILED : EXIT_OK;
  },
};
