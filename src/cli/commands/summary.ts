import { loadConfig } from '../../config.js';
import { buildSummary, renderSummary } from '../../core/summary/index.js';
import { AppError } from '../../errors.js';
import { type CsvSeparator, SUMMARY_FORMATS, type SummaryFormat } from '../../export/index.js';
import { deliver } from '../../export/write.js';
import { openStore } from '../../store/open.js';
import { getStudyKey } from '../../store/study-key.js';
import { type CliIO, type Command, EXIT_OK } from '../command.js';

export interface ExportArgs<F extends string> {
  positional: string[];
  format: F;
  out?: string;
  interviewerPrefix?: string;
  csvSeparator: CsvSeparator;
}

/** The option that takes no value, for `Command.switches`. */
export const EXPORT_SWITCHES = ['--csv-semicolon'] as const;

/**
 * Options shared by summary, study and analyze: --format, --out, --csv-semicolon (and
 * --interviewer-prefix for analyze).
 */
export function parseExportArgs<F extends string>(
  args: readonly string[],
  command: string,
  formats: readonly F[],
  fallback: F,
  acceptPrefix = false,
): ExportArgs<F> {
  const parsed: ExportArgs<F> = { positional: [], format: fallback, csvSeparator: ',' };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const value = args[i + 1];
    const needValue = () => {
      if (value === undefined || value === '')
        throw new AppError('bad_usage', `${arg} needs a value; run 'sme-interview ${command} --help'`);
      i += 1;
      return value;
    };
    if (arg === '--format') {
      const format = needValue();
      const known = formats.find((f) => f === format);
      if (!known) throw new AppError('bad_usage', `--format takes ${formats.join('|')}, got '${format}'`);
      parsed.format = known;
    } else if (arg === '--out') parsed.out = needValue();
    else if (arg === '--csv-semicolon') parsed.csvSeparator = ';';
    else if (arg === '--interviewer-prefix' && acceptPrefix) parsed.interviewerPrefix = needValue();
    else if (arg.startsWith('--'))
      throw new AppError('bad_usage', `unknown option '${arg}'; run 'sme-interview ${command} --help'`);
    else parsed.positional.push(arg);
  }
  if (parsed.csvSeparator === ';' && parsed.format !== 'csv')
    throw new AppError('bad_usage', '--csv-semicolon shapes the CSV export; add --format csv or drop it');
  return parsed;
}

const USAGE = `usage: sme-interview summary <interview-id> [--format md|json|html|card|csv|qdpx] [--out PATH] [--csv-semicolon]

Prints one interview's structured summary (default: md) from the store (DATABASE_URL, else DATA_DIR).
  --format         md (default), json (the summary JSON), html (standalone page), card (Teams Adaptive
                   Card), csv (one coded segment per row, UTF-8 with a byte order mark, comma-separated),
                   qdpx (REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder)
  --out            write to this file instead of standard output
  --csv-semicolon  with --format csv: fields separated by ';', for Excel set to French
qdpx is binary: without --out it is written to <interview-id>.qdpx in the current directory.
Names given at presentation, e-mail addresses, phone numbers and URLs appear as pseudonyms, the same
in every export of the study.

exit codes: 0 done, 1 failed (unknown interview, store unavailable), 2 bad usage`;

export const summaryCommand: Command = {
  name: 'summary',
  usage: USAGE,
  switches: EXPORT_SWITCHES,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const parsed = parseExportArgs<SummaryFormat>(args, 'summary', SUMMARY_FORMATS, 'md');
    const [id, extra] = parsed.positional;
    if (id === undefined || extra !== undefined) {
      throw new AppError('bad_usage', "give exactly one interview id; 'sme-interview list' shows them");
    }
    const store = await openStore(loadConfig(io.env));
    try {
      const meta = await store.getInterview(id);
      if (!meta)
        throw new AppError('not_found', `no interview '${id}'; 'sme-interview list' shows the stored ones`);
      const pseudonymKey = await getStudyKey(store, meta.interviewerId);
      const summary = buildSummary(meta, await store.getTurns(id), { pseudonymKey });
      await deliver(
        renderSummary(summary, parsed.format, summary.interview.language, {
          csvSeparator: parsed.csvSeparator,
        }),
        {
          out: parsed.out,
          defaultName: id,
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
