import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found from this file whether it runs from `src/` (tests) or `dist/src/` (build). */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'prompts'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('sme-interview: cannot find the package root (package.json beside prompts/)');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const PROMPTS_DIR = join(PACKAGE_ROOT, 'prompts');
export const LEXICON_DIR = join(PACKAGE_ROOT, 'lexicon');
export const CORPUS_DIR = join(PACKAGE_ROOT, 'corpus');
