import { z } from 'zod';
import { ToolId } from '../domain.js';

/** What a question turn's `data` says about the tool it asks about (probes on who initiated or benefits). */
const QuestionSubject = z.object({ tool: ToolId });

/** The tool a recorded question was about, so an answer that does not name it is still credited to it. */
export function toolOfQuestion(data: unknown): string | null {
  // Most questions are about no tool: answering them without a failed parse keeps the per-turn replay cheap.
  if (typeof data !== 'object' || data === null || !('tool' in data)) return null;
  const parsed = QuestionSubject.safeParse(data);
  return parsed.success ? parsed.data.tool : null;
}
