import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { escapeMarkdown } from '../../src/core/interview/quote.js';
import { buildSummary } from '../../src/core/summary/build.js';
import { summaryPrompts } from '../../src/core/summary/labels.js';
import { renderCsv, renderQdpx } from '../../src/export/index.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { parseCsv, unescapeXml, unzip } from '../export/helpers.js';
import { createFakeTagger } from './fake-tagger.js';
import { answerUntilReview, CoreSession, REVIEW_ID } from './session.js';

const guides = loadGuides();

const SCRIPTS = {
  fr: {
    consent: 'oui',
    answer:
      "Nous avons installé un ERP avec nos fournisseurs, c'est une question de sécurité et on gagne du temps.",
    removeValue: 'retire la valeur sécurité',
    addTool: "ajoute l'outil CRM",
    garbled: 'la deuxième ligne est fausse',
    garbledAgain: 'la troisième aussi en fait',
    removeAbsent: 'retire la valeur hédonique',
    addPresent: 'ajoute la valeur sécurité',
    unreadSite: 'le passage sur les partenaires est un peu à côté, je trouve',
    done: "C'est bon",
    yes: 'oui',
  },
  en: {
    consent: 'yes',
    answer: 'We installed an ERP with our suppliers; it is about security and it saves time.',
    removeValue: 'remove value security',
    addTool: 'add tool CRM',
    garbled: 'the second line is wrong',
    garbledAgain: 'the third one too actually',
    removeAbsent: 'remove value hedonic',
    addPresent: 'add value security',
    unreadSite: 'the bit about partners feels a bit off to me',
    done: "that's all",
    yes: 'yes',
  },
} as const;

function atReview(lang: 'fr' | 'en'): { session: CoreSession; replies: string[] } {
  const script = SCRIPTS[lang];
  const session = new CoreSession(guides, createFakeTagger(), lang, 'manager');
  session.start();
  session.say(script.consent);
  return { session, replies: answerUntilReview(session, script.answer) };
}

function summaryOf(session: CoreSession) {
  return buildSummary(session.meta, session.turns);
}

describe.each(['fr', 'en'] as const)('closing review with corrections (%s)', (lang) => {
  const script = SCRIPTS[lang];
  const guide = guides[lang];

  it('shows the short summary, stores each correction as such, and the summary JSON follows them', () => {
    const { session, replies } = atReview(lang);
    const short = replies.at(-2) ?? '';
    expect(short).toMatch(lang === 'fr' ? /Outils\u00a0: ERP/ : /Tools: ERP/);
    expect(short.split('\n').find((line) => /^(Valeurs|Values)/.test(line))).toMatch(/s[ée]curit/i);
    const before = summaryOf(session);
    expect(before.values.security.count).toBeGreaterThan(0);
    expect(before.tools.map((t) => t.id)).not.toContain('crm');

    const removed = session.say(script.removeValue);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatch(
      lang === 'fr' ? /Retiré \(valeur\)\u00a0: s[ée]curit[ée]/i : /Removed \(value\): security/i,
    );
    const added = session.say(script.addTool);
    expect(added[0]).toMatch(/CRM/);
    expect(session.pendingId()).toBe(REVIEW_ID);
    expect(session.meta.status).toBe('in_progress');

    const corrections = session.turns.filter((t) => t.kind === 'correction');
    expect(corrections.map((t) => t.data)).toEqual([
      { action: 'remove', target: 'value', id: 'security', said: lang === 'fr' ? 'sécurité' : 'security' },
      { action: 'add', target: 'tool', id: 'crm', said: 'CRM' },
    ]);
    expect(corrections.map((t) => t.text)).toEqual([script.removeValue, script.addTool]);

    const after = summaryOf(session);
    expect(after.values.security.count).toBe(0);
    expect(after.tools.map((t) => t.id)).toContain('crm');
    expect(after.corrections).toHaveLength(2);

    const end = session.say(script.done);
    // What now stands is shown, as corrected: no security, the CRM added.
    expect(end).toEqual([guide.closing.correctionsKept, expect.any(String), guide.closing.thanks]);
    expect(end[1]).toContain(summaryPrompts(lang).short.introCorrected);
    expect(end[1]).not.toContain(summaryPrompts(lang).values.security);
    expect(end[1]).toContain('CRM');
    expect(session.meta.status).toBe('completed');
    expect(summaryOf(session).values.security.count).toBe(0);
  });

  it('answers a correction it cannot read with the parser message and an example, and keeps the text', () => {
    const { session } = atReview(lang);
    const count = session.turns.length;
    const replies = session.say(script.garbled);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatch(lang === 'fr' ? /pas compris/ : /understand/);
    expect(replies[1]).toBe(guide.closing.correctionHint);
    expect(session.turns).toHaveLength(count + 1);
    expect(session.turns.at(-1)?.data).toMatchObject({ event: 'reask', text: script.garbled });
    expect(session.turns.some((t) => t.kind === 'correction')).toBe(false);
    expect(session.pendingId()).toBe(REVIEW_ID);
    session.say(script.addTool);
    // An unknown name is not a correction either: the parser says which word it did not know.
    expect(session.say(lang === 'fr' ? "ajoute l'outil zorglub" : 'add tool zorglub')[0]).toMatch(/zorglub/);
    expect(session.turns.filter((t) => t.kind === 'correction')).toHaveLength(1);
    expect(session.pendingId()).toBe(REVIEW_ID);
  });

  it('a bare yes asks for the correction; "no" ends the review without one', () => {
    const { session } = atReview(lang);
    expect(session.say(script.yes)).toEqual([guide.closing.correctionPrompt]);
    expect(session.pendingId()).toBe(REVIEW_ID);
    expect(session.say(lang === 'fr' ? 'non' : 'no')).toEqual([guide.closing.thanks]);
    expect(session.meta.status).toBe('completed');
  });

  it('ends the review on the natural ways of saying there is nothing to correct', () => {
    const endings =
      lang === 'fr'
        ? [
            "c'est bon merci",
            'cest bon',
            'c est bon',
            'Cest bon, merci beaucoup !',
            'rien à corriger',
            'tout est bon',
            'Non, rien à corriger merci.',
            'ok merci',
            'ça me va très bien',
            'Rien à ajouter',
            'c bon',
            'parfait',
            "non c'est tout",
            'Nan, rien à ajouter.',
            'Ça me convient parfaitement, merci',
            'tout est parfait',
            'Impeccable !',
            "c'est très bien comme ça",
            'Non, ça ira merci',
            'rien d’autre',
          ]
        : [
            'nothing to change',
            'all good thanks',
            "that's fine",
            'thats fine thank you',
            'No, all good.',
            'ok thanks',
            'looks good to me',
            'Nope',
            'all fine',
            'Nope, all good',
            "No, that's about it",
            'Looks great, thanks!',
            "I'm happy with that",
            'fine by me',
            'nothing else to add',
            'spot on',
            "that's everything",
          ];
    for (const ending of endings) {
      const { session } = atReview(lang);
      expect([ending, session.say(ending)]).toEqual([ending, [guide.closing.thanks]]);
      expect(session.meta.status).toBe('completed');
    }
  });

  it('ends the review on a reply made of yes, no, done and filler words, as respondents say it', () => {
    const endings =
      lang === 'fr'
        ? [
            "ouais c'est bon",
            "non non c'est bon",
            'RAS',
            "je pense que c'est bon",
            'ça roule',
            'Ouais, ça marche merci',
            'euh non, rien',
            "ouin c'est beau",
            "c'est beau de même merci",
          ]
        : [
            'yep all good',
            "yeah that's it",
            "yeah that's about it",
            'seems fine',
            'that works',
            "that's accurate",
            "Yeah, I think that's fine, thanks",
            'yeah sweet as',
            "That's all, thank you kindly",
            "that's all y'all",
            "ok can, that's all",
          ];
    for (const ending of endings) {
      const { session } = atReview(lang);
      expect([ending, session.say(ending)]).toEqual([ending, [guide.closing.thanks]]);
      expect(summaryOf(session).unreadCorrections).toEqual([]);
    }
  });

  it('reads a yes, no or done word followed by a correction as that correction', () => {
    const said =
      lang === 'fr'
        ? ['ouais, retire la valeur sécurité', "c'est bon mais retire l'outil ERP"]
        : ['yeah remove value security', "that's fine but remove tool ERP"];
    const { session } = atReview(lang);
    for (const reply of said) expect(session.say(reply)[0]).toMatch(lang === 'fr' ? /^C'est noté/ : /^Noted/);
    expect(session.turns.filter((t) => t.kind === 'correction').map((t) => t.data)).toMatchObject([
      { action: 'remove', target: 'value', id: 'security' },
      { action: 'remove', target: 'tool', id: 'erp' },
    ]);
    expect(session.meta.status).toBe('in_progress');
    // Yes words alone mean there is something to correct.
    expect(session.say(lang === 'fr' ? 'ouais' : 'yep')).toEqual([guide.closing.correctionPrompt]);
  });

  it('reads a correction said after why, not two corrections in one reply', () => {
    const { session } = atReview(lang);
    const why =
      lang === 'fr'
        ? 'la sécurité on en a pas parlé vraiment, retire la valeur sécurité'
        : "security we didn't really talk about, remove value security";
    expect(session.say(why)[0]).toMatch(lang === 'fr' ? /^C'est noté/ : /^Noted/);
    expect(session.turns.filter((t) => t.kind === 'correction').map((t) => t.data)).toMatchObject([
      { action: 'remove', target: 'value', id: 'security' },
    ]);
  });

  it('moves on after a third reply in a row it cannot read, kept as written, having said so before it', () => {
    const { session } = atReview(lang);
    const again = lang === 'fr' ? 'la troisième aussi en fait' : 'the third one too actually';
    expect(session.say(script.garbled).at(-1)).toBe(guide.closing.correctionHint);
    // The second is answered with a warning, and the review still waits.
    expect(session.say(script.garbledAgain).at(-1)).toBe(guide.closing.correctionLastTry);
    expect(session.meta.status).toBe('in_progress');
    expect(session.say(again)).toEqual([guide.closing.correctionKeptAsWritten, guide.closing.thanks]);
    expect(session.meta.status).toBe('completed');
    expect(session.turns.find((t) => t.kind === 'answer' && t.questionId === REVIEW_ID)).toMatchObject({
      text: again,
      data: { review: 'unread' },
    });
    // Between them, a correction read starts the count again.
    const other = atReview(lang).session;
    other.say(script.garbled);
    other.say(script.garbledAgain);
    other.say(script.addTool);
    expect(other.say(again).at(-1)).toBe(guide.closing.correctionHint);
    expect(other.meta.status).toBe('in_progress');
  });

  it('explains what the summary says when asked ("c\'est quoi un levier ?"), recording nothing, and waits', () => {
    const { session } = atReview(lang);
    const before = session.turns.filter((t) => t.kind === 'correction' || t.kind === 'answer').length;
    for (const asked of lang === 'fr'
      ? ["c'est quoi un levier ?", 'c est quoi une forme de valeur']
      : ["what's a lever?", 'what do you mean by value forms?']) {
      expect(session.say(asked)).toEqual([guide.closing.glossary]);
      expect(session.meta.status).toBe('in_progress');
    }
    expect(session.turns.filter((t) => t.kind === 'correction' || t.kind === 'answer')).toHaveLength(before);
    // Asked in other words, naming a word of the summary.
    expect(
      session.say(
        lang === 'fr' ? 'non mais je demande ce que veut dire levier' : 'no I mean what does lever mean here',
      ),
    ).toEqual([guide.closing.glossary]);
    // Or an item of the summary asked about by its name, typed casually.
    for (const asked of lang === 'fr'
      ? ['traditionnelle ??', 'c quoi place de marché ?']
      : ['traditional??', 'whats a marketplace?'])
      expect(session.say(asked)).toEqual([guide.closing.glossary]);
    expect(summaryOf(session).unreadCorrections).toEqual([]);
    // Two garbled replies after it still get the hint, then the warning: the questions counted for nothing.
    expect(session.say(script.garbled).at(-1)).toBe(guide.closing.correctionHint);
  });

  it('counts unread replies in a row only: a reply it read in between starts the count again', () => {
    const { session } = atReview(lang);
    expect(session.say(script.garbled).at(-1)).toBe(guide.closing.correctionHint);
    expect(session.say(script.garbledAgain).at(-1)).toBe(guide.closing.correctionLastTry);
    // Read (and answered that it is not in the summary), though nothing is recorded as a correction.
    expect(session.say(script.removeAbsent)[0]).toMatch(lang === 'fr' ? /ne figure pas/ : /isn't in/);
    expect(session.say(script.garbledAgain).at(-1)).toBe(guide.closing.correctionHint);
    expect(session.meta.status).toBe('in_progress');
    // A bare yes is read too.
    expect(session.say(script.yes)).toEqual([guide.closing.correctionPrompt]);
    expect(session.say(script.garbled).at(-1)).toBe(guide.closing.correctionHint);
    expect(session.say(script.garbledAgain).at(-1)).toBe(guide.closing.correctionLastTry);
    expect(session.meta.status).toBe('in_progress');
    expect(session.say(script.garbled)).toContain(guide.closing.correctionKeptAsWritten);
    expect(session.meta.status).toBe('completed');
  });

  it('gives every review reply it could not read to the researcher, in the summary JSON and Markdown', () => {
    const { session } = atReview(lang);
    session.say(script.unreadSite);
    session.say(script.addTool);
    session.say(script.garbled);
    session.say(script.garbledAgain);
    session.say(script.garbled);
    expect(session.meta.status).toBe('completed');
    const summary = summaryOf(session);
    expect(summary.unreadCorrections.map((c) => c.text)).toEqual([
      script.unreadSite,
      script.garbled,
      script.garbledAgain,
      script.garbled,
    ]);
    // Applied corrections and unread ones are told apart: only the CRM was added.
    expect(summary.corrections.map((c) => c.correction)).toEqual([
      { action: 'add', target: 'tool', id: 'crm', said: 'CRM' },
    ]);
    const markdown = renderMarkdown(summary);
    const heading = `## ${lang === 'fr' ? 'Corrections du répondant' : "Respondent's corrections"}`;
    const start = markdown.indexOf(heading);
    expect(start).toBeGreaterThan(0);
    const section = markdown.slice(start, markdown.indexOf('\n## ', start + 1));
    const notApplied = lang === 'fr' ? 'Non appliquée (non comprise)' : 'Not applied (not understood)';
    const lines = section.split('\n').filter((line) => line.includes(notApplied));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain(escapeMarkdown(script.unreadSite));
    expect(section).toMatch(lang === 'fr' ? /Ajouté \(outil\)\u00a0: CRM/ : /Added \(tool\): CRM/);
  });

  it('gives the review replies to the researcher in the CSV and the REFI-QDA project too', () => {
    const { session } = atReview(lang);
    session.say(script.unreadSite);
    session.say(script.addTool);
    session.say(script.garbled);
    session.say(script.garbledAgain);
    const summary = summaryOf(session);
    const heading = lang === 'fr' ? 'Corrections du répondant' : "Respondent's corrections";
    const rows = parseCsv(renderCsv([summary])).filter((row) => row[4]?.endsWith('correction'));
    expect(rows.map((row) => [row[2], row[3], row[4], row[5]])).toEqual([
      [heading, script.unreadSite, 'unread_correction', 'unread'],
      [heading, script.addTool, 'correction', 'add:tool:crm'],
      [heading, script.garbled, 'unread_correction', 'unread'],
      [heading, script.garbledAgain, 'unread_correction', 'unread'],
    ]);
    expect(rows[1]?.slice(6, 8)).toEqual(['0', String(script.addTool.length)]);
    // In the project, a note on the interview's source, which a QDA tool shows as its memo.
    const xml = unzip(renderQdpx([summary], lang)).get('project.qde') ?? '';
    const note =
      /<Note guid="([^"]+)" name="([^"]+)"[^>]*><PlainTextContent>([^<]*)<\/PlainTextContent><\/Note>/.exec(
        xml,
      );
    expect(unescapeXml(note?.[2] ?? '')).toBe(`${heading} · ${summary.interview.id}`);
    const memo = unescapeXml(note?.[3] ?? '').split('\n');
    expect(memo[0]).toBe(heading);
    expect(memo.slice(1)).toEqual(
      [...summary.corrections, ...summary.unreadCorrections]
        .sort((a, b) => a.seq - b.seq)
        .map((c) => `• ${c.description}`),
    );
    expect(memo[1]).toContain(script.unreadSite);
    expect(xml).toContain(`<NoteRef targetGUID="${note?.[1]}"/></TextSource>`);
  });

  it('says a value already in the summary is already there and records nothing', () => {
    const { session } = atReview(lang);
    const replies = session.say(script.addPresent);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(lang === 'fr' ? /S[ée]curit[ée].*d[ée]j[àa]/ : /Security.*already/);
    expect(replies[0]).not.toMatch(lang === 'fr' ? /Ajouté/ : /Added/);
    expect(session.turns.some((t) => t.kind === 'correction')).toBe(false);
    expect(session.say(script.done)).toEqual([guide.closing.thanks]);
  });

  it('gives one block of examples when a correction is not understood', () => {
    const { session } = atReview(lang);
    const replies = session.say(script.garbled);
    expect(replies.join('\n').match(lang === 'fr' ? /par exemple/gi : /for example/gi)).toHaveLength(1);
    expect(replies.at(-1)).toBe(guide.closing.correctionHint);
  });

  it('says so when a removal names what the summary does not hold, and records nothing', () => {
    const { session } = atReview(lang);
    session.say(script.removeValue);
    const corrections = () => session.turns.filter((t) => t.kind === 'correction').length;
    expect(corrections()).toBe(1);
    for (const removal of [
      script.removeValue,
      lang === 'fr' ? 'retire la valeur hédonique' : 'remove value hedonic',
    ]) {
      const replies = session.say(removal);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatch(lang === 'fr' ? /ne figure pas/ : /isn't in what I understood/);
      expect(replies[0]).toMatch(lang === 'fr' ? /S[ée]curit[ée]|H[ée]doni/ : /Security|Hedonic/);
      expect(replies[0]).not.toMatch(lang === 'fr' ? /Retiré/ : /Removed/);
    }
    expect(corrections()).toBe(1);
    expect(session.pendingId()).toBe(REVIEW_ID);
  });

  it('resumes in the middle of the review with the corrected short summary, nothing recorded twice', () => {
    const { session } = atReview(lang);
    session.say(script.removeValue);
    const replay = new CoreSession(guides, createFakeTagger(), lang, 'manager');
    replay.meta = session.meta;
    replay.turns = [...session.turns];
    const replies = replay.start();
    expect(replay.turns).toHaveLength(session.turns.length);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatch(lang === 'fr' ? /Outils\u00a0: ERP/ : /Tools: ERP/);
    const valuesLine = (replies[0] ?? '').split('\n').find((line) => /^(Valeurs|Values)/.test(line));
    expect(valuesLine).toBeDefined();
    expect(valuesLine).not.toMatch(/s[ée]curit/i);
    expect(session.say(script.done)).toContain(guide.closing.thanks);
    expect(replies[1]).toBe(guide.closing.questions.at(-1)?.text);
    replay.say(script.addTool);
    replay.say(script.done);
    expect(replay.meta.status).toBe('completed');
    expect(replay.turns.filter((t) => t.kind === 'correction')).toHaveLength(2);
  });
});
