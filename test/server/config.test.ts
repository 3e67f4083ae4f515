import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('takes a port written in digits, 0 meaning any free port', () => {
    expect(loadConfig({ PORT: '8080' }).PORT).toBe(8080);
    expect(loadConfig({ PORT: '65535' }).PORT).toBe(65535);
    expect(loadConfig({ PORT: '0' }).PORT).toBe(0);
    expect(loadConfig({}).PORT).toBe(3978);
  });

  it.each(['1e3', '0x50', ' 80', '80.0', '-1', '65536', '+80'])(
    'refuses PORT=%j in one line saying what a port is',
    (port) => {
      expect(() => loadConfig({ PORT: port })).toThrow(
        `invalid PORT (${JSON.stringify(port)}): must be a port number from 1 to 65535 written in digits (0: any free port)`,
      );
    },
  );

  it('reads counts and days as plain numbers, fractions only where they make sense', () => {
    const config = loadConfig({
      RATE_LIMIT_BURST: '3',
      RATE_LIMIT_PER_SECOND: '0.5',
      DASHBOARD_TOKEN_DAYS: '1.5',
    });
    expect([config.RATE_LIMIT_BURST, config.RATE_LIMIT_PER_SECOND, config.DASHBOARD_TOKEN_DAYS]).toEqual([
      3, 0.5, 1.5,
    ]);
    expect(() => loadConfig({ RETENTION_DAYS: '3e1' })).toThrow(/^invalid RETENTION_DAYS \("3e1"\)/);
    expect(() => loadConfig({ RATE_LIMIT_BURST: '1.5' })).toThrow(/^invalid RATE_LIMIT_BURST/);
  });
});
