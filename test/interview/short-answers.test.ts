import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { type CoreSession, MANAGER_OPENING, pastPresentation } from './session.js';

const guides = loadGuides();
const tagger = createTagger();

/** An interview waiting at the tools question of theme 2. */
function atTools(lang: Language): CoreSession {
  const session = pastPresentation(guides, tagger, lang);
  session.say(MANAGER_OPENING[lang].meaning);
  for (let guard = 0; session.pendingId() !== 'tools.acquired'; guard += 1) {
    if (guard > 10) throw new Error('the tools question never came');
    session.say(lang === 'fr' ? 'Du temps et de la formation.' : 'Time and training.');
  }
  return session;
}

describe('a short answer to the tools question', () => {
  it.each([
    ['fr', 'Un ERP, Sage.'],
    ['en', 'An ERP, Sage.'],
  ] as const)('%s: "%s" names a tool: no request for a precise tool follows', (lang, answer) => {
    const session = atTools(lang);
    session.say(answer);
    expect(session.pendingId()).not.toBe('tools.acquired.example');
  });

  it.each([
    ['fr', 'Pas grand-chose.'],
    ['en', 'Not much.'],
  ] as const)('%s: "%s" names none: asked for one', (lang, answer) => {
    const session = atTools(lang);
    session.say(answer);
    expect(session.pendingId()).toBe('tools.acquired.example');
  });
});
