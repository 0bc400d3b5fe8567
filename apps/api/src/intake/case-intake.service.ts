import { BadRequestException, Injectable, Logger, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { AppConfig } from '@app/config';
import { caseWorkflowId, type CaseWorkflowInput } from '@app/domain';
import { CaseNoKey, CaseStageKey, CaseStatusKey, RegionCodeKey } from '@app/temporal';
import type { caseWorkflow } from '../../../../workflows';
import { caseIdentity, caseNumber, hashAccessCode, requestFingerprint } from './case-identity';
import { RegionDirectory } from './region-directory.service';

export interface CaseReceipt {
  caseId: string;
  caseNo: string;
  /** Null for cases without public follow-up (spot-check findings). */
  accessCode: string | null;
  /** True when an earlier request with the same Idempotency-Key already made the case. */
  replayed: boolean;
}

export type CaseDraft = Omit<CaseWorkflowInput, 'caseId' | 'caseNo' | 'accessCodeHash' | 'submittedAt'>;

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Turns a validated submission into a running case workflow. Starting the workflow is the
 * commit point: once Temporal has it, the case exists, whatever dies afterwards.
 */
@Injectable()
export class CaseIntakeService {
  private readonly logger = new Logger(CaseIntakeService.name);

  constructor(
    private readonly client: Client,
    private readonly config: AppConfig,
    private readonly regions: RegionDirectory,
  ) {}

  async open(draft: CaseDraft, rawRequest: unknown, idempotencyKey: string | undefined, options: { publicFollowUp: boolean }): Promise<CaseReceipt> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new BadRequestException({
        message: 'Idempotency-Key must be 8 to 128 characters of letters, digits and . _ : -',
        details: [{ field: 'Idempotency-Key', reason: 'invalid format' }],
      });
    }
    if (!(await this.regions.isKnown(draft.regionCode))) {
      throw new BadRequestException({
        message: `regionCode ${draft.regionCode} is not served by any office`,
        details: [{ field: 'regionCode', reason: 'unknown region' }],
      });
    }

    const identity = caseIdentity(this.config.INTAKE_SECRET, idempotencyKey);
    const caseId = identity.caseId;
    const accessCode = options.publicFollowUp ? identity.accessCode : null;
    const submittedAt = new Date();
    const caseNo = caseNumber(caseId, submittedAt);
    const fingerprint = requestFingerprint(rawRequest);
    const input: CaseWorkflowInput = { ...draft, caseId, caseNo, accessCodeHash: accessCode && hashAccessCode(this.config.INTAKE_SECRET, accessCode), submittedAt: submittedAt.toISOString() };

    try {
      await this.client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
        workflowId: caseWorkflowId(caseId),
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        memo: { caseNo, fingerprint },
        typedSearchAttributes: [
          { key: CaseNoKey, value: caseNo },
          { key: CaseStageKey, value: 'SUBMITTED' },
          { key: CaseStatusKey, value: 'OPEN' },
          { key: RegionCodeKey, value: draft.regionCode },
        ],
      });
      return { caseId, caseNo, accessCode, replayed: false };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return this.replay(caseId, accessCode, fingerprint);
      this.logger.error(`could not start case workflow: ${(error as Error).message}`);
      throw new ServiceUnavailableException('The case service is unavailable; nothing was recorded. Retry with the same Idempotency-Key.');
    }
  }

  /** The same key came back: answer as the first time, unless the request differs. */
  private async replay(caseId: string, accessCode: string | null, fingerprint: string): Promise<CaseReceipt> {
    const { memo } = await this.client.workflow.getHandle(caseWorkflowId(caseId)).describe();
    if (memo?.fingerprint !== fingerprint) {
      throw new UnprocessableEntityException({
        message: 'This Idempotency-Key was already used for a different request',
        details: [{ field: 'Idempotency-Key', reason: 'reused with a different body' }],
      });
    }
    return { caseId, caseNo: String(memo.caseNo), accessCode, replayed: true };
  }
}
