import { describe, expect, it } from 'vitest';
import type { Escalations, NoticeItem } from './api.ts';
import { deadlineProblem, issueRequest, queryOf, searchOf, withSearch } from './search.ts';
import { escalationOf, unitTimeline } from './timeline.ts';

describe('the search in the address', () => {
  it('reads a search and leaves out what is malformed', () => {
    expect(
      searchOf(new URLSearchParams('unit=T1&status=reported&from=2010-03-01&to=2010-03-31&page=3')),
    ).toEqual({
      unit: 'T1',
      status: 'reported',
      from: '2010-03-01',
      to: '2010-03-31',
      page: 3,
    });
    expect(searchOf(new URLSearchParams('status=lost&from=3月&page=-2'))).toEqual({ page: 1 });
  });

  it('keeps the year and the open notice, and restarts paging on a new search', () => {
    const p = withSearch(new URLSearchParams('year=2010&notice=JS-1&unit=A&page=4'), {
      status: 'open',
      page: 1,
    });
    expect(p.toString()).toBe('year=2010&notice=JS-1&status=open');
  });

  it('asks the API for the page and the filters', () => {
    expect(queryOf({ page: 3, unit: 'T1', from: '2010-03-01' })).toEqual({
      limit: 20,
      offset: 40,
      unit: 'T1',
      deadline_from: '2010-03-01',
    });
    expect(queryOf({ page: 1, status: 'verified', to: '2010-04-01' })).toEqual({
      limit: 20,
      offset: 0,
      status: 'verified',
      deadline_to: '2010-04-01',
    });
  });
});

describe('the issue form', () => {
  it('requires a deadline not before the issue date', () => {
    expect(deadlineProblem('2010-03-01', undefined)).toBe('请选择整改期限');
    expect(deadlineProblem('2010-03-01', '2010-02-28')).toBe('整改期限不能早于下发日期（2010-03-01）');
    expect(deadlineProblem('2010-03-01', '2010-03-01')).toBeNull();
  });

  it('trims the text it sends', () => {
    expect(
      issueRequest({
        id: ' JS-1 ',
        unit: 'T1',
        matter: ' 台账不全 ',
        issued_on: '2010-03-01',
        deadline: '2010-03-10',
      }),
    ).toEqual({
      id: 'JS-1',
      unit: 'T1',
      matter: '台账不全',
      issued_on: '2010-03-01',
      deadline: '2010-03-10',
    });
  });
});

const unit = { id: 'T1', name: '柏永镇', kind: 'town', kind_zh: '镇(场)', town: null };
function notice(id: string, issued_on: string, extra: Partial<NoticeItem> = {}): NoticeItem {
  return {
    id,
    unit,
    issued_on,
    matter: `事项${id}`,
    deadline: '2010-04-01',
    correction_reported_on: null,
    correction_note: null,
    corrected_on: null,
    verified_by: null,
    status: 'open',
    status_zh: '待整改',
    created_at: '',
    updated_at: '',
    case_id: id,
    fp_year: 2010,
    light: 'green',
    light_zh: '未到期',
    days_left: 10,
    ...extra,
  };
}

describe('the escalation timeline of a unit', () => {
  const first = notice('A', '2010-03-01', {
    correction_reported_on: '2010-03-05',
    correction_note: '已补齐',
    status: 'reported',
    light: 'red',
    light_zh: '已逾期',
  });
  const second = notice('B', '2010-03-10');
  const escalations = {
    county: 'c',
    fp_year: 2010,
    interpretations: { I13: 'no-correction-between', I7: 'analogous', I1: 'any-time' },
    preview: false,
    escalated: [
      {
        unit,
        notices: [first, second],
        applies: '4.3.1.1',
        applies_label: '四(三)1(1)',
        consequence_zh: '年度计生工作予以提醒注意',
        consequence_en: '',
        talk: [{ person: { id: 'p', name: '张书记' }, role: 'party_secretary', role_zh: '党委书记' }],
      },
    ],
    one_more_escalates: [],
  } as unknown as Escalations;

  it('puts notices, reports and the escalation in date order', () => {
    const t = unitTimeline(
      'T1',
      [second, first, notice('X', '2010-03-02', { unit: { ...unit, id: 'T2' } })],
      escalations,
    );
    expect(t.map((e) => `${e.date} ${e.color} ${e.title}`)).toEqual([
      '2010-03-01 red 下发警示通知书 A',
      '2010-03-05 blue 报告整改（A）',
      '2010-03-10 blue 下发警示通知书 B',
      '2010-03-10 red 连续二次下发警示通知书（A、B）',
    ]);
    expect(t[3]!.text).toBe('年度计生工作予以提醒注意；诫勉谈话：张书记（党委书记）');
    expect(escalationOf('T1', escalations)?.applies).toBe('4.3.1.1');
    expect(escalationOf('T2', escalations)).toBeNull();
  });

  it('shows a verification, and warns when one more notice would escalate', () => {
    const verified = notice('A', '2010-03-01', {
      corrected_on: '2010-03-08',
      verified_by: 'office',
      status: 'verified',
      light: null,
      light_zh: '已验收',
    });
    const atRisk = {
      ...escalations,
      escalated: [],
      one_more_escalates: [
        { unit, latest: verified, zh: '再下发一次警示通知书即按四（三）2（2）处理', en: '' },
      ],
    } as unknown as Escalations;
    const t = unitTimeline('T1', [verified], atRisk);
    expect(t.map((e) => `${e.date} ${e.color} ${e.title}`)).toEqual([
      '2010-03-01 blue 下发警示通知书 A',
      '2010-03-01 gray 提示',
      '2010-03-08 green 验收整改（A）',
    ]);
  });
});
