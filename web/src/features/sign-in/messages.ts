// What the sign-in page says when the server refuses: its own Chinese words where it gave them
// (wrong name or password, too many attempts and for how long), a plain sentence otherwise.

import type { ApiError } from '../../api/errors.ts';

export function signInError(e: ApiError): string {
  if (e.status === 0) return '无法连接服务器，请检查网络后重试。';
  if (e.status === 429) {
    const minutes = e.retryAfter ? Math.ceil(e.retryAfter / 60) : undefined;
    return minutes
      ? `登录失败次数过多，请 ${minutes} 分钟后再试。`
      : withStop(e.zh || '登录失败次数过多，请稍后再试');
  }
  if (e.status === 400 || e.status === 422 || e.status === 401) return withStop(e.zh || '用户名或密码不正确');
  return withStop(e.zh);
}

const withStop = (s: string) => (/[。！？]$/.test(s) ? s : `${s}。`);
