import { z } from 'zod';
import { ToolId } from '../domain.js';

/** Which role a probe on one tool asks for: who started it, who gains from it, or both. */
export const AskedRole = z.enum(['initiator', 'beneficiary', 'both']);
export type AskedRole = z.infer<typeof AskedRole>;

/** What a question turn's `data` says about the tool it asks about (probes on who initiated or benefits). */
const QuestionSubject = z.object({ tool: ToolId, asks: AskedRole.optional() });

export interface QuestionSubject {
  tool: string;
  asks: AskedRole;
}

/** The tool a recorded question was about and what it asked of it (older logs did not say: both). */
export function subjectOfQuestion(data: unknown): QuestionSubject | null {
  // Most questions are about no tool: answering them without a failed parse keeps the per-turn replay cheap.
  if (typeof data !== 'object' || data === null || !('tool' in data)) return null;
  const parsed = QuestionSubject.safeParse(data);
  return parsed.success ? { tool: parsed.data.tool, asks: parsed.data.asks ?? 'both' } : null;
}

/** The tool a recorded question was about, so an answer that does not name it is still credited to it. */
export function toolOfQuestion(data: unknown): string | null {
  return subjectOfQuestion(data)?.tool ?? null;
}
