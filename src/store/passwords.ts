// Passwords: how long a new one may be, and their hashes: scrypt, salted, compared in constant time. Hashing runs on libuv's thread pool
// (crypto.scrypt, never scryptSync), so a burst of logins does not stall the server; callers
// throttle before they hash (see login.ts).

import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import type { Problem } from '../domain/problems.ts';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };
export const PASSWORD_MIN = 10;
/** Longer passwords are refused before hashing (a megabyte of password costs a megabyte of work). */
export const PASSWORD_MAX = 1024;

/** A new password is 10 to 1024 characters. */
export function checkNewPassword(password: unknown): Problem[] {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN)
    return [
      {
        path: 'password',
        code: 'weak',
        zh: `密码至少 ${PASSWORD_MIN} 个字符`,
        en: `a password has at least ${PASSWORD_MIN} characters`,
      },
    ];
  if (password.length > PASSWORD_MAX)
    return [
      {
        path: 'password',
        code: 'too_long',
        zh: `密码最多 ${PASSWORD_MAX} 个字符`,
        en: `a password has at most ${PASSWORD_MAX} characters`,
      },
    ];
  return [];
}

function derive(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, { ...opts, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const want = Buffer.from(key, 'base64');
  const got = await derive(password, Buffer.from(salt, 'base64'), want.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(want, got);
}

let dummy: Promise<string> | undefined;
/** A hash to check unknown user names against, so they cost what a known name costs. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(8).toString('hex'));
  return dummy;
}
