import { describe, expect, it } from 'vitest';
import { diffSummary, diffValues, valueText } from './diff.ts';
import { queryOf, withPage, withSearch } from './filters.ts';
import { headText, parseHead } from './head.ts';

describe('diffValues', () => {
  it('lists changed, added and removed fields first, nested ones by their path', () => {
    const rows = diffValues(
      { id: 'n1', status: 'open', note: null, history: { created_at: 'a' }, tags: ['x'] },
      { id: 'n1', status: 'reported', note: '已补齐', history: { created_at: 'a' }, extra: 2 },
    );
    expect(rows).toEqual([
      { path: 'status', before: 'open', after: 'reported', change: 'changed' },
      { path: 'note', before: '—', after: '已补齐', change: 'added' },
      { path: 'tags', before: '["x"]', after: '—', change: 'removed' },
      { path: 'extra', before: '—', after: '2', change: 'added' },
      { path: 'id', before: 'n1', after: 'n1', change: 'same' },
      { path: 'history.created_at', before: 'a', after: 'a', change: 'same' },
    ]);
    expect(diffSummary(rows)).toBe('修改 1 项，新增 2 项，删除 1 项');
  });

  it('reads a creation as all added, a removal as all removed, nothing as no change', () => {
    expect(diffValues(null, { a: 1 })).toEqual([{ path: 'a', before: '—', after: '1', change: 'added' }]);
    expect(diffValues({ a: true }, null)).toEqual([
      { path: 'a', before: '是', after: '—', change: 'removed' },
    ]);
    expect(diffSummary(diffValues(null, null))).toBe('无改动');
    expect(diffValues(null, 'x')).toEqual([{ path: '（值）', before: '—', after: 'x', change: 'added' }]);
    expect(valueText(false)).toBe('否');
  });
});

describe('parseHead', () => {
  const hash = 'ab'.repeat(32);
  it('reads SEQ:HASH, forgiving spaces, capitals and a full-width colon', () => {
    expect(parseHead(` 12 ：${hash.toUpperCase()} `)).toEqual({ head: { seq: 12, hash } });
    expect(headText({ seq: 12, hash })).toBe(`12:${hash}`);
  });
  it('says what is wrong, in Chinese', () => {
    expect(parseHead('')).toEqual({ error: expect.stringContaining('请粘贴') });
    expect(parseHead('12-abc')).toEqual({ error: expect.stringContaining('格式应为') });
    expect(parseHead('0:' + hash)).toEqual({ error: '编号从 1 开始' });
    expect(parseHead('3:abc')).toEqual({ error: '哈希应为 64 位十六进制数字，这里有 3 位' });
  });
});

describe('the search in the address', () => {
  it('maps the address to the query, page and size included', () => {
    const p = new URLSearchParams('actor=office&from=2010-03-01&page=3&size=50&entry=7&junk=1');
    expect(queryOf(p)).toEqual({ actor: 'office', from: '2010-03-01', limit: 50, offset: 100 });
    expect(queryOf(new URLSearchParams('size=7&page=-2'))).toEqual({ limit: 20, offset: 0 });
  });
  it('starts a new search on page 1 and keeps what is not the search', () => {
    const p = new URLSearchParams('actor=office&page=3&head=1:ab');
    expect(withSearch(p, { action: 'rosters.return', actor: '' }).toString()).toBe(
      'head=1%3Aab&action=rosters.return',
    );
    expect(withPage(p, 1, 50).toString()).toBe('actor=office&head=1%3Aab&size=50');
  });
});
