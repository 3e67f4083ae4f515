import { loadConfig } from '../../config.js';
import { buildStudy, buildSummary, studyLanguage } from '../../core/summary/index.js';
import { AppError } from '../../errors.js';
import { renderStudy, STUDY_FORMATS, type StudyFormat } from '../../export/index.js';
import { deliver } from '../../export/write.js';
import { openStore } from '../../store/open.js';
import { studyInterviews } from '../../store/study-interviews.js';
import { studyKeys } from '../../store/study-key.js';
import { type CliIO, type Command, EXIT_OK } from '../command.js';
import { EXPORT_SWITCHES, parseExportArgs } from './summary.js';

const USAGE = `usage: sme-interview study [--format md|json|csv|qdpx] [--lang fr|en] [--out PATH] [--csv-semicolon]

Every completed interview together, oldest first as I1, I2, …: the tools table with the interviews
that cite each tool, value counts, the value co-occurrence matrix and the lever balance per interview.
  --format         md (default), json, csv (coded segments of every interview, UTF-8 with a byte order
                   mark, comma-separated), qdpx (one REFI-QDA project, one source per interview, each
                   labelled in its own language; without --out written to study.qdpx in the current
                   directory)
  --lang           fr or en: the language of the headings, labels and suggestions (default: the one most
                   interviews were held in; on a tie, the oldest interview's); the answers stay as given
  --out            write to this file instead of standard output
  --csv-semicolon  with --format csv: fields separated by ';', for Excel set to French
Names given at presentation, e-mail addresses, phone numbers and URLs appear as pseudonyms.

exit codes: 0 done, 1 failed (no completed interview, store unavailable), 2 bad usage`;

export const studyCommand: Command = {
  name: 'study',
  usage: USAGE,
  switches: EXPORT_SWITCHES,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const parsed = parseExportArgs<StudyFormat>(args, 'study', STUDY_FORMATS, 'md', { lang: true });
    if (parsed.positional.length > 0)
      throw new AppError('bad_usage', `unexpected argument '${parsed.positional[0]}'`);
    const store = await openStore(loadConfig(io.env));
    try {
      const completed = await studyInterviews(store);
      if (completed.length === 0) throw new AppError('not_found', 'no completed interview in the store yet');
      const turns = await Promise.all(completed.map((meta) => store.getTurns(meta.id)));
      const lang = parsed.lang ?? studyLanguage(completed);
      const keyOf = studyKeys(store);
      const summaries = await Promise.all(
        completed.map(async (meta, index) =>
          buildSummary(meta, turns[index] ?? [], { lang, pseudonymKey: await keyOf(meta.interviewerId) }),
        ),
      );
      await deliver(
        renderStudy(buildStudy(summaries, lang), parsed.format, lang, { csvSeparator: parsed.csvSeparator }),
        {
          out: parsed.out,
          defaultName: 'study',
          cwd: process.cwd(),
          stdout: io.stdout,
          stderr: io.stderr,
        },
      );
    } finally {
      await store.close();
    }
    return EXIT_OK;
  },
};
