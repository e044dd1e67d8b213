import { BlockList, isIPv4, isIPv6 } from 'node:net';

// Hosts a link must not send the user's browser to: this machine and the local network. A brief
// comes from someone else, and a link in it to a router's admin page, a printer or a service on
// localhost is a way to reach what sits behind the user's firewall, however it is labelled.

const PRIVATE_RANGES = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, 'ipv6');
}

/** Names that resolve on this machine or its network only (localhost, mDNS). */
const LOCAL_NAMES = /(^|\.)(localhost|local)$/;

/**
 * True for a URL's hostname (as `new URL()` gives it: lower case, IPv4 in dotted form, IPv6 in
 * brackets) that names this machine or a private network. IPv4 written inside IPv6
 * (`[::ffff:127.0.0.1]`) counts as the IPv4 address it carries.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/\.$/, '').toLowerCase();
  if (host === '' || LOCAL_NAMES.test(host)) return true;
  if (isIPv4(host)) return PRIVATE_RANGES.check(host, 'ipv4');
  const ipv6 = host.replace(/^\[(.*)\]$/, '$1');
  if (isIPv6(ipv6)) return PRIVATE_RANGES.check(ipv6, 'ipv6');
  return false;
}
