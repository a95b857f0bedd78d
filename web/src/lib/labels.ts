// Chinese labels of codes the API returns without one. (Prefer a `*_zh` field from the server.)
// The labels themselves are the server's: src/domain/labels.ts, imported as it is, so the browser
// and the server cannot disagree on what a code is called. The words of the pack (kinds of unit,
// posts, outcomes…) are the county's pack's: lib/vocabulary.ts.

import { ROSTER_STATUS_ZH, type RosterStatus } from '../../../src/domain/labels.ts';

export { ROSTER_STATUS_ZH, type RosterStatus };

/** antd Tag colours of the roster statuses. */
export const ROSTER_STATUS_COLOR: Record<RosterStatus, string> = {
  not_submitted: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
};

const CATEGORY = ['', '一类', '二类', '三类', '四类', '五类', '六类', '七类', '八类', '九类'];
/** 1 → 一类 */
export function categoryZh(category: number | string): string {
  return CATEGORY[Number(category)] ?? `${category}类`;
}
