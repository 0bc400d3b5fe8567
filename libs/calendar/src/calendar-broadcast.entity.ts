import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One broadcast of a calendar change to running cases, written in the transaction that saves the overrides.
 * Its workflow id is derived from the id, so however many processes start it, one broadcast runs.
 */
@Entity({ name: 'calendar_broadcasts' })
export class CalendarBroadcastEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  @Column({ name: 'requested_at', type: 'datetime', precision: 3 })
  requestedAt: Date;

  /** Null until Temporal accepted the workflow. */
  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 255, nullable: true })
  lastError: string | null;
}

export function calendarBroadcastWorkflowId(id: string): string {
  return `calendar-broadcast-${id}`;
}
