// The server's refusal shown as a page: 无权访问 (403) or 未找到或无权查看 (404) with its words.

import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { refusalOf } from '../api/errors.ts';

export function Refusal({ error }: { error: unknown }) {
  const r = refusalOf(error);
  return (
    <Result
      status={r.status === 500 ? 'error' : r.status === 403 ? '403' : '404'}
      title={r.title}
      subTitle={r.text}
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}
