import { z } from 'zod';
import { FacetId, Language, LeverId, Profile, THEME_IDS, ValueId } from '../domain.js';

const Text = z.string().min(1);
/** Command and answer words: compared after normalisation (lower case, no accents), see interview/text.ts. */
const Words = z.array(z.string().min(1)).min(1);
const Id = z.string().regex(/^[a-z][a-z0-9_.]*$/, 'ids are lower-case, dotted snake_case');

export const GuideQuestion = z.object({
  id: Id,
  text: Text,
  /** Absent: asked of every profile. */
  profiles: z.array(Profile).min(1).optional(),
  /**
   * `yes_no`: the closing review. The short summary is shown before the question; a "no" or a done word
   * ends the review, a "yes" asks for a correction, a correction is recorded (see interview/review.ts).
   */
  expects: z.enum(['text', 'yes_no']).default('text'),
  /**
   * The question in other words, for a respondent who asks what it means ("c'est-à-dire ?"). Absent: the
   * question is said again as it was, after messages.rephraseFallback.
   */
  rephrase: Text.optional(),
});
export type GuideQuestion = z.infer<typeof GuideQuestion>;

/** A main question of the presentation or a theme. */
export const SectionQuestion = GuideQuestion.extend({
  /**
   * Phrases that show an earlier answer of the section already answers the question ("je suis … gérant",
   * "I run"): it is then not asked, and the log records which answer and phrase covered it. How a phrase
   * is read (word starts, "…" for a few words): `saysPhrase` in interview/text.ts.
   */
  coveredBy: z.array(z.string().min(2)).default([]),
  /**
   * A role stated covers the question as `coveredBy` does: one of `leads` (the ways one says one is it: "je
   * suis", "c'est moi", "en tant que", "I'm") then, up to two words on, one of `roles` ("gérant", "DG",
   * "owner"): "moi je suis le DG", "c'est moi le patron"; or a role opening a sentence or clause ("Gérante depuis
   * 2015.", "Owner of a bakery."). See interview/plan.ts.
   */
  coveredByRole: z.object({ leads: Words, roles: Words }).optional(),
  /** A word answers it ("Gérant.", "Business adviser."): a short answer gets no example probe. */
  shortAnswerEnough: z.boolean().default(false),
  /** Asked instead of `text` (and its `rephrase`) while no tool has been named in the interview ("Parmi ces outils…"). */
  withoutTools: z.object({ text: Text, rephrase: Text.optional() }).strict().optional(),
});
export type SectionQuestion = z.infer<typeof SectionQuestion>;

/** Asked once after a main question whose answer is too short (`short`) or short and untagged (`vague`). */
export const ExampleProbe = z.object({
  when: z.enum(['short', 'vague']),
  text: Text,
  rephrase: Text.optional(),
});
export type ExampleProbe = z.infer<typeof ExampleProbe>;

/**
 * Absent `profiles`: asked of every profile. A probe worded for one profile has a variant for the other under the
 * same id ("votre entreprise" for a manager, "les PME que vous accompagnez" for an expert).
 */
const ProbeBase = z.object({
  id: Id,
  profiles: z.array(Profile).min(1).optional(),
  rephrase: Text.optional(),
});

/**
 * Asked when no answer so far evidences the facet, in this theme or earlier. The question asks for that facet:
 * an answer to it that gives something (not a `words.nothing` answer, not off topic) carries it.
 */
const FacetProbe = ProbeBase.extend({
  when: z.literal('facet_missing'),
  facet: FacetId,
  text: Text,
  /** Asked once after a bare yes to `text` ("Voyez-vous des opportunités ? …" "Oui."): which ones. */
  ifYes: Text.optional(),
  /**
   * What the whole answer speaks of, `needs` or `fears`: "Surtout du temps. Et une formation sur la compta en
   * ligne." then names a training needed, "Amazon, obviously." a marketplace feared, not tools in use.
   */
  readAs: z.enum(['needs', 'fears']).optional(),
});
const ToolActorsWording = z.object({ initiator: Text, beneficiary: Text, both: Text });
const ToolActorsProbe = ProbeBase.extend({
  when: z.literal('tool_actors_missing'),
  /** `{tool}` is replaced by the respondent's own name for the tool when they gave one, else by its label. */
  ...ToolActorsWording.shape,
  /** The three questions in other words, `{tool}` as in the question asked. */
  rephrase: ToolActorsWording.optional(),
});
const LeverProbe = ProbeBase.extend({ when: z.literal('lever_missing'), lever: LeverId, text: Text });
const ValueProbe = ProbeBase.extend({ when: z.literal('value_missing'), value: ValueId, text: Text });

/** A theme's follow-up probes; their order in the guide is their priority (most informative first). */
export const GuideProbe = z.discriminatedUnion('when', [FacetProbe, ToolActorsProbe, LeverProbe, ValueProbe]);
export type GuideProbe = z.infer<typeof GuideProbe>;

export const GuideSection = z.object({
  id: z.string().min(1),
  title: Text,
  questions: z.array(SectionQuestion).min(1),
  exampleProbe: ExampleProbe.optional(),
  probes: z.array(GuideProbe).default([]),
  /** Overrides limits.maxProbesPerTheme for this section. */
  maxProbes: z.number().int().min(0).max(20).optional(),
  /** Word starts (normalised) that mark an answer as on topic; empty: no off-topic check. */
  topicWords: z.array(z.string().min(2)).default([]),
  /** Why the section's questions are asked, for "pourquoi cette question ?"; absent: messages.whyAsked. */
  purpose: Text.optional(),
});
export type GuideSection = z.infer<typeof GuideSection>;

const ThemeSection = GuideSection.extend({ id: z.enum(THEME_IDS) });

export const Guide = z
  .object({
    version: z.string().min(1),
    language: Language,
    limits: z.object({
      maxProbesPerTheme: z.number().int().min(0).max(20),
      /** Fewer words than this: a short answer. */
      shortAnswerWords: z.number().int().min(1),
      /** Fewer words than this and no tag at all: a vague answer. */
      vagueAnswerWords: z.number().int().min(1),
      /** Longer answers are kept up to this many characters (at a word boundary if one is close) with messages.truncated. */
      maxAnswerChars: z.number().int().min(100),
    }),
    opening: z.object({
      consentVersion: z.string().min(1),
      intro: z.object({ manager: Text, expert: Text }),
      consentQuestion: Text,
      consentReask: Text,
      consentThanks: Text,
      consentDeclined: Text,
      /**
       * Read with words.yes, words.no and words.courtesy: a reply made only of yes phrases and `filler` words
       * ("euh, oui d'accord") consents, one made only of no phrases refuses; a mix or anything else is asked
       * again (see interview/choices.ts).
       */
      consentWords: z.object({ yes: Words, no: Words, filler: Words }),
      /**
       * Consent taken back during the interview ("je retire mon consentement", "I don't agree anymore to be
       * recorded"): a message saying one of `phrases`, or with a part (between commas) made of one of `alone`
       * (with `edges`, polite and filler words around it: "finalement je ne suis plus d'accord"), or with a
       * sentence saying one of `refusals` followed by one of `objects`, with nothing but `edges` words between
       * (the respondent's answers, their recording or use: "pas d'accord pour que mes réponses soient
       * enregistrées"; "nos clients ne sont pas d'accord pour payer en ligne" and "I don't want the customers to
       * be recorded" are answers). Read as the
       * `coveredBy` phrases are, see interview/withdrawal.ts. The interview stops, as `stop` stops it, with
       * `consentWithdrawn`, which says how to have the data erased.
       */
      withdrawal: z.object({ phrases: Words, alone: Words, edges: Words, refusals: Words, objects: Words }),
      consentWithdrawn: Text,
      /** `resume` after consent was taken back: consent is asked again, and nothing is recorded until given. */
      consentAgain: Text,
      /** A no to `consentAgain`: the interview stays stopped. */
      consentStillWithdrawn: Text,
    }),
    presentation: GuideSection.extend({ id: z.literal('presentation') }),
    themes: z.array(ThemeSection).length(3),
    closing: z.object({
      questions: z.array(GuideQuestion).min(1),
      thanks: Text,
      /** After a "yes" to the review question: how to write a correction. */
      correctionPrompt: Text,
      /** `{correction}`: the correction as the summary describes it. */
      correctionSaved: Text,
      /** Follows the correction parser's message when a correction was not understood. */
      correctionHint: Text,
      /**
       * A question about what the short summary says ("c'est quoi un levier ?"): what its tools, value forms and
       * levers are, then how to correct. Nothing is recorded and the review waits.
       */
      glossary: Text,
      /** Words of the summary a reply not read as a correction may ask about ("je demande ce que veut dire levier"). */
      glossaryTerms: Words,
      /** In place of the hint before the last reply the review reads: one more unread ends it, kept as written. */
      correctionLastTry: Text,
      /** Before the thanks, when the respondent corrected the summary. */
      correctionsKept: Text,
      /** `{target}` (value, tool, lever) and `{label}`: a removal of what the summary does not hold. */
      correctionNotPresent: Text,
      /** `{target}` and `{label}`: an addition of what the summary already holds; nothing is recorded. */
      correctionAlreadyPresent: Text,
      /** Before the thanks, after a second correction in a row that could not be read: it is kept as written. */
      correctionKeptAsWritten: Text,
      /**
       * A tool removed by a name that is only part of what it was read from ("Instagram" beside "Facebook"):
       * `{name}` as typed, `{label}`, `{target}`, `{others}` (the other words it was read from, quoted).
       */
      correctionNamedOnly: Text,
      /** A tool named by a word the answers never used: `{name}`, `{label}`, `{target}`, `{others}`. */
      correctionNameNotSaid: Text,
      /**
       * Words that say nothing in a review reply ("je pense que", "I think"): a reply made of these, yes, no,
       * done, polite and filler words, with a no or done word among them, ends the review.
       */
      hedges: Words,
      /** Symbols that approve the summary as it stands ("👍"): a reply made of them alone ends the review. */
      approvals: Words,
      /** `aide` at the review: how to correct, how to end it. */
      help: Text,
      /** `retour` at the review: nothing to go back to; a correction is undone by its opposite. */
      backAtReview: Text,
    }),
    toolLabels: z.record(z.string(), Text),
    /**
     * `done`: the respondent has nothing (more) to correct in the closing review. `courtesy`: polite words a
     * yes, a no or a done reply may open or end with ("c'est bon, merci", "no thanks").
     */
    words: z.object({
      yes: Words,
      no: Words,
      done: Words,
      courtesy: Words,
      /**
       * An answer that gives nothing ("non", "pas vraiment", "je ne sais pas", "no idea", "not really"): its
       * first clause, polite, filler and hedge words aside, is made of these, or of `no` words, or opens with
       * one of `nothingOpenings` ("aucun risque pour nous", "I don't see any"). It is never read as the facet a
       * question asks for, nor as off topic (see interview/facet-answer.ts).
       */
      nothing: Words,
      nothingOpenings: Words,
      /**
       * People a respondent may name when asked who started a tool or who gains from it ("ma nièce", "the
       * apprentice"): the answer is on topic even when no actor of the typology is read in it. Read as word starts.
       */
      people: Words,
      /**
       * A respondent saying they already answered ("je viens de le dire", "I just said that"), read as the
       * `coveredBy` phrases are: the answer is taken as it is, never asked again as off topic nor for an example.
       */
      alreadySaid: Words,
      /**
       * Words saying a tool was dropped ("on a arrêté", "we got rid of"): a tool an earlier answer named, named
       * again in a sentence with one of these, is taken out (see interview/dropped-tools.ts). Read as phrases are.
       */
      dropped: Words,
      /**
       * Asked about one tool, a sentence saying the firm has no such thing: with `{tool}`, said of a word opening
       * like one of the tool's ("we don't {tool}": "we dont program machines"); without, closing its sentence but
       * for `notHeldAfter` words ("on n'en a pas chez nous"). See interview/denied-tool.ts.
       */
      notHeld: Words,
      notHeldAfter: Words,
      /**
       * How a tool named in common words is named back in a probe ("une caisse connectée": "Pour votre caisse
       * connectée, …"): the determiners (`from`, lower case) turned into the possessive (`to`), the words a
       * name does not hold (`breaks`), and its longest length in words. See interview/tool-name.ts.
       */
      ownTool: z.object({
        singular: z.object({ from: Words, to: Text }),
        plural: z.object({ from: Words, to: Text }),
        /** The possessive for an expert, who speaks of the firms they support ("leur caisse connectée"). */
        expert: z.object({ singular: Text, plural: Text }),
        breaks: Words,
        maxWords: z.number().int().min(1).max(5),
      }),
    }),
    commands: z.object({ help: Words, skip: Words, back: Words, pause: Words, resume: Words, stop: Words }),
    /**
     * A respondent asking about the question rather than answering it: `rephrase` ("c'est-à-dire ?", "what do
     * you mean …") or `why` ("pourquoi cette question ?"). A phrase is the whole sentence; one ending in "…"
     * opens a sentence ending in "?", one starting with "…" ends it after a few words ("… c'est quoi": "un
     * cluster c'est quoi ?"); a message of one sentence may leave its "?" out. `lead`: words such a request may open with ("sorry", "euh"). How they
     * are read: interview/clarification.ts. `example`: a request for an example ("par exemple ?", "can you give
     * me an example?"), answered with `examples` under the question's id when it has one, else as `rephrase`.
     * `echo`: the words a request to say more may add to the question's own words ("Quels outils ?").
     */
    clarification: z.object({
      rephrase: Words,
      why: Words,
      example: Words,
      lead: Words,
      echo: Words,
      /**
       * Words asking which thing is meant ("quel", "which"): a short sentence ending in "?" that opens with one
       * ("Quel ERP ?", "which mobile app?") asks about the question, whatever the question's words.
       */
      which: Words,
      /** By main question id: an example of what an answer may say; its example probe shares it. */
      examples: z.record(z.string(), Text).default({}),
      /**
       * A question on what becomes of the answers ("qui va lire mes réponses ?", "what happens to my data?"),
       * read as the other requests are: answered with messages.privacy, nothing recorded, the question asked again.
       */
      privacy: Words,
    }),
    /**
     * A request to have one's data erased said in a sentence ("je veux effacer mes données", "can you erase
     * everything about me?"): the whole clause is `leads` (polite words too), one of `verbs`, `links`, one of
     * `objects` (the respondent's own data), then polite words; read as botCommands.delete. The verbs are
     * requests and infinitives, never a statement's form ("the ERP deletes old data"), and the objects are the
     * respondent's own ("on a supprimé les données papier" is an answer). `aloneObjects` ("tout", "everything")
     * name the respondent's data only in a message of one clause ("supprimez tout svp"): after another clause
     * they may mean what it said. See interview/erasure.ts.
     */
    erasure: z.object({ leads: Words, verbs: Words, links: Words, objects: Words, aloneObjects: Words }),
    /**
     * A message that only asks the interview to wait ("attendez", "deux secondes", "hold on", "brb"): it opens with
     * one of `phrases` and says nothing more but, in a few words, one of `reasons` ("j'ai une cliente", "a
     * customer just came in"). Answered with messages.waiting; nothing is recorded (see interview/asides.ts).
     */
    /**
     * A message only asking to wait (`phrases`, maybe with a few words saying why, one of `reasons`), and one only
     * saying the respondent is back (`returns`: "je suis là", "ok I'm back"): neither is an answer (asides.ts).
     */
    waitRequest: z.object({ phrases: Words, reasons: Words, returns: Words }),
    /**
     * A request to go on in the other language ("english please", "can we continue in English?", "en français svp",
     * "je préfère en anglais"): a clause made of `edges` (polite words too: "sorry", "can we", "please"), one of
     * `verbs` or none ("continue", "switch", "continuer"), `links` ("in", "to", "en", "à l'"), a language as
     * bot.languageMentions names it, then `edges`; or of `edges` and one of `others`, naming the other language
     * ("change language", "changer de langue"). The message's other clauses hold `edges` only ("Sorry,"), so an
     * answer naming a language ("notre site est en anglais", "we sell to French customers") is none. Answered
     * with messages.languageSwitched in that language, nothing recorded as an answer (see
     * interview/language-switch.ts).
     */
    /**
     * A request to go on in the other language (language-switch.ts); `reasons`: words that make a short clause
     * after it the reason for it ("Marc is going to help me answer"), not an answer.
     */
    languageSwitch: z.object({ edges: Words, verbs: Words, links: Words, others: Words, reasons: Words }),
    /** A question declined in a sentence rather than with the `skip` word (skip-request.ts). */
    skipRequest: z.object({
      leads: Words,
      verbs: Words,
      topicVerbs: Words,
      links: Words,
      objects: Words,
      /** Words opening what follows a refusal as an answer after all ("…, but we use Sage"). */
      goesOn: Words,
    }),
    botCommands: z.object({
      start: Words,
      resume: Words,
      summary: Words,
      delete: Words,
      help: Words,
      code: Words,
    }),
    messages: z.object({
      help: Text,
      /** Who reads the answers, how exports are pseudonymised, how to erase: to clarification.privacy. */
      privacy: Text,
      /**
       * `retour` after `passer`: the question just skipped is asked again, `{question}`; its text answers it.
       */
      amendSkippedPrompt: Text,
      /** A second `retour` while one waits for its text: the answer stays as it was. */
      amendCancelled: Text,
      /**
       * A one-word message a letter off a command ("hlep"): `{command}` is the command as the guide writes it;
       * a yes then runs it, a no keeps the word as the answer.
       */
      didYouMean: Text,
      /** The same question while the interview is paused, where nothing typed is kept as an answer. */
      didYouMeanPaused: Text,
      /** After a probe on a tool the respondent said the firm does not have: `{tool}` is its label. */
      toolDenied: Text,
      /** "/foo", a slash command we do not have: `{command}` as typed. Nothing is recorded. */
      unknownCommand: Text,
      progress: Text,
      reaskEmpty: Text,
      reaskGibberish: Text,
      reaskOffTopic: Text,
      skipped: Text,
      amendPrompt: Text,
      amendNothing: Text,
      amended: Text,
      /** After `back` to a question skipped: its first answer is noted, nothing was corrected. */
      answeredLate: Text,
      paused: Text,
      pausedReminder: Text,
      /** A message sent to a paused interview that is no command: said not to be kept, so it is typed again. */
      pausedNotRecorded: Text,
      resumed: Text,
      notPaused: Text,
      stopped: Text,
      alreadyCompleted: Text,
      /** `{max}`: the cap in characters. */
      truncated: Text,
      repeatQuestion: Text,
      /** `{count}`: how many earlier messages a page shown again after a server restart leaves out. */
      earlierOmitted: Text,
      /** To a conversation whose interview a terminal chat holds: nothing is recorded here meanwhile. */
      heldInTerminal: Text,
      /** Before the pending question, when the interview comes back from another front door. */
      carriesOnHere: Text,
      /** `{question}`: the pending question's rewording, for a respondent who asked what it means. */
      rephrased: Text,
      /** Before the question said again as it was, when the guide has no rewording for it. */
      rephraseFallback: Text,
      /** The words of the typology asked about during the interview ("c'est quoi un levier ?"). */
      termsExplained: Text,
      /** Why a question is asked, when its section gives no `purpose`. */
      whyAsked: Text,
      /** To a message that only asks to wait: nothing is recorded, the question stays pending. */
      waiting: Text,
      /** To a message that only says the respondent is back ("je suis là"): nothing recorded, the question said again. */
      welcomeBack: Text,
      /** In the language asked for: the interview goes on in it; what waits is then asked again in it. */
      languageSwitched: Text,
    }),
    bot: z.object({
      welcome: Text,
      /**
       * Asking to begin in a sentence, read only where no interview runs, so never an answer ("let's start", "on
       * peut commencer ?", "c'est parti"): the start command.
       */
      startRequests: Words,
      /** To a message that is no command once the conversation's interview is over: nothing is added to it. */
      afterCompleted: Text,
      /** A message with a photo or a file and no words: nothing is read or recorded, the question stays. */
      attachmentOnly: Text,
      chooseLanguage: Text,
      chooseProfile: Text,
      choiceReask: Text,
      /** `aide` at the language choice, before the choice is asked again. */
      languageChoiceHelp: Text,
      /** `aide` at the profile choice, before the choice is asked again. */
      profileChoiceHelp: Text,
      /** `arrêter` or `pause` at a choice: no interview exists yet, so there is nothing to keep. */
      startCancelled: Text,
      /** A whole reply that makes the choice ("1", "fr", "english"), courtesy words around it allowed. */
      languageWords: z.object({ fr: Words, en: Words }),
      profileWords: z.object({ manager: Words, expert: Words }),
      /**
       * Phrases that name one choice inside a longer reply ("en français svp", "je suis gérante d'une PME"),
       * read as the `coveredBy` phrases are. A reply naming one choice only, with no `choiceNegations` word in
       * it, makes that choice; one naming both, or with a negation ("pas en anglais"), is asked again.
       */
      languageMentions: z.object({ fr: Words, en: Words }),
      profileMentions: z.object({ manager: Words, expert: Words }),
      /**
       * The kind of organisation the respondent is in ("mon entreprise", "a business network", "la CCI"): weighed
       * before `profileMentions`, so "cluster manager" is an expert. Naming both kinds asks again.
       */
      profileOrganisations: z.object({ manager: Words, expert: Words }),
      /** Verbs of running something ("je dirige", "I manage"): weighed only when nothing else names a profile. */
      profileVerbs: z.object({ manager: Words, expert: Words }),
      /** Words that may negate a choice; a word ending in "n't" does too. */
      choiceNegations: Words,
      help: Text,
      nothingToResume: Text,
      noInterview: Text,
      summaryHeader: Text,
      summaryLine: Text,
      /** Between the replies to one question in the recap: the review's corrections, then its last reply. */
      summaryAnswersJoin: z.string().min(1),
      summaryTags: Text,
      summarySkipped: Text,
      /** Ends the recap: `{question}`, what the interview waits on. */
      summaryPending: Text,
      summaryEmpty: Text,
      deleteConfirm: Text,
      deleted: Text,
      deleteCancelled: Text,
      /** A reply to `deleteConfirm` or `leaveConfirm` that is neither a yes nor a no: said before asking again. */
      confirmReask: Text,
      /** A code unknown, already used or not of a code's shape: what a code looks like and how to get one. */
      invitationUnknown: Text,
      /** The code word with nothing after it. */
      invitationCodeMissing: Text,
      /**
       * `démarrer` or a code while an interview is unfinished: asks before leaving it. `{answers}`: one of
       * `leaveAnswers` (how many answers it holds); `{part}`: the part it reached (a section's title, or
       * one of `leaveParts`).
       */
      leaveConfirm: Text,
      leaveAnswers: z.object({ none: Text, one: Text, many: Text }),
      leaveParts: z.object({ opening: Text, closing: Text }),
      /** A yes: the unfinished interview stays paused, said before the new one starts. */
      leaveKept: Text,
      /** A no (or a second reply that is neither): back to the unfinished interview, where it was. */
      leaveCancelled: Text,
      error: Text,
    }),
  })
  .superRefine((guide, ctx) => {
    guide.themes.forEach((theme, index) => {
      if (theme.id !== THEME_IDS[index + 1]) {
        ctx.addIssue({
          code: 'custom',
          path: ['themes', index, 'id'],
          message: `expected "${THEME_IDS[index + 1]}" (themes come in the order meaning, tools, value)`,
        });
      }
    });
    const seen = new Set<string>(['opening.consent']);
    const sections = [guide.presentation, ...guide.themes];
    const all: { path: (string | number)[]; id: string }[] = [
      ...sections.flatMap((section, s) =>
        section.questions.map((q, i) => ({
          path: s === 0 ? ['presentation', 'questions', i, 'id'] : ['themes', s - 1, 'questions', i, 'id'],
          id: q.id,
        })),
      ),
      ...guide.closing.questions.map((q, i) => ({ path: ['closing', 'questions', i, 'id'], id: q.id })),
    ];
    for (const { path, id } of all) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: `duplicate question id "${id}"` });
      seen.add(id);
    }
    const mainIds = new Set(sections.flatMap((section) => section.questions.map((q) => q.id)));
    for (const id of Object.keys(guide.clarification.examples)) {
      if (!mainIds.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['clarification', 'examples', id],
          message: `no main question "${id}" in the presentation or the themes`,
        });
    }
    sections.forEach((section, s) => {
      const probesPath = s === 0 ? ['presentation', 'probes'] : ['themes', s - 1, 'probes'];
      const asked = new Set<string>();
      section.probes.forEach((probe, i) => {
        for (const profile of probe.profiles ?? Profile.options) {
          const key = `${probe.id} ${profile}`;
          if (asked.has(key))
            ctx.addIssue({
              code: 'custom',
              path: [...probesPath, i, 'id'],
              message: `duplicate probe id "${probe.id}" for the ${profile} profile`,
            });
          asked.add(key);
        }
      });
    });
  });
export type Guide = z.infer<typeof Guide>;
export type ThemeSection = Guide['themes'][number];

/** Both languages' guides; a respondent's interview uses the one of its language. */
export type GuideSet = Readonly<Record<Language, Guide>>;
