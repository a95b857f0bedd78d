import type { KeyboardEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { opensOnClick } from './rows.ts';

describe('opensOnClick', () => {
  it('opens on a click and on Enter only, reachable by Tab, named when a label is given', () => {
    const opened: string[] = [];
    const row = opensOnClick(() => opened.push('x'), '第 1 条');
    row.onKeyDown?.({ key: ' ' } as KeyboardEvent<HTMLElement>);
    expect(opened).toEqual([]);
    row.onKeyDown?.({ key: 'Enter' } as KeyboardEvent<HTMLElement>);
    (row.onClick as () => void)();
    expect(opened).toEqual(['x', 'x']);
    expect(row).toMatchObject({ tabIndex: 0, style: { cursor: 'pointer' }, 'aria-label': '第 1 条' });
    expect('aria-label' in opensOnClick(() => {})).toBe(false);
  });
});
