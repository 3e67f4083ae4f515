import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../src/core/summary/index.js';
import { loadCorpus } from '../../src/core/tagger/corpus.js';
import { createTagger } from '../../src/core/tagger/index.js';
import type { Tags } from '../../src/core/tags.js';
import { renderCsv, renderQdpx } from '../../src/export/index.js';
import { metaFor, TurnLog } from '../summary/helpers.js';
import { parseCsv, unzip } from './helpers.js';

const tagger = createTagger();

/** Every (family, code, start, end) that a tag set codes more than once. */
function repeatedCodings(tags: Tags): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  const families = { values: tags.values, tools: tags.tools, levers: tags.levers, facets: tags.facets };
  const coded = [
    ...Object.entries(families).flatMap(([family, list]) =>
      list.flatMap((t) => t.evidence.map((e) => `${family}:${t.id}:${e.start}-${e.end}`)),
    ),
    ...tags.actors.flatMap((a) => a.evidence.map((e) => `actor:${a.id}:${a.role}:${e.start}-${e.end}`)),
  ];
  for (const key of coded) {
    if (seen.has(key)) repeated.push(key);
    seen.add(key);
  }
  return repeated;
}

describe('one coding per span and code', () => {
  it.each([
    ['fr', "Le site c'est surtout pour les clients, qu'ils puissent voir nos réalisations le soir."],
    [
      'fr',
      'Nos fournisseurs et nos clients y gagnent, les fournisseurs surtout, parce que les commandes arrivent propres.',
    ],
    ['en', 'The website is mostly for our customers, so customers can see our work in the evening.'],
  ] as const)('the tagger quotes each span once per tag (%s): %s', (lang, text) => {
    const tags = tagger.tag(text, { lang });
    expect(tags.actors.length).toBeGreaterThan(0);
    expect(repeatedCodings(tags)).toEqual([]);
  });

  it('the tagger quotes each span once per tag over the whole training corpus', () => {
    const repeated = loadCorpus('train').flatMap((item) => repeatedCodings(tagger.tag(item.text)));
    expect(repeated).toEqual([]);
  });

  it('exports one CSV row and one REFI-QDA selection per span and code, even from tags stored twice over', () => {
    const text = 'Le site, c’est pour les clients : ils suivent leurs chantiers le soir.';
    const log = new TurnLog('itv-dup', 'fr');
    // Tags as an earlier version stored them: the same actor span listed four times.
    log.qa('tools', 'tools', 'Quels outils avez-vous mis en place ?', text, {
      actors: [
        ['clients', 'beneficiary', 'clients'],
        ['clients', 'beneficiary', 'clients'],
      ],
      tools: [['showcase_website', 'site']],
    });
    const stored = log.turns.at(-1);
    const doubled = stored?.tags?.actors.map((a) => ({ ...a, evidence: [...a.evidence, ...a.evidence] }));
    if (stored?.tags && doubled) stored.tags = { ...stored.tags, actors: doubled };
    const summary = buildSummary(metaFor('itv-dup', 'fr'), log.turns, { raw: true });

    const rows = parseCsv(renderCsv([summary])).slice(1);
    expect(rows.filter((r) => r[5] === 'clients')).toHaveLength(1);

    const project = unzip(renderQdpx([summary], 'fr', '2025-03-05T09:00:00.000Z')).get('project.qde') ?? '';
    const selections = [
      ...project.matchAll(
        /<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)"[^>]*><Coding guid="[^"]+"[^>]*><CodeRef targetGUID="([^"]+)"/g,
      ),
    ].map((m) => `${m[1]}-${m[2]}-${m[3]}`);
    // The tool and the actor, each coded once.
    expect(selections).toHaveLength(2);
    expect(new Set(selections).size).toBe(2);
  });
});
