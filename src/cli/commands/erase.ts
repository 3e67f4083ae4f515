import { loadConfig } from '../../config.js';
import { AppError } from '../../errors.js';
import { openStore } from '../../store/open.js';
import { type CliIO, type Command, EXIT_OK } from '../command.js';

const USAGE = `usage: sme-interview erase <interview-id>

Removes the interview and every trace of it from the store (DATABASE_URL, else DATA_DIR): its answers
and questions, its header, the invitation that opened it and the conversation state naming it. On the
embedded store the write-ahead log is cleared too, so the words survive in no file. It cannot be undone.

exit codes: 0 erased, 1 failed (unknown interview, store unavailable), 2 bad usage`;

export const eraseCommand: Command = {
  name: 'erase',
  usage: USAGE,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const option = args.find((arg) => arg.startsWith('--'));
    if (option !== undefined)
      throw new AppError('bad_usage', `unknown option '${option}'; run 'sme-interview erase --help'`);
    const [id, extra] = args;
    if (id === undefined || extra !== undefined)
      throw new AppError('bad_usage', "give exactly one interview id; 'sme-interview list' shows them");
    const store = await openStore(loadConfig(io.env));
    try {
      if (!(await store.eraseInterview(id)))
        throw new AppError('not_found', `no interview '${id}'; 'sme-interview list' shows the stored ones`);
      io.stdout.write(`erased interview ${id} and every trace of it\n`);
    } finally {
      await store.close();
    }
    return EXIT_OK;
  },
};
