import type { Readable, Writable } from 'node:stream';

/** What a command may touch: injected so tests can run commands in-process. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface Command {
  name: string;
  /** Usage line(s), shown by `sme-interview <command> --help` and after a usage error. */
  usage: string;
  /** Options that take no value (`--json`): written `--json=…` they are refused, not read as `--json …`. */
  switches?: readonly string[];
  run(args: readonly string[], io: CliIO): Promise<number>;
}

/** A command as `--help` lists it; its module is loaded when the command runs. */
export interface CommandEntry {
  name: string;
  /** One line for `--help`. */
  summary: string;
  load(): Promise<Command>;
}
