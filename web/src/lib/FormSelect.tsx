// A Select inside a required Form.Item. antd hands `aria-required` to the Select, which puts it
// on its wrapping <div> (no role allows it: axe's aria-allowed-attr, critical) as well as on the
// combobox input. This drops it from the props; the field still shows its mark and its message.

import { Select, type SelectProps } from 'antd';

export function FormSelect(props: SelectProps & { 'aria-required'?: unknown }) {
  const { 'aria-required': _required, ...rest } = props;
  return <Select {...rest} />;
}
