// How `npm start` serves, from its settings (environment variables):
//
//   HOST, PORT                      where to listen (default 127.0.0.1:3000)
//   ZEREN_TLS_CERT, ZEREN_TLS_KEY   PEM files: serve HTTPS directly
//   ZEREN_TRUST_PROXY               the reverse proxies (addresses, CIDR ranges, `loopback`) whose
//                                   X-Forwarded-For/-Proto/-Host are believed; nobody's if unset
//   ZEREN_ALLOW_INSECURE_HTTP=1     serve plain http on a non-loopback address anyway
//
// Passwords and session cookies must not cross a network in the clear. So: HTTPS directly; or plain
// http on a loopback address (a developer's machine, or a proxy on the same host); or plain http
// behind a configured proxy that terminates TLS, in which case requests that did not come over
// HTTPS are refused; or, only when explicitly told, plain http on the network, with a warning.
// Anything else refuses to start and says why.

import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

export interface Deployment {
  host: string;
  port: number;
  https?: { cert: Buffer; key: Buffer };
  trustProxy?: string;
  requireHttps: boolean;
  /** Printed at start, in Chinese and English. */
  warnings: string[];
}

export class DeployError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'DeployError';
  }
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A proxy setting is a list of addresses, CIDR ranges or names, never "trust everyone". */
export function checkTrustProxy(value: string): string {
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => {
    if (PROXY_NAMES.has(e)) return false;
    const [addr = '', bits, ...rest] = e.split('/');
    if (rest.length || !isIP(addr)) return true;
    if (bits === undefined) return false;
    const n = Number(bits);
    return !/^\d+$/.test(bits) || n > (isIP(addr) === 4 ? 32 : 128);
  });
  if (entries.length === 0 || bad.length)
    throw new DeployError(
      `ZEREN_TRUST_PROXY 应为反向代理的地址或网段（逗号分隔，如 127.0.0.1 或 10.0.0.0/24，或 loopback），不能是：${bad.join('、') || value}`,
      `ZEREN_TRUST_PROXY lists the reverse proxies' addresses or ranges (comma-separated, e.g. 127.0.0.1 or 10.0.0.0/24, or loopback), not: ${bad.join(', ') || value}`,
    );
  return entries.join(',');
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new DeployError(
      `无法读取${what === 'cert' ? '证书' : '私钥'}文件 ${path}：${(e as Error).message}`,
      `cannot read the ${what === 'cert' ? 'certificate' : 'key'} file ${path}: ${(e as Error).message}`,
    );
  }
}

export function deploymentFromEnv(env: NodeJS.ProcessEnv = process.env): Deployment {
  const host = env.HOST || '127.0.0.1';
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new DeployError(
      `PORT 应为 0–65535 的整数，不是 ${env.PORT}`,
      `PORT must be 0–65535, not ${env.PORT}`,
    );
  const certPath = env.ZEREN_TLS_CERT;
  const keyPath = env.ZEREN_TLS_KEY;
  if (Boolean(certPath) !== Boolean(keyPath))
    throw new DeployError(
      'ZEREN_TLS_CERT 与 ZEREN_TLS_KEY 须同时设置（证书与私钥的 PEM 文件）',
      'set both ZEREN_TLS_CERT and ZEREN_TLS_KEY (the PEM files of the certificate and its key)',
    );
  const https =
    certPath && keyPath ? { cert: readPem(certPath, 'cert'), key: readPem(keyPath, 'key') } : undefined;
  const trustProxy = env.ZEREN_TRUST_PROXY ? checkTrustProxy(env.ZEREN_TRUST_PROXY) : undefined;
  const base = { host, port, ...(https && { https }), ...(trustProxy && { trustProxy }) };
  if (https || isLoopback(host)) return { ...base, requireHttps: false, warnings: [] };
  if (trustProxy) return { ...base, requireHttps: true, warnings: [] };
  if (env.ZEREN_ALLOW_INSECURE_HTTP === '1')
    return {
      ...base,
      requireHttps: false,
      warnings: [
        `警告：正以明文 http 在 ${host} 上提供服务（ZEREN_ALLOW_INSECURE_HTTP=1）。同一网络中的任何人都能看到登录密码和会话 Cookie，并冒用登录的账号；请只在隔离的测试网络中这样做，正式使用请配置 HTTPS（ZEREN_TLS_CERT、ZEREN_TLS_KEY）或反向代理（ZEREN_TRUST_PROXY）。`,
        `WARNING: serving plain http on ${host} (ZEREN_ALLOW_INSECURE_HTTP=1). Anyone on the network can read the passwords and session cookies sent to it and act as the accounts signed in; do this only on an isolated test network, and serve HTTPS (ZEREN_TLS_CERT/ZEREN_TLS_KEY) or use a reverse proxy (ZEREN_TRUST_PROXY) in production.`,
      ],
    };
  throw new DeployError(
    `拒绝在非本机地址 ${host} 上以明文 http 启动：密码和会话 Cookie 会在网络上明文传输。请任选其一：（1）设置 ZEREN_TLS_CERT 和 ZEREN_TLS_KEY，直接提供 HTTPS；（2）由反向代理（或县里的国密网关）提供 HTTPS，并以 ZEREN_TRUST_PROXY 指明代理的地址；（3）仅在隔离的测试网络中，设置 ZEREN_ALLOW_INSECURE_HTTP=1。详见 README“在县里的服务器上部署”。`,
    `refusing to serve plain http on the non-loopback address ${host}: passwords and session cookies would cross the network in the clear. Choose one: (1) set ZEREN_TLS_CERT and ZEREN_TLS_KEY to serve HTTPS directly; (2) put a reverse proxy (or the county's SM2/SM3/SM4 gateway) in front for HTTPS and name it in ZEREN_TRUST_PROXY; (3) on an isolated test network only, set ZEREN_ALLOW_INSECURE_HTTP=1. See "Deploying on a county server" in the README.`,
  );
}
