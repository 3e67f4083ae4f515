import { realpath, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { AppError } from '../errors.js';
import type { Rendered } from './index.js';

/** A file name from an interview id: letters, digits, dot, dash and underscore only. */
export function safeFileName(base: string, extension: string): string {
  const stem =
    base
      .replace(/[^\p{L}\p{N}._-]+/gu, '_')
      .replace(/^[._-]+/, '')
      .slice(0, 80) || 'summary';
  return `${stem}.${extension}`;
}

/** Why a file could not be written, and what to give `--out` instead. */
function writeError(path: string, fileName: string, error: unknown): AppError {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  const cannot = `cannot write '${path}'`;
  switch (code) {
    case 'ENOENT':
      return new AppError(
        'bad_input',
        `${cannot}: the folder '${dirname(path)}' does not exist; create it or give --out a path in an existing folder`,
      );
    case 'ENOTDIR':
      return new AppError(
        'bad_input',
        `${cannot}: part of that path is a file, not a folder; give --out a path in an existing folder`,
      );
    case 'EISDIR':
      return new AppError(
        'bad_input',
        `${cannot}: it is a folder; give --out a file path, e.g. --out '${join(path, fileName)}'`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError(
        'bad_input',
        `${cannot}: permission denied; give --out a path in a folder you can write to`,
      );
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return new AppError('bad_input', `${cannot}: ${reason}`, { cause: error });
    }
  }
}

/** Why standard output could not be written, and what to do instead. */
export function stdoutError(error: unknown): AppError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  const cannot = 'cannot write to standard output';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError(
        'bad_input',
        `${cannot}: no space left on the device it goes to; free some space or send it elsewhere (--out PATH where the command takes it)`,
        { cause: error },
      );
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return new AppError(
        'bad_input',
        `${cannot}: ${reason}; send it elsewhere (--out PATH where the command takes it)`,
        { cause: error },
      );
    }
  }
}

/**
 * Refuses to write over one of the command's input files (`analyze a.txt --out a.txt`): the same file,
 * however its path is written (relative, through a link, a hard link), is the same device and inode.
 */
export async function refuseOverwritingInput(
  path: string,
  inputs: readonly string[],
  cwd: string,
  fileName: string,
): Promise<void> {
  const identity = async (file: string) => {
    const full = resolve(cwd, file);
    const [info, real] = await Promise.all([stat(full).catch(() => null), realpath(full).catch(() => null)]);
    return info?.isFile() ? { info, real } : null;
  };
  const target = await identity(path);
  if (!target) return;
  const sources = await Promise.all(inputs.map(async (input) => ({ input, id: await identity(input) })));
  const same = (id: typeof target | null) =>
    id !== null &&
    (id.real === target.real ||
      (id.info.ino !== 0 && id.info.dev === target.info.dev && id.info.ino === target.info.ino));
  const clash = sources.find((source) => same(source.id));
  if (!clash) return;
  const folder = dirname(relative(cwd, resolve(cwd, path))) || '.';
  const taken = new Set(sources.map((source) => source.id?.real ?? resolve(cwd, source.input)));
  const ext = extname(fileName);
  const suggestion = [fileName, `${basename(fileName, ext)}-summary${ext}`]
    .map((name) => join(folder, name))
    .find((candidate) => !taken.has(resolve(cwd, candidate)));
  throw new AppError(
    'bad_usage',
    `--out '${path}' is the input file '${clash.input}': writing there would destroy it; give --out another file, e.g. --out '${suggestion ?? join(folder, `summary${ext}`)}'`,
  );
}

/**
 * Writes text to standard output, and says in one line why it could not be (a full disk). A reader that
 * went away (`| head -1`, EPIPE) wants nothing more: that is no failure.
 */
function writeStdout(stream: Writable, body: string): Promise<void> {
  return new Promise((done, fail) => {
    stream.write(body, (error) => {
      if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') fail(stdoutError(error));
      else done();
    });
  });
}

/**
 * Writes to `out` when given. Text without `out` goes to stdout (a failed write is one error line, not a
 * stack trace); binary without `out` (qdpx) is never sent to a terminal: it is written to
 * `<defaultName>.<ext>` in the working directory, and the path is reported on stderr. Never over one of
 * `inputs`.
 */
export async function deliver(
  rendered: Rendered,
  target: {
    out?: string;
    defaultName: string;
    cwd: string;
    stdout: Writable;
    stderr: Writable;
    /** Files read to make `rendered`: never written over (`refuseOverwritingInput`). */
    inputs?: readonly string[];
  },
): Promise<void> {
  if (target.out === undefined && typeof rendered.body === 'string') {
    await writeStdout(target.stdout, rendered.body);
    return;
  }
  const fileName = safeFileName(target.defaultName, rendered.extension);
  const path = resolve(target.cwd, target.out ?? fileName);
  await refuseOverwritingInput(path, target.inputs ?? [], target.cwd, fileName);
  try {
    await writeFile(path, rendered.body);
  } catch (error) {
    throw writeError(path, fileName, error);
  }
  target.stderr.write(`wrote ${path}\n`);
}
