import { type Router, sendJson } from './router.js';

export interface HealthState {
  /** False while the server drains before shutdown, so load balancers stop sending traffic. */
  accepting(): boolean;
}

/** `GET /healthz`: registered once the store is open, so a 200 means turns can be stored. */
export function registerHealthRoute(router: Router, state: HealthState): void {
  router.route('GET', '/healthz', async ({ res }) => {
    if (state.accepting()) sendJson(res, 200, { status: 'ok' });
    else sendJson(res, 503, { status: 'stopping' });
  });
}
