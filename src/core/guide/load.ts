import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../errors.js';
import { PACKAGE_ROOT, PROMPTS_DIR } from '../../paths.js';
import type { Language } from '../domain.js';
import { Guide, type GuideSet } from './schema.js';

/** `themes[1].questions[0].text`: the field path the way a person editing the JSON looks for it. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return issue.message.replace(/^Invalid input: /, '');
}

/** Validates parsed JSON as a guide; `label` names the file in the error (`prompts/guide.fr.json: …`). */
export function parseGuide(raw: unknown, label: string): Guide {
  const parsed = Guide.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatFieldPath(issue.path) : '(root)';
    throw new AppError('bad_guide', `${label}: ${where}: ${issue ? describeIssue(issue) : 'invalid guide'}`);
  }
  return parsed.data;
}

export function guideFileName(language: Language): string {
  return `guide.${language}.json`;
}

export function loadGuideFile(path: string): Guide {
  const label = relative(PACKAGE_ROOT, path).startsWith('..') ? path : relative(PACKAGE_ROOT, path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'bad_guide',
      `${label}: cannot be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'bad_guide',
      `${label}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return parseGuide(raw, label);
}

/** Loads `guide.fr.json` and `guide.en.json`; each must declare the language its name says. */
export function loadGuides(dir: string = PROMPTS_DIR): GuideSet {
  const load = (language: Language): Guide => {
    const path = join(dir, guideFileName(language));
    const guide = loadGuideFile(path);
    if (guide.language !== language) {
      throw new AppError('bad_guide', `${relative(PACKAGE_ROOT, path)}: language: expected "${language}"`);
    }
    return guide;
  };
  return { fr: load('fr'), en: load('en') };
}
