import { OpenAPIHono } from '@hono/zod-openapi';
import { except } from 'hono/combine';
import { type AuthOptions, authenticate } from './auth.js';
import { BODY_LIMIT_BYTES } from './config.js';
import type { AppEnv } from './context.js';
import type { Store } from './data/store.js';
import type { DemoTokens } from './demo-tokens.js';
import { type TrustedProxies, resolveClientAddress } from './middleware/client-address.js';
import { corsAllowList } from './middleware/cors.js';
import type { RateLimit } from './middleware/rate-limit.js';
import { limitBodySize, requireJsonBody } from './middleware/request-body.js';
import { handleError, handleNotFound } from './problem.js';
import { announcementRoutes } from './routes/announcements.js';
import { checklistRoutes } from './routes/checklist.js';
import { demoTokenRoutes } from './routes/demo-tokens.js';
import { directoryRoutes } from './routes/directory.js';
import { healthRoutes } from './routes/health.js';
import { LEAVERS_PATH, hrRoutes } from './routes/hr.js';
import { metaRoutes } from './routes/meta.js';
import { returnerRoutes } from './routes/returners.js';
import { serveOpenApiDocument } from './routes/openapi.js';
import { settingsRoutes } from './routes/settings.js';
import { signupRoutes } from './routes/signup.js';
import { authLinkRoutes } from './routes/auth-links.js';
import { meRoutes } from './routes/me.js';
import { demoMailboxRoutes } from './routes/demo-mailbox.js';
import { MembershipMail } from './mail/links.js';
import { outboxMailer } from './mail/mailer.js';
import { DEFAULT_CONFIRM_MONTHS, DEFAULT_LANDING_PATH, DEFAULT_PENDING_DAYS } from './domain/membership.js';
import { staticRoutes } from './routes/static.js';
import { useFieldErrorCodesAsZodMessages, validationHook } from './validation.js';

export interface AppOptions {
  /** Every read and write goes through it (server/data/store.ts); the app never sees a driver. */
  store: Store;
  /** HS256 secret; null: only the identity provider's tokens (auth.identityProvider) are accepted. */
  jwtSecret: string | null;
  /** The token lifetime cap and the company identity provider (server/auth.ts). */
  auth?: Omit<AuthOptions, 'secret'>;
  /** Reverse proxies whose Forwarded / X-Forwarded-For names the client (client-address.ts); none by default. */
  trustProxy?: TrustedProxies;
  /** Origins allowed to call the API from a browser; empty means same-origin only. */
  corsOrigins: readonly string[];
  /** Demo mode only: served at /demo/tokens.json. */
  demoTokens?: DemoTokens | null;
  /** The repository root, to serve dist/ and demo/ from; omitted, the app is API only. */
  staticRoot?: string;
  /** Per-client request limits; omitted, each route's default (tests pass small or large ones). */
  rateLimit?: { signup?: RateLimit; emailLink?: RateLimit; token?: RateLimit };
  /**
   * Membership mail (issue 10): links, mailer and limits. Omitted: mail goes to the outbox table
   * and links point at http://localhost.
   */
  mail?: MembershipMail;
  /** Demo mode only: /demo/mailbox lists the outbox. */
  demoMailbox?: boolean;
}

export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  useFieldErrorCodesAsZodMessages();
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.notFound(handleNotFound);

  app.use(corsAllowList(options.corsOrigins));
  // The leaver import is CSV and larger than any JSON body: its route limits and checks it itself.
  app.use('/api/*', except(LEAVERS_PATH, limitBodySize(BODY_LIMIT_BYTES)));
  // Authentication before the body is read: a request with a bad token gets 401, whatever it sent.
  app.use('/api/*', resolveClientAddress(options.trustProxy ?? []));
  app.use('/api/*', authenticate({ ...options.auth, secret: options.jwtSecret }));
  app.use('/api/*', except(LEAVERS_PATH, requireJsonBody));

  const deps = { store: options.store };
  const mail =
    options.mail ??
    new MembershipMail({
      store: options.store,
      mailer: outboxMailer(options.store),
      options: { publicUrl: 'http://localhost', landingPath: DEFAULT_LANDING_PATH, pendingDays: DEFAULT_PENDING_DAYS, confirmMonths: DEFAULT_CONFIRM_MONTHS },
    });
  app.route('/', healthRoutes(deps));
  app.route('/', metaRoutes(deps));
  app.route('/', settingsRoutes(deps));
  app.route('/', announcementRoutes(deps));
  app.route('/', returnerRoutes(deps));
  app.route('/', checklistRoutes(deps));
  app.route('/', directoryRoutes(deps));
  app.route('/', hrRoutes({ ...deps, mail }));
  app.route('/', signupRoutes({ ...deps, mail, rateLimit: options.rateLimit?.signup }));
  app.route('/', authLinkRoutes({ ...deps, mail, jwtSecret: options.jwtSecret, maxTtlSeconds: options.auth?.maxTtlSeconds, rateLimit: options.rateLimit }));
  app.route('/', meRoutes({ ...deps, mail }));
  serveOpenApiDocument(app);

  if (options.demoTokens) app.route('/', demoTokenRoutes(options.demoTokens));
  if (options.demoMailbox) app.route('/', demoMailboxRoutes(options.store));
  if (options.staticRoot) app.route('/', staticRoutes(options.staticRoot));
  return app;
}
