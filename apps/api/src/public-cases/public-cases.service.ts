import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { caseWorkflowId, STEP_RULES, type CommandOf } from '@app/domain';
import { caseActionUpdates } from '@app/temporal';
import { CaseEntity, CaseEventEntity } from '@app/database';
import { accessCodeMatches } from '../intake/case-identity';
import { sendUpdate } from '../workflow-gateway/workflow-updates';
import type { EvaluationDto, PublicCaseResponse, PublicEvaluationResponse } from './public-cases.dtos';

/** The complainant's side: progress lookup and the revisit evaluation, by case number and access code. */
@Injectable()
export class PublicCasesService {
  constructor(
    private readonly client: Client,
    private readonly config: AppConfig,
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(CaseEventEntity) private readonly events: Repository<CaseEventEntity>,
  ) {}

  async progress(caseNo: string, accessCode: string): Promise<PublicCaseResponse> {
    const kase = await this.open(caseNo, accessCode);
    const timeline = await this.events.find({ where: { caseId: kase.id, isPublic: true }, order: { seq: 'ASC' } });
    return {
      caseNo: kase.caseNo,
      stage: kase.stage,
      status: kase.status,
      outcome: kase.outcome,
      reply: kase.reply,
      awaitingEvaluation: kase.step === 'REVISIT',
      evaluationEndsAt: kase.step === 'REVISIT' ? kase.revisitEndsAt : null,
      timeline: timeline.map((e) => ({ type: e.type, note: e.note, occurredAt: e.occurredAt })),
    };
  }

  async evaluate(caseNo: string, body: EvaluationDto): Promise<PublicEvaluationResponse> {
    const kase = await this.open(caseNo, body.accessCode);
    const command: CommandOf<'evaluate'> = { action: 'evaluate', actor: { userId: null, role: 'COMPLAINANT', organizationId: null }, payload: { satisfaction: body.satisfaction, comment: body.comment } };
    const state = await sendUpdate(this.client.workflow.getHandle(caseWorkflowId(kase.id)), caseActionUpdates.evaluate, command);
    // Picked field by field: the workflow's state also holds referrals and escalation instants.
    return { caseNo: state.caseNo, stage: STEP_RULES[state.step].stage, status: state.status, outcome: state.outcome, awaitingEvaluation: state.step === 'REVISIT' };
  }

  /** A wrong code and an unknown case number answer the same. */
  private async open(caseNo: string, accessCode: string): Promise<CaseEntity> {
    const kase = await this.cases.findOneBy({ caseNo });
    if (!kase || !accessCodeMatches(this.config.INTAKE_SECRET, accessCode, kase.accessCodeHash)) throw new NotFoundException('No case with this number and access code');
    return kase;
  }
}
