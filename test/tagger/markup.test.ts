import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();

describe('markup and code are not read as words', () => {
  it.each([
    'On a un site. <script>alert(1)</script>',
    'We have a website. <script>alert("secure backup")</script>',
    'On a un site <img src=x onerror="alert(1)">.',
    'We have a website. alert(1)',
  ])('%s → no value', (text) => {
    expect(tagger.tag(text).values).toEqual([]);
  });

  it('keeps evidence offsets into the original text', () => {
    const text = '<b>On a</b> un <i>ERP</i>, <script>x()</script> ça nous fait gagner du temps.';
    const tags = tagger.tag(text);
    const erp = tags.tools.find((t) => t.id === 'erp');
    expect(erp?.evidence[0]).toMatchObject({ text: 'ERP', start: text.indexOf('ERP') });
    const functional = tags.values.find((v) => v.id === 'functional');
    for (const e of functional?.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(functional).toBeDefined();
  });

  it('still reads words in brackets and plain comparisons', () => {
    expect(tagger.tag('On a un site (vitrine) et un ERP.').tools.map((t) => t.id)).toContain('erp');
    expect(
      tagger.tag('Orders < 5 min now, it used to be > 1 hour, the CRM saves time.').tools.map((t) => t.id),
    ).toContain('crm');
  });
});
