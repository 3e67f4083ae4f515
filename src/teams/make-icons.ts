import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';
import { colorIcon, outlineIcon } from './icons.js';

export const MANIFEST_DIR = join(PACKAGE_ROOT, 'manifest');

/** Regenerates manifest/color.png and manifest/outline.png (committed, so packaging needs no drawing). */
export function writeIcons(dir: string = MANIFEST_DIR): void {
  writeFileSync(join(dir, 'color.png'), colorIcon());
  writeFileSync(join(dir, 'outline.png'), outlineIcon());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writeIcons();
