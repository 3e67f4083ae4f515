import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMPTS_DIR } from '../../src/paths.js';

/** U+00A0, before « : » and inside « », and U+202F, before « ; ! ? »: Teams and Web Chat never break a line there. */
const NBSP = '\u00a0';
const NNBSP = '\u202f';

function strings(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) strings(item, `${path}[${i}]`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) strings(item, path === '' ? key : `${path}.${key}`, out);
  }
}

/** What is wrong with a French string's spaces around « ; ! ? : « » », if anything. */
function typographyProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/(\s)([;!?:»])/gu)) {
    const [, space, mark] = match;
    const wanted = mark === ':' || mark === '»' ? NBSP : NNBSP;
    if (space !== wanted) problems.push(`${JSON.stringify(`${space}${mark}`)} at ${match.index}`);
  }
  for (const match of text.matchAll(/«(\s)/gu)) {
    if (match[1] !== NBSP) problems.push(`${JSON.stringify(match[0])} at ${match.index}`);
  }
  return problems;
}

const frenchFiles = readdirSync(PROMPTS_DIR).filter((name) => name.endsWith('.fr.json'));

describe('French typography in prompts/*.fr.json', () => {
  it('finds the French prompt files', () => {
    expect(frenchFiles).toEqual(
      expect.arrayContaining(['guide.fr.json', 'summary.fr.json', 'invitation.fr.json']),
    );
  });

  it('tells a plain space from the no-break spaces the rule asks for', () => {
    expect(typographyProblems('Quel est votre rôle ?')).toHaveLength(1);
    expect(typographyProblems('Écrivez « aide »')).toHaveLength(2);
    expect(typographyProblems('Thème 1 sur 3 : le sens')).toHaveLength(1);
    expect(typographyProblems(`En pause${NBSP}; merci${NNBSP}!`)).toHaveLength(1);
    expect(
      typographyProblems(`Quel est votre rôle${NNBSP}? Écrivez «${NBSP}aide${NBSP}»${NBSP}: merci.`),
    ).toEqual([]);
    // "?" alone is a command word; an English aside keeps English spacing.
    expect(typographyProblems('?')).toEqual([]);
    expect(typographyProblems('(In English: type "start".)')).toEqual([]);
  });

  for (const file of frenchFiles) {
    it(`${file}: no plain space before ; ! ? : » or after «`, () => {
      const found: { path: string; text: string }[] = [];
      strings(JSON.parse(readFileSync(join(PROMPTS_DIR, file), 'utf8')), '', found);
      const wrong = found.flatMap(({ path, text }) =>
        typographyProblems(text).map((problem) => `${path}: ${problem}`),
      );
      expect(wrong).toEqual([]);
      expect(found.length).toBeGreaterThan(0);
    });
  }
});
