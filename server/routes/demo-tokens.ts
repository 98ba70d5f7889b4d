import { Hono } from 'hono';
import type { DemoTokens } from '../demo-tokens.js';

/**
 * DEMO ONLY. Hands a signed token for every role, HR included, and one for the IT department
 * (`it`: an employee with `"team": "it"`) to anyone who asks, so the demo pages can switch personas. It must never exist in a real deployment: createApp mounts it only
 * when given demo tokens, which main.ts mints only when OKAERI_JWT_SECRET is unset.
 */
export function demoTokenRoutes(tokens: DemoTokens) {
  return new Hono().get('/demo/tokens.json', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(tokens);
  });
}
