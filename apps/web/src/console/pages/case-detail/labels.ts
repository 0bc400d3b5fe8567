import { FINDING_RESULT_ZH } from '@app/domain';
export * from '../../../shared/labels';
export const FINDING_RESULT_ZH_SAFE: Record<string, string> = FINDING_RESULT_ZH;
