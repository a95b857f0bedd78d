// The 警示通知书 cites what the pack says: the clause that founds the notice (pack.yaml
// workflow_clauses) and the clause the rules for two notices in a row cite (the engine's), quoted
// from the pack's text; a pack that names neither gets a notice that cites no clause.

import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../policy/load.ts';
import type { OfficialDoc } from './model.ts';
import { type NoticeInput, noticeModel } from './notice.ts';

const engine = loadEngine('county-fp-2009');
const input = (over: Partial<NoticeInput> = {}): NoticeInput => ({
  notice: {
    id: 'n1',
    unit_id: 't1',
    issued_on: '2009-03-01',
    matter: '春季集中服务活动',
    deadline: '2009-03-31',
  },
  names: {
    units: new Map([['t1', { name: '东风镇', kind: 'town', town: null }]]),
    people: new Map(),
    words: engine.vocabulary,
  },
  pack: engine.pack,
  inARowClause: engine.notices({}).clause,
  office: {
    id: 'office',
    name: '清水县人口考核办公室',
    mark: '清水县人口考核办公室文件',
    code: '清人考',
    letterhead: 'print',
    fonts: 'gb',
    configured: true,
  },
  number: '清人考〔2009〕1号',
  ...over,
});
const text = (d: OfficialDoc) => d.body.map((b) => ('text' in b ? b.text : '')).join('\n');

describe('the warning notice cites the pack', () => {
  it('quotes the founding clause and the clause of two notices in a row, from the pack', () => {
    const t = text(noticeModel(input()));
    const founding = engine.pack.workflowClauses.warning_notice!;
    expect(t).toContain(`四（三）2（1）“${engine.pack.clauses.get(founding)!.text.slice(0, 8)}`);
    expect(t).toContain('特此提醒：依照《实施意见》四（三）2（2）');
  });

  it('cites no clause the pack does not name', () => {
    const pack = { ...engine.pack, workflowClauses: {} };
    const t = text(noticeModel(input({ pack, inARowClause: undefined })));
    expect(t).toContain('的规定，现就春季集中服务活动向你单位下达警示通知书');
    expect(t).not.toContain('四（三）');
    expect(t).not.toContain('特此提醒');
  });
});
