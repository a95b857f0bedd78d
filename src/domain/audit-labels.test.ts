import { describe, expect, it } from 'vitest';
import { actionZh, fieldZh, knownActions, objectTypeZh } from './audit-labels.ts';

describe('audit labels', () => {
  it('names whole actions, composes a fact verb with its object, and leaves an unknown code as it is', () => {
    expect(actionZh('rosters.return')).toBe('退回名单');
    expect(actionZh('posts.close')).toBe('终止职务');
    expect(actionZh('people.update')).toBe('修改人员');
    expect(actionZh('something.new')).toBe('something.new');
    expect(objectTypeZh('ledger_entries')).toBe('台账记录');
    expect(objectTypeZh('nothing')).toBe('nothing');
  });

  it('offers every action once, each in Chinese', () => {
    const all = knownActions();
    expect(new Set(all.map((a) => a.code)).size).toBe(all.length);
    expect(all.filter((a) => a.zh === a.code)).toEqual([]);
    expect(all).toContainEqual({ code: 'warning_notices.create', zh: '下达警示通知书' });
  });

  it('names common fields, nested ones by their last part', () => {
    expect(fieldZh('correction_note')).toBe('整改情况');
    expect(fieldZh('history.created_at')).toBe('创建时间');
    expect(fieldZh('weird_field')).toBe('weird_field');
  });
});
