import { WorkingCalendar } from './working-calendar';
import { workingDaysBetween, workingDaysLeft } from './working-days-left';

// Beijing time is UTC+8: 2027-03-01 is a Monday.
const at = (beijing: string) => new Date(`${beijing}+08:00`);

describe('workingDaysLeft', () => {
  const calendar = new WorkingCalendar([{ date: '2027-03-03', workday: false, name: '假日' }]);

  it('counts the working days from today to the deadline day, today included, skipping days off', () => {
    // Deadline at the midnight after Thursday 2027-03-04: Monday, Tuesday, (Wednesday off), Thursday.
    expect(workingDaysLeft(calendar, at('2027-03-01T10:00:00'), at('2027-03-05T00:00:00'))).toBe(3);
    expect(workingDaysLeft(calendar, at('2027-03-04T23:00:00'), at('2027-03-05T00:00:00'))).toBe(1);
  });

  it('is negative once the deadline has passed', () => {
    expect(workingDaysLeft(calendar, at('2027-03-05T09:00:00'), at('2027-03-05T00:00:00'))).toBe(-1);
    expect(workingDaysLeft(calendar, at('2027-03-09T09:00:00'), at('2027-03-05T00:00:00'))).toBe(-3);
  });
});

describe('workingDaysBetween', () => {
  const calendar = new WorkingCalendar([{ date: '2027-03-03', workday: false, name: '假日' }]);

  it('counts the working days after the start day up to the end day, skipping days off and weekends', () => {
    expect(workingDaysBetween(calendar, at('2027-03-01T10:00:00'), at('2027-03-01T18:00:00'))).toBe(0);
    // Tuesday, (Wednesday off), Thursday.
    expect(workingDaysBetween(calendar, at('2027-03-01T10:00:00'), at('2027-03-04T09:00:00'))).toBe(2);
    // Friday to Monday: the weekend does not count.
    expect(workingDaysBetween(calendar, at('2027-03-05T23:30:00'), at('2027-03-08T00:30:00'))).toBe(1);
  });
});
