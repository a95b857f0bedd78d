// A table row that opens something: by a click, or by Enter once focused with Tab (so the
// keyboard reaches it too), with a pointer to show it opens.

import type { HTMLAttributes } from 'react';

/** The row props of a row that opens with open(); label names it for a screen reader. */
export function opensOnClick(open: () => void, label?: string): HTMLAttributes<HTMLElement> {
  return {
    onClick: open,
    onKeyDown: (e) => e.key === 'Enter' && open(),
    tabIndex: 0,
    style: { cursor: 'pointer' },
    ...(label !== undefined && { 'aria-label': label }),
  };
}
