// An address the user cannot open: a screen the server does not allow them (403, from the
// permissions it gave) or no screen at all (404).

import { Button, Result } from 'antd';
import { Link, useLocation } from 'react-router';
import { useShell } from './context.ts';
import { mayOpen, routeOf } from './routes.ts';

export function NotFound() {
  const { pathname } = useLocation();
  const { session } = useShell();
  const route = routeOf(pathname);
  const refused = route?.page !== undefined && !mayOpen(route, session.permissions);
  return (
    <Result
      status={refused ? '403' : '404'}
      title={refused ? '无权访问' : '页面不存在'}
      subTitle={refused ? `您的账号无权使用“${route?.label}”。` : '您访问的页面不存在或尚未开放。'}
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}
