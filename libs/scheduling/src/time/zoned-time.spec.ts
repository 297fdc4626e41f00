import {
  isValidTimeZone,
  localToUtc,
  offsetMinutes,
  parseInstant,
  parseLocalTime,
  utcToLocal,
} from './zoned-time';

describe('zoned time (Intl)', () => {
  it('converts Kunming and Islamabad wall clocks to UTC and back', () => {
    expect(new Date(localToUtc('2026-06-08', '09:00', 'Asia/Shanghai')).toISOString()).toBe(
      '2026-06-08T01:00:00.000Z',
    );
    expect(new Date(localToUtc('2026-06-08', '09:00', 'Asia/Karachi')).toISOString()).toBe(
      '2026-06-08T04:00:00.000Z',
    );
    expect(new Date(localToUtc('2026-06-08', '09:00', 'Asia/Kolkata')).toISOString()).toBe(
      '2026-06-08T03:30:00.000Z',
    );
    expect(utcToLocal(Date.parse('2026-06-08T04:00:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2026-06-08',
      time: '12:00',
      minuteOfDay: 720,
    });
    expect(utcToLocal(Date.parse('2026-06-08T20:00:00Z'), 'Asia/Karachi')).toEqual({
      date: '2026-06-09',
      time: '01:00',
      minuteOfDay: 60,
    });
    expect(offsetMinutes(Date.parse('2026-06-08T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
  });

  it('reads 24:00 as the end of the day', () => {
    expect(parseLocalTime('24:00')).toBe(1440);
    expect(parseLocalTime('24:30')).toBeNull();
    expect(new Date(localToUtc('2026-06-08', '24:00', 'UTC')).toISOString()).toBe('2026-06-09T00:00:00.000Z');
  });

  it('handles daylight saving: a skipped hour moves forward, a repeated hour takes its first occurrence', () => {
    // New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist.
    expect(new Date(localToUtc('2026-03-08', '02:30', 'America/New_York')).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(new Date(localToUtc('2026-03-08', '09:00', 'America/New_York')).toISOString()).toBe(
      '2026-03-08T13:00:00.000Z',
    );
    // 1 November 2026: 01:30 happens twice (EDT, then EST).
    expect(new Date(localToUtc('2026-11-01', '01:30', 'America/New_York')).toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('knows real IANA zones and rejects others', () => {
    expect(isValidTimeZone('Asia/Karachi')).toBe(true);
    expect(isValidTimeZone('Asia/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('parses ISO instants strictly', () => {
    expect(parseInstant('2026-06-08T04:00:00Z')).toBe(Date.parse('2026-06-08T04:00:00Z'));
    expect(parseInstant('2026-06-08T09:00:00+05:00')).toBe(Date.parse('2026-06-08T04:00:00Z'));
    expect(parseInstant('2026-06-08')).toBeNull();
    expect(parseInstant('tomorrow')).toBeNull();
  });
});
