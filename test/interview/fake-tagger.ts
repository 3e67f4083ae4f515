import type { ActorId, ActorRole, FacetId, Language, LeverId, ValueId } from '../../src/core/domain.js';
import type { Tagger } from '../../src/core/tagger/types.js';
import { type Evidence, emptyTags, type Tags } from '../../src/core/tags.js';

type Rule =
  | { re: RegExp; kind: 'tool'; id: string }
  | { re: RegExp; kind: 'value'; id: ValueId }
  | { re: RegExp; kind: 'lever'; id: LeverId }
  | { re: RegExp; kind: 'facet'; id: FacetId }
  | { re: RegExp; kind: 'actor'; id: ActorId; role: ActorRole };

/** A small keyword tagger standing in for the real one: enough vocabulary for scripted interviews. */
const RULES: Rule[] = [
  { re: /\berp\b/i, kind: 'tool', id: 'erp' },
  { re: /\bcrm\b/i, kind: 'tool', id: 'crm' },
  { re: /site (internet|web)|website/i, kind: 'tool', id: 'showcase_website' },
  // The real tagger's evidence runs from the common noun to the brand ("boutique Shopify", "Shopify store").
  { re: /boutique\s[^.]*|\w+ store/i, kind: 'tool', id: 'ecommerce_website' },
  { re: /HubSpot/, kind: 'tool', id: 'crm' },
  { re: /opportunit/i, kind: 'facet', id: 'opportunity' },
  { re: /menace|risque|threat|risk/i, kind: 'facet', id: 'threat' },
  { re: /compétence|formation|budget|skills|training/i, kind: 'facet', id: 'resource' },
  { re: /gagn\w* du temps|save[sd]? time|moins d'erreurs|fewer errors/i, kind: 'value', id: 'functional' },
  { re: /sécuri|secur/i, kind: 'value', id: 'security' },
  { re: /appren|learn/i, kind: 'value', id: 'epistemic' },
  { re: /cluster|club|network/i, kind: 'lever', id: 'cluster' },
  { re: /nouveaux marchés|new markets|notre offre|our offer/i, kind: 'lever', id: 'product_market' },
  { re: /fournisseurs|suppliers/i, kind: 'lever', id: 'value_chain' },
  {
    re: /j'ai décidé|nous avons décidé|i decided|we decided/i,
    kind: 'actor',
    id: 'organisation',
    role: 'initiator',
  },
  { re: /clients en profitent|customers benefit/i, kind: 'actor', id: 'clients', role: 'beneficiary' },
];

function evidence(text: string, re: RegExp): Evidence[] {
  const match = re.exec(text);
  if (!match) return [];
  return [{ start: match.index, end: match.index + match[0].length, text: match[0] }];
}

export function createFakeTagger(): Tagger & { calls: number } {
  const tagger = {
    calls: 0,
    tag(text: string, options?: { lang?: Language }): Tags {
      tagger.calls += 1;
      const tags = emptyTags(options?.lang ?? 'fr');
      for (const rule of RULES) {
        const ev = evidence(text, rule.re);
        if (ev.length === 0) continue;
        if (rule.kind === 'tool') tags.tools.push({ id: rule.id, confidence: 0.9, evidence: ev });
        else if (rule.kind === 'value') tags.values.push({ id: rule.id, confidence: 0.8, evidence: ev });
        else if (rule.kind === 'lever') tags.levers.push({ id: rule.id, confidence: 0.7, evidence: ev });
        else if (rule.kind === 'facet') tags.facets.push({ id: rule.id, confidence: 0.7, evidence: ev });
        else tags.actors.push({ id: rule.id, role: rule.role, evidence: ev });
      }
      return tags;
    },
  };
  return tagger;
}
