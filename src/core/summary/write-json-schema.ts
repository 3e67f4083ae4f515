import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';
import { summaryJsonSchema } from './json-schema.js';

/** `npm run schema`: regenerates schemas/summary.schema.json after a change to the summary's zod schema. */
const target = join(PACKAGE_ROOT, 'schemas', 'summary.schema.json');
writeFileSync(target, summaryJsonSchema());
process.stdout.write(`wrote ${target}\n`);
