import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const actorsOf = (text: string) => tagger.tag(text).actors.map((a) => `${a.id}:${a.role}`);

describe('a presentation names the firm, its trade and headcount, no beneficiary', () => {
  it.each([
    ['Boulangerie à Brest.', []],
    ['La boulangerie a un site.', []],
    ['Nous sommes une boucherie-charcuterie à Quimper.', []],
    ['We are a bakery in Leeds.', []],
    ['We’re a bakery in Leeds, 8 people.', ['employees:mentioned']],
    ['We are a small joinery firm, 8 people, in Devon.', ['employees:mentioned']],
    ['Boulangerie à Brest, 12 salariés.', ['employees:mentioned']],
    ['Nous sommes une menuiserie de douze personnes dans le Morbihan.', ['employees:mentioned']],
  ])('%s → %j', (text, expected) => {
    expect(actorsOf(text).filter((a) => !a.startsWith('organisation'))).toEqual(expected);
  });

  it('gives a headcount no role, even beside a tool', () => {
    for (const text of [
      'We’re a bakery in Leeds with 8 staff and we take orders online.',
      'Nous sommes une boulangerie à Brest avec 12 salariés, on prend les commandes en ligne.',
    ]) {
      const employees = actorsOf(text).filter((a) => a.startsWith('employees'));
      expect(employees).toEqual(['employees:mentioned']);
    }
  });

  it('still reads the staff who gain from a tool', () => {
    expect(actorsOf('Les salariés gagnent du temps grâce au planning partagé.')).toContain(
      'employees:beneficiary',
    );
    expect(actorsOf('The app saves our staff an hour a day.')).toContain('employees:beneficiary');
  });
});
