import { BlockList, isIP } from 'node:net';

/** The proxies whose `X-Forwarded-For` is believed: exact addresses or CIDR ranges, IPv4 or IPv6. */
export type TrustedProxies = readonly string[];

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
const normalise = (address: string): string => MAPPED_IPV4.exec(address)?.[1] ?? address;
const family = (address: string): 'ipv4' | 'ipv6' | null => {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null;
};

/** Why a `TRUSTED_PROXIES` entry is not an address or a range; null when it is one. */
export function trustedProxyProblem(entry: string): string | null {
  const [address = '', prefix, ...rest] = entry.split('/');
  const kind = family(address);
  if (kind === null || rest.length > 0) return `"${entry}" is not an IP address or CIDR range`;
  if (prefix === undefined) return null;
  const bits = Number(prefix);
  const max = kind === 'ipv4' ? 32 : 128;
  return /^\d{1,3}$/.test(prefix) && bits <= max ? null : `"${entry}" has a prefix length outside 0–${max}`;
}

/**
 * Who is calling, for limits per address. Express's `trust proxy` stays off (nothing else may
 * believe a forwarded header — the development issuer refuses them); here, and only when the
 * TCP peer is a trusted proxy, the address is taken from `X-Forwarded-For`, walking it from
 * the right past every trusted hop, so a caller cannot prepend an address of their choosing.
 * With no trusted proxies this is the TCP peer, as before.
 */
export function clientAddressResolver(trusted: TrustedProxies): (peer: string | undefined, forwardedFor: string | string[] | undefined) => string {
  const list = new BlockList();
  for (const entry of trusted) {
    const [address = '', prefix] = entry.split('/');
    const kind = family(address);
    if (kind === null) throw new Error(`Not a trusted proxy: ${entry}`);
    if (prefix === undefined) list.addAddress(address, kind);
    else list.addSubnet(address, Number(prefix), kind);
  }
  const isTrusted = (address: string) => {
    const kind = family(address);
    return kind !== null && list.check(address, kind);
  };
  return (peer, forwardedFor) => {
    let current = normalise(peer ?? 'unknown');
    if (trusted.length === 0 || forwardedFor === undefined) return current;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map((hop) => normalise(hop.trim()));
    while (isTrusted(current) && hops.length > 0) {
      const next = hops.pop()!;
      if (family(next) === null) break;
      current = next;
    }
    return current;
  };
}
