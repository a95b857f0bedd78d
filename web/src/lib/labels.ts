// Chinese labels of codes the API returns without one. (Prefer a `*_zh` field from the server;
// add a code here only where the API gives none.)

export const ROSTER_STATUS_ZH = {
  not_submitted: '未上报',
  submitted: '已上报待审核',
  returned: '已退回待重报',
  accepted: '已接受',
} as const;
export type RosterStatus = keyof typeof ROSTER_STATUS_ZH;

/** antd Tag colours of the roster statuses. */
export const ROSTER_STATUS_COLOR: Record<RosterStatus, string> = {
  not_submitted: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
};

export const UNIT_KIND_ZH: Record<string, string> = {
  county: '县',
  town: '镇（场）',
  village: '村（社区、工区）',
  county_unit: '县直单位',
};

const CATEGORY = ['', '一类', '二类', '三类', '四类', '五类', '六类', '七类', '八类', '九类'];
/** 1 → 一类 */
export function categoryZh(category: number | string): string {
  return CATEGORY[Number(category)] ?? `${category}类`;
}
