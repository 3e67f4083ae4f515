import type { InterviewMeta } from '../core/interview/record.js';
import type { InterviewStore } from './types.js';

/**
 * The completed interviews a study puts together, oldest first: I1 is the first one done. One order for
 * the command line and the dashboard, so a researcher's I1 names the same interview in every export.
 */
export async function studyInterviews(
  store: InterviewStore,
  interviewerId?: string,
): Promise<InterviewMeta[]> {
  const newestFirst = await store.listInterviews({
    status: 'completed',
    ...(interviewerId === undefined ? {} : { interviewerId }),
  });
  return newestFirst.reverse();
}
