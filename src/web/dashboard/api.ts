import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { Language } from '../../core/domain.js';
import { consentStandsWithdrawn, derivePosition } from '../../core/interview/log.js';
import { type InterviewMeta, interviewListing, type TurnRecord } from '../../core/interview/record.js';
import { firmLine } from '../../core/summary/firm-line.js';
import {
  buildStudy,
  buildSummary,
  type Rendered,
  renderStudy,
  renderSummary,
  STUDY_FORMATS,
  SUMMARY_FORMATS,
  studyLanguage,
} from '../../core/summary/index.js';
import type { CsvSeparator } from '../../export/index.js';
import { labels, wordLeverReading } from '../../export/view.js';
import { hashId, type Logger } from '../../log.js';
import { HttpError, type RouteContext, type Router, sendJson } from '../../server/router.js';
import { studyInterviews } from '../../store/study-interviews.js';
import { getStudyKey } from '../../store/study-key.js';
import type { InterviewStore, Invitation } from '../../store/types.js';
import { authenticateInterviewer, type InterviewerAuthOptions } from './auth.js';
import { dashboardLabels } from './labels.js';

export interface DashboardApiDeps {
  store: InterviewStore;
  auth: InterviewerAuthOptions;
  logger?: Logger;
}

const LabelsQuery = z.object({ lang: Language.default('fr') });
const LeverReadingQuery = z.object({ lang: Language.optional() });

/**
 * The CSV's field separator, as the CLI's `--csv-semicolon` chooses it: `semicolon` for Excel set to French
 * (which reads a comma-separated file as one column). Only with `format=csv`, as the CLI refuses it elsewhere.
 */
const SEPARATORS = { comma: ',', semicolon: ';' } as const satisfies Record<string, CsvSeparator>;
const Separator = z.enum(['comma', 'semicolon']).optional();
const onlyForCsv = {
  message: 'separator shapes the CSV export: add format=csv or drop it',
  path: ['separator'],
};

const SummaryQuery = z
  .object({
    format: z.enum(SUMMARY_FORMATS).default('json'),
    lang: Language.optional(),
    separator: Separator,
  })
  .refine((query) => query.separator === undefined || query.format === 'csv', onlyForCsv);
const StudyQuery = z
  .object({
    format: z.enum(STUDY_FORMATS).default('json'),
    lang: Language.optional(),
    separator: Separator,
  })
  .refine((query) => query.separator === undefined || query.format === 'csv', onlyForCsv);

/** A pending invitation as the dashboard lists it (never the interviewer's address it carries). */
function pendingInvitation(invitation: Invitation) {
  return {
    code: invitation.code,
    createdAt: invitation.createdAt,
    profile: invitation.profile,
    language: invitation.language,
  };
}

function parseQuery<T>(schema: z.ZodType<T>, url: URL): T {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new HttpError(
    400,
    'bad_input',
    `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}`,
  );
}

/**
 * How far an interview went: questions asked and answered (skips count as asked, not answered), and the
 * guide part (`section`) of the last question asked, null before any: an interview's length depends on its
 * answers, so the part reached, not a ratio, tells the interviewer where it stands.
 */
export function progressOf(turns: readonly TurnRecord[]): {
  asked: number;
  answered: number;
  section: string | null;
} {
  const asked = new Set<string>();
  const answered = new Set<string>();
  let section: string | null = null;
  for (const turn of turns) {
    if (!turn.questionId) continue;
    if (turn.kind === 'question') {
      asked.add(turn.questionId);
      section = turn.section;
    }
    if (turn.kind === 'answer') answered.add(turn.questionId);
  }
  return { asked: asked.size, answered: answered.size, section };
}

/** The presentation's answers as they now stand (an amend replaces the answer it amends), in order. */
function presentationTexts(turns: readonly TurnRecord[]): string[] {
  return derivePosition(turns)
    .answers.filter((answer) => answer.section === 'presentation')
    .map((answer) => answer.text);
}

function csvOptions(separator: keyof typeof SEPARATORS | undefined) {
  return separator ? { csvSeparator: SEPARATORS[separator] } : {};
}

function send(res: ServerResponse, rendered: Rendered, fileStem: string): void {
  const body =
    typeof rendered.body === 'string' ? Buffer.from(rendered.body, 'utf8') : Buffer.from(rendered.body);
  res.writeHead(200, {
    'content-type': rendered.contentType,
    'content-length': body.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Exports are files to save, never pages to render in our origin (the HTML one quotes respondents).
    'content-disposition': `attachment; filename="${fileStem}.${rendered.extension}"`,
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(body);
}

/**
 * `GET /api/interviews`, `DELETE /api/interviews/:id`, `GET /api/interviews/:id/summary`,
 * `GET /api/interviews/:id/lever-reading`, `GET /api/study`, `GET /api/study/lever-reading`: an interviewer's
 * own data only.
 */
export function registerDashboardApi(router: Router, { store, auth, logger }: DashboardApiDeps): void {
  const interviewerOf = (ctx: RouteContext) => authenticateInterviewer(ctx.req.headers.authorization, auth);

  /** Another interviewer's interview is indistinguishable from a missing one. */
  const ownInterview = async (interviewerId: string, id: string): Promise<InterviewMeta> => {
    const meta = await store.getInterview(id);
    if (!meta || meta.interviewerId !== interviewerId)
      throw new HttpError(404, 'not_found', `no interview ${id}`);
    return meta;
  };

  // The dashboard's words in the reader's language, when the page came in another one (it carries its own).
  router.route('GET', '/api/labels', async (ctx) => {
    const { lang } = parseQuery(LabelsQuery, ctx.url);
    sendJson(ctx.res, 200, dashboardLabels(lang));
  });

  router.route('GET', '/api/interviews', async (ctx) => {
    const interviewerId = await interviewerOf(ctx);
    const interviews = await store.listInterviews({ interviewerId });
    // The code the interviewer sent is how they tell their interviews apart (the firm is pseudonymised).
    const invitations = await store.listInvitations(interviewerId);
    const codeOf = new Map(invitations.map((invitation) => [invitation.interviewId, invitation.code]));
    const pseudonymKey = await getStudyKey(store, interviewerId);
    const rows = [];
    for (const meta of interviews) {
      const turns = await store.getTurns(meta.id);
      rows.push({
        ...interviewListing(meta),
        firm: firmLine(presentationTexts(turns), pseudonymKey, meta.language),
        completedAt: meta.completedAt,
        consentWithdrawn: consentStandsWithdrawn(meta, turns),
        invitationCode: codeOf.get(meta.id) ?? null,
        progress: progressOf(turns),
      });
    }
    sendJson(ctx.res, 200, {
      interviewerId,
      interviews: rows,
      pendingInvitations: invitations
        .filter((invitation) => invitation.interviewId === null)
        .map(pendingInvitation),
    });
  });

  // Erasure on the respondent's request, from the dashboard: what `sme-interview erase` erases.
  router.route('DELETE', '/api/interviews/:id', async (ctx) => {
    const interviewerId = await interviewerOf(ctx);
    const { id } = await ownInterview(interviewerId, ctx.params.id ?? '');
    // Erased meanwhile (by the respondent in the chat, the CLI or another server): nothing is left to erase.
    if (!(await store.eraseInterview(id))) throw new HttpError(404, 'not_found', `no interview ${id}`);
    logger?.info('dashboard.interview_erased', { interview: id, interviewer: hashId(interviewerId) });
    sendJson(ctx.res, 200, { erased: id });
  });

  router.route('GET', '/api/interviews/:id/summary', async (ctx) => {
    const interviewerId = await interviewerOf(ctx);
    const { format, lang, separator } = parseQuery(SummaryQuery, ctx.url);
    const meta = await ownInterview(interviewerId, ctx.params.id ?? '');
    const pseudonymKey = await getStudyKey(store, interviewerId);
    const summary = buildSummary(meta, await store.getTurns(meta.id), {
      pseudonymKey,
      ...(lang ? { lang } : {}),
    });
    send(
      ctx.res,
      renderSummary(summary, format, lang ?? meta.language, csvOptions(separator)),
      `interview-${meta.id}`,
    );
  });

  // The lever reading worded by the exports' own functions, so the dashboard says it as they do.
  router.route('GET', '/api/interviews/:id/lever-reading', async (ctx) => {
    const interviewerId = await interviewerOf(ctx);
    const { lang } = parseQuery(LeverReadingQuery, ctx.url);
    const meta = await ownInterview(interviewerId, ctx.params.id ?? '');
    const language = lang ?? meta.language;
    const summary = buildSummary(meta, await store.getTurns(meta.id), {
      pseudonymKey: await getStudyKey(store, interviewerId),
      lang: language,
    });
    sendJson(ctx.res, 200, wordLeverReading(labels(language, meta.profile), summary.leverReading));
  });

  /** The interviewer's completed interviews together, in the language asked (else the study's own). */
  const studyOf = async (interviewerId: string, lang: Language | undefined) => {
    const completed = await studyInterviews(store, interviewerId);
    const pseudonymKey = await getStudyKey(store, interviewerId);
    const summaries = [];
    for (const meta of completed)
      summaries.push(
        buildSummary(meta, await store.getTurns(meta.id), { pseudonymKey, ...(lang ? { lang } : {}) }),
      );
    const studyLang = lang ?? studyLanguage(completed);
    return { study: buildStudy(summaries, studyLang), studyLang };
  };

  router.route('GET', '/api/study', async (ctx) => {
    const interviewerId = await interviewerOf(ctx);
    const { format, lang, separator } = parseQuery(StudyQuery, ctx.url);
    const { study, studyLang } = await studyOf(interviewerId, lang);
    send(ctx.res, renderStudy(study, format, studyLang, csvOptions(separator)), 'study');
  });

  // Each interview of the study with its lever reading, worded as its own view words it (for its profile).
  router.route('GET', '/api/study/lever-reading', async (ctx) => {
    const interviewerId = await interviewerOf(ctx);
    const { lang } = parseQuery(LeverReadingQuery, ctx.url);
    const { study, studyLang } = await studyOf(interviewerId, lang);
    sendJson(ctx.res, 200, {
      interviews: study.interviews.map((interview) => ({
        id: interview.id,
        ref: interview.ref,
        ...wordLeverReading(labels(studyLang, interview.profile), interview.leverReading),
      })),
    });
  });
}
