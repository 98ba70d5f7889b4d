// `npm run token -- <role> [sub] [--ttl 8h]`: prints a bearer token signed with the server's secret.
import { parseArgs } from 'node:util';
import { TOKEN_ROLES, isTokenRole, mintToken } from './auth.js';
import { resolveDbPath, resolveJwtSecret } from './config.js';
import { DEMO_PERSONAS } from './seed/personas.js';

const usage = `Usage: npm run token -- <${TOKEN_ROLES.join('|')}> [sub] [--ttl 8h]
Without sub, the token is for the role's seeded demo persona. The secret is OKAERI_JWT_SECRET,
or the jwt-secret file next to OKAERI_DB, as the server resolves it.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { ttl: { type: 'string', default: '8h' }, help: { type: 'boolean', short: 'h' } },
});
const [role, sub, ...extra] = positionals;
if (values.help || !isTokenRole(role) || extra.length > 0) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const { secret } = resolveJwtSecret(process.env, resolveDbPath());
console.log(await mintToken(secret, { role, sub: sub ?? DEMO_PERSONAS[role], ttl: values.ttl }));
