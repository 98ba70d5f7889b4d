import { type TokenRole, TOKEN_ROLES, mintToken } from './auth.js';
import { DEMO_PERSONAS } from './seed/personas.js';

export type DemoTokens = Record<TokenRole, string>;

/** One token per role, each for that role's seeded demo persona. */
export async function mintDemoTokens(secret: string, ttl: string): Promise<DemoTokens> {
  const entries = await Promise.all(
    TOKEN_ROLES.map(async (role) => {
      const token = await mintToken(secret, { role, sub: DEMO_PERSONAS[role], ttl });
      return [role, token] as const;
    }),
  );
  return Object.fromEntries(entries) as DemoTokens;
}
