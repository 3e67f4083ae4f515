import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { z } from 'zod';
import { AppError, isAppError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';

export const MANIFEST_DIR = join(PACKAGE_ROOT, 'manifest');
export const APP_PACKAGE_PATH = join(PACKAGE_ROOT, 'build', 'appPackage.zip');
export const MANIFEST_TEMPLATE = 'manifest.template.json';
/** Files copied as they are into the package, beside the rendered manifest.json. */
export const PACKAGE_ASSETS = ['color.png', 'outline.png', 'en.json'] as const;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** A DNS host name (no scheme, port or path): what Teams accepts in validDomains and tab URLs. */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

export const PackageEnv = z.object({
  TEAMS_APP_ID: z.string({ error: 'is not set' }).regex(GUID, 'must be a GUID (the Teams app id)'),
  BOT_ID: z.string({ error: 'is not set' }).regex(GUID, 'must be a GUID (the Azure Bot app id)'),
  BOT_DOMAIN: z
    .string({ error: 'is not set' })
    .regex(HOST_NAME, 'must be a host name such as bot.example.org (no https://, port or path)'),
});
export type PackageEnv = z.infer<typeof PackageEnv>;

/** Reads the three variables; the first missing or bad one becomes one `bad_config` line naming it. */
export function parsePackageEnv(env: NodeJS.ProcessEnv): PackageEnv {
  const parsed = PackageEnv.safeParse({
    TEAMS_APP_ID: env.TEAMS_APP_ID || undefined,
    BOT_ID: env.BOT_ID || undefined,
    BOT_DOMAIN: env.BOT_DOMAIN || undefined,
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    'bad_config',
    `${issue?.path.join('.') ?? 'environment'} ${issue?.message ?? 'is invalid'}`,
  );
}

const PLACEHOLDER = /\{\{([A-Z_]+)\}\}/g;

/** Fills `{{NAME}}` placeholders in every string of the template; an unknown name is an error. */
export function renderManifest(template: unknown, values: PackageEnv): unknown {
  const lookup: Record<string, string> = values;
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (_, name: string) => {
        const value = lookup[name];
        if (value === undefined)
          throw new AppError('bad_input', `manifest template names unknown {{${name}}}`);
        return value;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value)]));
    }
    return node;
  };
  return fill(template);
}

/** The app package: manifest.json rendered for this deployment, the icons and the English strings. */
export function buildAppPackage(values: PackageEnv, manifestDir: string = MANIFEST_DIR): Uint8Array {
  const template: unknown = JSON.parse(readFileSync(join(manifestDir, MANIFEST_TEMPLATE), 'utf8'));
  const manifest = renderManifest(template, values);
  const files: Record<string, Uint8Array> = {
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  for (const asset of PACKAGE_ASSETS) files[asset] = readFileSync(join(manifestDir, asset));
  return zipSync(files, { level: 9 });
}

export function writeAppPackage(env: NodeJS.ProcessEnv, out: string = APP_PACKAGE_PATH): string {
  const zip = buildAppPackage(parsePackageEnv(env));
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
  } catch (error) {
    throw packageWriteError(out, error);
  }
  return out;
}

const OUT_HINT = 'give another path with --out PATH (npm run package -- --out PATH)';

/** Why the package could not be written (a read-only or global install, most often), in one line. */
function packageWriteError(out: string, error: unknown): AppError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const cannot = `cannot write '${out}'`;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError(
        'bad_input',
        `${cannot}: permission denied (a read-only or global install?); ${OUT_HINT}`,
      );
    case 'EISDIR':
      return new AppError(
        'bad_input',
        `${cannot}: it is a folder; give --out a file path such as ${join(out, 'appPackage.zip')}`,
      );
    case 'ENOTDIR':
    case 'EEXIST':
      return new AppError('bad_input', `${cannot}: part of that path is a file, not a folder; ${OUT_HINT}`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('bad_input', `${cannot}: no space left on the device; ${OUT_HINT}`);
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return new AppError('bad_input', `${cannot}: ${reason}; ${OUT_HINT}`, { cause: error });
    }
  }
}

const USAGE = 'usage: npm run package [-- --out PATH]';

const HELP = `${USAGE}

Writes the Microsoft Teams app package (manifest, colour and outline icons) for this bot. Needs
TEAMS_APP_ID (a GUID of your own), BOT_ID (the bot's Microsoft app id) and BOT_DOMAIN (the host name
the bot is served on, no scheme or port).

  --out PATH  where to write it (a relative PATH from the folder the command was typed in);
              default build/appPackage.zip in the package

exit codes: 0 written, 1 failed (configuration, or a path it cannot write), 2 bad usage
`;

/**
 * `--out PATH` (or `--out=PATH`): where to write the package, a relative path taken from `cwd`; default
 * build/appPackage.zip in the package. `--help`: what the command does, nothing written.
 */
export function parsePackageArgs(args: readonly string[], cwd: string): { out: string } | { help: true } {
  let out = APP_PACKAGE_PATH;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--out' || arg.startsWith('--out=')) {
      const value = arg === '--out' ? args[i + 1] : arg.slice('--out='.length);
      if (!value) throw new AppError('bad_usage', `--out takes a file path; ${USAGE}`);
      out = resolve(cwd, value);
      if (arg === '--out') i += 1;
    } else throw new AppError('bad_usage', `unknown argument '${arg}'; ${USAGE}`);
  }
  return { out };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    // `npm run` starts scripts in the package's folder; INIT_CWD is the folder it was typed in.
    const parsed = parsePackageArgs(process.argv.slice(2), process.env.INIT_CWD || process.cwd());
    process.stdout.write('help' in parsed ? HELP : `wrote ${writeAppPackage(process.env, parsed.out)}\n`);
  } catch (error) {
    process.stderr.write(`package: ${isAppError(error) ? error.message : String(error)}\n`);
    process.exitCode = isAppError(error) && error.code === 'bad_usage' ? 2 : 1;
  }
}
