import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../shared/api';
import { CATEGORIES, CATEGORY_ZH, SUBJECT_TYPES, SUBJECT_TYPE_ZH } from '../../shared/labels';
import { loadRegions, type RegionOption } from '../../shared/regions';
import { Choices, Field, Notice } from '../ui';
import { complaintProblems, type ComplaintForm } from './complaint-form';
import { fileComplaint } from './publicApi';
import { keepPick, regionFields, type RegistryPick } from './subject-lookup';
import { SubjectNameInput } from './SubjectNameInput';

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
const EMPTY: ComplaintForm = { category: '', subjectType: '', subjectName: '', province: '', city: '', district: '', description: '', anonymous: false, name: '', phone: '' };

export function FilePage() {
  const navigate = useNavigate();
  const [form, setForm] = useState<ComplaintForm>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<keyof ComplaintForm, string>>>({});
  const [tried, setTried] = useState(false);
  const [regions, setRegions] = useState<RegionOption[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The same key until the form changes: pressing 提交 again after a lost answer files nothing twice.
  const [key, setKey] = useState(newKey);
  // The registry entry picked for the name, if any: sent as registryEntryId.
  const [entry, setEntry] = useState<RegistryPick | null>(null);
  useEffect(() => void loadRegions().then(setRegions), []);

  const set = <K extends keyof ComplaintForm>(field: K, value: ComplaintForm[K]) => {
    const next = { ...form, [field]: value, ...(field === 'province' ? { city: '', district: '' } : field === 'city' ? { district: '' } : {}) };
    setForm(next);
    setKey(newKey());
    if (field === 'subjectName') setEntry(keepPick(entry, String(value)));
    if (field === 'subjectType') setEntry(null);
    if (tried) setProblems(complaintProblems(next));
  };
  const pick = (picked: RegistryPick) => {
    // The entry's region fills the region only when none was chosen: where the problem occurs is the complainant's to say.
    const next = { ...form, subjectName: picked.name, ...(form.province ? {} : regionFields(picked.regionCode)) };
    setForm(next);
    setEntry(picked);
    setKey(newKey());
    if (tried) setProblems(complaintProblems(next));
  };
  const cities = regions.find((p) => p.value === form.province)?.children ?? [];
  const districts = cities.find((c) => c.value === form.city)?.children ?? [];
  const chosen = form.category ? CATEGORY_ZH[form.category as keyof typeof CATEGORY_ZH] : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const found = complaintProblems(form);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first)?.scrollIntoView({ block: 'center' });
      return;
    }
    setSending(true);
    setError(null);
    try {
      const filed = await fileComplaint(
        {
          category: form.category,
          subjectType: form.subjectType,
          subjectName: form.subjectName.trim(),
          regionCode: form.district || form.city || form.province,
          description: form.description.trim(),
          anonymous: form.anonymous,
          ...(form.anonymous ? {} : { complainant: { name: form.name.trim(), phone: form.phone.trim() } }),
          ...(entry ? { registryEntryId: entry.id } : {}),
        },
        key,
      );
      // The number and code travel in memory, never in the address bar.
      void navigate('/done', { state: { ...filed, anonymous: form.anonymous }, replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '提交失败，请稍后重试');
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <header className="m-header">
        <h1>我要投诉</h1>
        <p>请如实填写，带 * 的为必填项</p>
      </header>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <section className="m-card">
          <Choices
            name="category"
            legend="问题类别"
            required
            error={problems.category}
            value={form.category}
            onChange={(v) => set('category', v)}
            options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_ZH[c].label, explain: CATEGORY_ZH[c].explain }))}
          />
          {chosen && chosen.examples.length > 0 && (
            <Notice tone="info" title={`政策原文：${chosen.label}`}>
              <ul>
                {chosen.examples.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </Notice>
          )}
        </section>
        <section className="m-card">
          <Choices
            name="subjectType"
            legend="投诉对象类型"
            required
            error={problems.subjectType}
            value={form.subjectType}
            onChange={(v) => set('subjectType', v)}
            options={SUBJECT_TYPES.map((t) => ({ value: t, label: SUBJECT_TYPE_ZH[t].label, explain: SUBJECT_TYPE_ZH[t].explain }))}
          />
          <Field id="subjectName" label="对象名称" required error={problems.subjectName} hint={entry ? undefined : '输入名称、简称或主办单位，可从登记的政务应用和账号中选择'}>
            <SubjectNameInput value={form.subjectName} onChange={(v) => set('subjectName', v)} subjectType={form.subjectType} picked={entry} onPick={pick} invalid={!!problems.subjectName} />
          </Field>
          <Field id="province" label="问题发生地区" required error={problems.province} hint="选到区县更准确，也可只选到省或市">
            <div className="m-region">
              <select id="province" className="m-select" value={form.province} onChange={(e) => set('province', e.target.value)} aria-invalid={!!problems.province}>
                <option value="">{regions.length ? '请选择省份' : '正在加载地区…'}</option>
                {regions.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
              <select aria-label="城市" className="m-select" value={form.city} onChange={(e) => set('city', e.target.value)} disabled={!cities.length}>
                <option value="">城市（可不选）</option>
                {cities.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
              <select aria-label="区县" className="m-select" value={form.district} onChange={(e) => set('district', e.target.value)} disabled={!districts.length}>
                <option value="">区县（可不选）</option>
                {districts.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            </div>
          </Field>
          <Field id="description" label="问题描述" required error={problems.description}>
            <textarea id="description" className="m-textarea" value={form.description} maxLength={5000} placeholder="何时、谁、提出了什么要求，对工作造成了什么负担" onChange={(e) => set('description', e.target.value)} aria-invalid={!!problems.description} />
            <div className="m-count">{form.description.length} / 5000</div>
          </Field>
        </section>
        <section className="m-card">
          <label className="m-switch">
            <input type="checkbox" checked={form.anonymous} onChange={(e) => set('anonymous', e.target.checked)} />
            匿名投诉
          </label>
          <p className="m-muted">
            {form.anonymous
              ? '匿名：不留姓名电话。工作人员无法联系您，办理结果只在本页凭查询码查看；回访评价也只能由您凭查询码在本页完成。'
              : '实名：姓名和电话加密保存，只有承办人员因工作需要才能查看且会留下记录，绝不提供给被投诉单位。回访时工作人员可能与您联系，您也可以凭查询码在本页评价。'}
          </p>
          {!form.anonymous && (
            <>
              <Field id="name" label="姓名" required error={problems.name}>
                <input id="name" className="m-input" autoComplete="name" maxLength={50} value={form.name} onChange={(e) => set('name', e.target.value)} aria-invalid={!!problems.name} />
              </Field>
              <Field id="phone" label="手机号码" required error={problems.phone}>
                <input id="phone" className="m-input" inputMode="tel" autoComplete="tel" maxLength={20} value={form.phone} onChange={(e) => set('phone', e.target.value)} aria-invalid={!!problems.phone} />
              </Field>
            </>
          )}
        </section>
        {error && <Notice tone="error" title={error} />}
        <button type="submit" className="m-button m-button-primary m-button-block m-big-button" disabled={sending}>
          {sending ? '正在提交…' : '提交投诉'}
        </button>
      </form>
    </>
  );
}
