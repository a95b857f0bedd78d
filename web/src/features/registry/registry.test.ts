import { describe, expect, it } from 'vitest';
import { postOptions, wordOptions } from '../../lib/vocabulary.ts';
import { shippedWords } from '../../lib/vocabulary-test-kit.ts';
import type { TreeUnit } from './api.ts';
import { counterpart } from './columns.tsx';
import { fieldsOf, toBody, toValues } from './forms.ts';
import { actionsFor, span, standingText } from './history.ts';
import { registryPermissions } from './permissions.ts';
import { buildTree, COUNTY_UNITS_KEY, countUnits, dayInYear, openKeys } from './tree.ts';

const unit = (
  id: string,
  kind: string,
  name: string,
  town: string | null = null,
  category: number | null = null,
): TreeUnit => ({
  id,
  kind,
  kind_zh: kind === 'county_unit' ? '县直单位（各部门）' : kind,
  name,
  town,
  governance_duty: false,
  closed_on: null,
  category,
  category_zh: category ? `${'一二三'[category - 1]}类` : null,
});
const UNITS = [
  unit('c', 'county', '清水县'),
  unit('t1', 'town', '东风镇', null, 2),
  unit('t2', 'town', '西山镇'),
  unit('v1', 'village', '红星村', 't1', 1),
  unit('v2', 'village', '桥头村', 't1'),
  unit('v3', 'village', '上岭村', 't2'),
  unit('u1', 'county_unit', '县教育局'),
];

describe('registry tree', () => {
  it('puts towns under the county, villages under their town, county units beside', () => {
    const t = buildTree(UNITS);
    expect(t.map((n) => n.key)).toEqual(['c', COUNTY_UNITS_KEY]);
    expect(t[0]!.children.map((n) => n.key)).toEqual(['t1', 't2']);
    expect(t[0]!.children[0]!.children.map((n) => n.title)).toEqual(['红星村（一类）', '桥头村']);
    expect(t[0]!.children[0]!.title).toBe('东风镇（二类）');
    expect(t[1]!.selectable).toBe(false);
    expect(t[1]!.title).toBe('县直单位（各部门）');
    expect(t[1]!.children.map((n) => n.key)).toEqual(['u1']);
    expect(countUnits(t)).toBe(7);
    expect(openKeys(t, false)).toEqual(['c', COUNTY_UNITS_KEY]);
  });

  it('keeps matches and the towns above them when searching', () => {
    const t = buildTree(UNITS, '桥头');
    expect(t.map((n) => n.key)).toEqual(['c']);
    expect(t[0]!.children.map((n) => n.key)).toEqual(['t1']);
    expect(t[0]!.children[0]!.children.map((n) => n.key)).toEqual(['v2']);
    expect(openKeys(t, true)).toEqual(['c', 't1']);
    expect(buildTree(UNITS, 'U1').flatMap((n) => n.children.map((c) => c.key))).toEqual(['u1']);
    expect(buildTree(UNITS, '没有')).toEqual([]);
  });

  it('shows a town user its town and villages without the county above (its scope)', () => {
    const t = buildTree(UNITS.filter((u) => u.id === 't1' || u.town === 't1'));
    expect(t.map((n) => n.key)).toEqual(['t1']);
    expect(t[0]!.children).toHaveLength(2);
  });
});

describe('registry day', () => {
  it('opens on today within the FP year picked, else on the edge of that year', () => {
    expect(dayInYear('2010-03-28', 2010)).toBe('2010-03-28');
    expect(dayInYear('2026-12-02', 2010)).toBe('2010-09-30');
    expect(dayInYear('2009-03-01', 2010)).toBe('2009-10-01');
  });
});

describe('registry history', () => {
  it('writes a span, the standing with its reason, and what may be done', () => {
    expect(span('2009-10-01', null)).toBe('2009-10-01 至今');
    expect(span(null, '2010-03-01')).toBe('开始日期未记 至 2010-03-01');
    expect(standingText({ standing_zh: '已撤回', retract_reason: '录入错误', retracted_at: 'x' })).toBe(
      '已撤回（录入错误）',
    );
    expect(standingText({ standing_zh: '在任', retract_reason: null, retracted_at: null })).toBe('在任');
    expect(actionsFor({ to: null, retracted_at: null })).toEqual({ end: true, retract: true, edit: true });
    expect(actionsFor({ to: '2010-01-01', retracted_at: null })).toEqual({
      end: false,
      retract: true,
      edit: true,
    });
    expect(actionsFor({ to: null, retracted_at: 'x' })).toEqual({ end: false, retract: false, edit: false });
  });

  it('names the other side of a link', () => {
    const l = {
      person: 'p1',
      person_name: '张三',
      unit: null,
      unit_name: null,
      village: 'v1',
      village_name: '红星村',
      town: null,
      town_name: null,
    } as Parameters<typeof counterpart>[0];
    expect(counterpart(l, 'v1')).toBe('张三');
    expect(counterpart(l, 'p1')).toBe('红星村');
  });
});

describe('registry forms', () => {
  it('has the fields of each kind, a link’s by its kind', () => {
    expect(fieldsOf('links', 'unit_village')).toEqual(['kind', 'unit', 'village', 'from', 'to']);
    expect(fieldsOf('links', 'leader_town')).toEqual(['kind', 'person', 'town', 'from', 'to']);
    expect(fieldsOf('posts')).toEqual(['person', 'unit', 'role', 'from', 'to']);
  });

  it('maps form values to a body: dates written, blanks left out, cleared on edit', () => {
    const day = { format: () => '2009-10-01' };
    expect(
      toBody('posts', { person: 'p1', unit: 't1', role: 'mayor', from: day, to: undefined }, false),
    ).toEqual({
      person: 'p1',
      unit: 't1',
      role: 'mayor',
      from: '2009-10-01',
    });
    expect(toBody('posts', { person: 'p1', unit: 't1', role: 'mayor', from: null, to: '' }, true)).toEqual({
      person: 'p1',
      unit: 't1',
      role: 'mayor',
      from: null,
      to: null,
    });
    expect(toBody('people', { id: 'p9', name: ' 李四 ', staff_type: undefined }, false)).toEqual({
      id: 'p9',
      name: '李四',
    });
    expect(toBody('links', { kind: 'stationed', person: 'p1', village: 'v1', unit: 'u1' }, false)).toEqual({
      kind: 'stationed',
      person: 'p1',
      village: 'v1',
    });
    expect(toValues('posts', { id: 'x', person: 'p1', unit: 't1', role: 'mayor', created_at: 'z' })).toEqual({
      person: 'p1',
      unit: 't1',
      role: 'mayor',
    });
  });

  it('offers the posts of the unit’s kind in Chinese with full-width punctuation', () => {
    const words = shippedWords();
    expect(postOptions(words, 'village').map((o) => o.label)).toContain('村（居）委会主任');
    expect(postOptions(words, undefined)).toEqual([]);
    expect(postOptions(undefined, 'village')).toEqual([]);
    expect(wordOptions(words, 'link_kinds').map((o) => o.value)).toEqual([
      'stationed',
      'unit_village',
      'leader_town',
      'leader_village',
    ]);
    // The county's pack names them: a post it renames is offered under its new name.
    const renamed = structuredClone(words);
    renamed.unit_kinds.village!.roles.fp_supervisor = '计生督导员';
    expect(postOptions(renamed, 'village').at(-1)).toEqual({ value: 'fp_supervisor', label: '计生督导员' });
  });

  it('offers writes only where the server allows them', () => {
    const p = registryPermissions({ permissions: ['POST /api/v1/counties/:county/posts/:id/close'] });
    expect(p.close.posts).toBe(true);
    expect(p.close.links).toBe(false);
    expect(p.create.posts).toBe(false);
  });
});
