import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Language } from '../core/domain.js';
import { AppError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Router } from '../server/router.js';
import { dashboardLabels } from './dashboard/labels.js';
import { refuseUnlessFromThisComputer } from './local-only.js';
import { pageLanguage, type Words, wordPage } from './worded-page.js';

export const PUBLIC_DIR = join(PACKAGE_ROOT, 'src', 'web', 'public');

const require = createRequire(import.meta.url);

/** A file of an installed package, found the way Node finds packages (their `exports` hide dist files). */
export function packageFile(packageName: string, file: string): string {
  for (const dir of require.resolve.paths(packageName) ?? []) {
    const candidate = join(dir, packageName, file);
    if (existsSync(candidate)) return candidate;
  }
  throw new AppError('internal', `cannot find ${packageName}/${file}; run npm install`);
}

const TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  png: 'image/png',
} as const;

/** Teams hosts the dashboard tab in a frame; nothing else may frame our pages. */
const TEAMS_FRAME_ANCESTORS =
  "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com";

function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Web Chat and Adaptive Cards style their elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

interface Asset {
  path: string;
  file: string;
  type: keyof typeof TYPES;
  frameAncestors?: string;
  /** A page worded on the server (worded-page.ts), in the language the request asks for. */
  words?: (lang: Language) => Words;
  /** Part of the web chat, which a deployed bot serves only to this computer (web/local-only.ts). */
  webChat?: true;
}

export function staticAssets(): Asset[] {
  return [
    { path: '/', file: join(PUBLIC_DIR, 'chat.html'), type: 'html', webChat: true },
    {
      path: '/dashboard',
      file: join(PUBLIC_DIR, 'dashboard.html'),
      type: 'html',
      frameAncestors: TEAMS_FRAME_ANCESTORS,
      words: dashboardLabels,
    },
    // The Teams app manifest's privacyUrl and termsOfUseUrl: both languages on one page each.
    { path: '/privacy', file: join(PUBLIC_DIR, 'privacy.html'), type: 'html' },
    { path: '/terms', file: join(PUBLIC_DIR, 'terms.html'), type: 'html' },
    { path: '/static/chat.js', file: join(PUBLIC_DIR, 'chat.js'), type: 'js', webChat: true },
    { path: '/static/dashboard.js', file: join(PUBLIC_DIR, 'dashboard.js'), type: 'js' },
    { path: '/static/charts.js', file: join(PUBLIC_DIR, 'charts.js'), type: 'js' },
    { path: '/static/app.css', file: join(PUBLIC_DIR, 'app.css'), type: 'css' },
    // Browsers ask for it on every page; the Teams app's colour icon, which browsers take as PNG.
    { path: '/favicon.ico', file: join(PACKAGE_ROOT, 'manifest', 'color.png'), type: 'png' },
    {
      path: '/static/webchat.js',
      file: packageFile('botframework-webchat', 'dist/webchat.js'),
      type: 'js',
      webChat: true,
    },
    {
      path: '/static/teams.js',
      file: packageFile('@microsoft/teams-js', 'dist/umd/MicrosoftTeams.min.js'),
      type: 'js',
    },
  ];
}

/**
 * Serves the pages and scripts from memory (read on first request); no CDN is ever involved. With
 * `webChatLocalOnly`, the web chat's page and scripts answer only requests from this computer.
 */
export function registerStaticRoutes(router: Router, { webChatLocalOnly = false } = {}): void {
  for (const asset of staticAssets()) {
    let file: Buffer | null = null;
    const worded = new Map<Language, Buffer>();
    router.route('GET', asset.path, async ({ req, res }) => {
      if (webChatLocalOnly && asset.webChat) refuseUnlessFromThisComputer(req);
      file ??= readFileSync(asset.file);
      let body = file;
      if (asset.words) {
        const lang = pageLanguage(req.headers['accept-language']);
        body = worded.get(lang) ?? Buffer.from(wordPage(file.toString('utf8'), asset.words(lang), lang));
        worded.set(lang, body);
      }
      res.writeHead(200, {
        'content-type': TYPES[asset.type],
        'content-length': body.length,
        'cache-control': asset.type === 'html' ? 'no-cache' : 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        ...(asset.words ? { vary: 'accept-language' } : {}),
        ...(asset.type === 'html'
          ? { 'content-security-policy': contentSecurityPolicy(asset.frameAncestors ?? "'self'") }
          : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  }
}
