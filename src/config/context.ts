import { createContext } from '@lit/context';
import type { OkaeriConfig } from './types.js';

// A registered symbol, not a fresh one, so providers and widgets from two copies of the
// library on one page still find each other.
export const configContext = createContext<OkaeriConfig>(Symbol.for('okaeri-config'));
