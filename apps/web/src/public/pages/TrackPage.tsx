import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { ApiError } from '../../shared/api';
import { EVENT_ZH, localizeNote, OUTCOME_ZH, SATISFACTIONS, SATISFACTION_ZH, STAGE_ZH, zh } from '../../shared/labels';
import { formatTime } from '../../shared/time';
import { Field, Notice } from '../ui';
import { AttachScreenshots } from './AttachScreenshots';
import { evaluate, readProgress, type PublicCase } from './publicApi';

interface Credentials {
  caseNo: string;
  accessCode: string;
}

export function TrackPage() {
  const handedOver = useLocation().state as Credentials | null;
  const [input, setInput] = useState<Credentials>(handedOver ?? { caseNo: '', accessCode: '' });
  const [problems, setProblems] = useState<{ caseNo?: string; accessCode?: string }>({});
  const [data, setData] = useState<PublicCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [satisfaction, setSatisfaction] = useState('');
  const [comment, setComment] = useState('');
  const [evalProblem, setEvalProblem] = useState<string | null>(null);
  const [evaluated, setEvaluated] = useState(false);

  const load = async (c: Credentials) => {
    setLoading(true);
    setError(null);
    try {
      setData(await readProgress(c.caseNo.trim(), c.accessCode.trim()));
    } catch (e) {
      setData(null);
      setError(e instanceof ApiError && e.status === 404 ? '案件编号或查询码不正确，请核对后重试' : e instanceof ApiError ? e.message : '查询失败，请稍后重试');
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    if (handedOver) void load(handedOver);
  }, []);

  const search = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      ...(input.caseNo.trim() ? {} : { caseNo: '请输入案件编号' }),
      ...(/^[0-9A-Za-z]{10}$/.test(input.accessCode.trim()) ? {} : { accessCode: input.accessCode.trim() ? '查询码是 10 位字母或数字' : '请输入查询码' }),
    };
    setProblems(found);
    if (!found.caseNo && !found.accessCode) void load(input);
  };

  const submitEvaluation = async (e: FormEvent) => {
    e.preventDefault();
    if (!satisfaction) return setEvalProblem('请选择满意度');
    setEvalProblem(null);
    try {
      await evaluate(input.caseNo.trim(), input.accessCode.trim(), satisfaction, comment.trim() || undefined);
      setEvaluated(true);
      setTimeout(() => void load(input), 800);
    } catch (err) {
      setEvalProblem(err instanceof ApiError ? err.message : '提交失败，请稍后重试');
    }
  };

  return (
    <>
      <header className="m-header">
        <h1>查询办理进度</h1>
        <p>输入提交投诉时得到的案件编号和查询码</p>
      </header>
      <section className="m-card">
        <form onSubmit={search} noValidate>
          <Field id="caseNo" label="案件编号" required error={problems.caseNo}>
            <input id="caseNo" className="m-input" autoComplete="off" placeholder="如 FT20261122-7K3M9Q2X" value={input.caseNo} onChange={(e) => setInput({ ...input, caseNo: e.target.value })} />
          </Field>
          <Field id="accessCode" label="查询码" required error={problems.accessCode}>
            <input id="accessCode" className="m-input" type="password" autoComplete="off" value={input.accessCode} onChange={(e) => setInput({ ...input, accessCode: e.target.value })} />
          </Field>
          <button type="submit" className="m-button m-button-primary m-button-block" disabled={loading}>
            查询
          </button>
        </form>
      </section>
      {error && <Notice tone="error" title={error} />}
      {data && (
        <section className="m-card" aria-label="办理进度">
          <h2 style={{ margin: '0 0 8px', fontSize: 18 }}>{data.caseNo}</h2>
          <p>
            当前环节：<span className="m-tag">{zh(STAGE_ZH, data.stage)}</span>
            {data.outcome && <span className="m-tag">{zh(OUTCOME_ZH, data.outcome)}</span>}
          </p>
          {data.reply && (
            <Notice tone="success" title="办理答复">
              {data.reply}
            </Notice>
          )}
          <ol className="m-timeline">
            {data.timeline.map((t) => (
              <li key={`${t.type}-${t.occurredAt}`}>
                <strong>{zh(EVENT_ZH, t.type)}</strong> <span className="m-muted">{formatTime(t.occurredAt)}</span>
                {t.note && <div className="m-muted">{localizeNote(t.note)}</div>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {data?.status === 'OPEN' && <AttachScreenshots caseNo={data.caseNo} accessCode={input.accessCode.trim()} onAttached={() => void load(input)} />}
      {data?.awaitingEvaluation && !evaluated && (
        <section className="m-card" aria-label="回访评价">
          <h2 style={{ margin: '0 0 8px', fontSize: 18 }}>对办理结果评价</h2>
          {data.evaluationEndsAt && <p>请于 {formatTime(data.evaluationEndsAt)} 前评价；逾期未评价的，案件按“未评价”办结。</p>}
          <p className="m-muted">选择“不满意”的，案件将重新调查。</p>
          <form onSubmit={(e) => void submitEvaluation(e)} noValidate>
            <fieldset className="m-field">
              <legend className="m-label">
                <span className="m-required" aria-hidden="true">* </span>满意度
              </legend>
              <div className="m-sat">
                {SATISFACTIONS.map((s) => (
                  <label key={s} className={satisfaction === s ? 'm-sat-on' : ''}>
                    <input type="radio" name="satisfaction" value={s} checked={satisfaction === s} onChange={() => setSatisfaction(s)} />
                    {SATISFACTION_ZH[s]}
                  </label>
                ))}
              </div>
              {evalProblem && (
                <div className="m-error" role="alert">
                  {evalProblem}
                </div>
              )}
            </fieldset>
            <Field id="comment" label="评价意见（选填）">
              <textarea id="comment" className="m-textarea" maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
            </Field>
            <button type="submit" className="m-button m-button-primary m-button-block">
              提交评价
            </button>
          </form>
        </section>
      )}
      {evaluated && <Notice tone="success" title="感谢您的评价" />}
    </>
  );
}
