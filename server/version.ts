import packageJson from '../package.json' with { type: 'json' };

/** The server build reported by /api/health: the package's version. */
export const SERVER_VERSION: string = packageJson.version;

/** The contract's own version (OpenAPI `info.version`): bump it when the contract changes. */
export const API_VERSION = '1.0.0';
