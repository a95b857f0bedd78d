// A receipt verified: re-run on its stored case and readings, the outcome in words.

import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, List, Modal, Typography } from 'antd';
import type { Check } from './api.ts';
import { checkItems } from './helpers.ts';

export function VerifyModal({ check, onClose }: { check: Check | undefined; onClose: () => void }) {
  return (
    <Modal
      open={check !== undefined}
      title="复核评定回执"
      onCancel={onClose}
      onOk={onClose}
      okText="关闭"
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      {check && (
        <>
          <Alert
            type={check.reproduces ? 'success' : 'error'}
            showIcon
            message={check.verdict_zh}
            style={{ marginBottom: 12 }}
          />
          <List
            size="small"
            dataSource={checkItems(check)}
            renderItem={(i) => (
              <List.Item>
                {i.ok ? (
                  <CheckCircleFilled style={{ color: '#237804' }} />
                ) : (
                  <CloseCircleFilled style={{ color: '#a8071a' }} />
                )}
                <span style={{ marginLeft: 8 }}>{i.label}</span>
              </List.Item>
            )}
          />
          {check.differences.length > 0 && (
            <>
              <Typography.Title level={5}>差异</Typography.Title>
              <pre className="diff-list">{check.differences.join('\n')}</pre>
            </>
          )}
          <Typography.Text type="secondary">回执编号 {check.id}</Typography.Text>
        </>
      )}
    </Modal>
  );
}
