import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { signInError } from './messages.ts';

const err = (status: number, zh?: string) =>
  new ApiError(status, zh ? { error: { code: 'x', zh, en: '' } } : undefined);

describe('sign-in messages', () => {
  it('shows the server’s words, ending as a sentence', () => {
    expect(signInError(err(422, '用户名或密码不正确'))).toBe('用户名或密码不正确。');
    expect(signInError(err(429, '登录失败次数过多，请稍后再试'))).toBe('登录失败次数过多，请稍后再试。');
    const locked = new ApiError(429, { error: { code: 'too_many_attempts', zh: '…', en: '' } }, 900);
    expect(signInError(locked)).toBe('登录失败次数过多，请 15 分钟后再试。');
  });
  it('says what happened when the server could not be reached or said nothing', () => {
    expect(signInError(err(0))).toBe('无法连接服务器，请检查网络后重试。');
    expect(signInError(new ApiError(429, { error: { code: 'too_many_attempts', zh: '', en: '' } }))).toBe(
      '登录失败次数过多，请稍后再试。',
    );
  });
});
