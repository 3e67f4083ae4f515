import { createEchoBot } from '../bot/echo-bot.js';
import { loadConfig } from '../config.js';
import { isAppError } from '../errors.js';
import { createLogger } from '../log.js';
import { isEntryPoint } from './entry.js';
import { startServer, stopOnSignals } from './start.js';

/** The echo bot behind the same HTTP front door and adapter: the latency benchmark's baseline. */
export async function runEchoServer(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL);
  const running = await startServer({ config, logger, bot: createEchoBot() });
  stopOnSignals(running, logger);
  logger.info('server.ready', { port: running.port, bot: 'echo' });
}

if (isEntryPoint(import.meta.url)) {
  runEchoServer(process.env).catch((error: unknown) => {
    process.stderr.write(`sme-interview echo server: ${isAppError(error) ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
