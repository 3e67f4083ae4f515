import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';
import { parseTranscript, transcriptToInterview } from '../../src/core/transcript/index.js';

const tagger = createTagger();
const AT = '2025-01-01T00:00:00.000Z';

/** The turns as `speaker: text`, easy to read in a failing test. */
const turns = (text: string, prefix?: string) =>
  parseTranscript(text, prefix).map((p) => `${p.speaker === 'interviewer' ? 'Q' : 'R'}: ${p.text}`);

describe('speaker turns in a transcript', () => {
  it('starts a new turn at a label on the line right under the question (no blank line between)', () => {
    const transcript =
      'Q: Could you introduce your company?\nA: I run a small bakery in Leeds, there are six of us.\n\n' +
      'Q: Which tools have you adopted?\nA: We use an ERP and Facebook; our customers benefit.';
    expect(turns(transcript)).toEqual([
      'Q: Could you introduce your company?',
      'R: I run a small bakery in Leeds, there are six of us.',
      'Q: Which tools have you adopted?',
      'R: We use an ERP and Facebook; our customers benefit.',
    ]);
    const { turns: log } = transcriptToInterview(transcript, { id: 't', tagger, at: AT });
    const answers = log.filter((t) => t.kind === 'answer');
    expect(answers.map((a) => a.section)).toEqual(['presentation', 'tools']);
    expect(answers[1]?.tags?.tools.map((t) => t.id)).toContain('erp');
  });

  it('reads French turns on consecutive lines, and a question whose label stands alone on its line', () => {
    expect(
      turns(
        'Intervieweur : Pouvez-vous présenter votre entreprise ?\nRépondant : Une menuiserie de douze personnes.\n' +
          'Intervieweur :\nQuels outils utilisez-vous,\nau quotidien ?\nOn a un ERP.\nEt un site.',
      ),
    ).toEqual([
      'Q: Pouvez-vous présenter votre entreprise ?',
      'R: Une menuiserie de douze personnes.',
      'Q: Quels outils utilisez-vous,\nau quotidien ?\nOn a un ERP.\nEt un site.',
    ]);
  });

  it('takes --interviewer-prefix as a label followed by a colon, not as the start of any word', () => {
    const transcript =
      'I: Which tools do you use?\n\nIn our shop we use an ERP for the orders.\n\nIt saves time.\n\n' +
      'I : And your customers?\n\nInterviewee: They order online.';
    expect(turns(transcript, 'I')).toEqual([
      'Q: Which tools do you use?',
      'R: In our shop we use an ERP for the orders.',
      'R: It saves time.',
      'Q: And your customers?',
      'R: They order online.',
    ]);
    expect(turns(transcript, 'I:')).toEqual(turns(transcript, 'I'));
    expect(turns('Q : Quels outils ?\n\nQuand on a commencé, un tableur.', 'Q')).toEqual([
      'Q: Quels outils ?',
      'R: Quand on a commencé, un tableur.',
    ]);
    // A prefix ending in punctuation marks the turn by itself.
    expect(turns('ENQ. Quels outils ?\n\nUn ERP.', 'ENQ.')).toEqual(['Q: Quels outils ?', 'R: Un ERP.']);
  });

  it('recognises time stamps, numbered labels and the French labels of either gender', () => {
    const transcript = [
      '[00:00:05] Intervieweur : Pouvez-vous vous présenter ?',
      '[00:00:09] Enquêtée : Je dirige une imprimerie.',
      '00:12:03 Q: Quels outils utilisez-vous ?',
      '00:12:10 R: Un ERP.',
      '(00:05) Intervieweuse : Et le site ?',
      '(00:07) Enquêté : Il marche bien.',
      'Q1: Et vos clients ?',
      'R1: Ils commandent en ligne.',
      'Question 3 : Et la suite ?',
      'Réponse : Un CRM.',
      'Enquêteur : Qui l’a proposé ?',
      'Interviewé (00:20:00) : Le comptable.',
      'Enquêtrice : Merci.',
      '[00:21:00] Avec plaisir.',
    ].join('\n');
    expect(turns(transcript)).toEqual([
      'Q: Pouvez-vous vous présenter ?',
      'R: Je dirige une imprimerie.',
      'Q: Quels outils utilisez-vous ?',
      'R: Un ERP.',
      'Q: Et le site ?',
      'R: Il marche bien.',
      'Q: Et vos clients ?',
      'R: Ils commandent en ligne.',
      'Q: Et la suite ?',
      'R: Un CRM.',
      'Q: Qui l’a proposé ?',
      'R: Le comptable.',
      'Q: Merci.',
      'R: Avec plaisir.',
    ]);
    expect(turns('Q: Un ?\n\n[00:01:00]\n\nAnswer: Yes.')).toEqual(['Q: Un ?', 'R: Yes.']);
  });

  it('keeps words that only look like labels: a colon after a word, a time said in an answer', () => {
    expect(turns('Q: Horaires ?\n\nRéseau : le club.\n10:30, on ouvre.\n\nAnswering: the phone.')).toEqual([
      'Q: Horaires ?',
      'R: Réseau : le club.\n10:30, on ouvre.',
      'R: Answering: the phone.',
    ]);
  });

  it("keeps each answer exact: the tags' evidence offsets slice the stored answer, labels and stamps outside", () => {
    const transcript =
      '\uFEFF[00:00:05] Intervieweur : Pouvez-vous vous présenter ?\r\n[00:00:09] Enquêtée : Je dirige une imprimerie de 28 salariés.\r\n' +
      "00:12:03 Q1 : Quels outils numériques utilisez-vous aujourd'hui dans l'entreprise ?\r\n" +
      '00:12:10 R1 : Nous avons un ERP, à la demande de notre expert-comptable, et nos clients commandent sur notre site e-commerce.\r\n';
    const { turns: log } = transcriptToInterview(transcript, { id: 't', tagger, at: AT });
    const questions = log.filter((t) => t.kind === 'question').map((t) => t.text);
    expect(questions).toEqual([
      'Pouvez-vous vous présenter ?',
      "Quels outils numériques utilisez-vous aujourd'hui dans l'entreprise ?",
    ]);
    const answers = log.filter((t) => t.kind === 'answer');
    expect(answers.map((a) => a.text)).toEqual([
      'Je dirige une imprimerie de 28 salariés.',
      'Nous avons un ERP, à la demande de notre expert-comptable, et nos clients commandent sur notre site e-commerce.',
    ]);
    expect(answers.map((a) => a.section)).toEqual(['presentation', 'tools']);
    let evidence = 0;
    for (const answer of answers) {
      const tags = answer.tags;
      if (!tags) continue;
      for (const item of [...tags.values, ...tags.tools, ...tags.levers, ...tags.actors, ...tags.facets])
        for (const e of item.evidence) {
          expect(answer.text.slice(e.start, e.end)).toBe(e.text);
          evidence += 1;
        }
    }
    expect(evidence).toBeGreaterThan(2);
    expect(answers[1]?.tags?.tools.find((t) => t.id === 'erp')?.evidence[0]).toMatchObject({
      start: 14,
      end: 17,
      text: 'ERP',
    });
  });

  it("reads a name that opens the respondent's turns as a label, not as words of the answer", () => {
    expect(
      turns(
        'Q: Pouvez-vous présenter votre entreprise ?\n\nMarie Le Goff : Une crêperie, quatre salariés.\n\n' +
          'Q: Quels outils ?\n\nMarie Le Goff : Un site et Facebook.\n\nQ: Autre chose ?\n\nExemple : le site.',
      ),
    ).toEqual([
      'Q: Pouvez-vous présenter votre entreprise ?',
      'R: Une crêperie, quatre salariés.',
      'Q: Quels outils ?',
      'R: Un site et Facebook.',
      'Q: Autre chose ?',
      // Said once, a word before a colon is the answer's own.
      'R: Exemple : le site.',
    ]);
  });
});
