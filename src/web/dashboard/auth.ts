import { AppError } from '../../errors.js';
import { HttpError } from '../../server/router.js';
import type { InterviewStore } from '../../store/types.js';
import { type TeamsSsoOptions, verifyTeamsSsoToken } from './teams-sso.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a dashboard token lasts, as the start-up line and the refusal say it ("1 day", "7 days"). */
export function tokenLifetimeText(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Dashboard tokens are opaque (store-issued); Teams SSO tokens are JWTs: three dot-separated parts. */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

export interface InterviewerAuthOptions {
  store: Pick<InterviewStore, 'resolveApiToken'>;
  /** How long a dashboard token is accepted after it was issued (`DASHBOARD_TOKEN_DAYS`). */
  tokenLifetimeDays: number;
  /** Set only when app credentials are configured: Teams tab SSO tokens are then accepted too. */
  teamsSso?: TeamsSsoOptions;
}

/**
 * The interviewer a request speaks for. A Teams user is known by their Entra object id, which is what the
 * bot records as interviewer id for invitations made in Teams.
 */
export async function authenticateInterviewer(
  authorization: string | undefined,
  options: InterviewerAuthOptions,
): Promise<string> {
  const token = /^Bearer +(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new AppError('unauthorized', 'sign in first: Authorization: Bearer <token> is required');
  if (options.teamsSso && JWT_SHAPE.test(token)) {
    return (await verifyTeamsSsoToken(token, options.teamsSso)).oid;
  }
  const grant = await options.store.resolveApiToken(token);
  if (!grant) throw new AppError('unauthorized', 'unknown or revoked dashboard token');
  if (Date.parse(grant.issuedAt) + options.tokenLifetimeDays * DAY_MS <= Date.now()) {
    // The RFC 6750 error lets the dashboard page tell an expired token from a wrong one.
    throw new HttpError(
      401,
      'unauthorized',
      `dashboard token expired (tokens last ${tokenLifetimeText(options.tokenLifetimeDays)}, DASHBOARD_TOKEN_DAYS): restart the server for a new one`,
      { 'www-authenticate': 'Bearer error="invalid_token", error_description="token expired"' },
    );
  }
  return grant.interviewerId;
}
