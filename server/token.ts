// `npm run token -- <role> [sub] [--team it] [--ttl 8h]`: prints a bearer token signed with the server's secret.
import { parseArgs } from 'node:util';
import { TEAM_MAX_LENGTH, TOKEN_ROLES, isTeam, isTokenRole, mintToken } from './auth.js';
import { resolveDbPath, resolveJwtSecret } from './config.js';
import { IT_TEAM } from './domain/checklist-permissions.js';
import { DEMO_PERSONAS, IT_PERSONA } from './seed/personas.js';

const usage = `Usage: npm run token -- <${TOKEN_ROLES.join('|')}> [sub] [--team it] [--ttl 8h]
Without sub, the token is for the role's seeded demo persona (with --team it, the IT persona).
--team (employee only) names the employee's team, a lowercase slug of at most ${TEAM_MAX_LENGTH}
characters; "it" is the IT department. The secret is OKAERI_JWT_SECRET, or the jwt-secret file
next to OKAERI_DB, as the server resolves it.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ttl: { type: 'string', default: '8h' },
    team: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [role, sub, ...extra] = positionals;
const { team } = values;
const badTeam = team !== undefined && (role !== 'employee' || !isTeam(team));
if (values.help || !isTokenRole(role) || extra.length > 0 || badTeam) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const defaultSub = team === IT_TEAM ? IT_PERSONA : DEMO_PERSONAS[role];
const { secret } = resolveJwtSecret(process.env, resolveDbPath());
console.log(await mintToken(secret, { role, sub: sub ?? defaultSub, ttl: values.ttl, team }));
