import { Hono } from 'hono';
import type { Store } from '../data/store.js';

/**
 * DEMO ONLY. /demo/mailbox lists the mail the server would have sent (the outbox table, used
 * when OKAERI_SMTP_URL is unset), newest first, with their links, so `npm start` alone lets
 * someone join, verify and sign in. createApp mounts it only in demo mode, like the demo tokens:
 * in a deployment, mail to anyone's address must not be readable by everyone.
 */
export function demoMailboxRoutes(store: Store) {
  return new Hono().get('/demo/mailbox', async (c) => {
    const messages = await store.mailOutbox.list(50);
    c.header('Cache-Control', 'no-store');
    return c.html(renderMailbox(messages));
  });
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

function renderMailbox(messages: { to: string; subject: string; text: string; at: string }[]): string {
  const items = messages.map((message) => {
    // Every text in the page is escaped; links are the http(s) URLs of the plain-text body.
    const links = [...message.text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);
    return `<article>
  <h2>${escape(message.subject)}</h2>
  <p>To: ${escape(message.to)} · <time datetime="${escape(message.at)}">${escape(message.at)}</time></p>
  ${links.map((link) => `<p><a href="${escape(link)}">${escape(link)}</a></p>`).join('\n  ')}
  <pre>${escape(message.text)}</pre>
</article>`;
  });
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Demo mailbox · Okaeri</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<h1>Demo mailbox</h1>
<p>Mail the demo server would have sent (set OKAERI_SMTP_URL to send real mail). Newest first; reload after signing up or asking for a link.</p>
${items.length ? items.join('\n') : '<p>No mail yet.</p>'}
</body>
</html>
`;
}
