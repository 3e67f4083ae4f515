import { type Activity, MemoryStorage, type Storage, TestAdapter } from 'botbuilder';
import { type BotDeps, createBot } from '../../src/bot/create-bot.js';
import { TRUSTED_FRONT_DOOR } from '../../src/bot/events.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { createMemoryStore } from '../../src/store/memory.js';
import type { InterviewStore } from '../../src/store/types.js';
import { createFakeTagger } from '../interview/fake-tagger.js';

/** The real bot and dialogs over an in-memory store, driven through botbuilder's TestAdapter. */
export class BotHarness {
  readonly guides = loadGuides();
  readonly adapter: TestAdapter;

  constructor(
    readonly store: InterviewStore = createMemoryStore(),
    readonly storage: Storage = new MemoryStorage(),
    conversationId = 'conv-1',
    extra: Pick<BotDeps, 'ownerOf'> & { trusted?: boolean } = {},
  ) {
    const { trusted = false, ...deps } = extra;
    const bot = createBot({ store, storage, tagger: createFakeTagger(), guides: this.guides, ...deps });
    this.adapter = new TestAdapter(
      async (context) => {
        // As the terminal's adapter does: a front door on the interviewer's own machine.
        if (trusted) context.turnState.set(TRUSTED_FRONT_DOOR, true);
        await bot.run(context);
      },
      {
        channelId: 'test',
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'test' },
      },
    );
  }

  private drain(): string[] {
    const out = this.adapter.activeQueue.splice(0).map((a) => a.text ?? '');
    return out;
  }

  async say(text: string): Promise<string[]> {
    await this.adapter.processActivity(text);
    return this.drain();
  }

  async send(activity: Partial<Activity>): Promise<string[]> {
    await this.adapter.processActivity(activity);
    return this.drain();
  }

  async interview() {
    const [meta] = await this.store.listInterviews();
    if (!meta) throw new Error('no interview was created');
    return { meta, turns: await this.store.getTurns(meta.id) };
  }
}
