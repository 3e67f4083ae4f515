import { isAppError } from '../errors.js';
import { splitInlineValues } from './args.js';
import { type CliIO, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './command.js';
import { COMMANDS } from './commands/index.js';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: sme-interview <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'sme-interview <command> --help' for a command's options.",
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(
      `sme-interview: no command given; give one of ${COMMANDS.map((c) => c.name).join(', ')} (run 'sme-interview --help' for what each does)\n`,
    );
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${help()}\n`);
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`sme-interview: unknown command '${name}'; run 'sme-interview --help' for the list\n`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(splitInlineValues(rest, command.switches ?? [], name), io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`sme-interview ${name}: ${message}\n`);
    return isAppError(error) && error.code === 'bad_usage' ? EXIT_USAGE : EXIT_FAILED;
  }
}
