import { loadConfig } from '../config.js';
import { isAppError } from '../errors.js';
import { createLogger, errorFields, type Logger } from '../log.js';
import { tokenLifetimeText } from '../web/dashboard/auth.js';
import { issueLocalDashboardToken } from '../web/routes.js';
import { createAppServer } from './app-server.js';
import { isEntryPoint } from './entry.js';
import {
  checkListenAddress,
  isLoopback,
  listensEverywhere,
  localUrls,
  type RunningServer,
  startServer,
  stopOnSignals,
} from './start.js';

/** `npm start`: config → services (store open) → HTTP server. Returns once the server listens. */
export async function runServer(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL);
  await checkListenAddress(config);
  const { services, start } = await createAppServer(config, logger);
  try {
    const running = await startServer(start);
    stopOnSignals(running, logger);
    const urls = localUrls(running.host, running.port);
    await announce(services.store, running, urls, config.DASHBOARD_TOKEN_DAYS, logger);
    // Last: tools and tests waiting for this line find the addresses and the token already printed.
    logger.info('server.ready', {
      host: running.host,
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

/** The address the server is bound to, and who can reach it. */
function listeningOn({ host, port }: RunningServer): string {
  if (listensEverywhere(host)) return `every interface (${host}) port ${port}`;
  if (isLoopback(host)) return `${host} port ${port}, this computer only (HOST sets another address)`;
  return `${host} port ${port}`;
}

/**
 * Where it listens, where to chat, where the dashboard is, and a fresh dashboard token (only its hash is
 * stored), for the person who started the server: on stderr, since stdout carries only the JSON log lines a
 * log shipper reads, and the token, a credential, must never reach the logs.
 */
async function announce(
  store: Parameters<typeof issueLocalDashboardToken>[0],
  running: RunningServer,
  urls: { chatUrl: string; dashboardUrl: string },
  tokenLifetimeDays: number,
  logger: Logger,
): Promise<void> {
  let text = `\nListening on:       ${listeningOn(running)}\nChat with the bot:  ${urls.chatUrl}\n`;
  try {
    const token = await issueLocalDashboardToken(store);
    text +=
      `Dashboard:          ${urls.dashboardUrl}#token=${token}\n` +
      `Dashboard token:    ${token} (valid for ${tokenLifetimeText(tokenLifetimeDays)})\n`;
  } catch (error) {
    logger.warn('dashboard.token_failed', errorFields(error));
  }
  process.stderr.write(`${text}\n`);
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
