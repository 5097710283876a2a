// Date, Datetime and Time, with the running user in America/Los_Angeles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApexDate, ApexDatetime, ApexTime, ApexValueError, setUserTimeZone, getUserTimeZone, formatDate } from '../../src/apex/values/index.js';

setUserTimeZone('America/Los_Angeles');
const d = (y: number, m: number, day: number): ApexDate => ApexDate.newInstance(y, m, day);

test('default user time zone is America/Los_Angeles and is configurable', () => {
  assert.equal(getUserTimeZone(), 'America/Los_Angeles');
  assert.throws(() => setUserTimeZone('Not/AZone'));
});

test('Date.addDays / addMonths / addYears', () => {
  // Apex Developer Guide: Date Class, addDays: 1960-02-17 + 2 = 1960-02-19
  assert.equal(d(1960, 2, 17).addDays(2).toString(), '1960-02-19');
  // Date Class, addMonths: 1990-11-21 + 3 = 1991-02-21
  assert.equal(d(1990, 11, 21).addMonths(3).toString(), '1991-02-21');
  // Date Class, addYears: 1983-07-15 + 2 = 1985-07-15
  assert.equal(d(1983, 7, 15).addYears(2).toString(), '1985-07-15');
  assert.equal(d(2024, 1, 1).addDays(-1).toString(), '2023-12-31');
  assert.equal(d(2024, 3, 1).addMonths(-3).toString(), '2023-12-01');
});

test('Date.addMonths clamps to the end of the month', () => {
  // Apex Developer Guide: Date Class, addMonths (the day is kept when it exists in the target month, otherwise the last day)
  assert.equal(d(2024, 1, 31).addMonths(1).toString(), '2024-02-29');
  assert.equal(d(2023, 1, 31).addMonths(1).toString(), '2023-02-28');
  assert.equal(d(2023, 3, 31).addMonths(1).toString(), '2023-04-30');
  assert.equal(d(2024, 2, 29).addYears(1).toString(), '2025-02-28');
});

test('Date accessors', () => {
  // Apex Developer Guide: Date Class, day(): 1989-04-21 -> 21; dayOfYear(): 1998-10-21 -> 294
  assert.equal(d(1989, 4, 21).day(), 21);
  assert.equal(d(1998, 10, 21).dayOfYear(), 294);
  assert.equal(d(1998, 10, 21).month(), 10);
  assert.equal(d(1998, 10, 21).year(), 1998);
});

test('Date.daysBetween / monthsBetween', () => {
  // Apex Developer Guide: Date Class, daysBetween: 2008-01-01 .. 2008-01-30 = 29
  assert.equal(d(2008, 1, 1).daysBetween(d(2008, 1, 30)), 29);
  assert.equal(d(2008, 1, 30).daysBetween(d(2008, 1, 1)), -29);
  // Date Class, monthsBetween: 2006-12-02 .. 2012-12-08 = 72 (the days are ignored)
  assert.equal(d(2006, 12, 2).monthsBetween(d(2012, 12, 8)), 72);
  assert.equal(d(2023, 3, 31).monthsBetween(d(2023, 4, 1)), 1);
});

test('Date.daysInMonth / isLeapYear', () => {
  // Apex Developer Guide: Date Class, daysInMonth(1960, 2) = 29; isLeapYear(2004) = true
  assert.equal(ApexDate.daysInMonth(1960, 2), 29);
  assert.equal(ApexDate.daysInMonth(1900, 2), 28);
  assert.equal(ApexDate.isLeapYear(2004), true);
  assert.equal(ApexDate.isLeapYear(2000), true);
  assert.equal(ApexDate.isLeapYear(2100), false);
});

test('Date.toStartOfMonth / toStartOfWeek (en_US: Sunday)', () => {
  // Apex Developer Guide: Date Class, toStartOfMonth: 1987-12-17 -> 1987-12-01;
  // toStartOfWeek: "the start of a week is Sunday in the United States locale"
  assert.equal(d(1987, 12, 17).toStartOfMonth().toString(), '1987-12-01');
  assert.equal(d(2024, 5, 15).toStartOfWeek().toString(), '2024-05-12'); // Wednesday -> Sunday
  assert.equal(d(2024, 5, 12).toStartOfWeek().toString(), '2024-05-12'); // a Sunday stays
  assert.equal(d(2024, 5, 11).toStartOfWeek().toString(), '2024-05-05'); // Saturday
});

test('Date.format() and String.valueOf(Date)', () => {
  // Apex Developer Guide: Date Class, format(): 2001-03-21 -> '3/21/2001' (en_US)
  assert.equal(d(2001, 3, 21).format(), '3/21/2001');
  assert.equal(d(2001, 3, 21).toString(), '2001-03-21');
  assert.equal(d(33, 1, 2).toString(), '0033-01-02');
  assert.equal(formatDate(d(2024, 7, 4), 'd MMMM yyyy'), '4 July 2024');
});

test('Date.valueOf(String) and Date.parse(String)', () => {
  // Apex Developer Guide: Date Class, valueOf(stringDate): 'yyyy-MM-dd HH:mm:ss', month and day may be one digit
  assert.equal(ApexDate.valueOf('2008-10-5 12:20:20').toString(), '2008-10-05');
  assert.equal(ApexDate.valueOf('2024-02-29').toString(), '2024-02-29');
  // Date Class, parse(stringDate): the locale format, '12/27/2009' in en_US
  assert.equal(ApexDate.parse('12/27/2009').toString(), '2009-12-27');
  assert.throws(() => ApexDate.valueOf('not a date'), (e: unknown) => e instanceof ApexValueError && e.apexType === 'System.TypeException');
  assert.throws(() => ApexDate.valueOf('2024-13-01'), ApexValueError);
});

test('Date.newInstance is lenient like the platform calendar; equality and ordering', () => {
  assert.equal(d(2024, 13, 1).toString(), '2025-01-01');
  assert.equal(d(2024, 3, 0).toString(), '2024-02-29');
  assert.equal(d(2024, 1, 1).equals(d(2024, 1, 1)), true);
  assert.equal(d(2024, 1, 1).compareTo(d(2024, 1, 2)), -1);
  assert.equal(d(2024, 1, 1).hashCode(), d(2024, 1, 1).hashCode());
  assert.equal(d(2024, 1, 1).isSameDay(d(2024, 1, 1)), true);
});

test('Datetime.newInstance is in the user time zone; getTime', () => {
  // Apex Developer Guide: Datetime Class, getTime(): newInstanceGmt(2007, 6, 23, 3, 3, 3) = 1182567783000
  assert.equal(ApexDatetime.newInstanceGmt(2007, 6, 23, 3, 3, 3).getTime(), 1182567783000n);
  assert.equal(ApexDatetime.newInstance(2007, 6, 23, 3, 3, 3).getTime(), 1182592983000n); // PDT, GMT-7
  // Datetime Class, newInstance(milliseconds): 1341828183000 = newInstance(2012, 7, 9, 3, 3, 3) in California
  assert.ok(ApexDatetime.newInstanceMs(1341828183000n).equals(ApexDatetime.newInstance(2012, 7, 9, 3, 3, 3)));
  // Datetime Class, newInstanceGmt(1998, 1, 29, 2, 2, 3) = newInstance(1998, 1, 28, 18, 2, 3) in California
  assert.ok(ApexDatetime.newInstanceGmt(1998, 1, 29, 2, 2, 3).equals(ApexDatetime.newInstance(1998, 1, 28, 18, 2, 3)));
  // Datetime Class, dateGMT(): newInstance(2006, 3, 16, 23, 0, 0) in PST -> 2006-03-17
  assert.equal(ApexDatetime.newInstance(2006, 3, 16, 23, 0, 0).dateGmt().toString(), '2006-03-17');
  // dayGmt(): newInstance(1987, 1, 14, 23, 0, 3) -> 15; dayOfYear(): 2008-02-05 08:30:12 -> 36; dayOfYearGmt(): 1999-02-05 23:00:03 -> 37
  assert.equal(ApexDatetime.newInstance(1987, 1, 14, 23, 0, 3).dayGmt(), 15);
  assert.equal(ApexDatetime.newInstance(2008, 2, 5, 8, 30, 12).dayOfYear(), 36);
  assert.equal(ApexDatetime.newInstance(1999, 2, 5, 23, 0, 3).dayOfYearGmt(), 37);
  // hourGmt(): newInstance(2000, 4, 27, 3, 3, 3) -> 10 (PDT)
  assert.equal(ApexDatetime.newInstance(2000, 4, 27, 3, 3, 3).hourGmt(), 10);
  // time(): newInstance(2002, 11, 21, 0, 2, 2) -> Time 0:02:02; timeGmt(): newInstance(2004, 1, 27, 4, 1, 2) -> 12:01:02
  assert.ok(ApexDatetime.newInstance(2002, 11, 21, 0, 2, 2).time().equals(ApexTime.newInstance(0, 2, 2, 0)));
  assert.ok(ApexDatetime.newInstance(2004, 1, 27, 4, 1, 2).timeGmt().equals(ApexTime.newInstance(12, 1, 2, 0)));
  // second(): newInstanceGmt(1999, 9, 22, 3, 1, 2) -> 2; yearGmt(): newInstance(2012, 10, 4, 6, 4, 6) -> 2012
  assert.equal(ApexDatetime.newInstanceGmt(1999, 9, 22, 3, 1, 2).second(), 2);
  assert.equal(ApexDatetime.newInstance(2012, 10, 4, 6, 4, 6).yearGmt(), 2012);
  // Datetime Class, hourGmt(): newInstance(2006, 3, 16, 23, 0, 0) -> 7 (PST, GMT-8)
  assert.equal(ApexDatetime.newInstance(2006, 3, 16, 23, 0, 0).hourGmt(), 7);
  // Datetime Class, hour(): newInstance(1998, 11, 21, 3, 2, 1) -> 3
  assert.equal(ApexDatetime.newInstance(1998, 11, 21, 3, 2, 1).hour(), 3);
  // Datetime Class, date(): newInstance(2006, 3, 16, 12, 6, 13).date() = 2006-03-16
  assert.equal(ApexDatetime.newInstance(2006, 3, 16, 12, 6, 13).date().toString(), '2006-03-16');
  // Datetime Class, dateGmt(): newInstanceGmt(2006, 3, 16, 23, 0, 0).dateGmt() = 2006-03-16
  assert.equal(ApexDatetime.newInstanceGmt(2006, 3, 16, 23, 0, 0).dateGmt().toString(), '2006-03-16');
  assert.equal(ApexDatetime.newInstanceGmt(2006, 3, 16, 23, 0, 0).date().toString(), '2006-03-16');
  assert.equal(ApexDatetime.newInstanceGmt(2006, 3, 17, 2, 0, 0).date().toString(), '2006-03-16');
});

test('Datetime add methods', () => {
  // Apex Developer Guide: Datetime Class, addDays / addHours / addMinutes / addMonths / addSeconds / addYears examples
  assert.ok(ApexDatetime.newInstance(1960, 2, 17).addDays(2).equals(ApexDatetime.newInstance(1960, 2, 19)));
  assert.ok(ApexDatetime.newInstance(1997, 1, 31, 7, 8, 16).addHours(3).equals(ApexDatetime.newInstance(1997, 1, 31, 10, 8, 16)));
  assert.ok(ApexDatetime.newInstance(1999, 2, 11, 8, 6, 16).addMinutes(7).equals(ApexDatetime.newInstance(1999, 2, 11, 8, 13, 16)));
  assert.ok(ApexDatetime.newInstance(2000, 7, 7, 7, 8, 12).addMonths(1).equals(ApexDatetime.newInstance(2000, 8, 7, 7, 8, 12)));
  assert.ok(ApexDatetime.newInstance(2001, 7, 19, 10, 7, 12).addSeconds(4).equals(ApexDatetime.newInstance(2001, 7, 19, 10, 7, 16)));
  assert.ok(ApexDatetime.newInstance(2009, 10, 4, 8, 30, 12).addYears(1).equals(ApexDatetime.newInstance(2010, 10, 4, 8, 30, 12)));
});

test('Datetime across daylight saving time in the user zone', () => {
  // Apex Developer Guide: Datetime Class (methods without Gmt work in "the local time zone of the context user")
  const before = ApexDatetime.newInstance(2024, 3, 9, 12, 0, 0); // PST
  const after = before.addDays(1); // wall clock kept: 12:00 PDT
  assert.equal(after.hour(), 12);
  assert.equal(Number(after.getTime() - before.getTime()), 23 * 3600000);
  assert.equal(before.addHours(24).hour(), 13); // elapsed hours cross the gap
  // a wall time inside the spring-forward gap moves forward
  assert.equal(ApexDatetime.newInstance(2024, 3, 10, 2, 30, 0).format('HH:mm z'), '03:30 PDT');
  // the fall-back overlap reads the standard-time instant (java.util.GregorianCalendar)
  assert.equal(ApexDatetime.newInstance(2024, 11, 3, 1, 30, 0).toString(), '2024-11-03 09:30:00');
  assert.equal(ApexDatetime.newInstance(2024, 11, 3, 1, 30, 0).format('HH:mm z'), '01:30 PST');
  assert.equal(ApexDatetime.newInstance(2024, 11, 2, 12, 0, 0).addDays(1).hourGmt(), 20);
  assert.equal(ApexDatetime.newInstance(2024, 11, 3, 0, 59, 0).addHours(1).format('HH:mm z'), '01:59 PDT');
});

test('Datetime.format(pattern, timeZone) and formatGmt', () => {
  // Apex Developer Guide: Datetime Class, format(dateFormatString, timezone):
  // newInstanceGmt(2011,6,1,12,1,5).format('MM/dd/yyyy HH:mm:ss', 'America/New_York') = '06/01/2011 08:01:05'
  assert.equal(ApexDatetime.newInstanceGmt(2011, 6, 1, 12, 1, 5).format('MM/dd/yyyy HH:mm:ss', 'America/New_York'), '06/01/2011 08:01:05');
  // Datetime Class, formatGmt: newInstance(1993, 6, 6, 3, 3, 3) in PDT -> 'Sun, Jun 6 1993 10:03:03'
  assert.equal(ApexDatetime.newInstance(1993, 6, 6, 3, 3, 3).formatGmt('EEE, MMM d yyyy HH:mm:ss'), 'Sun, Jun 6 1993 10:03:03');
  // Datetime Class, formatLong: newInstance(2012, 12, 28, 10, 0, 0) -> '12/28/2012 10:00:00 AM PST'
  assert.equal(ApexDatetime.newInstance(2012, 12, 28, 10, 0, 0).formatLong(), '12/28/2012 10:00:00 AM PST');
  // Datetime Class, format(): newInstance(1993, 6, 6, 3, 3, 3).format() = '6/6/1993, 3:03 AM' (ICU locale formats)
  assert.equal(ApexDatetime.newInstance(1993, 6, 6, 3, 3, 3).format(), '6/6/1993, 3:03 AM');
  // Datetime Class, format(dateFormatString): newInstance(2022, 5, 4, 19, 37, 55).format('yyyy-MM-dd h:mm a') = '2022-05-04 7:37 PM'
  assert.equal(ApexDatetime.newInstance(2022, 5, 4, 19, 37, 55).format('yyyy-MM-dd h:mm a'), '2022-05-04 7:37 PM');
  const dt = ApexDatetime.newInstance(2024, 5, 1, 9, 5, 7);
  assert.equal(dt.format('h:mm a'), '9:05 AM');
  assert.equal(dt.format("yyyy-MM-dd'T'HH:mm:ssXXX"), '2024-05-01T09:05:07-07:00');
  assert.equal(dt.format('yyyy-MM-dd HH:mm z'), '2024-05-01 09:05 PDT');
  assert.equal(dt.format('EEEE d MMMM yy, Z'), 'Wednesday 1 May 24, -0700');
  assert.equal(dt.format("'It''s' h 'o''clock'"), "It's 9 o'clock");
  assert.equal(dt.format(), '5/1/2024, 9:05 AM');
  assert.equal(dt.formatGmt('yyyy-MM-dd HH:mm'), '2024-05-01 16:05');
  assert.throws(() => dt.format('yyyy-MM-dd q'), ApexValueError);
});

test('String.valueOf(Datetime) forms and the JSON form', () => {
  // Apex Developer Guide: JSON Class, serialize: a Datetime of 2011-03-22 01:15:18 (PDT) serializes as "2011-03-22T08:15:18.000Z"
  const dt = ApexDatetime.newInstanceDateTime(ApexDate.newInstance(2011, 3, 22), ApexTime.newInstance(1, 15, 18, 0));
  assert.equal(dt.toJSON(), '2011-03-22T08:15:18.000Z');
  assert.equal(dt.toString(), '2011-03-22 08:15:18'); // GMT, as System.debug prints
  assert.equal(dt.toLocalString(), '2011-03-22 01:15:18');
  // String Class, valueOf(datetimeToConvert): newInstance(1996, 6, 23) -> '1996-06-23 00:00:00' (local time zone)
  assert.equal(ApexDatetime.newInstance(1996, 6, 23).toLocalString(), '1996-06-23 00:00:00');
  // String Class, valueOfGmt(datetimeToConvert): newInstance(2001, 9, 14) in California -> '2001-09-14 07:00:00'
  assert.equal(ApexDatetime.newInstance(2001, 9, 14).toString(), '2001-09-14 07:00:00');
});

test('Datetime.valueOf / valueOfGmt / parse / newInstance(ms)', () => {
  // Apex Developer Guide: Datetime Class, valueOf(dateTimeString): '2008-10-5 12:20:20' in the local time zone
  assert.equal(ApexDatetime.valueOf('2008-10-5 12:20:20').toString(), '2008-10-05 19:20:20');
  assert.equal(ApexDatetime.valueOfGmt('2008-10-5 12:20:20').toString(), '2008-10-05 12:20:20');
  // Datetime Class, parse(datetimeString): '10/14/2011, 11:46 AM' then format() gives the same text back
  assert.equal(ApexDatetime.parse('10/14/2011, 11:46 AM').format(), '10/14/2011, 11:46 AM');
  assert.equal(ApexDatetime.parse('10/14/2011 11:46 AM').toString(), '2011-10-14 18:46:00');
  // Datetime Class, valueOfGmt: '2009-3-5 5:2:2' = newInstance(2009, 3, 4, 21, 2, 2) in California
  assert.ok(ApexDatetime.valueOfGmt('2009-3-5 5:2:2').equals(ApexDatetime.newInstance(2009, 3, 4, 21, 2, 2)));
  assert.equal(ApexDatetime.newInstanceMs(0).toString(), '1970-01-01 00:00:00');
  assert.equal(ApexDatetime.parseIso('2024-01-01T10:00:00.000+0200').toString(), '2024-01-01 08:00:00');
  assert.throws(() => ApexDatetime.valueOf('2008/10/05'), ApexValueError);
});

test('Time', () => {
  // Apex Developer Guide: Time Class, addHours: newInstance(1, 2, 3, 4) + 3 hours = newInstance(4, 2, 3, 4)
  assert.ok(ApexTime.newInstance(1, 2, 3, 4).addHours(3).equals(ApexTime.newInstance(4, 2, 3, 4)));
  // Time Class, addMilliseconds: newInstance(1, 2, 3, 0) + 1400 = newInstance(1, 2, 4, 400)
  assert.ok(ApexTime.newInstance(1, 2, 3, 0).addMilliseconds(1400).equals(ApexTime.newInstance(1, 2, 4, 400)));
  // Time Class, addSeconds: newInstance(1, 2, 55, 0) + 10 = newInstance(1, 3, 5, 0)
  assert.ok(ApexTime.newInstance(1, 2, 55, 0).addSeconds(10).equals(ApexTime.newInstance(1, 3, 5, 0)));
  // Time Class, hour(): newInstance(18, 30, 2, 20).addHours(2).hour() = 20; millisecond/minute/second of newInstance(3, 14, 15, 926)
  assert.equal(ApexTime.newInstance(18, 30, 2, 20).addHours(2).hour(), 20);
  assert.equal(ApexTime.newInstance(3, 14, 15, 926).millisecond(), 926);
  assert.equal(ApexTime.newInstance(3, 14, 15, 926).minute(), 14);
  assert.equal(ApexTime.newInstance(3, 14, 15, 926).second(), 15);
  // Time Class, newInstance(18, 30, 2, 20) prints 18:30:02.020Z
  assert.equal(ApexTime.newInstance(18, 30, 2, 20).toString(), '18:30:02.020Z');
  assert.equal(ApexTime.newInstance(23, 0, 0, 0).addHours(2).toString(), '01:00:00.000Z');
  assert.equal(ApexTime.newInstance(0, 0, 0, 0).addMinutes(-1).toString(), '23:59:00.000Z');
  const t = ApexTime.newInstance(10, 20, 30, 400);
  assert.deepEqual([t.hour(), t.minute(), t.second(), t.millisecond()], [10, 20, 30, 400]);
  assert.equal(ApexTime.valueOf('10:20:30.400Z').equals(t), true);
});

test('Date.today() is the date in the given zone', () => {
  const today = ApexDate.today();
  const tokyo = ApexDate.today('Asia/Tokyo');
  assert.ok(Math.abs(today.daysBetween(tokyo)) <= 1);
});

test('format(pattern, timezone): Java zone ids, Java short names, unknown ids are GMT', () => {
  // Apex Developer Guide: Datetime Class, format(dateFormatString, timezone) ("Valid time zone values ...
  // are the time zones of the Java TimeZone class")
  const dt = ApexDatetime.newInstanceGmt(2024, 7, 1, 12, 0, 0);
  assert.equal(dt.format('HH:mm z', 'Europe/Paris'), '14:00 CEST');
  assert.equal(dt.format('HH:mm z', 'Europe/London'), '13:00 BST');
  assert.equal(dt.format('HH:mm z', 'Asia/Kolkata'), '17:30 IST');
  assert.equal(dt.format('HH:mm', 'PST'), '05:00');
  assert.equal(dt.format('HH:mm z', 'Not/AZone'), '12:00 GMT');
  assert.equal(dt.format('HH:mm zzzz', 'America/New_York'), '08:00 Eastern Daylight Time');
});
