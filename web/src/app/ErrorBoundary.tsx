// A screen that fails while drawing shows what happened and a way on, never a white page.

import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { refusalOf } from '../api/errors.ts';

interface State {
  error: unknown;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    const r = refusalOf(this.state.error);
    // A chunk that no longer exists (a new version was deployed): reloading fetches the new one.
    return (
      <Result
        status="error"
        title={r.title}
        subTitle={r.text}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            重新加载
          </Button>
        }
      />
    );
  }
}
