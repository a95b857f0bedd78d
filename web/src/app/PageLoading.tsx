import { Spin } from 'antd';

/** While a screen's code or first data arrives. */
export function PageLoading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin tip="正在加载…" size="large">
        <div style={{ minHeight: 48 }} />
      </Spin>
    </div>
  );
}
