import { type TokenRole, TOKEN_ROLES, mintToken } from './auth.js';
import { IT_TEAM } from './domain/checklist-permissions.js';
import { DEMO_PERSONAS, IT_PERSONA } from './seed/personas.js';
import { RETURNERS } from './seed/returners.js';

/**
 * One token per role, plus `it`: an employee token with `"team": "it"` for the IT persona, and
 * `returner`: an employee token whose `sub` is the first seeded returner's alumni id (佐藤 美咲),
 * so the demo can show the checklist and welcome card as the returner sees them.
 */
export type DemoTokens = Record<TokenRole | 'it' | 'returner', string>;

/** One token per role, each for that role's seeded demo persona, and one for the IT department. */
export async function mintDemoTokens(secret: string, ttl: string): Promise<DemoTokens> {
  const entries = await Promise.all([
    ...TOKEN_ROLES.map(async (role) => {
      const token = await mintToken(secret, { role, sub: DEMO_PERSONAS[role], ttl });
      return [role, token] as const;
    }),
    mintToken(secret, { role: 'employee', team: IT_TEAM, sub: IT_PERSONA, ttl }).then((token) => ['it', token] as const),
    mintToken(secret, { role: 'employee', sub: RETURNERS[0]!.alumnus.id, ttl }).then((token) => ['returner', token] as const),
  ]);
  return Object.fromEntries(entries) as DemoTokens;
}
