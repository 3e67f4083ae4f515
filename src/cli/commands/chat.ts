import { createServices } from '../../app.js';
import { BOT_EVENT_END_OF_INPUT, BOT_EVENT_RESUME, BOT_EVENT_START } from '../../bot/events.js';
import type { TurnContext } from '../../bot/protocol.js';
import { TerminalAdapter, terminalLocale } from '../../bot/terminal-adapter.js';
import { loadConfig } from '../../config.js';
import { Language, Profile } from '../../core/domain.js';
import { fill } from '../../core/guide/template.js';
import { consentStandsWithdrawn } from '../../core/interview/log.js';
import type { InterviewMeta } from '../../core/interview/record.js';
import { AppError } from '../../errors.js';
import { InterviewHold } from '../../store/interview-hold.js';
import { type CliIO, type Command, EXIT_FAILED, EXIT_OK } from '../command.js';
import { BinaryInputError, InputLines } from '../input-lines.js';
import { eraseCommand, loadTerminalPrompts, resumeCommand, summaryCommand } from '../terminal-prompts.js';

const USAGE = `usage: sme-interview chat [--lang fr|en] [--profile manager|expert] [--resume ID]

Runs an interview in the terminal, through the same bot and store as Teams and the web chat, greeting
in the terminal's language (LC_ALL, LC_MESSAGES or LANG: en_* is English, anything else French).
One input line is one message; piped input works. At the end of input an unfinished interview is
paused (never lost) and its id is printed: continue it later with --resume (after consent was taken
back, it is asked for again first; the erase command is printed too). The chat ends when the
interview does, after the closing, saying how to read its summary; lines after that are not read, and a
completed interview cannot be resumed. Input that is not UTF-8 text (a binary file) is refused, nothing
of it stored, and the interview paused. An interview runs in one terminal at a time: --resume is refused
while another chat has it open. An interview begun in Teams or the web chat can be resumed here too; its
conversation there records nothing until this chat ends.

  --lang fr|en                the interview language (otherwise asked)
  --profile manager|expert    SME manager or digital-transition expert (otherwise asked)
  --resume ID                 continue interview ID at the question it was waiting on

Uses DATA_DIR (embedded store) or DATABASE_URL (PostgreSQL).
exit codes: 0 done, 1 failed, 2 bad usage`;

/** Where the interview stands for the respondent: its status, or paused with their consent taken back. */
type Standing = InterviewMeta['status'] | 'withdrawn';

interface ChatArgs {
  language?: Language;
  profile?: Profile;
  resume?: string;
}

function parseArgs(args: readonly string[]): ChatArgs {
  const out: ChatArgs = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--lang') {
      const parsed = Language.safeParse(value);
      if (!parsed.success) throw new AppError('bad_usage', `--lang takes fr or en, got '${value ?? ''}'`);
      out.language = parsed.data;
    } else if (arg === '--profile') {
      const parsed = Profile.safeParse(value);
      if (!parsed.success)
        throw new AppError('bad_usage', `--profile takes manager or expert, got '${value ?? ''}'`);
      out.profile = parsed.data;
    } else if (arg === '--resume') {
      if (!value || value.startsWith('--')) throw new AppError('bad_usage', '--resume takes an interview id');
      out.resume = value;
    } else {
      throw new AppError('bad_usage', `unknown option '${arg ?? ''}'; run 'sme-interview chat --help'`);
    }
    i += 1;
  }
  if (out.resume && (out.language || out.profile)) {
    throw new AppError(
      'bad_usage',
      '--resume continues an interview as it was started; drop --lang and --profile',
    );
  }
  return out;
}

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const options = parseArgs(args);
  const config = loadConfig(io.env);
  const prompts = loadTerminalPrompts();
  const services = await createServices(config);
  const hold = new InterviewHold(services.store.kv);
  try {
    if (options.resume) {
      const stored = await services.store.getInterview(options.resume);
      if (!stored)
        throw new AppError('not_found', `no interview '${options.resume}'; 'sme-interview list' shows them`);
      if (stored.status === 'completed')
        throw new AppError(
          'conflict',
          `interview ${stored.id} is completed; '${summaryCommand(stored.id)}' shows its summary`,
        );
      // Held before anything is asked: a second chat on the same interview shows and records nothing.
      await hold.take(options.resume);
    }
    let failure: unknown = null;
    const print = (text: string) => io.stdout.write(`${text}\n`);
    // Its turns carry the hold, so the bot lets them record in the interview it keeps from the other front doors.
    const adapter = new TerminalAdapter(print, { holder: hold.holder, locale: terminalLocale(io.env) });
    adapter.onTurnError = async (_context: TurnContext, error: unknown) => {
      failure = error;
    };
    const logic = (context: TurnContext) => services.bot.run(context);
    const interviewHere = async () =>
      (await services.store.listInterviews({ conversationKey: adapter.conversationKey }))[0] ?? null;

    if (options.resume) await adapter.sendEvent(BOT_EVENT_RESUME, { interviewId: options.resume }, logic);
    else
      await adapter.sendEvent(
        BOT_EVENT_START,
        { language: options.language, profile: options.profile },
        logic,
      );

    /** What the chat last told of the interview's standing: how to take it up, or how to erase it. */
    let told: { id: string; standing: Standing } | null = null;
    const standingOf = async (meta: InterviewMeta): Promise<Standing> => {
      if (meta.status !== 'paused') return meta.status;
      return consentStandsWithdrawn(meta, await services.store.getTurns(meta.id)) ? 'withdrawn' : 'paused';
    };
    const alreadyTold = (meta: InterviewMeta, standing: Standing): boolean =>
      told?.id === meta.id && told.standing === standing;
    const howToComeBack = (meta: InterviewMeta, standing: 'paused' | 'withdrawn'): string =>
      standing === 'withdrawn'
        ? fill(prompts[meta.language].consentWithdrawnAfterLeaving, {
            erase: eraseCommand(meta.id),
            command: resumeCommand(meta.id),
          })
        : fill(prompts[meta.language].resumeAfterLeaving, { command: resumeCommand(meta.id) });
    /**
     * After each turn: an interview begun here is held like a resumed one, and one the respondent just
     * paused, stopped or took their consent back from gets the command that takes it up again once this chat
     * is over (« reprendre » works only while it runs), or erases it. Returns the interview as the turn left it.
     */
    const follow = async (): Promise<InterviewMeta | null> => {
      const meta = await interviewHere();
      if (meta && meta.status !== 'completed') await hold.take(meta.id);
      if (meta) {
        const standing = await standingOf(meta);
        if ((standing === 'paused' || standing === 'withdrawn') && !alreadyTold(meta, standing))
          print(howToComeBack(meta, standing));
        told = { id: meta.id, standing };
      }
      return meta;
    };
    await follow();

    const lines = new InputLines(io.stdin);
    /** Binary data piped in: nothing of it reaches the bot, the interview is paused as at the end of input. */
    let refused: BinaryInputError | null = null;
    // Ctrl-C ends the input like Ctrl-D: the turn under way finishes, then the interview is paused.
    const interrupt = () => lines.close();
    process.once('SIGINT', interrupt);
    try {
      // One turn at a time, in input order: the next line waits until the previous answer is stored.
      for await (const line of lines) {
        if (failure) break;
        if (hold.lost) {
          failure = new AppError(
            'conflict',
            `interview ${hold.interviewId ?? ''} was taken up in another terminal while this chat was idle; this chat stops (its answers are stored)`,
          );
          break;
        }
        await adapter.sendText(line, logic);
        // The closing was the interview's last word: the chat ends with it, and what is typed after is not read.
        if ((await follow())?.status === 'completed') break;
      }
    } catch (error) {
      if (!(error instanceof BinaryInputError)) throw error;
      refused = error;
    } finally {
      process.off('SIGINT', interrupt);
    }
    if (!failure) await adapter.sendEvent(BOT_EVENT_END_OF_INPUT, null, logic);
    if (failure) throw failure;

    const meta = await interviewHere();
    if (refused) {
      const paused =
        meta && meta.status !== 'completed'
          ? `; interview ${meta.id} paused, continue with: ${resumeCommand(meta.id)}`
          : '';
      throw new AppError(
        'bad_input',
        `${refused.message}: nothing of it was stored; pipe in text only${paused}`,
      );
    }
    if (meta) {
      const standing = await standingOf(meta);
      const already = alreadyTold(meta, standing);
      if (standing === 'completed')
        print(fill(prompts[meta.language].summaryAfterCompletion, { command: summaryCommand(meta.id) }));
      else if (standing === 'withdrawn') {
        if (!already) print(howToComeBack(meta, standing));
      } else if (!(already && standing === 'paused'))
        print(fill(prompts[meta.language].pausedOnExit, { command: resumeCommand(meta.id) }));
      io.stderr.write(
        standing === 'completed'
          ? `interview ${meta.id} completed\n`
          : standing === 'withdrawn'
            ? `interview ${meta.id} paused, consent withdrawn; erase with: ${eraseCommand(meta.id)}\n`
            : `interview ${meta.id} ${meta.status}; continue with: ${resumeCommand(meta.id)}\n`,
      );
    }
    return failure ? EXIT_FAILED : EXIT_OK;
  } finally {
    // Nothing more is read: input still open (a pipe whose writer has not finished) must not keep the process
    // waiting once the interview is over.
    io.stdin.destroy();
    // The store is closed even when the hold cannot be given back (it lapses by itself then).
    try {
      await hold.release();
    } finally {
      await services.close();
    }
  }
}

export const chatCommand: Command = {
  name: 'chat',
  usage: USAGE,
  run,
};
