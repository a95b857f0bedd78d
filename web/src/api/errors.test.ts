import { describe, expect, it } from 'vitest';
import { ApiError, fieldPath, problemsToFields, refusalOf } from './errors.ts';

describe('problems → form fields', () => {
  it('reads a problem path as antd’s name path', () => {
    expect(fieldPath('amount_yuan')).toEqual(['amount_yuan']);
    expect(fieldPath('posts[2].unit')).toEqual(['posts', 2, 'unit']);
    expect(fieldPath('a.b[10]')).toEqual(['a', 'b', 10]);
  });

  it('groups the Chinese messages by field and keeps the rest apart', () => {
    const { fields, other } = problemsToFields(
      [
        { path: 'deadline', zh: '期限不得早于下达日期', en: 'x' },
        { path: 'deadline', zh: '应为日期', en: 'y' },
        { path: 'posts[0].unit', zh: '没有单位', en: 'z' },
        { path: 'body', zh: '请求有 1 处问题', en: 'w' },
      ],
      ['deadline', 'posts'],
    );
    expect(fields).toEqual([
      { name: ['deadline'], errors: ['期限不得早于下达日期', '应为日期'] },
      { name: ['posts', 0, 'unit'], errors: ['没有单位'] },
    ]);
    expect(other.map((p) => p.path)).toEqual(['body']);
  });
});

describe('ApiError and the refusal page', () => {
  it('keeps the server’s Chinese words and problems', () => {
    const e = new ApiError(422, {
      error: { code: 'invalid', zh: '数据有误', en: 'invalid', problems: [{ path: 'a', zh: '缺', en: 'm' }] },
    });
    expect(e).toMatchObject({ status: 422, code: 'invalid', zh: '数据有误' });
    expect(e.problems).toHaveLength(1);
  });

  it('says something in Chinese when the server said nothing', () => {
    expect(new ApiError(0, undefined).zh).toContain('无法连接服务器');
    expect(new ApiError(502, undefined).zh).toContain('稍后重试');
  });

  it('titles a refusal by its status and names the request of a server failure', () => {
    const e403 = new ApiError(403, { error: { code: 'forbidden', zh: '无权进行此操作', en: '' } });
    expect(refusalOf(e403)).toEqual({ status: 403, title: '无权访问', text: '无权进行此操作' });
    expect(
      refusalOf(new ApiError(404, { error: { code: 'not_found', zh: '没有警示通知书 "x"', en: '' } })).status,
    ).toBe(404);
    const e500 = new ApiError(500, {
      error: { code: 'internal', zh: '服务器内部错误', en: '', request_id: 'req-7' },
    });
    expect(refusalOf(e500).text).toBe('服务器内部错误（请求编号：req-7）');
    expect(refusalOf(new Error('boom')).title).toBe('页面出错');
  });
});
