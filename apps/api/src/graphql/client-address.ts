import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { isIPv4, isIPv6 } from 'net';
import { AppConfig } from '@opvolging/config';

/** TRUST_PROXY as Express' "trust proxy" setting: false, a hop count, or a list of addresses/subnets. */
export function trustProxySetting(value: string): boolean | number | string {
  const trimmed = value.trim();
  if (trimmed.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/** Expands an IPv6 address to its eight 16-bit groups, e.g. `2001:db8::1` to ['2001', 'db8', '0', …, '1']. */
function ipv6Groups(address: string): string[] {
  let text = address.split('%')[0]; // zone index
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text); // embedded IPv4 in the last 32 bits
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = text.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}

/**
 * The key one client address counts under: IPv4 as is (also when mapped into IPv6), IPv6 by its
 * /64 network, because one subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip.split('%')[0])) return `${ipv6Groups(ip).slice(0, 4).join(':')}::/64`;
  return ip;
}

/**
 * Applies TRUST_PROXY to the HTTP server, so `req.ip` is the client's address behind the configured
 * proxies (and the connecting address when none is trusted: X-Forwarded-For is then ignored).
 */
@Injectable()
export class TrustProxy implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    const instance = this.adapterHost.httpAdapter?.getInstance?.();
    if (typeof instance?.set === 'function') instance.set('trust proxy', trustProxySetting(this.config.TRUST_PROXY));
  }
}
