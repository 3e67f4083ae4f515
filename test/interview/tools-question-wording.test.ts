import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { createFakeTagger } from './fake-tagger.js';
import { type CoreSession, pastPresentation } from './session.js';

const guides = loadGuides();
const SKIP: Record<Language, string> = { fr: 'passer', en: 'skip' };

function interfacesQuestion(lang: Language) {
  const question = guides[lang].themes
    .flatMap((theme) => theme.questions)
    .find((q) => q.id === 'tools.interfaces');
  if (!question?.withoutTools) throw new Error('tools.interfaces has no wording without tools');
  return { ...question, withoutTools: question.withoutTools };
}

/** Skips every question until the tools question is waiting, answering it with `answer` (or skipping it). */
function pastToolsQuestion(lang: Language, answer: string | null): CoreSession {
  const session = pastPresentation(guides, createFakeTagger(), lang);
  for (let guard = 0; session.pendingId() !== 'tools.acquired'; guard += 1) {
    if (guard > 30) throw new Error('the tools question was never reached');
    session.say(SKIP[lang]);
  }
  session.say(answer ?? SKIP[lang]);
  return session;
}

describe('the question on tools linking the firm to partners', () => {
  it.each(['fr', 'en'] as const)('%s: asked without "these tools" when no tool has been named', (lang) => {
    const session = pastToolsQuestion(lang, null);
    const question = interfacesQuestion(lang);
    expect(session.pendingId()).toBe('tools.interfaces');
    expect(session.turns.findLast((t) => t.kind === 'question')?.text).toBe(question.withoutTools.text);
    // Asked what it means, the rewording is the one of the wording asked.
    const reworded = session.say(lang === 'fr' ? "c'est-à-dire ?" : 'what do you mean?').join('\n');
    expect(reworded).toContain(question.withoutTools.rephrase ?? '-');
  });

  it.each([
    ['fr', 'Nous avons un ERP et un site internet.'],
    ['en', 'We have an ERP and a website.'],
  ] as const)('%s: asked about "these tools" once some are named', (lang, answer) => {
    const session = pastToolsQuestion(lang, answer);
    const question = interfacesQuestion(lang);
    expect(session.pendingId()).toBe('tools.interfaces');
    expect(session.turns.findLast((t) => t.kind === 'question')?.text).toBe(question.text);
  });
});
