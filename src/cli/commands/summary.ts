import { loadConfig } from '../../config.js';
import { Language, Profile } from '../../core/domain.js';
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
  /** Whose transcripts analyze reads, when --profile says it. */
  profile?: Profile;
  /** The language the export is written in, when --lang asks for one. */
  lang?: Language;
  csvSeparator: CsvSeparator;
}

/** The options only some of the commands take. */
export interface ExportOptions {
  interviewerPrefix?: boolean;
  lang?: boolean;
  profile?: boolean;
}

/** The option that takes no value, for `Command.switches`. */
export const EXPORT_SWITCHES = ['--csv-semicolon'] as const;

/** The value of --lang: the language an export is written in. */
function languageOption(value: string): Language {
  const lang = Language.safeParse(value);
  if (!lang.success) throw new AppError('bad_usage', `--lang takes fr or en, got '${value}'`);
  return lang.data;
}

function profileOption(value: string): Profile {
  const profile = Profile.safeParse(value);
  if (!profile.success) throw new AppError('bad_usage', `--profile takes manager or expert, got '${value}'`);
  return profile.data;
}

/**
 * Options shared by summary, study and analyze: --format, --out, --csv-semicolon (and
 * --interviewer-prefix and --profile for analyze, --lang for summary and study).
 */
export function parseExportArgs<F extends string>(
  args: readonly string[],
  command: string,
  formats: readonly F[],
  fallback: F,
  accepts: ExportOptions = {},
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
    else if (arg === '--interviewer-prefix' && accepts.interviewerPrefix)
      parsed.interviewerPrefix = needValue();
    else if (arg === '--lang' && accepts.lang) parsed.lang = languageOption(needValue());
    else if (arg === '--profile' && accepts.profile) parsed.profile = profileOption(needValue());
    else if (arg.startsWith('--'))
      throw new AppError('bad_usage', `unknown option '${arg}'; run 'sme-interview ${command} --help'`);
    else parsed.positional.push(arg);
  }
  if (parsed.csvSeparator === ';' && parsed.format !== 'csv')
    throw new AppError('bad_usage', '--csv-semicolon shapes the CSV export; add --format csv or drop it');
  return parsed;
}

const USAGE = `usage: sme-interview summary <interview-id> [--format md|json|html|card|csv|qdpx] [--lang fr|en] [--out PATH] [--csv-semicolon]

Prints one interview's structured summary (default: md) from the store (DATABASE_URL, else DATA_DIR).
  --format         md (default), json (the summary JSON), html (standalone page), card (Teams Adaptive
                   Card), csv (one coded segment per row, UTF-8 with a byte order mark, comma-separated),
                   qdpx (REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder)
  --lang           fr or en: the language of the summary's headings, labels and suggestions (default:
                   the interview's own); the answers stay as they were given
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
    const parsed = parseExportArgs<SummaryFormat>(args, 'summary', SUMMARY_FORMATS, 'md', { lang: true });
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
      const lang = parsed.lang ?? meta.language;
      const summary = buildSummary(meta, await store.getTurns(id), { pseudonymKey, lang });
      await deliver(
        renderSummary(summary, parsed.format, lang, {
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
