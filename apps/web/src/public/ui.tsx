import { useState, type ReactNode } from 'react';

/**
 * The phone page's few controls, in plain HTML: the page loads no component library, so a complaint
 * can be filed on a slow phone connection (first load well under 150 kB of script).
 */

export function Field({ id, label, required, error, hint, children }: { id: string; label: string; required?: boolean; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className={`m-field${error ? ' m-field-error' : ''}`}>
      <label htmlFor={id} className="m-label">
        {required && <span className="m-required" aria-hidden="true">* </span>}
        {label}
      </label>
      {children}
      {hint && <div className="m-hint">{hint}</div>}
      {error && (
        <div className="m-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** A group of radio choices under one heading (fieldset and legend, so readers announce the question). */
export function Choices({ name, legend, required, error, value, onChange, options }: { name: string; legend: string; required?: boolean; error?: string; value: string | undefined; onChange: (v: string) => void; options: { value: string; label: ReactNode; explain?: ReactNode }[] }) {
  return (
    <fieldset className={`m-field m-choices${error ? ' m-field-error' : ''}`} id={name}>
      <legend className="m-label">
        {required && <span className="m-required" aria-hidden="true">* </span>}
        {legend}
      </legend>
      {options.map((o) => (
        <label key={o.value} className={`m-choice${value === o.value ? ' m-choice-on' : ''}`}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>
            <span className="m-choice-label">{o.label}</span>
            {o.explain && <span className="m-choice-explain">{o.explain}</span>}
          </span>
        </label>
      ))}
      {error && (
        <div className="m-error" role="alert">
          {error}
        </div>
      )}
    </fieldset>
  );
}

export function Notice({ tone, title, children }: { tone: 'info' | 'warning' | 'error' | 'success'; title: ReactNode; children?: ReactNode }) {
  return (
    <div className={`m-notice m-notice-${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      <strong>{title}</strong>
      {children && <div className="m-notice-body">{children}</div>}
    </div>
  );
}

/** A value to keep, with a button that copies it. */
export function Secret({ label, value, testId }: { label: string; value: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // no clipboard (an old browser, an insecure page): the value stays on screen to copy by hand
      setCopied(false);
    }
  };
  return (
    <div className="m-secret-row">
      <div className="m-hint">{label}</div>
      <div className="m-secret-line">
        <span className="m-secret" data-testid={testId}>
          {value}
        </span>
        <button type="button" className="m-button m-button-small" onClick={() => void copy()} aria-label={`复制${label}`}>
          {copied ? '已复制' : '复制'}
        </button>
      </div>
    </div>
  );
}
