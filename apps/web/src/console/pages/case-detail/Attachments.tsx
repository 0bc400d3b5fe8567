import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Input, Space, Table, Tag, Tooltip, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { currentSession, get, openSignedLink, upload } from '../../../shared/api';
import { EVIDENCE_LIMITS, EVIDENCE_OWNER_ZH, zh } from '../../../shared/labels';
import { formatTime } from '../../../shared/time';
import type { CaseDetail } from '../../../shared/types';

interface EvidenceFile {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  owner: string;
  forwarded: boolean;
  eventSeq: number | null;
  attachedAt: string | null;
}

/** The roles that attach files; the API (and the case workflow) decide whether the case takes them now. */
const UPLOADERS = ['HANDLER', 'HOST_UNIT_OPERATOR', 'SUPERVISOR'];
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The case's evidence files the user may see, downloads through signed links, and the upload where the role may. */
export function Attachments({ kase }: { kase: CaseDetail }) {
  const { message } = App.useApp();
  const role = currentSession()?.role ?? '';
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [note, setNote] = useState('');
  const [forwarded, setForwarded] = useState(false);
  const { data, isLoading } = useQuery({ queryKey: ['case', kase.id, 'evidence'], queryFn: () => get<EvidenceFile[]>(`/api/v1/cases/${kase.id}/evidence`) });
  const send = useMutation({
    mutationFn: () =>
      upload<EvidenceFile[]>(
        `/api/v1/cases/${kase.id}/evidence`,
        files.map((f) => f.originFileObj as File),
        { ...(note.trim() ? { note: note.trim() } : {}), ...(forwarded ? { forwarded: 'true' } : {}) },
      ),
    onSuccess: (added) => {
      message.success(`已上传 ${added.length} 个文件`);
      setFiles([]);
      setNote('');
      setForwarded(false);
      void queryClient.invalidateQueries({ queryKey: ['case', kase.id] });
    },
  });
  const fetchFile = useMutation({ mutationFn: (id: string) => openSignedLink(`/api/v1/cases/${kase.id}/evidence/${id}/link`), onError: (e) => message.error(e.message) });
  const mayUpload = UPLOADERS.includes(role) && kase.status === 'OPEN';
  return (
    <>
      <Table<EvidenceFile>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: '暂无证据材料' }}
        columns={[
          { title: '文件', dataIndex: 'name', render: (name: string, f) => (f.forwarded ? <Space>{name}<Tag color="gold">脱敏转交</Tag></Space> : name) },
          { title: '提交方', dataIndex: 'owner', render: (o: string) => zh(EVIDENCE_OWNER_ZH, o) },
          { title: '大小', dataIndex: 'sizeBytes', render: size },
          {
            title: 'SHA-256',
            dataIndex: 'sha256',
            render: (h: string) => (
              <Tooltip title={h}>
                <Typography.Text code copyable={{ text: h, tooltips: ['复制', '已复制'] }}>
                  {h.slice(0, 12)}…
                </Typography.Text>
              </Tooltip>
            ),
          },
          { title: '上传时间', dataIndex: 'attachedAt', render: formatTime },
          {
            title: '',
            key: 'download',
            render: (_: unknown, f) => (
              <Button size="small" onClick={() => fetchFile.mutate(f.id)} loading={fetchFile.isPending && fetchFile.variables === f.id}>
                下载
              </Button>
            ),
          },
        ]}
      />
      {mayUpload && (
        <div style={{ marginTop: 12 }} data-testid="evidence-upload">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            每次最多 {EVIDENCE_LIMITS.maxFilesPerUpload} 个文件，每个不超过 {EVIDENCE_LIMITS.maxFileBytes / 1024 / 1024}MB；支持 JPEG、PNG、WebP 图片和 PDF。文件类型按内容识别，图片会去除拍摄信息和位置。
            {role === 'HOST_UNIT_OPERATOR' && ' 主办单位在整改环节上传整改佐证材料。'}
          </Typography.Paragraph>
          {send.error && <Alert type="error" showIcon message={send.error.message} style={{ marginBottom: 8 }} />}
          <Space direction="vertical" style={{ width: '100%' }}>
            <Upload
              multiple
              accept="image/jpeg,image/png,image/webp,application/pdf"
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList.slice(0, EVIDENCE_LIMITS.maxFilesPerUpload))}
            >
              <Button>选择文件</Button>
            </Upload>
            <Input.TextArea rows={2} maxLength={2000} placeholder="说明（选填）" value={note} onChange={(e) => setNote(e.target.value)} />
            {role === 'HANDLER' && (
              <Checkbox checked={forwarded} onChange={(e) => setForwarded(e.target.checked)}>
                这是投诉人材料的脱敏副本，转交主办单位查看
              </Checkbox>
            )}
            <Button type="primary" disabled={files.length === 0} loading={send.isPending} onClick={() => send.mutate()}>
              上传证据材料
            </Button>
          </Space>
        </div>
      )}
    </>
  );
}
