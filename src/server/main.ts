import { loadConfig } from '../config.js';
import { isAppError } from '../errors.js';
import { createLogger, errorFields, type Logger } from '../log.js';
import { tokenLifetimeText } from '../web/dashboard/auth.js';
import { issueLocalDashboardToken } from '../web/routes.js';
import { createAppServer } from './app-server.js';
import { isEntryPoint } from './entry.js';
import { localUrls, startServer, stopOnSignals } from './start.js';

/** `npm start`: config → services (store open) → HTTP server. Returns once the server listens. */
export async function runServer(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL);
  const { services, start } = await createAppServer(config, logger);
  try {
    const running = await startServer(start);
    stopOnSignals(running, logger);
    const urls = localUrls(running.port);
    await announce(services.store, urls, config.DASHBOARD_TOKEN_DAYS, logger);
    // Last: tools and tests waiting for this line find the addresses and the token already printed.
    logger.info('server.ready', {
      port: running.port,
      ...urls,
      store: services.store.kind,
      // performance.now() counts from the process start, module loading included.
      startupMs: Math.round(performance.now()),
    });
  } catch (error) {
    await services.close();
    throw error;
  }
}

/** Where to chat, where the dashboard is, and a fresh dashboard token (only its hash is stored). */
async function announce(
  store: Parameters<typeof issueLocalDashboardToken>[0],
  urls: { chatUrl: string; dashboardUrl: string },
  tokenLifetimeDays: number,
  logger: Logger,
): Promise<void> {
  try {
    const token = await issueLocalDashboardToken(store);
    process.stdout.write(
      `\nChat with the bot:  ${urls.chatUrl}\nDashboard:          ${urls.dashboardUrl}#token=${token}\n` +
        `Dashboard token:    ${token} (valid for ${tokenLifetimeText(tokenLifetimeDays)})\n\n`,
    );
  } catch (error) {
    logger.warn('dashboard.token_failed', errorFields(error));
  }
}

if (isEntryPoint(import.meta.url)) {
  runServer(process.env).catch((error: unknown) => {
    // One line a person can act on: bad configuration names the variable (exit 1, CONTRACTS.md).
    const message = isAppError(error)
      ? error.message
      : error instanceof Error
        ? error.message
        : String(error);
    process.stderr.write(`sme-interview: ${message}\n`);
    process.exit(1);
  });
}
