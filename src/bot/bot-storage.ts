import type { Storage, StoreItems } from 'botbuilder';
import { AppError } from '../errors.js';
import type { KeyValueChange, KeyValueStore } from '../store/types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * botbuilder `Storage` over the store's key-value half, with botbuilder's eTag rules: an item's
 * `eTag` is kept beside its value (never inside it); writing with `*` or no eTag overwrites, with a
 * stale eTag throws an error naming the eTag conflict. All items of one `write` land together.
 */
export class KeyValueBotStorage implements Storage {
  constructor(private readonly kv: KeyValueStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const items = await this.kv.read(keys);
    return Object.fromEntries(
      Object.entries(items).map(([key, item]) => {
        if (!isRecord(item.value)) {
          throw new AppError(
            'storage',
            `bot state "${key}" is not an object; delete it to start that conversation afresh`,
          );
        }
        return [key, { ...item.value, eTag: item.eTag }];
      }),
    );
  }

  async write(changes: StoreItems): Promise<void> {
    if (!isRecord(changes)) throw new ReferenceError('Changes are required when writing.');
    const writes: KeyValueChange[] = Object.entries(changes).map(([key, item]) => {
      if (!isRecord(item)) throw new AppError('bad_input', `bot state "${key}" must be an object`);
      const { eTag, ...value } = item;
      return typeof eTag === 'string' ? { key, value, eTag } : { key, value };
    });
    await this.kv.write(writes);
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    await this.kv.delete(keys);
  }
}
