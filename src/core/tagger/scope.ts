import type { Language } from '../domain.js';
import type { Lexicon } from './lexicon.js';
import { PhraseIndex } from './phrases.js';
import type { Stem, Token } from './text.js';
import type { AnswerAbout } from './types.js';

/** How far back (in words, inside the clause) a negation reaches: "on n'a toujours pas mis en place de CRM". */
const NEGATION_REACH = 6;
/** How far before a tool its possessive may stand: "notre", "notre nouveau", "our own little". */
const OWNER_REACH = 3;
/** A question answered by a bare "no" is the speaker's own short aside ("Le cloud ? Non."), not a long one. */
const ASIDE_QUESTION_WORDS = 8;
/**
 * Words allowed between a teaching cue and its topic cue, in one clause where the speaker does not start
 * again ("we offer SMEs free webinars on", "we do free one-to-one diagnostics and a six-week programme of
 * workshops on").
 */
const TEACHING_REACH = 9;
/** How far after "zéro" / "zero" the tool it denies may start: "zero CRM", "zéro logiciel de caisse". */
const LACKING_REACH = 2;

/**
 * The imperfect of verbs whose stem ends in r shares the conditional's endings ("gérait", "montrait",
 * "durait", "découvrais", "préparions"): narratives of how things were would read as imagined. The
 * conditional's r follows e, r, d, tt, "au" or "dev" ("serait", "pourrait", "voudrait", "mettrait", "aurait",
 * "devrait"); these stems are the other cases.
 */
const IMPERFECT_BEFORE_R = /(é|[^t]t|[aoy]|[^a]u|[^e]v|f|p|g|b)$/i;

/**
 * Talk of others ends where the speaker speaks of themselves again, as the subject of a new clause: "face à
 * nos concurrents, on a créé un site" is about the firm's own site ("the shops I visit" is not).
 */
const FIRST_PERSON: Record<Language, ReadonlySet<string>> = {
  fr: new Set(['on', 'nous', 'je', 'moi']),
  en: new Set(['we', 'i']),
};
/** The speaker as a subject: a fear said after a list does not reach back past the speaker's own clause. */
const FIRST_PERSON_SUBJECTS: Record<Language, ReadonlySet<string>> = {
  fr: new Set(['on', 'nous', 'je']),
  en: new Set(['we', 'i']),
};
const CLAUSE_JOINERS: Record<Language, ReadonlySet<string>> = {
  fr: new Set(['et', 'puis', 'donc']),
  en: new Set(['and', 'so', 'then']),
};
/**
 * Numbers that may give a headcount ("douze salariés", "a dozen staff"), besides digits; "un", "one" do not:
 * "un salarié s'en occupe" speaks of someone.
 */
const NUMBER_WORDS: Record<Language, ReadonlySet<string>> = {
  fr: new Set([
    ...['deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize'],
    ...['quatorze', 'quinze', 'seize', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'cent'],
    ...['cents', 'mille', 'dizaine', 'douzaine', 'quinzaine', 'vingtaine', 'trentaine', 'centaine'],
  ]),
  en: new Set([
    ...['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
    ...['fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'hundred', 'dozen', 'couple'],
  ]),
};
/** Between a number and its headcount word: "une dizaine de salariés", "a dozen or so staff". */
const HEADCOUNT_JOINERS: Record<Language, ReadonlySet<string>> = {
  fr: new Set(['de', 'd', 'environ']),
  en: new Set(['of', 'or', 'so', 'odd']),
};
/** Before a number, words that make it a group the answer speaks of ("nos 12 salariés ont une tablette"). */
const GROUP_DETERMINERS: Record<Language, ReadonlySet<string>> = {
  fr: new Set(['les', 'nos', 'mes', 'ses', 'leurs', 'ces', 'tous', 'toutes']),
  en: new Set(['the', 'our', 'my', 'their', 'these', 'those', 'all']),
};
/** Subjects that open a clause of their own: an offer's reach ends there ("…, ils ont surtout besoin de…"). */
const SUBJECTS: Record<Language, ReadonlySet<string>> = {
  fr: new Set(['on', 'nous', 'je', 'ils', 'elles', 'il', 'elle']),
  en: new Set(['we', 'i', 'they', 'he', 'she']),
};
/**
 * Words that may stand before an offer cue in its clause without making it a relative one: "the firms I
 * support need…" and "les PME que j'accompagne…" describe the firms; "so we support…", "ce qu'on propose",
 * "à la CCI on propose" present the offer (a French relative needs "que").
 */
const OFFER_LEADERS: Record<Language, ReadonlySet<string>> = {
  fr: new Set(),
  en: new Set(['and', 'so', 'then', 'but', 'what', 'here', 'basically', 'mainly', 'mostly', 'also', 'now']),
};
/** A clause opened by a place ("at the chamber we support…") introduces the offer, not a relative. */
const PLACE_OPENERS: Record<Language, ReadonlySet<string>> = {
  fr: new Set(),
  en: new Set(['at', 'here']),
};

type CueKind =
  | 'negation'
  | 'breaker'
  | 'clause'
  | 'forward'
  | 'retraction'
  | 'retractionAlone'
  | 'concern'
  | 'concernBefore'
  | 'teaching'
  | 'topic'
  | 'medium'
  | 'absence'
  | 'elsewhere'
  | 'formerly'
  | 'ownership'
  | 'answerNo'
  | 'lacking'
  | 'correction'
  | 'need'
  | 'needed'
  | 'unchanged'
  | 'headcount';

/** Per-token flags: is the word under a negation or inside something only imagined? */
export interface Scope {
  negatedAt(first: number): boolean;
  /** A negation cue ends on the word just before, in the same clause ("pas plus vite"). */
  negationRightBefore(first: number): boolean;
  hypotheticalAt(index: number): boolean;
  /** Inside a fear or threat framing ("peur de dépendre d'Amazon"), unless the tool is the speaker's own. */
  concernAt(index: number): boolean;
  /** Inside a fear or threat framing, whoever owns what is named: a value there is feared, not gained. */
  fearedAt(index: number): boolean;
  /**
   * Inside talk of other firms' tools, advice to them or topics the speaker teaches ("mon concurrent a des
   * tablettes", "I tell them: get a CRM", "on fait des formations sur le CRM").
   */
  elsewhereAt(index: number): boolean;
  /** Named as lacking ("ce qu'on n'a pas, c'est…"), as had before ("we used to have"), or in a short question answered "no". */
  absentAt(index: number): boolean;
  /** A retraction cue ("on l'a fermée") starts in this sentence after `last` and before `before`. */
  retractedBetween(last: number, before: number): boolean;
  /** Denied after a self-correction cue, in its sentence ("no sorry, not Xero"; "non attendez, c'est Sellsy" denies nothing). */
  correctedAt(index: number): boolean;
  /** Inside what the speaker says they offer firms ("on accompagne les TPE avec des financements"). */
  offeredAt(index: number): boolean;
  /** After a framing of what the firm needs ("on a besoin de", "what we need is"), unless the speaker's own. */
  neededAt(index: number): boolean;
  /** In the sentence of a statement that nothing changed ("c'est toujours pareil"), up to a contrast word. */
  unchangedAt(index: number): boolean;
  /** A word giving the firm's headcount after a number ("12 salariés", "8 people"). */
  headcountAt(index: number): boolean;
}

export class ScopeReader {
  private readonly cues: PhraseIndex<CueKind>;
  /** Read word for word: "on a été accompagnés" is no offer of "on accompagne". */
  private readonly offers: PhraseIndex<true>;
  private readonly endings: readonly string[];
  private readonly exceptions: ReadonlySet<string>;
  private readonly lang: Language;

  constructor(lexicon: Lexicon, lang: Language, stem: Stem) {
    this.lang = lang;
    this.cues = new PhraseIndex<CueKind>(lang, stem);
    this.cues.addAll(lexicon.cues.negation, 'negation');
    this.cues.addAll(lexicon.cues.negationBreakers, 'breaker');
    this.cues.addAll(lexicon.cues.hypotheticalClause, 'clause');
    this.cues.addAll(lexicon.cues.hypotheticalForward, 'forward');
    this.cues.addAll(lexicon.cues.retraction, 'retraction');
    this.cues.addAll(lexicon.cues.retractionAlone, 'retractionAlone');
    this.cues.addAll(lexicon.cues.concern, 'concern');
    this.cues.addAll(lexicon.cues.concernBefore, 'concernBefore');
    this.cues.addAll(lexicon.cues.teaching, 'teaching');
    this.cues.addAll(lexicon.cues.topic, 'topic');
    this.cues.addAll(lexicon.cues.medium, 'medium');
    this.cues.addAll(lexicon.cues.absence, 'absence');
    this.cues.addAll(lexicon.cues.elsewhere, 'elsewhere');
    this.cues.addAll(lexicon.cues.formerly, 'formerly');
    this.cues.addAll(lexicon.cues.ownership, 'ownership');
    this.cues.addAll(lexicon.cues.answerNo, 'answerNo');
    this.cues.addAll(lexicon.cues.lacking, 'lacking');
    this.cues.addAll(lexicon.cues.correction, 'correction');
    this.cues.addAll(lexicon.cues.need, 'need');
    this.cues.addAll(lexicon.cues.needed, 'needed');
    this.cues.addAll(lexicon.cues.unchanged, 'unchanged');
    this.cues.addAll(lexicon.cues.headcount, 'headcount');
    this.offers = new PhraseIndex<true>(lang, stem, new Set(), undefined, 0);
    this.offers.addAll(lexicon.cues.offer, true);
    this.endings = lexicon.cues.conditionalEndings;
    this.exceptions = new Set(lexicon.cues.conditionalExceptions);
  }

  private isConditional(token: Token): boolean {
    if (this.lang !== 'fr' || token.norm.length <= 5 || this.exceptions.has(token.norm)) return false;
    const ending = this.endings.find((e) => token.norm.endsWith(e));
    return ending !== undefined && !IMPERFECT_BEFORE_R.test(token.surface.slice(0, -ending.length));
  }

  /** A number stands right before `first` (or before "de", "of"), not itself after a determiner of a group. */
  private afterHeadcountNumber(tokens: readonly Token[], first: number): boolean {
    const clause = tokens[first]?.clause;
    let at = first - 1;
    while (HEADCOUNT_JOINERS[this.lang].has(tokens[at]?.norm ?? '') && at > first - 3) at -= 1;
    const number = tokens[at];
    if (number === undefined || number.clause !== clause) return false;
    if (!/^\p{N}+$/u.test(number.norm) && !NUMBER_WORDS[this.lang].has(number.norm)) return false;
    return !GROUP_DETERMINERS[this.lang].has(tokens[at - 1]?.norm ?? '');
  }

  read(tokens: readonly Token[], about?: AnswerAbout): Scope {
    const negation = new Uint8Array(tokens.length);
    const breaker = new Uint8Array(tokens.length);
    const hypothetical = new Uint8Array(tokens.length);
    const concern = new Uint8Array(tokens.length);
    const elsewhere = new Uint8Array(tokens.length);
    const retraction = new Uint8Array(tokens.length);
    const ownership = new Uint8Array(tokens.length);
    const corrected = new Uint8Array(tokens.length);
    const offered = new Uint8Array(tokens.length);
    const need = new Uint8Array(tokens.length);
    const needed = new Uint8Array(tokens.length);
    const unchanged = new Uint8Array(tokens.length);
    const headcount = new Uint8Array(tokens.length);
    /** The words of a cue naming others ("nos concurrents"): its possessive does not make their tools the speaker's. */
    const othersWords = new Uint8Array(tokens.length);
    /** Where a medium cue starts ("on Zoom"): a topic cue ending there names no topic. */
    const medium = new Uint8Array(tokens.length);
    /** Tools not had (now): after an absence framing or a mark of the past, or in a question answered "no". */
    const absent = new Uint8Array(tokens.length);
    const markClause = (index: number): void => {
      const clause = tokens[index]?.clause;
      for (let j = index; j >= 0 && tokens[j]?.clause === clause; j -= 1) hypothetical[j] = 1;
      for (let j = index; j < tokens.length && tokens[j]?.clause === clause; j += 1) hypothetical[j] = 1;
    };
    /** "si on avait un site, …": the condition is imagined; what follows it has its own marks (a conditional). */
    const markToClauseEnd = (index: number, marks: Uint8Array): void => {
      const clause = tokens[index]?.clause;
      for (let j = index; j < tokens.length && tokens[j]?.clause === clause; j += 1) marks[j] = 1;
    };
    /**
     * From the cue (or from `start`, after it) to the end of its sentence, the next contrast word ("mais",
     * "but") or `stops`.
     */
    const markForward = (
      index: number,
      marks: Uint8Array,
      stops = (_j: number) => false,
      start = index,
    ): void => {
      const sentence = tokens[index]?.sentence;
      for (let j = start; j < tokens.length; j += 1) {
        const token = tokens[j];
        if (token === undefined || token.sentence !== sentence || (j > index && token.contrast)) break;
        if (stops(j)) break;
        marks[j] = 1;
      }
    };
    const firstPerson = FIRST_PERSON[this.lang];
    const joiners = CLAUSE_JOINERS[this.lang];
    const subjects = FIRST_PERSON_SUBJECTS[this.lang];
    const opensOwnClause = (j: number): boolean => {
      const token = tokens[j];
      const before = tokens[j - 1];
      if (token === undefined || !firstPerson.has(token.norm)) return false;
      return before === undefined || before.clause !== token.clause || joiners.has(before.norm);
    };
    /**
     * "les arnaques par mail, le piratage, ça me fait peur": back from the cue to the start of its sentence, the
     * last contrast word, or past the clause where the speaker speaks of themselves ("on a un site, et le
     * piratage ça me fait peur" fears no site).
     */
    const markBackward = (first: number, last: number, marks: Uint8Array): void => {
      const sentence = tokens[first]?.sentence;
      let start = first;
      while (start > 0) {
        const before = tokens[start - 1];
        if (before === undefined || before.sentence !== sentence || before.contrast) break;
        if (subjects.has(before.norm)) {
          while (start < first && tokens[start]?.clause === before.clause) start += 1;
          break;
        }
        start -= 1;
      }
      marks.fill(1, start, last + 1);
    };
    const ownClauseAfter = (cueLast: number) => (j: number) => j > cueLast && opensOwnClause(j);
    /**
     * A need reaches to the end of its clause ("we need only one person now, the software saves us hours"), or
     * over the next one when it ends its own ("ce dont on a besoin, c'est de la formation").
     */
    const needReach = (cueLast: number) => {
      let clausesLeft = tokens[cueLast + 1]?.clause === tokens[cueLast]?.clause ? 0 : 1;
      return (j: number): boolean => {
        if (j <= cueLast || tokens[j]?.clause === tokens[j - 1]?.clause) return false;
        clausesLeft -= 1;
        return clausesLeft < 0;
      };
    };
    /** Where the last teaching cue ended: a topic cue right after it, in its clause, counts. */
    let teachingEnd = -1;
    const cues = this.cues.find(tokens);
    for (const cue of cues) {
      if (cue.payload === 'negation') negation[cue.last] = 1;
      else if (cue.payload === 'breaker') breaker[cue.last] = 1;
      else if (cue.payload === 'need') need[cue.first] = 1;
      else if (cue.payload === 'medium') medium[cue.first] = 1;
    }
    /** A negation before or inside a cue, in its clause: "ça ne me fait plus peur" fears nothing. */
    const negatedCue = (first: number, last: number): boolean => {
      const clause = tokens[first]?.clause;
      for (let j = last - 1; j >= 0 && j >= first - NEGATION_REACH; j -= 1) {
        if (tokens[j]?.clause !== clause || breaker[j]) return false;
        if (negation[j]) return true;
      }
      return false;
    };
    for (const cue of cues) {
      if (cue.payload === 'negation' || cue.payload === 'breaker') continue;
      if (cue.payload === 'clause') markClause(cue.first);
      else if (cue.payload === 'forward') markToClauseEnd(cue.first, hypothetical);
      else if (cue.payload === 'formerly') markToClauseEnd(cue.first, absent);
      else if (cue.payload === 'ownership') ownership[cue.last] = 1;
      else if (cue.payload === 'concern' || cue.payload === 'concernBefore') {
        if (negatedCue(cue.first, cue.last)) continue;
        if (cue.payload === 'concern') markForward(cue.first, concern, ownClauseAfter(cue.last));
        else markBackward(cue.first, cue.last, concern);
      } else if (cue.payload === 'elsewhere') {
        markForward(cue.first, elsewhere, ownClauseAfter(cue.last));
        othersWords.fill(1, cue.first, cue.last + 1);
      } else if (cue.payload === 'teaching') teachingEnd = cue.last;
      else if (cue.payload === 'topic') {
        const taught =
          teachingEnd >= 0 &&
          cue.first > teachingEnd &&
          cue.first - teachingEnd <= TEACHING_REACH + 1 &&
          tokens[teachingEnd]?.clause === tokens[cue.first]?.clause &&
          medium[cue.last] !== 1 &&
          !tokens.slice(teachingEnd + 1, cue.first).some((token) => subjects.has(token.norm));
        if (taught) markForward(cue.first, elsewhere, ownClauseAfter(cue.last), cue.last);
      } else if (cue.payload === 'absence') markForward(cue.first, absent, ownClauseAfter(cue.last));
      else if (cue.payload === 'needed') {
        if (!negatedCue(cue.first, cue.last)) markForward(cue.first, needed, needReach(cue.last));
      } else if (cue.payload === 'unchanged') markSentencePart(tokens, cue.first, unchanged);
      else if (cue.payload === 'headcount') {
        if (this.afterHeadcountNumber(tokens, cue.first)) headcount.fill(1, cue.first, cue.last + 1);
      } else if (cue.payload === 'answerNo') markAnsweredQuestion(tokens, cue.first, cue.last, absent);
      else if (cue.payload === 'lacking') {
        const clause = tokens[cue.last]?.clause;
        for (let j = cue.last + 1; j <= cue.last + LACKING_REACH && tokens[j]?.clause === clause; j += 1)
          absent[j] = 1;
      } else if (cue.payload === 'correction') markForward(cue.first, corrected, undefined, cue.last + 1);
      else if (cue.payload === 'retraction') retraction[cue.first] = 1;
      else if (cue.payload === 'retractionAlone') {
        if (tokens[cue.last + 1]?.clause !== tokens[cue.last]?.clause) retraction[cue.first] = 1;
      }
    }
    const subjectsAll = SUBJECTS[this.lang];
    const offerLeaders = OFFER_LEADERS[this.lang];
    /** A clause of its own, opened by any subject: what comes there is no longer the offer. */
    const opensClause = (j: number): boolean => {
      const token = tokens[j];
      const before = tokens[j - 1];
      if (token === undefined || !subjectsAll.has(token.norm)) return false;
      return before === undefined || before.clause !== token.clause || joiners.has(before.norm);
    };
    const placeOpeners = PLACE_OPENERS[this.lang];
    const relative = (first: number): boolean => {
      const before = tokens[first - 1];
      const clause = tokens[first]?.clause;
      if (before === undefined || before.clause !== clause) return false;
      if (this.lang === 'fr') return before.norm === 'que' && tokens[first - 2]?.norm !== 'ce';
      let opening = first - 1;
      while (opening > 0 && tokens[opening - 1]?.clause === clause) opening -= 1;
      return !offerLeaders.has(before.norm) && !placeOpeners.has(tokens[opening]?.norm ?? '');
    };
    for (const cue of this.offers.find(tokens)) {
      if (relative(cue.first)) continue;
      markForward(cue.first, offered, (j) => need[j] === 1 || (j > cue.last && opensClause(j)));
    }
    tokens.forEach((token, index) => {
      if (this.isConditional(token)) markClause(index);
    });
    // An answer to what is needed, or feared, speaks of that throughout.
    if (about === 'needs') needed.fill(1);
    else if (about === 'fears') concern.fill(1);
    /**
     * "notre ERP", "our new website": the speaker's own tool stays in use inside a fear or talk of others; so does
     * one whose name opens on the possessive ("our booking app").
     */
    const ownedAt = (index: number): boolean => {
      const clause = tokens[index]?.clause;
      for (let j = index; j >= index - OWNER_REACH && j >= 0 && tokens[j]?.clause === clause; j -= 1)
        if (ownership[j] && !othersWords[j]) return true;
      return false;
    };
    return {
      negatedAt(first) {
        const clause = tokens[first]?.clause;
        for (let j = first - 1; j >= 0 && j >= first - NEGATION_REACH; j -= 1) {
          if (tokens[j]?.clause !== clause || breaker[j]) return false;
          if (negation[j]) return true;
        }
        return false;
      },
      negationRightBefore(first) {
        return first > 0 && negation[first - 1] === 1 && tokens[first - 1]?.clause === tokens[first]?.clause;
      },
      hypotheticalAt(index) {
        return hypothetical[index] === 1;
      },
      concernAt(index) {
        return concern[index] === 1 && !ownedAt(index);
      },
      fearedAt(index) {
        return concern[index] === 1;
      },
      elsewhereAt(index) {
        return elsewhere[index] === 1 && !ownedAt(index);
      },
      absentAt(index) {
        return absent[index] === 1;
      },
      correctedAt(index) {
        const clause = tokens[index]?.clause;
        for (let j = index - 1; j >= 0 && j >= index - NEGATION_REACH && corrected[j] === 1; j -= 1) {
          if (tokens[j]?.clause !== clause || breaker[j]) return false;
          if (negation[j]) return true;
        }
        return false;
      },
      offeredAt(index) {
        return offered[index] === 1;
      },
      neededAt(index) {
        return needed[index] === 1 && !ownedAt(index);
      },
      unchangedAt(index) {
        return unchanged[index] === 1;
      },
      headcountAt(index) {
        return headcount[index] === 1;
      },
      retractedBetween(last, before) {
        const sentence = tokens[last]?.sentence;
        for (let j = last + 1; j < before && j < tokens.length; j += 1) {
          if (tokens[j]?.sentence !== sentence) return false;
          if (retraction[j]) return true;
        }
        return false;
      },
    };
  }
}

/** Marks the part of `index`'s sentence between the contrast words ("mais", "but") around it. */
function markSentencePart(tokens: readonly Token[], index: number, marks: Uint8Array): void {
  const sentence = tokens[index]?.sentence;
  let start = index;
  while (start > 0 && !tokens[start]?.contrast && tokens[start - 1]?.sentence === sentence) start -= 1;
  for (let j = start; j < tokens.length; j += 1) {
    const token = tokens[j];
    if (token === undefined || token.sentence !== sentence || (j > index && token.contrast)) break;
    marks[j] = 1;
  }
}

/** "Un site ? Non, pas besoin.": a "no" alone in its clause, opening the sentence after a short question. */
function markAnsweredQuestion(
  tokens: readonly Token[],
  first: number,
  last: number,
  absent: Uint8Array,
): void {
  const before = tokens[first - 1];
  const opening = tokens[first];
  if (!before?.endsQuestion || !opening || before.sentence === opening.sentence) return;
  const after = tokens[last + 1];
  if (after && after.clause === opening.clause) return;
  let start = first - 1;
  while (start > 0 && tokens[start - 1]?.sentence === before.sentence) start -= 1;
  if (first - start > ASIDE_QUESTION_WORDS) return;
  absent.fill(1, start, first);
}
