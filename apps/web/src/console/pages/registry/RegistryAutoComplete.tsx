import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { REGISTRY_KIND_ZH } from '@app/domain';
import { get } from '../../../shared/api';
import type { LookupItem } from './registry-types';

export interface PickedEntry {
  id: number;
  name: string;
}

/**
 * The subject's name with the registry's suggestions (staff lookup: entries in reach): picking one fills the
 * name and links the entry; typing a different name unlinks it. Works as a form control over the name.
 */
export default function RegistryAutoComplete({ value, onChange, subjectType, picked, onPick, id }: {
  value?: string;
  onChange?: (name: string) => void;
  subjectType?: string;
  picked: PickedEntry | null;
  onPick: (entry: PickedEntry | null) => void;
  id?: string;
}) {
  const [typed, setTyped] = useState(value ?? '');
  const [q, setQ] = useState('');
  // A pause in typing before asking: one lookup per word, not per keystroke.
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const { data = [] } = useQuery({
    queryKey: ['registry', 'lookup', q, subjectType],
    queryFn: () => get<LookupItem[]>('/api/v1/registry/lookup', { q, subjectType, limit: 8 }),
    enabled: q.length > 0 && q !== picked?.name,
    staleTime: 30_000,
  });
  return (
    <>
      <AutoComplete
        id={id}
        value={value}
        options={data.map((e) => ({
          value: String(e.id),
          label: (
            <div>
              <div>{e.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {REGISTRY_KIND_ZH[e.kind]} · {e.hostUnitName} · {e.regionName}
              </Typography.Text>
            </div>
          ),
        }))}
        onSelect={(entryId: string) => {
          const entry = data.find((e) => String(e.id) === entryId)!;
          onPick({ id: entry.id, name: entry.name });
          setTyped(entry.name);
          onChange?.(entry.name);
        }}
        onChange={(text: string) => {
          // onChange also fires with the option's value on select: that is handled by onSelect.
          if (data.some((e) => String(e.id) === text)) return;
          setTyped(text);
          onChange?.(text);
          if (picked && text !== picked.name) onPick(null);
        }}
      >
        <Input placeholder="输入名称、简称或主办单位，可从登记中选择" maxLength={200} />
      </AutoComplete>
      {picked && (
        <Typography.Text type="success" style={{ fontSize: 12 }} data-testid="linked-entry">
          已关联登记条目：{picked.name}
        </Typography.Text>
      )}
    </>
  );
}
