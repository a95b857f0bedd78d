import { describe, expect, it } from 'vitest';
import type { RosterItem } from './api.ts';
import { countsOf, statusBar, statusText } from './charts.ts';
import { cellProblems, filterBoard, reasonsOf } from './summary.ts';

const item = (unit: string, name: string, kind: string, status: RosterItem['status']): RosterItem => ({
  unit,
  unit_name: name,
  unit_kind: kind,
  unit_kind_zh: kind === 'town' ? '镇（场）' : '县直单位（挂钩）',
  status,
  status_zh: status,
  version: status === 'not_submitted' ? 0 : 1,
  submitted_by: null,
  submitted_by_name: null,
  submitted_at: null,
  reviewed_by: null,
  reviewed_by_name: null,
  reviewed_at: null,
});
const board = [
  item('t1', '东风镇', 'town', 'submitted'),
  item('t2', '西山镇', 'town', 'not_submitted'),
  item('u1', '县教育局', 'county_unit', 'accepted'),
  item('u2', '县公安局', 'county_unit', 'submitted'),
];

describe('an upload’s problems', () => {
  it('splits each path into its sheet and cell, keeping whole-file and missing-sheet problems', () => {
    expect(
      cellProblems([
        { path: '驻村干部!C5', code: 'unknown', zh: '没有这个村', en: 'no such village' },
        { path: '镇（场）职务!AB12', code: 'date', zh: '日期格式不对', en: 'bad date' },
        { path: '村干部', code: 'missing_sheet', zh: '缺少工作表“村干部”', en: 'missing sheet' },
        { path: '', code: 'not_xlsx', zh: '不是 Excel 文件', en: 'not xlsx' },
      ]).map((p) => [p.sheet, p.cell, p.zh]),
    ).toEqual([
      ['驻村干部', 'C5', '没有这个村'],
      ['镇（场）职务', 'AB12', '日期格式不对'],
      ['村干部', '', '缺少工作表“村干部”'],
      ['', '', '不是 Excel 文件'],
    ]);
  });
});

describe('the rosters board', () => {
  it('filters by name or id, kind and status', () => {
    const units = (f: Parameters<typeof filterBoard>[1]) => filterBoard(board, f).map((i) => i.unit);
    expect(units({})).toEqual(['t1', 't2', 'u1', 'u2']);
    expect(units({ name: ' 县 ' })).toEqual(['u1', 'u2']);
    expect(units({ name: 't2' })).toEqual(['t2']);
    expect(units({ status: 'submitted' })).toEqual(['t1', 'u2']);
    expect(units({ status: 'submitted', kind: 'county_unit' })).toEqual(['u2']);
  });

  it('counts units by status and kind, and draws a bar per status stacked by kind', () => {
    expect(countsOf(board).submitted).toEqual({ town: 1, county_unit: 1 });
    const option = statusBar(board);
    expect((option.xAxis as { data: string[] }).data).toEqual(['未上报', '已退回', '待审核', '已接受']);
    expect((option.series as { name: string; data: number[] }[]).map((s) => [s.name, s.data])).toEqual([
      ['镇（场）', [1, 0, 1, 0]],
      ['县直单位（挂钩）', [0, 0, 1, 1]],
    ]);
    expect(statusText(board)).toBe(
      '名单上报情况：未上报 1 个单位，已退回待重报 0 个单位，已上报待审核 2 个单位，已接受 1 个单位。',
    );
  });

  it('takes a return’s reasons one per line', () => {
    expect(reasonsOf('  桥头村驻村干部未填写 \n\n红星村计生专干缺失\r\n ')).toEqual([
      '桥头村驻村干部未填写',
      '红星村计生专干缺失',
    ]);
  });
});
