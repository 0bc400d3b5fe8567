import { BadRequestException, Injectable, Logger, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { AppConfig } from '@app/config';
import type { CaseIntakeEntity } from '@app/database';
import { caseWorkflowId, type CaseWorkflowInput } from '@app/domain';
import { CASE_WORKFLOW, CaseNoKey, CaseStageKey, CaseStatusKey, RegionCodeKey, type CaseWorkflow } from '@app/temporal';
import { caseIdentity, hashAccessCode, requestFingerprint } from './case-identity';
import { IntakeLedger } from './intake-ledger.service';
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
 * Turns a validated submission into a running case workflow. The case's number and the key-to-case mapping are
 * recorded in MySQL first; starting the workflow is the commit point: once Temporal has it, the case exists,
 * whatever dies afterwards, and a retry with the same key starts it if the first attempt did not.
 */
@Injectable()
export class CaseIntakeService {
  private readonly logger = new Logger(CaseIntakeService.name);

  constructor(
    private readonly client: Client,
    private readonly config: AppConfig,
    private readonly regions: RegionDirectory,
    private readonly ledger: IntakeLedger,
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
    // Keyed, and kept in MySQL only: never in the workflow's memo, where history readers would see it.
    const fingerprint = idempotencyKey === undefined ? null : requestFingerprint(this.config.INTAKE_SECRET, rawRequest);

    const earlier = await this.ledger.find(caseId);
    if (earlier) return this.replay(earlier, draft, accessCode, fingerprint);
    const { intake, created } = await this.ledger.record(caseId, fingerprint, new Date());
    if (!created) return this.replay(intake, draft, accessCode, fingerprint);
    await this.start(intake, draft, accessCode);
    return { caseId, caseNo: intake.caseNo, accessCode, replayed: false };
  }

  /**
   * The same key came back: the mapping in MySQL answers, as the first time, unless the request differs. The
   * workflow is started only when its case was never registered (the first request died before starting it),
   * never for a case that exists, even when Temporal no longer keeps its workflow.
   */
  private async replay(intake: CaseIntakeEntity, draft: CaseDraft, accessCode: string | null, fingerprint: string | null): Promise<CaseReceipt> {
    if (intake.fingerprint !== null && intake.fingerprint !== fingerprint) {
      throw new UnprocessableEntityException({
        message: 'This Idempotency-Key was already used for a different request',
        details: [{ field: 'Idempotency-Key', reason: 'reused with a different body' }],
      });
    }
    if (!(await this.ledger.registered(intake.caseId))) await this.start(intake, draft, accessCode);
    return { caseId: intake.caseId, caseNo: intake.caseNo, accessCode, replayed: true };
  }

  /** Starts the case workflow; one already running for the case (a concurrent retry started it) is the same case. */
  private async start(intake: CaseIntakeEntity, draft: CaseDraft, accessCode: string | null): Promise<void> {
    const { caseId, caseNo } = intake;
    const input: CaseWorkflowInput = {
      ...draft,
      caseId,
      caseNo,
      accessCodeHash: accessCode && hashAccessCode(this.config.INTAKE_SECRET, accessCode),
      submittedAt: intake.submittedAt.toISOString(),
    };
    try {
      await this.client.workflow.start<CaseWorkflow>(CASE_WORKFLOW, {
        workflowId: caseWorkflowId(caseId),
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        memo: { caseNo },
        typedSearchAttributes: [
          { key: CaseNoKey, value: caseNo },
          { key: CaseStageKey, value: 'SUBMITTED' },
          { key: CaseStatusKey, value: 'OPEN' },
          { key: RegionCodeKey, value: draft.regionCode },
        ],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      this.logger.error(`could not start case workflow: ${(error as Error).message}`);
      throw new ServiceUnavailableException('The case service is unavailable; the case was not opened. Retry with the same Idempotency-Key.');
    }
  }
}
