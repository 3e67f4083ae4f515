import { z } from 'zod';
import { Summary } from './schema.js';

/** The JSON Schema shipped as schemas/summary.schema.json, generated from the zod schema. */
export function summaryJsonSchema(): string {
  const schema = z.toJSONSchema(Summary, { target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, $id: 'https://sme-interview.local/schemas/summary.schema.json', title: 'sme-interview summary' }, null, 2)}\n`;
}
