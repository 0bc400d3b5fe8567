import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Cascader, Col, Descriptions, Empty, Form, Input, Modal, Radio, Row, Tree, Typography } from 'antd';
import { useState } from 'react';
import { ORGANIZATION_KIND_ZH, type OrganizationKind } from '@app/domain';
import { post } from '../../../shared/api';
import { loadRegions, regionPath } from '../../../shared/regions';
import type { Organization } from '../../../shared/types';
import { childKinds, orgTree, regionChoices, regionValuePath } from './directory';
import { ORGS_KEY, useOrganizations } from './useDirectory';

const kindZh = (kind: string) => ORGANIZATION_KIND_ZH[kind as OrganizationKind] ?? kind;

function useRegions() {
  return useQuery({ queryKey: ['regions'], queryFn: loadRegions, staleTime: Infinity }).data ?? [];
}

function regionText(regions: Awaited<ReturnType<typeof loadRegions>>, code: string): string {
  if (code === '000000') return '全国（000000）';
  const path = regionPath(regions, code);
  return path.length ? `${path.join(' / ')}（${code}）` : code;
}

interface NewOrgValues {
  name: string;
  kind: OrganizationKind;
  region: string[];
}

/** 新增下级机构: the kinds and regions offered are those the directory rules allow under this parent. */
function NewOrganization({ parent, onClose, onCreated }: { parent: Organization; onClose: () => void; onCreated: (o: Organization) => void }) {
  const [form] = Form.useForm<NewOrgValues>();
  const regions = useRegions();
  const choices = regionChoices(regions, parent.regionCode);
  const create = useMutation({
    mutationFn: (v: NewOrgValues) => post<Organization>('/api/v1/admin/organizations', { name: v.name.trim(), kind: v.kind, regionCode: v.region.at(-1), parentId: parent.id }),
    onSuccess: onCreated,
  });
  return (
    <Modal open title={`在「${parent.name}」下新增下级机构`} okText="新增" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden width={560}>
      {create.error && <Alert type="error" showIcon role="alert" message={create.error.message} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ kind: childKinds(parent)[0], region: regionValuePath(choices, parent.regionCode) }}>
        <Form.Item name="name" label="机构名称" rules={[{ required: true, whitespace: true, message: '请填写机构名称' }, { max: 100, message: '最多 100 字' }]}>
          <Input placeholder="如 广州市某区政务服务数据管理局" />
        </Form.Item>
        <Form.Item name="kind" label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]} extra={`${kindZh(parent.kind)}下可设：${childKinds(parent).map(kindZh).join('、')}`}>
          <Radio.Group options={childKinds(parent).map((k) => ({ value: k, label: kindZh(k) }))} />
        </Form.Item>
        <Form.Item name="region" label="所在地区" rules={[{ required: true, message: '请选择所在地区' }]} extra="GB/T 2260 行政区划，须在上级机构的地区之内；可选到省、市或区县">
          <Cascader options={choices} changeOnSelect showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }} placeholder="请选择地区" aria-label="所在地区" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The organization tree; a node's details and 新增下级机构 beside it. */
export default function OrganizationsSection() {
  const { orgs, mine, byId, error } = useOrganizations();
  const regions = useRegions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const selected = byId.get(selectedId ?? mine?.id ?? -1);
  const tree = orgTree(orgs);
  const kinds = selected ? childKinds(selected) : [];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={11}>
        <Card title="组织机构" size="small">
          {error && <Alert type="error" message={error.message} />}
          {tree.length > 0 && (
            <Tree
              treeData={tree}
              defaultExpandAll
              blockNode
              selectedKeys={selected ? [selected.id] : []}
              onSelect={(keys) => keys.length && setSelectedId(Number(keys[0]))}
              aria-label="组织机构树"
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        <Card
          title={selected?.name ?? '机构'}
          size="small"
          extra={
            selected && kinds.length > 0 ? (
              <Button type="primary" onClick={() => setAdding(true)}>
                新增下级机构
              </Button>
            ) : null
          }
        >
          {selected ? (
            <>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'kind', label: '机构类型', children: kindZh(selected.kind) },
                  { key: 'region', label: '所在地区', children: regionText(regions, selected.regionCode) },
                  { key: 'parent', label: '上级机构', children: selected.parentId ? (byId.get(selected.parentId)?.name ?? '（不在您的管辖范围内）') : '—' },
                  { key: 'children', label: '下级机构', children: orgs.filter((o) => o.parentId === selected.id).length || '无' },
                ]}
              />
              {kinds.length === 0 && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                  {kindZh(selected.kind)}下不设下级机构。
                </Typography.Paragraph>
              )}
            </>
          ) : (
            <Empty description="在左侧选择一个机构" />
          )}
        </Card>
      </Col>
      {adding && selected && (
        <NewOrganization
          parent={selected}
          onClose={() => setAdding(false)}
          onCreated={(created) => {
            setAdding(false);
            message.success(`已新增 ${created.name}`);
            setSelectedId(created.id);
            void queryClient.invalidateQueries({ queryKey: ORGS_KEY });
          }}
        />
      )}
    </Row>
  );
}
