import { Cascader } from 'antd';
import { cascadePath } from '../../shared/regions';
import { useRegions } from './regions';

/**
 * A region picker over the GB/T 2260 list; any level may be chosen (a province takes everything in it).
 * Works as an antd form control: `value` and `onChange` carry the six-digit code.
 */
export default function RegionCascader({ value, onChange, id, placeholder = '省 / 市 / 区县', style, anyLevel = true, ...aria }: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  anyLevel?: boolean;
  'aria-label'?: string;
}) {
  const regions = useRegions();
  return (
    <Cascader
      id={id}
      aria-label={aria['aria-label']}
      style={style}
      placeholder={placeholder}
      loading={!regions}
      options={regions ?? []}
      changeOnSelect={anyLevel}
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
      value={value ? cascadePath(value) : undefined}
      onChange={(path) => onChange?.(path?.length ? String(path[path.length - 1]) : undefined)}
    />
  );
}
