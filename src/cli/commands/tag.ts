import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { Language } from '../../core/domain.js';
import { createTagger } from '../../core/tagger/index.js';
import { AppError } from '../../errors.js';
import { type CliIO, type Command, EXIT_FAILED, EXIT_OK } from '../command.js';

/** A single text above this size is refused rather than tagged slowly into a huge line. */
const MAX_TEXT_CHARS = 2_000_000;

const JsonlLine = z.object({
  id: z
    .union([z.string(), z.number()], { error: 'expected a string or a number (the id echoed in the output)' })
    .transform(String),
  text: z.string(),
  lang: Language.optional(),
});

const USAGE = `usage: sme-interview tag [--lang fr|en] [--jsonl]

Tags text read from standard input: value forms, tools, levers, actors (with their role) and facets,
each with its evidence (offsets into the text). Prints one JSON object.

  --lang fr|en  force the language (otherwise detected from the text)
  --jsonl       one JSON object per input line, {"id": "...", "text": "...", "lang": "fr"} (lang optional),
                one JSON line out per input line, same order, id echoed. Blank lines are skipped.
                A bad line gets an error on stderr naming its line number and no output line; the
                other lines are still tagged, and the exit code is then 1.

exit codes: 0 done, 1 failed (empty input or a bad line), 2 bad usage`;

function parseArgs(args: readonly string[]): { lang?: Language; jsonl: boolean } {
  let lang: Language | undefined;
  let jsonl = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--jsonl') jsonl = true;
    else if (arg === '--lang') {
      const parsed = Language.safeParse(args[i + 1]);
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
  return Buffer.concat(chunks).toString('utf8');
}

function describeLineError(error: unknown): string {
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join('.') || 'line';
    return `field '${field}': ${issue?.message ?? 'invalid'}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export const tagCommand: Command = {
  name: 'tag',
  usage: USAGE,
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
      if (line.trim() === '') continue;
      try {
        if (line.length > MAX_TEXT_CHARS) throw new Error('line too large');
        const parsed = JsonlLine.parse(JSON.parse(line));
        const lang = options.lang ?? parsed.lang;
        const tags = tagger.tag(parsed.text, lang ? { lang } : {});
        io.stdout.write(`${JSON.stringify({ id: parsed.id, ...tags })}\n`);
      } catch (error) {
        failed += 1;
        io.stderr.write(`sme-interview tag: line ${lineNumber}: ${describeLineError(error)}; line skipped\n`);
      }
    }
    return failed > 0 ? EXIT_FAILED : EXIT_OK;
  },
};
