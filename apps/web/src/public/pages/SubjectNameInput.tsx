import { useEffect, useState } from 'react';
import { REGISTRY_KIND_ZH, zh } from '../../shared/labels';
import { lookupRegistry } from './publicApi';
import { LOOKUP_PAUSE_MS, lookupQuery, moveActive, type RegistryPick } from './subject-lookup';

/**
 * The subject's name with suggestions from the registry, in plain HTML (an ARIA combobox): picking one fills
 * the name and links the entry; the name stays free text, so something not registered can still be named.
 */
export function SubjectNameInput({ value, onChange, subjectType, picked, onPick, invalid }: {
  value: string;
  onChange: (name: string) => void;
  subjectType: string;
  picked: RegistryPick | null;
  onPick: (entry: RegistryPick) => void;
  invalid: boolean;
}) {
  const [options, setOptions] = useState<RegistryPick[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = lookupQuery(value, picked);
  useEffect(() => {
    if (q === null) return setOptions([]);
    const abort = new AbortController();
    const t = setTimeout(() => {
      lookupRegistry(q, subjectType || undefined, abort.signal)
        .then((found) => (setOptions(found), setActive(-1)))
        .catch(() => undefined);
    }, LOOKUP_PAUSE_MS);
    return () => (clearTimeout(t), abort.abort());
  }, [q, subjectType]);
  const shown = open && q !== null && options.length > 0;
  const choose = (entry: RegistryPick) => {
    onPick(entry);
    setOpen(false);
    setOptions([]);
  };

  return (
    <div className="m-combo">
      <input
        id="subjectName"
        className="m-input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls="subject-options"
        aria-activedescendant={shown && active >= 0 ? `subject-option-${active}` : undefined}
        aria-invalid={invalid}
        autoComplete="off"
        value={value}
        maxLength={200}
        placeholder="如：某某政务App、某街道工作群"
        onChange={(e) => (onChange(e.target.value), setOpen(true))}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (!shown) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(moveActive(active, options.length, e.key === 'ArrowDown' ? 1 : -1));
          } else if (e.key === 'Enter' && active >= 0) {
            e.preventDefault();
            choose(options[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {shown && (
        <ul id="subject-options" role="listbox" className="m-options" aria-label="登记的政务应用和账号">
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`subject-option-${i}`}
              role="option"
              aria-selected={i === active}
              className={`m-option${i === active ? ' m-option-on' : ''}`}
              onMouseDown={(e) => (e.preventDefault(), choose(o))}
            >
              <span className="m-option-name">{o.name}</span>
              <span className="m-option-meta">
                {zh(REGISTRY_KIND_ZH, o.kind)} · {o.hostUnitName} · {o.regionName}
              </span>
            </li>
          ))}
        </ul>
      )}
      {picked && (
        <div className="m-hint" data-testid="linked-entry">
          已对应登记：{picked.name}（{picked.hostUnitName}）
        </div>
      )}
    </div>
  );
}
