import type { Logger } from '../log.js';
import { hashId } from '../log.js';
import { conversationStateKey, runInTurnScope, TurnScope } from '../store/turn-scope.js';
import { HttpError } from './router.js';

/** A turn that keeps finding another turn of its conversation committed first is refused after this many runs. */
const TURN_ATTEMPTS = 4;
/** The pause before a turn runs again (times the attempt, plus up to as much at random). */
const RETRY_PAUSE_MS = 15;
/** What a refused turn's sender is told to wait before sending it again. */
const STALE_RETRY_AFTER_SECONDS = 1;

/**
 * Runs one turn of a conversation so that it commits only on the state it read (`TurnScope`): when another
 * turn of the same conversation (on this server or another sharing the database) committed first, this one
 * committed nothing and is run again on the fresh state, as if it had arrived second. After `TURN_ATTEMPTS`
 * such runs it is refused with a 503 and `Retry-After`: nothing of it was recorded, never a wrong record.
 */
export async function runOnFreshState<T>(
  conversation: { channelId: string; conversationId: string },
  run: () => Promise<T>,
  logger?: Logger,
): Promise<T> {
  const stateKey = conversationStateKey(conversation.channelId, conversation.conversationId);
  for (let attempt = 1; ; attempt += 1) {
    const scope = new TurnScope(stateKey);
    try {
      const result = await runInTurnScope(scope, run);
      if (scope.stateWriteDropped) {
        logger?.info('turn.state_superseded', {
          channelId: conversation.channelId,
          conversation: hashId(conversation.conversationId),
        });
      }
      return result;
    } catch (error) {
      if (!scope.stale) throw error;
      const fields = {
        channelId: conversation.channelId,
        conversation: hashId(conversation.conversationId),
        attempt,
      };
      if (attempt >= TURN_ATTEMPTS) {
        logger?.warn('turn.stale_refused', fields);
        throw new HttpError(
          503,
          'conflict',
          'other messages of this conversation were being recorded at the same time; this one was not recorded: send it again',
          { 'retry-after': String(STALE_RETRY_AFTER_SECONDS) },
        );
      }
      logger?.info('turn.stale_retried', fields);
      // The turn that got in first is finishing (its replies, its state): let it, rather than race it again.
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS * attempt * (1 + Math.random())));
    }
  }
}
