import type { ActorTag, Evidence, Tags } from '../tags.js';
import type { AskedRole } from './question-subject.js';

/**
 * A short answer to "who started it?" or "who gains from it?" names its actor without a verb the tagger
 * reads a role from: "Moi.", "Me. I built it myself", "nos clients surtout". In the light of the question,
 * a first-person opening is the firm itself, and actors merely mentioned take the role asked for.
 */
const FIRST_PERSON =
  /^[\s«"“]*(?:c'est\s+|c’est\s+|it was\s+)?(moi|nous|me|us|myself|ourselves|we did|i did)(?=[\s.,;:!?»"”-]|$)/iu;

function asked(role: AskedRole, wanted: 'initiator' | 'beneficiary'): boolean {
  return role === wanted || role === 'both';
}

export function readProbeAnswer(tags: Tags, text: string, asks: AskedRole): Tags {
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
      // "Moi." answers the question asked: with both asked, it says who started it, not who gains.
      if (asks === 'both') break;
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
