import { loadConfig } from '../../config.js';
import { interviewListing } from '../../core/interview/record.js';
import { AppError } from '../../errors.js';
import { openStore } from '../../store/open.js';
import { type CliIO, type Command, EXIT_OK } from '../command.js';

const USAGE = `usage: sme-interview list [--json]

Lists the interviews in the store, newest first.
  --json   an array of {id, status, language, profile, startedAt, updatedAt}

Uses DATA_DIR (embedded store) or DATABASE_URL (PostgreSQL).
exit codes: 0 done, 1 failed, 2 bad usage`;

function table(rows: ReturnType<typeof interviewListing>[]): string {
  const header = {
    id: 'ID',
    status: 'STATUS',
    language: 'LANG',
    profile: 'PROFILE',
    startedAt: 'STARTED',
    updatedAt: 'UPDATED',
  };
  const all = [header, ...rows];
  const keys = ['id', 'status', 'language', 'profile', 'startedAt', 'updatedAt'] as const;
  const widths = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  return all
    .map((r) =>
      keys
        .map((k, i) => r[k].padEnd(widths[i] ?? 0))
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
    const rows = (await store.listInterviews()).map(interviewListing);
    if (json) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else io.stdout.write(rows.length === 0 ? 'no interviews\n' : `${table(rows)}\n`);
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
