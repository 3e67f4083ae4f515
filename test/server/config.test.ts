import { describe, expect, it } from 'vitest';
import { hasAppCredentials, listenHost, loadConfig } from '../../src/config.js';

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

  it.each([
    ['RETENTION_DAYS', 'must be a whole number of days, 1 or more (unset it to keep interviews)'],
    ['DASHBOARD_TOKEN_DAYS', 'must be a number of days above 0 (fractions allowed: 0.5 is twelve hours)'],
    ['RATE_LIMIT_BURST', 'must be a whole number of messages, 1 or more'],
    ['RATE_LIMIT_PER_SECOND', 'must be a number of messages per second above 0 (fractions allowed: 0.5)'],
  ])('refuses %s=0 with one line saying what is accepted', (variable, accepted) => {
    expect(() => loadConfig({ [variable]: '0' })).toThrow(`invalid ${variable} ("0"): ${accepted}`);
    expect(() => loadConfig({ [variable]: '0' })).not.toThrow(/Too small/);
  });
});

describe('the address the server listens on', () => {
  const credentials = { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' };

  it('is this computer only in local anonymous mode, every interface with app credentials', () => {
    expect(listenHost(loadConfig({}))).toBe('127.0.0.1');
    expect(listenHost(loadConfig(credentials))).toBeUndefined();
  });

  it('is every interface for an Azure managed identity (UserAssignedMSI), which is credentials mode', () => {
    const msi = loadConfig({
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: 'msi-client-id',
      MicrosoftAppTenantId: 'tenant-id',
    });
    expect(hasAppCredentials(msi)).toBe(true);
    expect(listenHost(msi)).toBeUndefined();
  });

  it('is the one HOST names, in either mode', () => {
    expect(listenHost(loadConfig({ HOST: '0.0.0.0' }))).toBe('0.0.0.0');
    expect(listenHost(loadConfig({ ...credentials, HOST: '127.0.0.1' }))).toBe('127.0.0.1');
    for (const host of ['::', '::1', '192.168.1.20', 'localhost', 'bot.example.org'])
      expect(loadConfig({ HOST: host }).HOST).toBe(host);
    expect(loadConfig({ HOST: '' }).HOST).toBeUndefined();
  });

  it.each(['http://0.0.0.0', '127.0.0.1:3978', '[::1]', 'my host', '300.1.1.1', '-bot.example.org'])(
    'refuses HOST=%j in one line saying what it takes',
    (host) => {
      expect(() => loadConfig({ HOST: host })).toThrow(
        `invalid HOST (${JSON.stringify(host)}): must be an IP address (127.0.0.1, ::1; 0.0.0.0 or :: for every interface) or a host name, without scheme or port`,
      );
    },
  );
});

describe('Bot Framework credentials', () => {
  it.each([
    [{ MicrosoftAppId: 'app-id' }, 'MicrosoftAppPassword is missing'],
    [{ MicrosoftAppId: 'app-id', MicrosoftAppType: 'MultiTenant' }, 'MicrosoftAppPassword is missing'],
    [{ MicrosoftAppPassword: 'secret' }, 'MicrosoftAppId is missing'],
    [{ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: 'id' }, 'MicrosoftAppTenantId is missing'],
    [{ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }, 'MicrosoftAppId is missing'],
    [
      {
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppId: 'id',
        MicrosoftAppTenantId: 't',
        MicrosoftAppPassword: 's',
      },
      'MicrosoftAppPassword must not be set',
    ],
    [
      { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'id', MicrosoftAppPassword: 's' },
      'MicrosoftAppTenantId is missing',
    ],
  ] as const)('stop the start when half set (%j): one line naming the variable', (env, message) => {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'bad_config' });
    const text = thrown instanceof Error ? thrown.message : '';
    expect(text.startsWith(message), text).toBe(true);
    expect(text).not.toContain('\n');
  });

  it('are complete with an app id and its password, or a managed identity and its tenant', () => {
    expect(hasAppCredentials(loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 's' }))).toBe(true);
    expect(
      hasAppCredentials(
        loadConfig({
          MicrosoftAppId: 'id',
          MicrosoftAppPassword: 's',
          MicrosoftAppType: 'SingleTenant',
          MicrosoftAppTenantId: 't',
        }),
      ),
    ).toBe(true);
    expect(hasAppCredentials(loadConfig({}))).toBe(false);
    // A type alone names no app: local anonymous mode, as before.
    expect(hasAppCredentials(loadConfig({ MicrosoftAppType: 'MultiTenant' }))).toBe(false);
  });
});
