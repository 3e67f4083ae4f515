import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'sme-chat-'));
}

/** Runs `sme-interview <args>` in-process with `lines` piped on stdin. */
export async function runChat(args: string[], lines: string[], dataDir: string) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runCli(args, {
    stdin: Readable.from(lines.length === 0 ? [] : [`${lines.join('\n')}\n`]),
    stdout: sink((s) => {
      stdout += s;
    }),
    stderr: sink((s) => {
      stderr += s;
    }),
    env: { DATA_DIR: dataDir },
  });
  return { code, stdout, stderr };
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
