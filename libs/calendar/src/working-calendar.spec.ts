import { spawnSync } from 'node:child_process';
import { isCalendarDate, validateDayOverrides, WorkingCalendar, type DayOverride, type ScheduleTerms } from './working-calendar';

/** A Beijing wall-clock time, 'YYYY-MM-DDTHH:mm', as the instant's ISO string. */
const bj = (wallClock: string): string => new Date(`${wallClock}:00+08:00`).toISOString();
const at = (wallClock: string): Date => new Date(bj(wallClock));

const DAYS: ScheduleTerms = { timeUnit: 'WORKING_DAY', supervisionGrace: 2, referralGrace: 5 };
const MINUTES: ScheduleTerms = { timeUnit: 'MINUTE', supervisionGrace: 2, referralGrace: 5 };

const calendar = new WorkingCalendar();
const deadline = (from: string, n: number) => calendar.addWorkingDays(at(from), n).toISOString();

describe('WorkingCalendar: the published 2026 arrangement', () => {
  it('knows the 2026 Spring Festival: Feb 15-23 off, Saturdays Feb 14 and Feb 28 on', () => {
    const days = ['2026-02-13', '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23', '2026-02-24', '2026-02-28', '2026-03-01'];
    expect(days.map((d) => [d, calendar.isWorkday(d)])).toEqual([
      ['2026-02-13', true],
      ['2026-02-14', true],
      ['2026-02-15', false],
      ['2026-02-16', false],
      ['2026-02-20', false],
      ['2026-02-23', false],
      ['2026-02-24', true],
      ['2026-02-28', true],
      ['2026-03-01', false],
    ]);
  });

  it('knows the 2026 National Day: Oct 1-7 off, Sunday Sep 20 and Saturday Oct 10 on, Mid-autumn Sep 25-27 off', () => {
    const days = ['2026-09-19', '2026-09-20', '2026-09-25', '2026-09-27', '2026-10-01', '2026-10-07', '2026-10-08', '2026-10-10', '2026-10-11'];
    expect(days.map((d) => [d, calendar.isWorkday(d)])).toEqual([
      ['2026-09-19', false],
      ['2026-09-20', true],
      ['2026-09-25', false],
      ['2026-09-27', false],
      ['2026-10-01', false],
      ['2026-10-07', false],
      ['2026-10-08', true],
      ['2026-10-10', true],
      ['2026-10-11', false],
    ]);
  });

  it('agrees with chinese-days itself for every day of 2025 and 2026', () => {
    // The package's own functions are right only east of UTC, and Jest cannot change a test's time zone:
    // ask them in a Beijing-time child process.
    const script = `const cd = require('chinese-days'); const out = [];
      for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2026, 11, 31); t += 864e5) {
        const d = new Date(t).toISOString().slice(0, 10); if (cd.isWorkday(d)) out.push(d); }
      console.log(JSON.stringify(out));`;
    const child = spawnSync(process.execPath, ['-e', script], { cwd: __dirname, env: { ...process.env, TZ: 'Asia/Shanghai' }, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const packageWorkdays: string[] = JSON.parse(child.stdout);

    const ours: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (calendar.isWorkday(date)) ours.push(date);
    }
    expect(ours).toEqual(packageWorkdays);
    expect(ours).toHaveLength(496); // 248 working days in each year
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  it('skips an ordinary weekend', () => {
    expect(deadline('2026-03-06T14:00', 1)).toBe(bj('2026-03-10T00:00')); // Fri -> end of Mon Mar 9
    expect(deadline('2026-03-06T14:00', 2)).toBe(bj('2026-03-11T00:00'));
    expect(deadline('2026-03-07T09:00', 1)).toBe(bj('2026-03-10T00:00')); // an event on Saturday
    expect(deadline('2026-03-09T09:00', 1)).toBe(bj('2026-03-11T00:00')); // Mon -> end of Tue
  });

  it('counts the Spring Festival make-up Saturdays and skips the holiday', () => {
    expect(deadline('2026-02-13T10:00', 1)).toBe(bj('2026-02-15T00:00')); // Sat Feb 14 is a working day
    expect(deadline('2026-02-13T10:00', 2)).toBe(bj('2026-02-25T00:00')); // then Feb 15-23 off, Tue Feb 24
    expect(deadline('2026-02-13T10:00', 3)).toBe(bj('2026-02-26T00:00'));
    expect(deadline('2026-02-14T09:00', 1)).toBe(bj('2026-02-25T00:00')); // an event on the make-up Saturday
    expect(deadline('2026-02-20T09:00', 1)).toBe(bj('2026-02-25T00:00')); // an event during the holiday
    expect(deadline('2026-02-24T10:00', 5)).toBe(bj('2026-03-03T00:00')); // Feb 25, 26, 27, Sat 28, Mon Mar 2
  });

  it('counts the National Day make-up days and skips Mid-autumn and National Day', () => {
    expect(deadline('2026-09-18T15:00', 1)).toBe(bj('2026-09-21T00:00')); // Sun Sep 20 is a working day
    expect(deadline('2026-09-24T10:00', 2)).toBe(bj('2026-09-30T00:00')); // Sep 25-27 off: Mon 28, Tue 29
    expect(deadline('2026-09-30T10:00', 3)).toBe(bj('2026-10-11T00:00')); // Oct 8, 9, Sat 10
    expect(deadline('2026-09-30T10:00', 4)).toBe(bj('2026-10-13T00:00')); // Sun Oct 11 off, Mon 12
  });

  it('starts counting the Beijing day after the event, not the UTC day', () => {
    // 23:30 and 00:30 Beijing are both on Mar 9 in UTC, but on different Beijing days.
    expect(at('2026-03-09T23:30').toISOString().slice(0, 10)).toBe(at('2026-03-10T00:30').toISOString().slice(0, 10));
    expect(deadline('2026-03-09T23:30', 1)).toBe(bj('2026-03-11T00:00'));
    expect(deadline('2026-03-10T00:30', 1)).toBe(bj('2026-03-12T00:00'));
    expect(calendar.addWorkingDays(new Date(Date.parse(bj('2026-03-10T00:00')) - 1), 1).toISOString()).toBe(bj('2026-03-11T00:00'));
    expect(deadline('2026-03-10T00:00', 1)).toBe(bj('2026-03-12T00:00')); // midnight belongs to the new day
  });

  it('treats zero days as no wait at all', () => {
    expect(deadline('2026-03-09T10:17', 0)).toBe(bj('2026-03-09T10:17'));
  });

  it('reaches 400 working days, into the years the package does not cover yet', () => {
    // 205 working days follow Mar 9 in 2026; the 195th weekday of 2027 is Thu Sep 30 (2027 has no holidays yet).
    expect(deadline('2026-03-09T10:00', 400)).toBe(bj('2027-10-01T00:00'));
  });
});

describe('WorkingCalendar.schedule', () => {
  it('warns at two thirds of the working time', () => {
    const warn = (n: number, from = '2026-03-09T10:00') => calendar.schedule(at(from), n, DAYS).warnAt;
    expect(warn(1)).toBe(bj('2026-03-10T16:00')); // 16 h into the first working day
    expect(warn(2)).toBe(bj('2026-03-11T08:00')); // 32 h: 8 h into the second
    expect(warn(3)).toBe(bj('2026-03-12T00:00')); // 48 h: the end of the second
    expect(warn(5)).toBe(bj('2026-03-13T08:00')); // 80 h: 8 h into the fourth (Tue, Wed, Thu, Fri)
    expect(warn(2, '2026-03-12T10:00')).toBe(bj('2026-03-16T08:00')); // the weekend adds nothing
    expect(warn(2, '2026-02-13T10:00')).toBe(bj('2026-02-24T08:00')); // nor does the Spring Festival
  });

  it('puts a rectification of 15 days across Mid-autumn and National Day, warning at the end of the 10th', () => {
    // Working days after Thu Sep 24: Sep 28, 29, 30, Oct 8, 9, 10, 12, 13, 14, 15 (10th), 16, 19, 20, 21, 22 (15th).
    expect(calendar.schedule(at('2026-09-24T16:00'), 15, DAYS)).toEqual({
      startedAt: bj('2026-09-24T16:00'),
      warnAt: bj('2026-10-16T00:00'),
      deadlineAt: bj('2026-10-23T00:00'),
      supervisionAt: bj('2026-10-27T00:00'), // Fri Oct 23, Mon Oct 26
      referralAt: bj('2026-10-30T00:00'), // Oct 23, 26, 27, 28, 29
    });
  });

  it('counts supervision and referral from the deadline day across National Day', () => {
    // The deadline's day is Tue Sep 29; then Sep 30, (Oct 1-7 off), Oct 8, 9, Sat 10, (Sun 11 off), Mon 12.
    expect(calendar.schedule(at('2026-09-28T09:00'), 1, DAYS)).toEqual({
      startedAt: bj('2026-09-28T09:00'),
      warnAt: bj('2026-09-29T16:00'),
      deadlineAt: bj('2026-09-30T00:00'),
      supervisionAt: bj('2026-10-09T00:00'),
      referralAt: bj('2026-10-13T00:00'),
    });
  });

  it('counts supervision from the Spring Festival make-up Saturday deadline', () => {
    // Deadline day Sat Feb 14; then Tue Feb 24, Wed 25 (supervision); Feb 26, 27, Sat 28 (referral).
    expect(calendar.schedule(at('2026-02-13T10:00'), 1, DAYS)).toEqual({
      startedAt: bj('2026-02-13T10:00'),
      warnAt: bj('2026-02-14T16:00'),
      deadlineAt: bj('2026-02-15T00:00'),
      supervisionAt: bj('2026-02-26T00:00'),
      referralAt: bj('2026-03-01T00:00'),
    });
  });

  it('makes a grace of zero coincide with the deadline', () => {
    const s = calendar.schedule(at('2026-03-09T10:00'), 1, { timeUnit: 'WORKING_DAY', supervisionGrace: 0, referralGrace: 0 });
    expect([s.supervisionAt, s.referralAt]).toEqual([bj('2026-03-11T00:00'), bj('2026-03-11T00:00')]);
  });

  it('counts plain minutes under MINUTE, holidays or not', () => {
    expect(calendar.schedule(new Date('2026-02-16T02:00:00.000Z'), 30, MINUTES)).toEqual({
      startedAt: '2026-02-16T02:00:00.000Z',
      warnAt: '2026-02-16T02:20:00.000Z',
      deadlineAt: '2026-02-16T02:30:00.000Z',
      supervisionAt: '2026-02-16T02:32:00.000Z',
      referralAt: '2026-02-16T02:35:00.000Z',
    });
    expect(calendar.schedule(new Date('2026-02-16T02:00:00.000Z'), 1, MINUTES).warnAt).toBe('2026-02-16T02:00:40.000Z');
  });
});

describe('WorkingCalendar.extend', () => {
  it('moves the deadline past the old deadline day and recomputes the rest on the new total', () => {
    const original = calendar.schedule(at('2026-09-28T09:00'), 1, DAYS); // deadline day Tue Sep 29
    // Sep 30, Oct 8, Oct 9: four working days in all, warning 64 h in = 16 h into the third (Oct 8).
    expect(calendar.extend(original, 3, DAYS)).toEqual({
      startedAt: bj('2026-09-28T09:00'),
      warnAt: bj('2026-10-08T16:00'),
      deadlineAt: bj('2026-10-10T00:00'),
      supervisionAt: bj('2026-10-13T00:00'), // Sat Oct 10, Mon Oct 12
      referralAt: bj('2026-10-16T00:00'), // Oct 10, 12, 13, 14, 15
    });
  });

  it('equals a schedule of the combined length when the calendar did not change', () => {
    for (const [from, n, extra] of [
      ['2026-02-10T11:00', 3, 2],
      ['2026-09-24T16:00', 15, 15],
      ['2026-12-30T08:00', 5, 4],
    ] as const) {
      expect(calendar.extend(calendar.schedule(at(from), n, DAYS), extra, DAYS)).toEqual(calendar.schedule(at(from), n + extra, DAYS));
    }
  });

  it('counts on the current calendar when a holiday was declared since the start', () => {
    const original = new WorkingCalendar().schedule(at('2027-03-01T09:00'), 2, DAYS); // Tue Mar 2, Wed Mar 3
    expect(original.deadlineAt).toBe(bj('2027-03-04T00:00'));
    const withHoliday = new WorkingCalendar([{ date: '2027-03-02', workday: false, name: 'test' }]);
    // Old deadline day Wed Mar 3; +1 is Thu Mar 4; now Mar 3 and 4 are the only working days: warning 32 h in.
    expect(withHoliday.extend(original, 1, DAYS)).toMatchObject({ deadlineAt: bj('2027-03-05T00:00'), warnAt: bj('2027-03-04T08:00') });
  });

  it('adds plain minutes under MINUTE', () => {
    const original = calendar.schedule(new Date('2026-02-16T02:00:00.000Z'), 30, MINUTES);
    expect(calendar.extend(original, 15, MINUTES)).toEqual({
      startedAt: '2026-02-16T02:00:00.000Z',
      warnAt: '2026-02-16T02:30:00.000Z',
      deadlineAt: '2026-02-16T02:45:00.000Z',
      supervisionAt: '2026-02-16T02:47:00.000Z',
      referralAt: '2026-02-16T02:50:00.000Z',
    });
  });
});

describe('WorkingCalendar.addCalendarDays', () => {
  it('adds calendar days, holidays included, keeping the Beijing clock time', () => {
    expect(calendar.addCalendarDays(at('2026-02-13T10:00'), 7, 'WORKING_DAY').toISOString()).toBe(bj('2026-02-20T10:00'));
  });

  it('adds minutes under MINUTE', () => {
    expect(calendar.addCalendarDays(new Date('2026-02-16T02:00:00.000Z'), 7, 'MINUTE').toISOString()).toBe('2026-02-16T02:07:00.000Z');
  });
});

describe('WorkingCalendar overrides', () => {
  const arrangement2027: DayOverride[] = [
    { date: '2027-02-06', workday: true, name: '春节调休上班' },
    { date: '2027-02-08', workday: false, name: '春节' },
  ];

  it('win over the package in a year it has not published', () => {
    expect([calendar.isWorkday('2027-02-06'), calendar.isWorkday('2027-02-08')]).toEqual([false, true]);
    const custom = new WorkingCalendar(arrangement2027);
    expect([custom.isWorkday('2027-02-06'), custom.isWorkday('2027-02-08')]).toEqual([true, false]);

    // From Fri Feb 5 2027: the package alone says Mon Feb 8; the overrides say Sat Feb 6.
    expect(calendar.schedule(at('2027-02-05T10:00'), 1, DAYS)).toMatchObject({ warnAt: bj('2027-02-08T16:00'), deadlineAt: bj('2027-02-09T00:00') });
    expect(custom.schedule(at('2027-02-05T10:00'), 1, DAYS)).toEqual({
      startedAt: bj('2027-02-05T10:00'),
      warnAt: bj('2027-02-06T16:00'),
      deadlineAt: bj('2027-02-07T00:00'),
      supervisionAt: bj('2027-02-11T00:00'), // Tue Feb 9, Wed Feb 10
      referralAt: bj('2027-02-16T00:00'), // Feb 9, 10, 11, 12, Mon 15
    });
  });

  it('win over the package in a year it has published', () => {
    const custom = new WorkingCalendar([
      { date: '2026-10-08', workday: false, name: '国庆节延长' },
      { date: '2026-10-11', workday: true, name: '调休上班' },
    ]);
    expect(deadline('2026-09-30T10:00', 3)).toBe(bj('2026-10-11T00:00'));
    expect(custom.addWorkingDays(at('2026-09-30T10:00'), 3).toISOString()).toBe(bj('2026-10-12T00:00')); // Oct 9, 10, Sun 11
  });

  it('refuses malformed overrides', () => {
    expect(() => new WorkingCalendar([{ date: '2027-02-30', workday: true, name: 'x' }])).toThrow(/real date written YYYY-MM-DD, got "2027-02-30"/);
    expect(() => new WorkingCalendar([{ date: '2027-2-6', workday: true, name: 'x' }])).toThrow(RangeError);
    expect(() => new WorkingCalendar([{ date: '2027-02-06', workday: 'yes' as any, name: 'x' }])).toThrow(/workday must be true or false/);
    expect(() => new WorkingCalendar([...arrangement2027, { date: '2027-02-06', workday: false, name: 'x' }])).toThrow(/2027-02-06 is listed twice/);
  });

  it('never throw on a long run of holidays: the day after 31 days off counts as a working day', () => {
    const days = (from: Date, length: number) =>
      Array.from({ length }, (_, i) => ({ date: new Date(from.getTime() + i * 86_400_000).toISOString().slice(0, 10), workday: false, name: 'x' }));
    const long = new WorkingCalendar(days(new Date(Date.UTC(2027, 2, 1)), 40));
    expect(long.daysOffRunsTooLong()).toEqual([{ from: '2027-02-27', to: '2027-04-11', days: 44 }]); // Sat Feb 27 to Sun Apr 11
    // 31 days off from Sat Feb 27 end on Mar 29; Mar 30 is forced on, then 12 more days off to Sun Apr 11.
    expect(long.addWorkingDays(at('2027-02-26T10:00'), 1).toISOString()).toBe(bj('2027-03-31T00:00'));
    expect(long.addWorkingDays(at('2027-02-26T10:00'), 2).toISOString()).toBe(bj('2027-04-13T00:00')); // Mon Apr 12
    expect(long.schedule(at('2027-02-26T10:00'), 2, DAYS).deadlineAt).toBe(bj('2027-04-13T00:00'));

    // A whole year off, and several years: every count and every schedule still ends.
    for (const calendar of [new WorkingCalendar(days(new Date(Date.UTC(2027, 0, 1)), 400)), new WorkingCalendar(days(new Date(Date.UTC(2026, 0, 1)), 1200))]) {
      expect(calendar.daysOffRunsTooLong()).toHaveLength(1);
      for (const n of [0, 1, 5, 31, 400]) expect(() => calendar.addWorkingDays(at('2027-01-01T10:00'), n)).not.toThrow();
      const s = calendar.schedule(at('2027-06-01T10:00'), 400, DAYS);
      expect(Date.parse(s.referralAt)).toBeGreaterThan(Date.parse(s.deadlineAt));
      expect(() => calendar.extend(s, 400, DAYS)).not.toThrow();
    }
  });

  it('report no long run for real arrangements', () => {
    expect(new WorkingCalendar().daysOffRunsTooLong()).toEqual([]);
    expect(new WorkingCalendar(arrangement2027).daysOffRunsTooLong()).toEqual([]);
  });
});

describe('WorkingCalendar.fingerprint', () => {
  it('is a short hash that changes with the overrides, not with their order or names', () => {
    const base = new WorkingCalendar().fingerprint();
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(new WorkingCalendar([]).fingerprint()).toBe(base);

    const a = { date: '2027-02-06', workday: true, name: '春节调休上班' };
    const b = { date: '2027-02-08', workday: false, name: '春节' };
    const both = new WorkingCalendar([a, b]).fingerprint();
    expect(both).not.toBe(base);
    expect(new WorkingCalendar([b, a]).fingerprint()).toBe(both);
    expect(new WorkingCalendar([a, { ...b, name: 'Spring Festival' }]).fingerprint()).toBe(both);
    expect(new WorkingCalendar([a, { ...b, workday: true }]).fingerprint()).not.toBe(both);
    expect(new WorkingCalendar([a]).fingerprint()).not.toBe(both);
  });
});

describe('WorkingCalendar input guards', () => {
  it('refuses a count that is not a non-negative integer up to 400', () => {
    const from = at('2026-03-09T10:00');
    expect(() => calendar.addWorkingDays(from, -1)).toThrow(new RangeError('n must be an integer from 0 to 400, got -1'));
    expect(() => calendar.addWorkingDays(from, 1.5)).toThrow(new RangeError('n must be an integer from 0 to 400, got 1.5'));
    expect(() => calendar.addWorkingDays(from, NaN)).toThrow(new RangeError('n must be an integer from 0 to 400, got NaN'));
    expect(() => calendar.addWorkingDays(from, 401)).toThrow(new RangeError('n must be an integer from 0 to 400, got 401'));
    expect(() => calendar.addCalendarDays(from, -7, 'WORKING_DAY')).toThrow(RangeError);
  });

  it('refuses an empty stage, bad graces and unknown units', () => {
    const from = at('2026-03-09T10:00');
    expect(() => calendar.schedule(from, 0, DAYS)).toThrow(new RangeError('amount must be an integer from 1 to 400, got 0'));
    expect(() => calendar.schedule(from, 0, MINUTES)).toThrow(/amount must be an integer from 1 to 527040/);
    expect(() => calendar.schedule(from, 2, { ...DAYS, supervisionGrace: -1 })).toThrow(/supervisionGrace must be an integer from 0 to 400/);
    expect(() => calendar.schedule(from, 2, { ...DAYS, referralGrace: 2.5 })).toThrow(/referralGrace must be an integer/);
    expect(() => calendar.schedule(from, 2, { ...DAYS, timeUnit: 'HOUR' as any })).toThrow(/timeUnit must be WORKING_DAY or MINUTE, got HOUR/);
  });

  it('refuses invalid dates and instants', () => {
    expect(() => calendar.addWorkingDays(new Date('not a date'), 1)).toThrow(new RangeError('from must be a valid Date'));
    expect(() => calendar.schedule('2026-03-09' as any, 1, DAYS)).toThrow(new RangeError('start must be a valid Date'));
    expect(() => calendar.isWorkday('2026-02-30')).toThrow(/date must be a real date written YYYY-MM-DD, got "2026-02-30"/);
    expect(() => calendar.isWorkday('2026-2-3')).toThrow(RangeError);
  });

  it('refuses to extend a schedule that is not one', () => {
    const s = calendar.schedule(at('2026-03-09T10:00'), 2, DAYS);
    expect(() => calendar.extend(s, 0, DAYS)).toThrow(/extra must be an integer from 1 to 400, got 0/);
    expect(() => calendar.extend({ ...s, deadlineAt: s.startedAt }, 1, DAYS)).toThrow(/deadlineAt must be after schedule.startedAt/);
    expect(() => calendar.extend({ ...s, startedAt: 'yesterday' }, 1, DAYS)).toThrow(/schedule.startedAt must be an ISO instant, got "yesterday"/);
  });
});

describe('isCalendarDate and validateDayOverrides', () => {
  it('accept only real dates written YYYY-MM-DD', () => {
    expect(['2026-02-28', '2028-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-2-28', '2026-02-28T00:00', '0050-01-01', 20260228, null].map(isCalendarDate)).toEqual([
      false, false, false, false, false, false, false,
    ]);
  });

  it('list every problem of a submission with its field', () => {
    expect(validateDayOverrides([{ date: '2027-02-06', workday: true, name: ' 春节调休 ' }])).toEqual([]);
    expect(
      validateDayOverrides([
        { date: '2027-02-06', workday: true, name: 'ok' },
        { date: '2027-02-06', workday: 1, name: '   ' },
        { date: '2027-02-31', workday: false, name: '字'.repeat(65) },
        null,
      ]),
    ).toEqual([
      { field: 'days[1].date', reason: '2027-02-06 is listed twice' },
      { field: 'days[1].workday', reason: 'must be true or false' },
      { field: 'days[1].name', reason: 'must be 1 to 64 characters' },
      { field: 'days[2].date', reason: 'must be a real date written YYYY-MM-DD' },
      { field: 'days[2].name', reason: 'must be 1 to 64 characters' },
      { field: 'days[3]', reason: 'must be an object' },
    ]);
    expect(validateDayOverrides({})).toEqual([{ field: 'days', reason: 'must be an array' }]);
    expect(validateDayOverrides(Array.from({ length: 401 }, () => ({})))).toEqual([{ field: 'days', reason: 'must have at most 400 entries' }]);
  });
});
