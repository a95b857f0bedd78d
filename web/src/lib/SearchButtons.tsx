// The buttons that end a search form: 查询 submits it, 重置 (where the form has one) clears it,
// and anything else the screen offers beside them.

import { Button, Form, Space } from 'antd';
import type { ReactNode } from 'react';

export function SearchButtons({ onReset, children }: { onReset?: () => void; children?: ReactNode }) {
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
        {onReset && <Button onClick={onReset}>重置</Button>}
        {children}
      </Space>
    </Form.Item>
  );
}
