import { isIP } from 'node:net';
import { z } from 'zod';
import { AppError } from './errors.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

/**
 * Numbers as people write them in a setting: digits, with a decimal point where fractions make sense.
 * `Number()` alone would also take "1e3", "0x50" or " 80 ", which nobody means as a port or a count.
 */
const plainInteger = z.string().regex(/^\d+$/, 'must be a whole number written in digits').transform(Number);
const plainDecimal = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'must be a number written in digits, with an optional decimal point')
  .transform(Number);
const PORT_RANGE = 'must be a port number from 1 to 65535 written in digits (0: any free port)';
const portNumber = z
  .string()
  .regex(/^\d+$/, PORT_RANGE)
  .transform(Number)
  .pipe(z.number().max(65535, PORT_RANGE));

const HOST_FORM =
  'must be an IP address (127.0.0.1, ::1; 0.0.0.0 or :: for every interface) or a host name, without scheme or port';
/** Labels of letters, digits and inner hyphens; the last one not all digits, so "300.1.1.1" is no name. */
const HOST_NAME =
  /^(?=.{1,253}$)([a-z\d]([a-z\d-]{0,61}[a-z\d])?\.)*(?!\d+$)[a-z\d]([a-z\d-]{0,61}[a-z\d])?$/i;
const hostAddress = z.string().refine((host) => isIP(host) !== 0 || HOST_NAME.test(host), HOST_FORM);

/** Environment variables of CONTRACTS.md (plus the product's own optional settings). */
export const ConfigSchema = z.object({
  /** 0 lets the system pick a free port (the tests and benchmarks run servers side by side so). */
  PORT: z.preprocess(emptyAsUnset, portNumber.default(3978)),
  /** The address to listen on; unset, it depends on the mode (`listenHost`). */
  HOST: z.preprocess(emptyAsUnset, hostAddress.optional()),
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
  RATE_LIMIT_BURST: z.preprocess(
    emptyAsUnset,
    plainInteger.pipe(z.number().positive('must be a whole number of messages, 1 or more')).default(60),
  ),
  RATE_LIMIT_PER_SECOND: z.preprocess(
    emptyAsUnset,
    plainDecimal
      .pipe(z.number().positive('must be a number of messages per second above 0 (fractions allowed: 0.5)'))
      .default(5),
  ),
  /** Days a dashboard token printed at start-up is accepted for (fractions allowed: 0.5 is twelve hours). */
  DASHBOARD_TOKEN_DAYS: z.preprocess(
    emptyAsUnset,
    plainDecimal
      .pipe(z.number().positive('must be a number of days above 0 (fractions allowed: 0.5 is twelve hours)'))
      .default(7),
  ),
  /** Completed interviews older than this many days are purged; unset keeps them. */
  RETENTION_DAYS: z.preprocess(
    emptyAsUnset,
    plainInteger
      .pipe(z.number().positive('must be a whole number of days, 1 or more (unset it to keep interviews)'))
      .optional(),
  ),
});
export type Config = z.infer<typeof ConfigSchema>;
export type LogLevel = Config['LOG_LEVEL'];

/** Parses the environment; a bad value throws one `bad_config` error naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) {
    const problem = credentialsProblem(parsed.data);
    if (problem !== null) throw new AppError('bad_config', problem);
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  const variable = issue?.path.join('.') ?? 'environment';
  const received = typeof issue?.path[0] === 'string' ? env[issue.path[0]] : undefined;
  throw new AppError(
    'bad_config',
    `invalid ${variable}${received === undefined ? '' : ` (${JSON.stringify(received)})`}: ${issue?.message ?? 'invalid value'}`,
  );
}

/**
 * What is missing (or too much) in the Bot Framework credentials, in one line naming the variable; null when
 * they are complete or all unset. Half-set credentials would start a server that botbuilder then refuses
 * every request to (it checks tokens once an app id is set) while the rest of it runs as anonymous.
 */
function credentialsProblem(config: Config): string | null {
  const { MicrosoftAppId: id, MicrosoftAppPassword: password, MicrosoftAppTenantId: tenant } = config;
  const type = config.MicrosoftAppType;
  if (type === 'UserAssignedMSI') {
    const msi = 'MicrosoftAppType=UserAssignedMSI (an Azure managed identity)';
    if (!id) return `MicrosoftAppId is missing: ${msi} needs the identity's client id; set MicrosoftAppId`;
    if (!tenant)
      return `MicrosoftAppTenantId is missing: ${msi} needs the identity's tenant id; set MicrosoftAppTenantId`;
    if (password)
      return `MicrosoftAppPassword must not be set with ${msi}, which has no client secret: unset MicrosoftAppPassword, or set MicrosoftAppType to MultiTenant or SingleTenant`;
    return null;
  }
  if (type === 'SingleTenant' && !id)
    return `MicrosoftAppId is missing: MicrosoftAppType=SingleTenant needs the app registration's id; set MicrosoftAppId, or unset MicrosoftAppType for local anonymous mode`;
  if (id && !password)
    return `MicrosoftAppPassword is missing: MicrosoftAppId is set, so the bot needs that app's client secret; set MicrosoftAppPassword (or, for an Azure managed identity, MicrosoftAppType=UserAssignedMSI with MicrosoftAppTenantId), or unset MicrosoftAppId for local anonymous mode`;
  if (password && !id)
    return `MicrosoftAppId is missing: MicrosoftAppPassword is set without the app id it belongs to; set MicrosoftAppId, or unset MicrosoftAppPassword for local anonymous mode`;
  if (type === 'SingleTenant' && !tenant)
    return `MicrosoftAppTenantId is missing: MicrosoftAppType=SingleTenant needs the app registration's tenant id; set MicrosoftAppTenantId`;
  return null;
}

/**
 * Whether the bot runs with Bot Framework credentials (an app id with its client secret, or with a managed
 * identity's tenant); `loadConfig` has refused anything half-set, so an app id means credentials.
 */
export function hasAppCredentials(config: Config): boolean {
  if (!config.MicrosoftAppId) return false;
  return config.MicrosoftAppType === 'UserAssignedMSI'
    ? Boolean(config.MicrosoftAppTenantId)
    : Boolean(config.MicrosoftAppPassword);
}

/**
 * Where the server listens: HOST when set; else, in local anonymous mode, this computer only, since the web
 * chat and /api/messages then answer anyone who reaches them; with app credentials every interface, as the
 * Bot Framework service reaches a deployed bot from outside (through a proxy or a container's network).
 * Undefined stands for every interface (IPv6 and IPv4 where the system has both).
 */
export function listenHost(config: Config): string | undefined {
  if (config.HOST !== undefined) return config.HOST;
  return hasAppCredentials(config) ? undefined : '127.0.0.1';
}
