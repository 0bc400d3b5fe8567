import { useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api';
import { EVIDENCE_LIMITS } from '../../shared/labels';
import { Notice } from '../ui';
import { attachScreenshots } from './publicApi';

/**
 * Right after filing, the case is registered a moment after its number is given: until then the number is
 * unknown (404) or the case says it is still being registered. Tried again for a few seconds then.
 */
async function attachOnceRegistered<T>(send: () => Promise<T>, justFiled: boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      const registering = e instanceof ApiError && (e.code === 'CASE_REGISTERING' || (justFiled && e.status === 404));
      if (!registering || attempt >= 8) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/**
 * The complainant adds screenshots or photos to an open case, with the case number and access code it
 * already holds (sent in the form, never in the address). The server removes the photos' metadata.
 */
export function AttachScreenshots({ caseNo, accessCode, justFiled = false, onAttached }: { caseNo: string; accessCode: string; justFiled?: boolean; onAttached?: () => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const maxMb = EVIDENCE_LIMITS.maxFileBytes / 1024 / 1024;

  const choose = (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    setSent(null);
    if (chosen.length > EVIDENCE_LIMITS.maxFilesPerUpload) return setProblem(`每次最多上传 ${EVIDENCE_LIMITS.maxFilesPerUpload} 张图片`);
    if (chosen.some((f) => f.size > EVIDENCE_LIMITS.maxFileBytes)) return setProblem(`每张图片不超过 ${maxMb}MB`);
    setProblem(null);
    setFiles(chosen);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0) return setProblem('请先选择截图或照片');
    setBusy(true);
    try {
      const attached = await attachOnceRegistered(() => attachScreenshots(caseNo, accessCode, files), justFiled);
      setSent(attached.length);
      setFiles([]);
      onAttached?.();
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : '上传失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="m-card" aria-label="补充截图">
      <h2 style={{ margin: '0 0 8px', fontSize: 18 }}>补充截图或照片</h2>
      <p className="m-muted">
        例如要求接龙、打卡的群聊截图。每次最多 {EVIDENCE_LIMITS.maxFilesPerUpload} 张，每张不超过 {maxMb}MB（JPEG、PNG、WebP）。上传时会去除照片中的拍摄时间、设备和位置信息；请先遮挡截图中能认出您的头像或昵称。
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <input id="screenshots" className="m-input" type="file" accept="image/jpeg,image/png,image/webp" multiple onChange={(e) => choose(e.target.files)} aria-label="选择截图或照片" />
        {problem && (
          <div className="m-error" role="alert">
            {problem}
          </div>
        )}
        <button type="submit" className="m-button m-button-primary m-button-block" disabled={busy} style={{ marginTop: 8 }}>
          {busy ? '正在上传…' : '上传'}
        </button>
      </form>
      {sent !== null && <Notice tone="success" title={`已上传 ${sent} 张，已附在您的投诉中`} />}
    </section>
  );
}
