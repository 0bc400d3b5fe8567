/** What one probe reports; `error` and any extra fields are shown to ops only. */
export interface ProbeResult {
  status: 'up' | 'down';
  error?: string;
  [detail: string]: unknown;
}

/**
 * One part of /health. HealthModule lists the probes under HEALTH_PROBES; a new check (e.g. cases whose
 * workflow stalled) is one more entry there. A critical probe that is down makes /health answer 503;
 * a non-critical one is reported to ops without failing the whole.
 */
export interface HealthProbe {
  name: string;
  critical: boolean;
  /** Resolves when the part answers (optionally with details for ops); rejects when it does not. */
  check(): Promise<Record<string, unknown> | void>;
}

export const HEALTH_PROBES = Symbol('HEALTH_PROBES');
