import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An administrator's override of one Beijing day (e.g. a new State Council arrangement the package lacks). */
@Entity({ name: 'calendar_day_overrides' })
export class CalendarDayOverrideEntity {
  /**
   * 'YYYY-MM-DD'. With the connection's timezone 'Z' the driver reads a DATE as UTC midnight, so it must be
   * formatted back in UTC too, or a process west of UTC would see the day before.
   */
  @PrimaryColumn({ type: 'date', utc: true })
  day: string;

  @Column()
  workday: boolean;

  @Column({ length: 64 })
  name: string;

  @Column({ name: 'updated_by', type: 'int', nullable: true })
  updatedBy: number | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
