import type { MessageKey } from '../../src/i18n/messages.js';

/** The server's limits for "ask me about": how many topics, and characters (UTF-16 units) each. */
export const TOPICS = { max: 5, length: 50 };

export type TopicsProblem = [MessageKey, Record<string, number>];

/**
 * "Ask me about" typed one topic per line (trimmed, empty lines dropped), with the first problem
 * if any (its message is in the welcome card's catalog). The card's returner editor and HR's
 * announcement composer parse them this one way.
 */
export function parseTopics(value: string): { topics: string[]; problem?: TopicsProblem } {
  const lines = value.split('\n').map((line) => line.trim());
  const topics = lines.filter(Boolean);
  const long = lines.findIndex((line) => line.length > TOPICS.length);
  const problem: TopicsProblem | undefined =
    long >= 0
      ? ['welcome.topicTooLong', { line: long + 1, length: TOPICS.length }]
      : topics.length > TOPICS.max
        ? ['welcome.topicsTooMany', { max: TOPICS.max, count: topics.length }]
        : undefined;
  return { topics, problem };
}
