import type { ActorId } from '../domain.js';
import type { ActorTag, Evidence, Tags } from '../tags.js';
import type { AskedRole } from './question-subject.js';

/**
 * A short answer to "who started it?" or "who gains from it?" names its actor without a verb the tagger
 * reads a role from: "Moi.", "Mine, during lockdown", "Me. I built it myself", "nos clients surtout". In the light of the question,
 * a first-person opening is the firm itself, and actors merely mentioned take the role asked for.
 */
const FIRST_PERSON =
  /^[\s«"“]*(?:c'est\s+|c’est\s+|c\s+est\s+|cest\s+|c'était\s+|c’était\s+|c'etait\s+|c\s+[ée]tait\s+|it was\s+|it's\s+|it’s\s+)?(moi|nous|me|us|myself|ourselves|mine|ours|we did|i did)(?=[\s.,;:!?»"”-]|$)/iu;

/** "C'est le comptable.", "It was the owner": a cleft answers the first half of a two-part question. */
const CLEFT = /^[\s«"“]*(?:c'est|c’est|cest|c|ce sont|it was|it's|it’s|it is|that was)\s/iu;

/**
 * What may stand before an actor an answer opens with ("Le comptable !!", "Notre fils.", "Well, the owner"):
 * a filler word, an article or a possessive.
 */
const BEFORE_OPENING_ACTOR =
  /^[\s«"“]*(?:(?:euh|heu|ben|bah|bon|ah|well|oh|um|erm)[\s,.…]+)?(?:(?:le|la|les|notre|nos|mon|ma|mes|the|our|my)\s+|l['’]\s*)?$/iu;

/**
 * The actors our labelled answers more often name as starting a tool than as gaining from it: an answer opening
 * with one of them ("Le comptable !!") says who started it, one opening with the clients ("Nos clients surtout")
 * says neither for sure.
 */
const USUALLY_INITIATING: ReadonlySet<ActorId> = new Set([
  'accountants',
  'banks',
  'cci',
  'it_provider',
  'networks',
  'suppliers',
]);

/** Two actors named a sentence apart ("Usually the owner. Their customers, mostly.") answer the two halves in turn. */
const SENTENCE_BREAK = /[.;!?]/;

function asked(role: AskedRole, wanted: 'initiator' | 'beneficiary'): boolean {
  return role === wanted || role === 'both';
}

function firstAt(actor: ActorTag): number {
  return Math.min(...actor.evidence.map((e) => e.start));
}

/**
 * Asked who started a tool and who gains from it at once, an answer that states neither role still answers
 * them in order: a cleft, or an answer opening with its one actor, one that usually starts tools ("Le comptable !!
 * Je vous l'ai dit."), names who started it; two actors a sentence apart are who started it, then who
 * gains. A bare list ("nos clients et nos fournisseurs") says neither for sure.
 */
function readInOrder(actors: readonly ActorTag[], text: string): ActorTag[] | null {
  if (actors.some((a) => a.role !== 'mentioned') || actors.length === 0) return null;
  const ordered = [...actors].sort((a, b) => firstAt(a) - firstAt(b));
  const first = ordered[0];
  if (!first) return null;
  const later = ordered.filter(
    (a) => a.id !== first.id && SENTENCE_BREAK.test(text.slice(firstAt(first), firstAt(a))),
  );
  const opensWith =
    CLEFT.test(text) ||
    (USUALLY_INITIATING.has(first.id) && BEFORE_OPENING_ACTOR.test(text.slice(0, firstAt(first))));
  if (later.length === 0 && !(opensWith && ordered.every((a) => a.id === first.id))) return null;
  const beneficiaries = new Set(later);
  return actors.map((a) =>
    a.id === first.id
      ? { ...a, role: 'initiator' }
      : beneficiaries.has(a)
        ? { ...a, role: 'beneficiary' }
        : a,
  );
}

export function readProbeAnswer(tags: Tags, text: string, asks: AskedRole): Tags {
  if (asks === 'both' && !FIRST_PERSON.test(text)) {
    const inOrder = readInOrder(tags.actors, text);
    if (inOrder) return { ...tags, actors: inOrder };
  }
  const actors: ActorTag[] = [...tags.actors];
  let changed = false;
  const has = (role: 'initiator' | 'beneficiary') => actors.some((a) => a.role === role);
  const self = FIRST_PERSON.exec(text);
  for (const role of ['initiator', 'beneficiary'] as const) {
    if (!asked(asks, role) || has(role)) continue;
    if (self?.[1] !== undefined) {
      const start = self.index + self[0].length - self[1].length;
      const evidence: Evidence = { start, end: start + self[1].length, text: self[1] };
      actors.push({ id: 'organisation', role, evidence: [evidence] });
      changed = true;
      // "Moi." answers the question asked: with both asked, it says who started it, not who gains, and an
      // actor named a sentence later ("Moi. Les clients.") who gains.
      if (asks === 'both') {
        for (let i = 0; i < actors.length; i += 1) {
          const actor = actors[i];
          if (actor?.role !== 'mentioned' || actor.id === 'organisation') continue;
          if (SENTENCE_BREAK.test(text.slice(evidence.end, firstAt(actor))))
            actors[i] = { ...actor, role: 'beneficiary' };
        }
        break;
      }
      continue;
    }
    if (asks !== role) continue;
    for (let i = 0; i < actors.length; i += 1) {
      const actor = actors[i];
      if (actor?.role !== 'mentioned') continue;
      actors[i] = { ...actor, role };
      changed = true;
    }
  }
  return changed ? { ...tags, actors } : tags;
}
