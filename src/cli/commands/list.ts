import { loadConfig } from '../../config.js';
import { consentStandsWithdrawn } from '../../core/interview/log.js';
import { interviewListing } from '../../core/interview/record.js';
import { AppError } from '../../errors.js';
import { openStore } from '../../store/open.js';
import { type CliIO, type Command, EXIT_OK } from '../command.js';

const USAGE = `usage: sme-interview list [--json]

Lists the interviews in the store, newest first. In the table, an interview whose respondent took their
consent back reads "paused (consent withdrawn)".
  --json   an array of {id, status, language, profile, startedAt, updatedAt}

Uses DATA_DIR (embedded store) or DATABASE_URL (PostgreSQL).
exit codes: 0 done, 1 failed, 2 bad usage`;

const COLUMNS = ['id', 'status', 'language', 'profile', 'startedAt', 'updatedAt'] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

function table(rows: readonly Row[]): string {
  const header = {
    id: 'ID',
    status: 'STATUS',
    language: 'LANG',
    profile: 'PROFILE',
    startedAt: 'STARTED',
    updatedAt: 'UPDATED',
  };
  const all = [header, ...rows];
  const widths = COLUMNS.map((k) => Math.max(...all.map((r) => r[k].length)));
  return all
    .map((r) =>
      COLUMNS.map((k, i) => r[k].padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.find((a) => a !== '--json');
  if (unknown !== undefined)
    throw new AppError('bad_usage', `unknown option '${unknown}'; run 'sme-interview list --help'`);
  const store = await openStore(loadConfig(io.env));
  try {
    const interviews = await store.listInterviews();
    if (json) io.stdout.write(`${JSON.stringify(interviews.map(interviewListing), null, 2)}\n`);
    else if (interviews.length === 0) io.stdout.write('no interviews\n');
    else {
      // The table tells the interviewer what the JSON's three statuses cannot: consent was taken back.
      const rows: Row[] = [];
      for (const meta of interviews) {
        const row = interviewListing(meta);
        // Only a paused interview can stand withdrawn: the others' turns are not read.
        const withdrawn =
          meta.status === 'paused' && consentStandsWithdrawn(meta, await store.getTurns(meta.id));
        rows.push(withdrawn ? { ...row, status: `${row.status} (consent withdrawn)` } : row);
      }
      io.stdout.write(`${table(rows)}\n`);
    }
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

export const listCommand: Command = {
  name: 'list',
  usage: USAGE,
  switches: ['--json'],
  run,
};
