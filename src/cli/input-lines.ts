import type { Readable } from 'node:stream';

/** A line of input that is not text: bytes that are not UTF-8, or a NUL byte, which no keyboard types. */
export class BinaryInputError extends Error {
  constructor(readonly lineNumber: number) {
    super(`input line ${lineNumber} is not UTF-8 text (binary data?)`);
    this.name = 'BinaryInputError';
  }
}

const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
/**
 * Bytes of one line kept, far beyond what an answer keeps (4,000 characters): input with no line break
 * (a file of zeros, a huge paste) is held to this much, the rest of its line dropped.
 */
export const MAX_LINE_BYTES = 256 * 1024;

/** The bytes without a character cut short at their end (a line kept up to `MAX_LINE_BYTES`). */
function wholeCharacters(bytes: Buffer): Buffer {
  let end = bytes.length;
  let back = 0;
  // Continuation bytes are 10xxxxxx; walk back to the lead byte of the last character.
  while (end - back > 0 && back < 4 && ((bytes[end - back - 1] ?? 0) & 0xc0) === 0x80) back += 1;
  const lead = bytes[end - back - 1];
  if (lead === undefined || lead < 0xc0) return bytes;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (back + 1 < length) end -= back + 1;
  return bytes.subarray(0, end);
}

/**
 * The lines of a byte stream, split at "\n", "\r" and "\r\n" as readline splits them, each checked as
 * UTF-8 before it is decoded: decoding alone would turn binary data into replacement characters that could
 * pass for an answer. The first line that is not text ends the lines with a `BinaryInputError`.
 * `close()` ends them at once (Ctrl-C), as it does a readline interface.
 */
export class InputLines implements AsyncIterable<string> {
  private closed = false;
  private wake: (() => void) | null = null;

  constructor(private readonly input: Readable) {}

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const input = this.input;
    // Read by events, not the stream's own iterator: that one cannot be left while it waits for input (Ctrl-C).
    const chunks: Buffer[] = [];
    let ended = false;
    let failure: unknown = null;
    const onData = (chunk: unknown) => {
      chunks.push(toBuffer(chunk));
      // One chunk at a time: the next is read once this one's lines are answered.
      input.pause();
      this.wake?.();
    };
    const onEnd = () => {
      ended = true;
      this.wake?.();
    };
    const onError = (error: unknown) => {
      failure = error;
      this.wake?.();
    };
    input.on('data', onData).on('end', onEnd).on('error', onError);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let lineNumber = 0;
    // A NUL byte ends the input as soon as it arrives, not at a line break that may never come.
    const keep = (part: Buffer) => {
      if (part.includes(NUL)) throw new BinaryInputError(lineNumber + 1);
      const room = MAX_LINE_BYTES - pendingBytes;
      if (room <= 0) return;
      const kept = part.length > room ? part.subarray(0, room) : part;
      pending.push(kept);
      pendingBytes += kept.length;
    };
    // After a "\r" ending a chunk, a "\n" opening the next one belongs to the same line break.
    let skipLf = false;
    const take = (): string => {
      lineNumber += 1;
      const whole = Buffer.concat(pending);
      const bytes = pendingBytes >= MAX_LINE_BYTES ? wholeCharacters(whole) : whole;
      pending = [];
      pendingBytes = 0;
      try {
        return decoder.decode(bytes);
      } catch {
        throw new BinaryInputError(lineNumber);
      }
    };
    try {
      for (;;) {
        if (chunks.length === 0 && !ended && failure === null && !this.closed) input.resume();
        while (chunks.length === 0 && !ended && failure === null && !this.closed) {
          await new Promise<void>((resolve) => {
            this.wake = resolve;
          });
        }
        if (this.closed) return;
        if (failure !== null) throw failure;
        const chunk = chunks.shift();
        if (chunk === undefined) break;
        let start = 0;
        for (let i = 0; i < chunk.length; i += 1) {
          const byte = chunk[i];
          if (skipLf) {
            skipLf = false;
            if (byte === LF) {
              start = i + 1;
              continue;
            }
          }
          if (byte !== LF && byte !== CR) continue;
          keep(chunk.subarray(start, i));
          const line = take();
          start = i + 1;
          if (byte === CR) {
            if (chunk[i + 1] === LF) {
              i += 1;
              start = i + 1;
            } else if (i + 1 === chunk.length) skipLf = true;
          }
          yield line;
          if (this.closed) return;
        }
        if (start < chunk.length) keep(chunk.subarray(start));
      }
      if (pendingBytes > 0) yield take();
    } finally {
      input.off('data', onData).off('end', onEnd).off('error', onError);
      input.pause();
    }
  }
}

function toBuffer(value: unknown): Buffer {
  if (typeof value === 'string') return Buffer.from(value);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError('input stream gave neither bytes nor text');
}
