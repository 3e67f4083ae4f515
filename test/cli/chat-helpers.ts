import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open.js';

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'sme-chat-'));
}

/** Every interview the chat left in `dataDir`'s store, with its turns (newest first). */
export async function storedInterviews(dataDir: string) {
  const store = await openStore(loadConfig({ DATA_DIR: dataDir }));
  try {
    const metas = await store.listInterviews();
    return await Promise.all(metas.map(async (meta) => ({ meta, turns: await store.getTurns(meta.id) })));
  } finally {
    await store.close();
  }
}

/** The one interview the chat left in `dataDir`'s store. */
export async function storedInterview(dataDir: string) {
  const [stored] = await storedInterviews(dataDir);
  if (!stored) throw new Error('no interview stored');
  return stored;
}

const sink = (append: (s: string) => void) =>
  new Writable({
    write(chunk, _enc, done) {
      append(String(chunk));
      done();
    },
  });

/** Runs `sme-interview <args>` in-process with `lines` piped on stdin. */
export async function runChat(
  args: string[],
  lines: string[],
  dataDir: string,
  env: Record<string, string> = {},
) {
  const chat = openChat(args, dataDir, env);
  for (const line of lines) chat.say(line);
  chat.stdin.end();
  const code = await chat.exited;
  return { code, stdout: chat.output.stdout, stderr: chat.output.stderr };
}

/** `sme-interview <args>` in-process with its input left open, as a person at a terminal keeps it. */
export function openChat(args: string[], dataDir: string, env: Record<string, string> = {}) {
  const output = { stdout: '', stderr: '' };
  const stdin = new PassThrough();
  const exited = runCli(args, {
    stdin,
    stdout: sink((s) => {
      output.stdout += s;
    }),
    stderr: sink((s) => {
      output.stderr += s;
    }),
    env: { DATA_DIR: dataDir, ...env },
  });
  return { stdin, output, exited, say: (line: string) => stdin.write(`${line}\n`) };
}

/** Waits for what a chat running alongside the test does (its output, its answers in the store). */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  limitMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const FR_ANSWERS = [
  'oui',
  'Nous fabriquons des meubles en bois massif, 25 salariés, en Haute-Savoie.',
  'Je suis la gérante et la fondatrice de la société.',
  "C'est une opportunité de gagner du temps, mais aussi un risque de dépendance ; il faut des compétences et un budget.",
  'Nous avons installé un ERP et un site internet de vente en ligne.',
  "Le site permet à nos clients de commander ; l'ERP est relié à nos fournisseurs par EDI.",
];

export const FR_MORE =
  "C'est moi qui l'ai décidé, et ce sont nos clients et nos salariés qui en profitent : moins d'erreurs, plus de temps.";

export const EN_ANSWERS = [
  'yes',
  'We make solid wood furniture, 25 employees, in Savoie.',
  'I am the managing director and founder of the company.',
  'It is an opportunity to save time, but also a risk of dependence; it takes skills and a budget.',
  'We installed an ERP and an online shop.',
  'Customers order on the website, and the ERP is linked to our suppliers through EDI.',
];

export const EN_MORE =
  'I decided it myself, and our customers and our staff benefit from it: fewer errors, more time.';
