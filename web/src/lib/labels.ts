// Chinese labels of codes the API returns without one. (Prefer a `*_zh` field from the server.)
// The labels themselves are the server's: src/domain/labels.ts and vocabulary.ts, imported as
// they are, so the browser and the server cannot disagree on what a code is called.

import { ROSTER_STATUS_ZH, type RosterStatus } from '../../../src/domain/labels.ts';
import { UNIT_KIND_ZH as KINDS } from '../../../src/domain/vocabulary.ts';

export { ROSTER_STATUS_ZH, type RosterStatus };
/** 镇（场）, by the kind code the API returns as a plain string. */
export const UNIT_KIND_ZH: Readonly<Record<string, string>> = KINDS;

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
