import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';

/**
 * Which client sent a request, for per-client limits. The socket's peer address, unless that
 * peer is one of the configured reverse proxies (OKAERI_TRUST_PROXY): then the hops its
 * `Forwarded` (RFC 7239) or, without one, `X-Forwarded-For` header lists are read from the right,
 * skipping every trusted proxy, and the first address no trusted proxy vouches for is the client.
 * Anything left of it was written by the client itself and is never believed; and with no trusted
 * proxies (the default) the headers are never read at all, so nobody can pick their own address.
 */

/** A parsed address or network: IPv4 as 32 bits, IPv6 as 128 (IPv4-mapped IPv6 counts as IPv4). */
interface Network {
  version: 4 | 6;
  bits: bigint;
  prefix: number;
}

export type TrustedProxies = readonly Network[];

const CLIENT_ADDRESS = 'clientAddress';

/** `10.0.0.0/8, 192.168.1.10, fd00::/8` → networks; throws on anything that is not one. */
export function parseTrustedProxies(value: string | undefined, name = 'OKAERI_TRUST_PROXY'): TrustedProxies {
  const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  return entries.map((entry) => {
    const [address = '', prefixText, ...rest] = entry.split('/');
    const parsed = parseAddress(address);
    const max = parsed?.version === 4 && !parsed.mappedFromV6 ? 32 : 128;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!parsed || rest.length > 0 || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`${name} must list IP addresses or CIDR networks (e.g. 10.0.0.0/8, ::1), got "${entry}"`);
    }
    // A mapped-IPv4 network (::ffff:10.0.0.0/104) is the IPv4 network it maps.
    const ipv4Prefix = parsed.mappedFromV6 ? prefix - 96 : prefix;
    if (parsed.mappedFromV6 && ipv4Prefix < 0) {
      throw new Error(`${name}: ${entry} is wider than the IPv4-mapped range`);
    }
    return { version: parsed.version, bits: parsed.bits, prefix: parsed.mappedFromV6 ? ipv4Prefix : prefix };
  });
}

export function isTrusted(address: string, proxies: TrustedProxies): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return proxies.some((network) => {
    if (network.version !== parsed.version) return false;
    const width = BigInt(network.version === 4 ? 32 : 128);
    const shift = width - BigInt(network.prefix);
    return parsed.bits >> shift === network.bits >> shift;
  });
}

/** Resolves the client's address once per request (see the module comment); read it with `clientAddress`. */
export function resolveClientAddress(proxies: TrustedProxies): MiddlewareHandler {
  return async (c, next) => {
    const peer = socketAddress(c);
    if (peer !== undefined && proxies.length > 0 && isTrusted(peer, proxies)) {
      c.set(CLIENT_ADDRESS, forwardedClient(c, peer, proxies));
    }
    return next();
  };
}

/** The client's address: as resolved behind trusted proxies, else the socket's; undefined without a socket (app.request()). */
export function clientAddress(c: Context): string | undefined {
  // A context built by hand (unit tests) may lack get(); it has no resolved address then.
  const resolved: unknown = typeof c.get === 'function' ? c.get(CLIENT_ADDRESS) : undefined;
  return typeof resolved === 'string' ? resolved : socketAddress(c);
}

function socketAddress(c: Context): string | undefined {
  try {
    return c.env ? getConnInfo(c).remote.address : undefined;
  } catch {
    return undefined;
  }
}

function forwardedClient(c: Context, peer: string, proxies: TrustedProxies): string {
  const forwarded = c.req.header('forwarded');
  const hops = forwarded !== undefined ? forwardedFor(forwarded) : xForwardedFor(c.req.header('x-forwarded-for'));
  let client = peer;
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index]!;
    client = hop;
    // An entry that is no address (`unknown`, an obfuscated `_node`) ends what can be known.
    if (parseAddress(hop) === null || !isTrusted(hop, proxies)) break;
  }
  return client;
}

function xForwardedFor(header: string | undefined): string[] {
  return (header ?? '').split(',').map((hop) => stripPort(hop.trim())).filter(Boolean);
}

/** The `for=` of each element of a Forwarded header: `for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"`. */
function forwardedFor(header: string): string[] {
  const hops: string[] = [];
  for (const element of header.split(',')) {
    for (const pair of element.split(';')) {
      const [name, ...value] = pair.split('=');
      if (name?.trim().toLowerCase() !== 'for') continue;
      hops.push(stripPort(value.join('=').trim().replace(/^"(.*)"$/, '$1')));
    }
  }
  return hops;
}

/** `[2001:db8::1]:4711` → `2001:db8::1`, `192.0.2.1:80` → `192.0.2.1`; other text as it is. */
function stripPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop);
  return v4 ? v4[1]! : hop;
}

function parseAddress(text: string): { version: 4 | 6; bits: bigint; mappedFromV6: boolean } | null {
  const address = text.split('%')[0]!; // an IPv6 zone (fe80::1%eth0) names an interface, not a host
  const kind = isIP(address);
  if (kind === 4) return { version: 4, bits: ipv4Bits(address), mappedFromV6: false };
  if (kind !== 6) return null;
  const bits = ipv6Bits(address);
  // ::ffff:a.b.c.d is an IPv4 client on a dual-stack socket.
  if (bits >> 32n === 0xffffn) return { version: 4, bits: bits & 0xffffffffn, mappedFromV6: true };
  return { version: 6, bits, mappedFromV6: false };
}

function ipv4Bits(address: string): bigint {
  return address.split('.').reduce((bits, part) => (bits << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Bits(address: string): bigint {
  let text = address.toLowerCase();
  // A trailing dotted IPv4 part is the last two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4Bits(dotted[1]!);
    text = `${text.slice(0, -dotted[1]!.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return groups.reduce((bits, group) => (bits << 16n) | BigInt(parseInt(group, 16)), 0n);
}
