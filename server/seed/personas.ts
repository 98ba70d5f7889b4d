import type { TokenRole } from '../auth.js';
import { stableId } from '../ids.js';

/**
 * The seeded person behind each role's demo token, and the default `sub` of `npm run token`:
 * alumni → 伊藤 健太, an alumnus in the directory; employee → 中村 健一, an engineering manager
 * with returners on his team; hr → 山口 恵, who runs the alumni program.
 */
export const DEMO_PERSONAS: Record<TokenRole, string> = {
  alumni: stableId('al', 'persona:alumni'),
  employee: stableId('em', 'persona:employee'),
  hr: stableId('em', 'persona:hr'),
};

/**
 * The IT department's demo persona (an `employee` token with `"team": "it"`): 小川 大輔 of
 * 情報システム部, who ticks off the accounts and equipment items on every returner's checklist.
 */
export const IT_PERSONA = stableId('em', 'persona:it');
