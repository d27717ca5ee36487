// Who may call the API: anyone on this machine when bound to loopback; with a token otherwise.

import { timingSafeEqual } from 'node:crypto';

export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The token a request carries: `Authorization: Bearer <t>`, or `?token=<t>` for plain links. */
export function requestToken(authorization: string | undefined, query: unknown): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (bearer) return bearer;
  const token = (query as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? token : undefined;
}

export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
