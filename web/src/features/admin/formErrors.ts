// A modal form's answer to a refused write: the API's problems on its fields, the rest (and a
// refusal without problems, such as a 403) in an alert above the form.

import type { FormInstance } from 'antd';
import { ApiError, problemsToFields } from '../../api/errors.ts';

export function showProblems(
  e: unknown,
  form: FormInstance,
  fields: readonly string[],
  setAlert: (s: string | null) => void,
) {
  if (!(e instanceof ApiError)) return setAlert('操作未成功，请稍后重试');
  const { fields: on, other } = problemsToFields(e.problems, fields);
  form.setFields(on);
  setAlert(other.length ? other.map((p) => p.zh).join('；') : on.length ? null : e.zh);
}
