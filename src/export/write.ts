import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
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
  const path = resolve(target.cwd, target.out ?? safeFileName(target.defaultName, rendered.extension));
  await writeFile(path, rendered.body);
  target.stderr.write(`wrote ${path}\n`);
}
