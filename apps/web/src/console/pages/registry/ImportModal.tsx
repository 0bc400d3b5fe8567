import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Statistic, Table, Typography } from 'antd';
import { useRef } from 'react';
import { ApiError } from '../../../shared/api';
import type { ImportReport } from './registry-types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends the workbook's bytes as the body (the import's contract), with the session cookie like every request. */
async function importSheet(file: File): Promise<ImportReport> {
  const response = await fetch('/api/v1/registry/import', { method: 'POST', headers: { accept: 'application/json', 'content-type': XLSX, 'x-requested-with': 'fetch' }, body: file, credentials: 'same-origin' });
  if (response.ok) return (await response.json()) as ImportReport;
  const e = (await response.json().catch(() => ({}))) as { code?: string; params?: string[]; message?: string };
  throw new ApiError(response.status, e.code, e.params ?? [], e.message ?? response.statusText);
}

/** Excel导入: good rows are written, every refused row is listed with its column and why. */
export default function ImportModal({ onClose }: { onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const run = useMutation({ mutationFn: importSheet, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['registry'] }) });
  const report = run.data;
  return (
    <Modal open title="Excel导入登记" onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={760} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        表格的列与“导出Excel”相同（可先导出作为模板）。同一主办单位、类型和名称的条目视为同一条，表中有变化的即更新并留存版本；有问题的行不写入，逐行列出原因。
      </Typography.Paragraph>
      <Space style={{ display: 'flex', marginBottom: 12 }}>
        <input ref={input} type="file" accept=".xlsx" aria-label="选择Excel文件" onChange={(e) => e.target.files?.[0] && run.mutate(e.target.files[0])} style={{ display: 'none' }} />
        <Button type="primary" loading={run.isPending} onClick={() => input.current?.click()}>
          选择 .xlsx 文件
        </Button>
      </Space>
      {run.error && <Alert type="error" showIcon message={run.error.message} />}
      {report && (
        <>
          <Space size="large" wrap style={{ display: 'flex', marginBottom: 12 }} data-testid="import-report">
            <Statistic title="读取行数" value={report.rows} />
            <Statistic title="新增" value={report.created} />
            <Statistic title="更新" value={report.updated} />
            <Statistic title="无变化" value={report.unchanged} />
            <Statistic title="拒绝" value={report.refused} valueStyle={report.refused ? { color: '#cf1322' } : undefined} />
          </Space>
          {report.problems.length > 0 && (
            <Table
              size="small"
              rowKey={(p) => `${p.row}:${p.column}:${p.reason}`}
              dataSource={report.problems}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '列', dataIndex: 'column', width: 150, render: (c: string) => c || '整行' },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
