import { z } from 'zod';
import { AppError } from './errors.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

/** Environment variables of CONTRACTS.md (plus the product's own optional settings). */
export const ConfigSchema = z.object({
  PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65535).default(3978)),
  DATA_DIR: z.preprocess(emptyAsUnset, z.string().default('./data')),
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  MicrosoftAppId: z.preprocess(emptyAsUnset, z.string().optional()),
  MicrosoftAppPassword: z.preprocess(emptyAsUnset, z.string().optional()),
  MicrosoftAppTenantId: z.preprocess(emptyAsUnset, z.string().optional()),
  MicrosoftAppType: z.preprocess(
    emptyAsUnset,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  ),
  LOG_LEVEL: z.preprocess(emptyAsUnset, z.enum(LOG_LEVELS).default('info')),
  /** Per-conversation message rate limit: a burst of this many messages, then RATE_LIMIT_PER_SECOND. */
  RATE_LIMIT_BURST: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(60)),
  RATE_LIMIT_PER_SECOND: z.preprocess(emptyAsUnset, z.coerce.number().positive().default(5)),
  /** Days a dashboard token printed at start-up is accepted for (fractions allowed: 0.5 is twelve hours). */
  DASHBOARD_TOKEN_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().positive().default(7)),
  /** Completed interviews older than this many days are purged; unset keeps them. */
  RETENTION_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().optional()),
});
export type Config = z.infer<typeof ConfigSchema>;
export type LogLevel = Config['LOG_LEVEL'];

/** Parses the environment; a bad value throws one `bad_config` error naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = issue?.path.join('.') ?? 'environment';
  const received = typeof issue?.path[0] === 'string' ? env[issue.path[0]] : undefined;
  throw new AppError(
    'bad_config',
    `invalid ${variable}${received === undefined ? '' : ` (${JSON.stringify(received)})`}: ${issue?.message ?? 'invalid value'}`,
  );
}

export function hasAppCredentials(config: Config): boolean {
  return Boolean(config.MicrosoftAppId && config.MicrosoftAppPassword);
}
