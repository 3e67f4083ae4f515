import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { ActorId, ActorRole, FacetId, LeverId, ToolId, ValueId } from '../domain.js';
import { MODEL_FILE } from './model.js';

/**
 * The tagger's vocabulary is data: every `*.json` file of the lexicon folder is read and merged, so a
 * new tool, brand or cue phrase is added by editing or adding a file, never code.
 *
 * A pattern is a phrase: words are matched on their stem (accents and case folded) with up to two
 * words in between; a word written `=Word` must appear exactly so (brands written like common words:
 * `=EBP`, `=Odoo`), except in an answer written all in one case, where case says nothing and any case
 * matches; a brand that is also a common word is written `==Word` (`==Teams`, `==Sage`, `==MES`: "mes" in
 * French) and is read only where case means something, never in an answer written all in one case;
 * a word written `!word` is matched on its folded form without stemming
 * (`!customs` must not match "customers"). `{A}` in a role pattern stands for an actor's mention.
 */
const Pattern = z.union([
  z.string().min(1),
  z.object({ p: z.string().min(1), w: z.number().positive().max(2) }),
]);
export type Pattern = z.infer<typeof Pattern>;

const Phrases = z
  .object({
    fr: z.array(Pattern).optional(),
    en: z.array(Pattern).optional(),
    any: z.array(Pattern).optional(),
  })
  .strict();
export type Phrases = z.infer<typeof Phrases>;

const Label = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();

const ToolEntry = z
  .object({
    id: ToolId,
    label: Label.optional(),
    lever: LeverId.optional(),
    /** Tools this one stands for when both are read in an answer (an e-commerce site is a website). */
    subsumes: z.array(ToolId).optional(),
    patterns: Phrases,
  })
  .strict();
const ClassEntry = <T extends z.ZodType>(id: T) =>
  z
    .object({
      id,
      patterns: Phrases,
      /** Phrases where this class's cue means something else ("gagner du temps" needs no time): no cue there. */
      otherSenses: Phrases.optional(),
    })
    .strict();
const DirectActorEntry = z.object({ id: ActorId, role: ActorRole, patterns: Phrases }).strict();

const CueSet = z
  .object({
    negation: Phrases.optional(),
    /** Words that cancel a negation before the match: "ne … que" (only), "se passer de", "pas mal". */
    negationBreakers: Phrases.optional(),
    /** Words besides the negation cues that make a phrase carry its own negation ("plus", "more", "fewer"). */
    selfNegating: Phrases.optional(),
    /** Hypothetical marks for the whole clause ("pourrait", "might"). */
    hypotheticalClause: Phrases.optional(),
    /** Hypothetical marks from the cue to the end of the sentence ("si on avait", "one day"). */
    hypotheticalForward: Phrases.optional(),
    /**
     * Marks after a tool that take it back ("on l'a fermée", "we cancelled it"): the tool named just before,
     * in the same sentence, is not in use.
     */
    retraction: Phrases.optional(),
    /**
     * Retraction marks that say so only when they end their clause ("Instagram, on a arrêté.", "Facebook, we
     * stopped"): followed by more words ("on a arrêté les flyers"), they speak of something else.
     */
    retractionAlone: Phrases.optional(),
    /** Fear and threat framings ("ce qui m'inquiète", "scared of"): tools named after them, to the end of the sentence, are feared, not used. */
    concern: Phrases.optional(),
    /**
     * Fear and threat framings said after what is feared ("les arnaques par mail, ça me fait peur", "hackers are
     * the threat"): what stands before them in the sentence, back to a contrast word or the speaker's own
     * clause, is feared, not used or gained.
     */
    concernBefore: Phrases.optional(),
    /**
     * The speaker giving training or talks ("on propose", "we run"): a topic cue after it in its clause ("des
     * formations sur", "a programme of workshops on") makes what follows a topic taught, not a tool in use (the
     * training itself is).
     */
    teaching: Phrases.optional(),
    /** What is taught ("formations sur", "training on"): counted only after a teaching cue in its clause. */
    topic: Phrases.optional(),
    /**
     * What a training is given on ("on Zoom", "over Teams"): starting on a topic cue's last word, it makes
     * that word the medium, not the topic ("we do half an hour of training on Teams").
     */
    medium: Phrases.optional(),
    /**
     * Framings of what the firm lacks ("ce qu'on n'a pas, c'est…", "what we haven't got"): what follows, to the
     * end of the sentence or the next contrast word, is not had, even past a comma.
     */
    absence: Phrases.optional(),
    /**
     * Framings of what the firm needs or lacks ("on a besoin de", "il nous faut", "what we need is"): tools named
     * after them, in the speaker's clause, are not had, and values there are not gained; a negated one ("on n'a
     * plus besoin de ressaisir") frames nothing.
     */
    needed: Phrases.optional(),
    /**
     * Statements that nothing changed ("c'est toujours pareil", "nothing has changed"): a delay or an effort said
     * in their sentence, up to a contrast word, is no value gained.
     */
    unchanged: Phrases.optional(),
    /**
     * Words that, right after a number, give the firm's headcount ("12 salariés", "8 people"): they name the
     * staff as part of the firm's presentation, never in a role.
     */
    headcount: Phrases.optional(),
    /**
     * Talk about other firms' tools or advice to them ("mon concurrent a…", "je leur conseille", "I always tell
     * them"): tools named after the cue, to the end of the sentence, are not the speaker's.
     */
    elsewhere: Phrases.optional(),
    /** Possessives ("notre", "our"): a tool the speaker calls theirs is in use, even inside a fear. */
    ownership: Phrases.optional(),
    /** Marks of a former state ("we used to have", "avant on avait"): tools named after them, in their clause, are past. */
    formerly: Phrases.optional(),
    /**
     * A bare "no" answering a short question of the speaker's own ("Un site ? Non.", "Website? Nope."): what
     * the question named is denied.
     */
    answerNo: Phrases.optional(),
    /**
     * Words that say none of what comes right after ("zéro CRM", "zero CRM", and "no CRM" in an answer read as
     * French): the tool named in the next two words is not had. Tools only: "zéro erreur" is a value gained.
     */
    lacking: Phrases.optional(),
    /**
     * Marks of a self-correction ("non pardon", "sorry", "I mean"): a tool denied after one ("no sorry, not
     * Xero") takes back its naming earlier in the answer.
     */
    correction: Phrases.optional(),
    /**
     * The speaker presenting what they offer firms ("on accompagne les TPE", "we support small firms"), read
     * word for word: resource cues after one, to the end of the sentence, say what is offered, not what is needed.
     */
    offer: Phrases.optional(),
    /** Words of need ("besoin", "need", "lack"): an offer's reach ends at one ("…que j'accompagne ont besoin de…"). */
    need: Phrases.optional(),
    /** Word endings of the French conditional mood ("aurait", "pourrions"). */
    conditionalEndings: z.array(z.string().min(1)).optional(),
    conditionalExceptions: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** The cue kinds that are phrase lists, merged the same way from every lexicon file. */
const PHRASE_CUES = [
  'negation',
  'negationBreakers',
  'selfNegating',
  'hypotheticalClause',
  'hypotheticalForward',
  'retraction',
  'retractionAlone',
  'concern',
  'concernBefore',
  'teaching',
  'topic',
  'medium',
  'absence',
  'needed',
  'unchanged',
  'headcount',
  'elsewhere',
  'ownership',
  'formerly',
  'answerNo',
  'lacking',
  'correction',
  'offer',
  'need',
] as const satisfies readonly (keyof z.infer<typeof CueSet>)[];

export const LexiconFile = z
  .object({
    description: z.string().optional(),
    tools: z.array(ToolEntry).optional(),
    values: z.array(ClassEntry(ValueId)).optional(),
    levers: z.array(ClassEntry(LeverId)).optional(),
    facets: z.array(ClassEntry(FacetId)).optional(),
    actors: z.array(ClassEntry(ActorId)).optional(),
    roles: z
      .object({
        initiator: Phrases.optional(),
        beneficiary: Phrases.optional(),
        /**
         * Auxiliaries of the passive ("were", "got", "été"): standing between an actor and the verb of an
         * initiator pattern, they make the actor the one pushed ("the firms I advise were pushed into EDI").
         */
        passive: Phrases.optional(),
      })
      .strict()
      .optional(),
    directActors: z.array(DirectActorEntry).optional(),
    /** Phrases where a tool word means something else ("site de production", "building site"): they name no tool. */
    otherSenses: Phrases.optional(),
    cues: CueSet.optional(),
    /**
     * Real words one typo away from a lexicon word ("factures", "remote"): never read as a typo of it. Listed
     * from spelling dictionaries by `npm run real-words`; any lexicon file may add more.
     */
    realWords: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type LexiconFile = z.infer<typeof LexiconFile>;

export interface ToolInfo {
  id: string;
  label: { fr: string; en: string };
  lever?: LeverId;
  subsumes?: string[];
}

export interface ClassPhrases<T extends string> {
  id: T;
  patterns: Phrases;
  otherSenses?: Phrases;
}

export interface Lexicon {
  tools: { info: ToolInfo; patterns: Phrases }[];
  values: ClassPhrases<ValueId>[];
  levers: ClassPhrases<LeverId>[];
  facets: ClassPhrases<FacetId>[];
  actors: ClassPhrases<ActorId>[];
  roles: { initiator: Phrases; beneficiary: Phrases; passive: Phrases };
  directActors: { id: ActorId; role: ActorRole; patterns: Phrases }[];
  otherSenses: Phrases;
  cues: Required<z.infer<typeof CueSet>>;
  realWords: string[];
}

function mergePhrases(a: Phrases, b: Phrases): Phrases {
  return {
    fr: [...(a.fr ?? []), ...(b.fr ?? [])],
    en: [...(a.en ?? []), ...(b.en ?? [])],
    any: [...(a.any ?? []), ...(b.any ?? [])],
  };
}

function mergeById<T extends { id: string; patterns: Phrases; otherSenses?: Phrases }>(
  into: T[],
  entries: readonly T[] | undefined,
): void {
  for (const entry of entries ?? []) {
    const existing = into.find((e) => e.id === entry.id);
    if (!existing) {
      into.push({ ...entry });
      continue;
    }
    existing.patterns = mergePhrases(existing.patterns, entry.patterns);
    if (entry.otherSenses) existing.otherSenses = mergePhrases(existing.otherSenses ?? {}, entry.otherSenses);
  }
}

function describeIssue(file: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  return `lexicon file ${file}: field ${where}: ${issue?.message ?? 'invalid'}`;
}

export function parseLexiconFile(file: string, raw: string): LexiconFile {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('bad_config', `lexicon file ${file}: not valid JSON (${reason})`);
  }
  const parsed = LexiconFile.safeParse(json);
  if (!parsed.success) throw new AppError('bad_config', describeIssue(file, parsed.error));
  return parsed.data;
}

export function mergeLexicon(files: readonly LexiconFile[]): Lexicon {
  const lexicon: Lexicon = {
    tools: [],
    values: [],
    levers: [],
    facets: [],
    actors: [],
    roles: { initiator: {}, beneficiary: {}, passive: {} },
    directActors: [],
    otherSenses: {},
    realWords: [],
    cues: {
      negation: {},
      negationBreakers: {},
      selfNegating: {},
      hypotheticalClause: {},
      hypotheticalForward: {},
      retraction: {},
      retractionAlone: {},
      concern: {},
      concernBefore: {},
      teaching: {},
      topic: {},
      medium: {},
      absence: {},
      needed: {},
      unchanged: {},
      headcount: {},
      elsewhere: {},
      ownership: {},
      formerly: {},
      answerNo: {},
      lacking: {},
      correction: {},
      offer: {},
      need: {},
      conditionalEndings: [],
      conditionalExceptions: [],
    },
  };
  for (const file of files) {
    for (const tool of file.tools ?? []) {
      const existing = lexicon.tools.find((t) => t.info.id === tool.id);
      if (existing) {
        existing.patterns = mergePhrases(existing.patterns, tool.patterns);
        if (tool.label) existing.info.label = tool.label;
        if (tool.lever) existing.info.lever = tool.lever;
        if (tool.subsumes) existing.info.subsumes = [...(existing.info.subsumes ?? []), ...tool.subsumes];
      } else {
        const info: ToolInfo = { id: tool.id, label: tool.label ?? { fr: tool.id, en: tool.id } };
        if (tool.lever) info.lever = tool.lever;
        if (tool.subsumes) info.subsumes = [...tool.subsumes];
        lexicon.tools.push({ info, patterns: tool.patterns });
      }
    }
    mergeById(lexicon.values, file.values);
    mergeById(lexicon.levers, file.levers);
    mergeById(lexicon.facets, file.facets);
    mergeById(lexicon.actors, file.actors);
    if (file.roles?.initiator)
      lexicon.roles.initiator = mergePhrases(lexicon.roles.initiator, file.roles.initiator);
    if (file.roles?.beneficiary)
      lexicon.roles.beneficiary = mergePhrases(lexicon.roles.beneficiary, file.roles.beneficiary);
    if (file.roles?.passive) lexicon.roles.passive = mergePhrases(lexicon.roles.passive, file.roles.passive);
    lexicon.directActors.push(...(file.directActors ?? []));
    if (file.otherSenses) lexicon.otherSenses = mergePhrases(lexicon.otherSenses, file.otherSenses);
    lexicon.realWords.push(...(file.realWords ?? []));
    const cues = file.cues;
    if (cues) {
      const c = lexicon.cues;
      for (const kind of PHRASE_CUES) c[kind] = mergePhrases(c[kind], cues[kind] ?? {});
      c.conditionalEndings.push(...(cues.conditionalEndings ?? []));
      c.conditionalExceptions.push(...(cues.conditionalExceptions ?? []));
    }
  }
  return lexicon;
}

/** Reads every `*.json` of the folder but the learned model (sorted, so later files extend earlier ones predictably). */
export function loadLexicon(dir: string): Lexicon {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.json') && name !== MODEL_FILE)
      .sort();
  } catch (error) {
    throw new AppError('bad_config', `lexicon folder ${dir} cannot be read`, { cause: error });
  }
  if (names.length === 0) throw new AppError('bad_config', `lexicon folder ${dir} holds no .json file`);
  return mergeLexicon(names.map((name) => parseLexiconFile(name, readFileSync(join(dir, name), 'utf8'))));
}
