#!/usr/bin/env node
import { stdoutError } from '../export/write.js';
import { EXIT_FAILED } from './command.js';
import { runCli } from './main.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (`| head -1`): nothing is left to say to it, and that is no failure.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  // Anything else (a full disk: `> /dev/full`) is a failure, said in one line, never a stack trace.
  process.stderr.write(`sme-interview: ${stdoutError(error).message}\n`);
  process.exit(EXIT_FAILED);
});

runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sme-interview: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_FAILED;
  },
);
