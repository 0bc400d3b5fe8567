import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseState, Decision } from '@app/domain';
import { CalendarService } from '@app/calendar';
import { planDecision, type DecisionWrite } from './case-decision';
import { CaseProjectionWriter } from './case-projection.writer';
import { NotificationWriter } from './notification.writer';

export interface DecisionResult extends DecisionWrite {
  /** This call moved the case row (not a retry of a write already committed). */
  moved: boolean;
}

/**
 * Carries out one case decision in one transaction: the deadline arithmetic (calendar cached in memory),
 * the projection (case row, timeline, counters, statistics, audit) and the decision's notices. A retry
 * after a crash between commit and completion finds the row at its revision and writes nothing again.
 */
@Injectable()
export class CaseDecisionWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projection: CaseProjectionWriter,
    private readonly notifications: NotificationWriter,
    private readonly calendar: CalendarService,
  ) {}

  async carryOut(state: CaseState, decision: Decision, now: string): Promise<DecisionResult> {
    const calendar = await this.calendar.current();
    const write = planDecision(calendar, state, decision, now);
    const at = new Date(now);
    const moved = await this.dataSource.transaction(async (em) => {
      const projected = await this.projection.projectIn(em, write.state, write.entries, write.firstSeq, at, calendar);
      // Committed with the projection: a row already at this revision already has this decision's notices.
      if (!projected.alreadyWritten) for (const notice of write.notices) await this.notifications.sendIn(em, notice);
      return projected.moved;
    });
    return { ...write, moved };
  }
}
