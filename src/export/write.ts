import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
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

/**
 * Writes to `out` when given. Text without `out` goes to stdout; binary without `out` (qdpx) is never
 * sent to a terminal: it is written to `<defaultName>.<ext>` in the working directory, and the path is
 * reported on stderr.
 */
export async function deliver(
  rendered: Rendered,
  target: { out?: string; defaultName: string; cwd: string; stdout: Writable; stderr: Writable },
): Promise<void> {
  if (target.out === undefined && typeof rendered.body === 'string') {
    target.stdout.write(rendered.body);
    return;
  }
  const fileName = safeFileName(target.defaultName, rendered.extension);
  const path = resolve(target.cwd, target.out ?? fileName);
  try {
    await writeFile(path, rendered.body);
  } catch (error) {
    throw writeError(path, fileName, error);
  }
  target.stderr.write(`wrote ${path}\n`);
}
