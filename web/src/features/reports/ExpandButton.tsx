// The button that opens a table row's details, named for screen readers (antd's own has no name).

import { MinusSquareOutlined, PlusSquareOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { MouseEvent } from 'react';

export function expandIcon<T>(name: (record: T) => string) {
  return ({
    expanded,
    onExpand,
    record,
  }: {
    expanded: boolean;
    onExpand: (record: T, e: MouseEvent<HTMLElement>) => void;
    record: T;
  }) => {
    return (
      <Button
        type="text"
        size="small"
        aria-expanded={expanded}
        aria-label={`${expanded ? '收起' : '展开'}${name(record)}的明细`}
        icon={expanded ? <MinusSquareOutlined /> : <PlusSquareOutlined />}
        onClick={(e) => onExpand(record, e)}
      />
    );
  };
}
