import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';

const work = mkdtempSync(join(tmpdir(), 'sme-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The package as `npm pack` would publish it, unpacked beside the project's own dependencies. */
function unpackedPackage(): string {
  const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', work], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(pack.status, pack.stderr).toBe(0);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  expect(tarball).toBeDefined();
  const untar = spawnSync('tar', ['-xzf', join(work, tarball ?? ''), '-C', work], { encoding: 'utf8' });
  expect(untar.status, untar.stderr).toBe(0);
  const root = join(work, 'package');
  symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

describe('the published package', () => {
  it('tags an answer and holds the web pages, once installed away from the source tree', () => {
    const root = unpackedPackage();
    const tag = spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'bin.js'), 'tag'], {
      cwd: work,
      input: "On n'a pas de CRM, mais l'ERP c'est notre expert-comptable qui nous l'a proposé",
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(tag.stderr).toBe('');
    expect(tag.status).toBe(0);
    expect(JSON.parse(tag.stdout)).toMatchObject({ lang: 'fr', tools: [{ id: 'erp' }] });
    for (const page of ['chat.html', 'chat.js', 'dashboard.html', 'dashboard.js', 'charts.js', 'app.css'])
      expect(existsSync(join(root, 'src', 'web', 'public', page)), page).toBe(true);
  }, 90_000);
});
