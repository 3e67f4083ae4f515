import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { colorIcon, outlineIcon } from '../../src/teams/icons.js';
import { buildAppPackage, parsePackageEnv, writeAppPackage } from '../../src/teams/package-app.js';
import { decodePng, readPngSize } from '../../src/teams/png.js';

const ENV = {
  TEAMS_APP_ID: '0b6d2c1e-7f3a-4c55-9e21-5a8d3f0c9b47',
  BOT_ID: 'e4f1a9c2-3b7d-4e8f-a1c6-9d2b5f7e3a10',
  BOT_DOMAIN: 'entretiens.example.org',
};
const scratch = mkdtempSync(join(tmpdir(), 'app-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('app package', () => {
  it('holds the rendered manifest, both icons at their sizes and the English strings', () => {
    const files = unzipSync(buildAppPackage(parsePackageEnv(ENV)));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest.id).toBe(ENV.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(ENV.BOT_ID);
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(readPngSize(files['color.png'] ?? new Uint8Array())).toEqual({ width: 192, height: 192 });
    expect(readPngSize(files['outline.png'] ?? new Uint8Array())).toEqual({ width: 32, height: 32 });
  });

  it('stops the packaging script with one line naming the missing variable', () => {
    const script = join(PACKAGE_ROOT, 'dist', 'src', 'teams', 'package-app.js');
    const missing = spawnSync(process.execPath, [script], {
      env: { PATH: process.env.PATH, TEAMS_APP_ID: ENV.TEAMS_APP_ID, BOT_DOMAIN: ENV.BOT_DOMAIN },
      encoding: 'utf8',
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual(['package: BOT_ID is not set']);
  });

  it('refuses ids that are not GUIDs and a domain carrying a scheme, naming the variable', () => {
    expect(() => parsePackageEnv({ ...ENV, TEAMS_APP_ID: 'my-app' })).toThrow(/^TEAMS_APP_ID must be a GUID/);
    expect(() => parsePackageEnv({ ...ENV, BOT_DOMAIN: 'https://entretiens.example.org' })).toThrow(
      /^BOT_DOMAIN must be a host name/,
    );
    expect(() => parsePackageEnv({ ...ENV, BOT_DOMAIN: 'entretiens.example.org/dashboard' })).toThrow(
      /BOT_DOMAIN/,
    );
    expect(() => parsePackageEnv({ ...ENV, TEAMS_APP_ID: '' })).toThrow(/^TEAMS_APP_ID is not set$/);
  });

  it('writes the zip where asked', () => {
    const out = writeAppPackage(ENV, join(scratch, 'build', 'appPackage.zip'));
    expect(Object.keys(unzipSync(readFileSync(out)))).toContain('manifest.json');
  });
});

describe('icons', () => {
  it('ships the icons the generator draws, so they can be regenerated at will', () => {
    expect(readFileSync(join(PACKAGE_ROOT, 'manifest', 'color.png')).equals(colorIcon())).toBe(true);
    expect(readFileSync(join(PACKAGE_ROOT, 'manifest', 'outline.png')).equals(outlineIcon())).toBe(true);
  });

  it('draws the outline icon white on transparent, as Teams requires', () => {
    const { pixels } = decodePng(outlineIcon());
    let drawn = 0;
    let transparent = 0;
    for (let offset = 0; offset < pixels.length; offset += 4) {
      const alpha = pixels[offset + 3] ?? 0;
      if (alpha === 0) transparent++;
      else {
        drawn++;
        expect([pixels[offset], pixels[offset + 1], pixels[offset + 2]]).toEqual([255, 255, 255]);
      }
    }
    expect(drawn).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(drawn);
  });

  it('fills the colour icon edge to edge (opaque centre of each side)', () => {
    const { width, pixels } = decodePng(colorIcon());
    const alphaAt = (x: number, y: number) => pixels[(y * width + x) * 4 + 3];
    expect([alphaAt(96, 0), alphaAt(0, 96), alphaAt(191, 96), alphaAt(96, 191)]).toEqual([
      255, 255, 255, 255,
    ]);
  });
});

describe('where the package is written', () => {
  const script = join(PACKAGE_ROOT, 'dist', 'src', 'teams', 'package-app.js');
  const run = (args: string[]) =>
    spawnSync(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH, ...ENV },
      encoding: 'utf8',
    });

  it('writes it to the path given with --out (or --out=PATH)', () => {
    const out = join(scratch, 'elsewhere', 'sme.zip');
    const written = run(['--out', out]);
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    expect(written.stdout).toBe(`wrote ${out}\n`);
    expect(Object.keys(unzipSync(readFileSync(out)))).toContain('manifest.json');
    const other = join(scratch, 'other.zip');
    expect(run([`--out=${other}`]).status).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(other)))).toContain('manifest.json');
  });

  it('takes a relative --out from the folder npm run package was typed in, not the package folder', () => {
    const typedIn = join(scratch, 'typed-in');
    mkdirSync(typedIn);
    const written = spawnSync(process.execPath, [script, '--out', 'app.zip'], {
      cwd: PACKAGE_ROOT,
      env: { PATH: process.env.PATH, ...ENV, INIT_CWD: typedIn },
      encoding: 'utf8',
    });
    expect(written.stdout).toBe(`wrote ${join(typedIn, 'app.zip')}\n`);
    expect(Object.keys(unzipSync(readFileSync(join(typedIn, 'app.zip'))))).toContain('manifest.json');
  });

  it('says in one line why it cannot write there and how to write elsewhere', () => {
    const blocked = join(scratch, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const failed = run(['--out', join(blocked, 'appPackage.zip')]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toBe(
      `package: cannot write '${join(blocked, 'appPackage.zip')}': part of that path is a file, not a folder; give another path with --out PATH (npm run package -- --out PATH)\n`,
    );
  });

  it.skipIf(process.getuid?.() === 0)(
    'names a folder it may not write to as such (a read-only or global install)',
    () => {
      const locked = join(scratch, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      const failed = run(['--out', join(locked, 'appPackage.zip')]);
      chmodSync(locked, 0o755);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toBe(
        `package: cannot write '${join(locked, 'appPackage.zip')}': permission denied (a read-only or global install?); give another path with --out PATH (npm run package -- --out PATH)\n`,
      );
    },
  );

  it('says what it does with --help, and writes nothing', () => {
    const help = spawnSync(process.execPath, [script, '--help'], {
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run package \[-- --out PATH\]\n/);
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', '--out']) expect(help.stdout).toContain(name);
    expect(help.stderr).toBe('');
  });

  it('refuses an unknown argument or --out without a path, exit 2', () => {
    const unknown = run(['--output', 'x.zip']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      "package: unknown argument '--output'; usage: npm run package [-- --out PATH]\n",
    );
    const bare = run(['--out']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toBe('package: --out takes a file path; usage: npm run package [-- --out PATH]\n');
  });
});
