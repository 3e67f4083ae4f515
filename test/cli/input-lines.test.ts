import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BinaryInputError, InputLines, MAX_LINE_BYTES } from '../../src/cli/input-lines.js';

async function linesOf(input: Readable): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of new InputLines(input)) lines.push(line);
  return lines;
}

describe('terminal input lines', () => {
  it('refuses an endless stream of zeros at once instead of waiting for a line break', async () => {
    const zeros = Readable.from(
      (function* () {
        for (;;) yield Buffer.alloc(64 * 1024);
      })(),
    );
    await expect(linesOf(zeros)).rejects.toBeInstanceOf(BinaryInputError);
  });

  it('keeps a line with no break in sight up to its bound, whole characters only, and goes on', async () => {
    const huge = 'é'.repeat(MAX_LINE_BYTES); // two bytes each: twice the bound
    const lines = await linesOf(Readable.from([Buffer.from(`${huge}\nsuite\n`)]));
    expect(lines[0]?.length).toBe(MAX_LINE_BYTES / 2);
    expect(lines[0]?.endsWith('é')).toBe(true);
    expect(lines[1]).toBe('suite');
  });

  it('cuts a line kept up to its bound before a character split by the bound', async () => {
    const line = `a${'€'.repeat(MAX_LINE_BYTES / 3)}`; // one byte, then three-byte characters
    const [kept] = await linesOf(Readable.from([Buffer.from(`${line}\n`)]));
    expect(kept).toBe(line.slice(0, 1 + Math.floor((MAX_LINE_BYTES - 1) / 3)));
  });
});
