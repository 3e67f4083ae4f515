import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const ids = (text: string) => {
  const tags = tagger.tag(text);
  return {
    tools: tags.tools.map((t) => t.id),
    values: tags.values.map((v) => v.id),
    facets: tags.facets.map((f) => f.id),
  };
};

describe('what the firm needs is a resource, not a tool in use nor a value gained', () => {
  it.each([
    'we need training and money',
    'What we need is training.',
    'Honestly we need training for the staff, and time.',
    'On a besoin de formation et d’argent.',
    'Ce dont on a besoin, c’est de la formation.',
    'on aurait besoin de formation',
    'il nous faudrait de la formation',
  ])('%s → resource', (text) => {
    const tags = ids(text);
    expect(tags.facets).toContain('resource');
    expect(tags.tools).not.toContain('digital_training');
    expect(tags.values).not.toContain('epistemic');
  });

  it('still reads a training the firm had', () => {
    expect(ids('We did a training on the new till last month, the staff learned a lot.').tools).toContain(
      'digital_training',
    );
    expect(
      ids('On a suivi une formation sur le logiciel de caisse, on a appris plein de choses.').tools,
    ).toContain('digital_training');
  });
});
