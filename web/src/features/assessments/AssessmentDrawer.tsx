// Recording an assessment (or changing one): assessor, subject, kind, outcome and score, the
// units sampled (抽中) and found at fault (失职), the county units whose failed duty caused a
// province outcome (caused_by), the decision date. The choices follow the case format; the
// server checks the whole again and its problems are shown on their fields.

import { Alert, App, Button, DatePicker, Drawer, Form, InputNumber, Radio, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { wordZh } from '../../../../src/domain/vocabulary.ts';
import { ApiError, problemsToFields } from '../../api/errors.ts';
import { useVocabulary } from '../../lib/vocabulary.ts';
import { type Assessment, type Unit, useAssessmentActions } from './api.ts';
import {
  assessorOptions,
  causeChoices,
  type FormValues,
  kindsFor,
  outcomesFor,
  sampleChoices,
  subjectsFor,
  toBody,
  toValues,
  unitLabel,
} from './form.ts';

const FIELDS = [
  'by',
  'subject',
  'kind',
  'outcome',
  'score',
  'sampled',
  'at_fault',
  'caused_by',
  'decided_on',
];
const options = (l: Unit[]) => l.map((u) => ({ value: u.id, label: unitLabel(u) }));

export function AssessmentDrawer({
  county,
  year,
  units,
  editing,
  open,
  onClose,
}: {
  county: string;
  year: number;
  units: Unit[];
  /** The assessment changed, or null for a new one. */
  editing: Assessment | null;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues & { decided?: dayjs.Dayjs | null }>();
  const [alert, setAlert] = useState<string | null>(null);
  const { save } = useAssessmentActions(county, year);
  const words = useVocabulary(county);
  const by = Form.useWatch('by', form) ?? 'county';
  const subjectId = Form.useWatch('subject', form);
  const kind = Form.useWatch('kind', form) ?? 'annual';
  const sampled: string[] = Form.useWatch('sampled', form) ?? [];
  const subject = units.find((u) => u.id === subjectId);
  const byId = new Map(units.map((u) => [u.id, u]));

  useEffect(() => {
    if (!open) return;
    setAlert(null);
    form.resetFields();
    if (editing) {
      const v = toValues(editing);
      form.setFieldsValue({ ...v, decided: v.decided_on ? dayjs(v.decided_on) : null });
    } else form.setFieldsValue({ by: 'county', kind: 'annual', sampled: [], at_fault: [], caused_by: [] });
  }, [open, editing, form]);

  const submit = (v: FormValues & { decided?: dayjs.Dayjs | null }) =>
    save.mutate(
      {
        id: editing?.id ?? null,
        body: toBody({ ...v, decided_on: v.decided ? v.decided.format('YYYY-MM-DD') : null }, year),
      },
      {
        onSuccess: () => {
          message.success(editing ? '考核结果已修改' : '考核结果已录入');
          onClose();
        },
        onError: (e) => {
          if (!(e instanceof ApiError)) return;
          const { fields, other } = problemsToFields(e.problems, FIELDS);
          form.setFields(
            fields.map((f) => ({
              ...f,
              name: [f.name[0] === 'decided_on' ? 'decided' : f.name[0]!],
            })) as never,
          );
          setAlert(other.length ? other.map((p) => p.zh).join('；') : e.problems.length ? null : e.zh);
        },
      },
    );

  const annual = kind === 'annual';
  const samples = sampleChoices(subject, units);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={560}
      title={editing ? `修改考核结果：${editing.subject_name}` : `录入 ${year} 年度考核结果`}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="by" label="考核机关">
          <Radio.Group
            options={assessorOptions(words)}
            optionType="button"
            disabled={editing !== null}
            onChange={() => form.setFieldsValue({ subject: undefined, outcome: undefined, kind: 'annual' })}
          />
        </Form.Item>
        {/* Required, but checked by the server (its problem shown here): antd's aria-required on a
            Select's wrapper is not an allowed attribute there (axe). */}
        <Form.Item name="subject" label="考核对象">
          <Select
            showSearch
            optionFilterProp="label"
            disabled={editing !== null}
            options={options(subjectsFor(by, units))}
            onChange={() =>
              form.setFieldsValue({ outcome: undefined, kind: 'annual', sampled: [], at_fault: [] })
            }
          />
        </Form.Item>
        <Form.Item name="kind" label="考核类型">
          <Select
            disabled={editing !== null}
            options={kindsFor(by, subject).map((k) => ({
              value: k,
              label: words ? wordZh(words, 'assessment_kinds', k) : k,
            }))}
          />
        </Form.Item>
        {annual && (
          <Form.Item name="outcome" label="考核结果">
            <Select options={outcomesFor(by, subject, kind, words)} />
          </Form.Item>
        )}
        <Form.Item name="score" label={annual ? '总分（用于排名，可不填）' : '履职考评得分'}>
          <InputNumber min={0} max={1000} step={0.5} style={{ width: 160 }} />
        </Form.Item>
        {annual && samples.length > 0 && (
          <>
            <Form.Item name="sampled" label="抽中的单位">
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={options(samples)}
                onChange={(v: string[]) =>
                  form.setFieldsValue({
                    at_fault: (form.getFieldValue('at_fault') ?? []).filter((x: string) => v.includes(x)),
                  })
                }
              />
            </Form.Item>
            <Form.Item name="at_fault" label="失职的单位（在抽中的单位中）">
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={options(sampled.flatMap((id) => (byId.get(id) ? [byId.get(id)!] : [])))}
              />
            </Form.Item>
          </>
        )}
        {annual && by === 'province' && (
          <Form.Item name="caused_by" label="因履职不力造成此结果的县直单位（4.1.3）">
            <Select mode="multiple" optionFilterProp="label" options={options(causeChoices(by, units))} />
          </Form.Item>
        )}
        <Form.Item name="decided" label="决定日期（可不填，默认为评定日）">
          <DatePicker placeholder="请选择日期" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
