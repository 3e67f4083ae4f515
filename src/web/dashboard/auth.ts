import { AppError } from '../../errors.js';
import type { InterviewStore } from '../../store/types.js';
import { type TeamsSsoOptions, verifyTeamsSsoToken } from './teams-sso.js';

/** Dashboard tokens are opaque (store-issued); Teams SSO tokens are JWTs: three dot-separated parts. */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

export interface InterviewerAuthOptions {
  store: Pick<InterviewStore, 'resolveApiToken'>;
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
  const interviewerId = await options.store.resolveApiToken(token);
  if (!interviewerId) throw new AppError('unauthorized', 'unknown or revoked dashboard token');
  return interviewerId;
}
