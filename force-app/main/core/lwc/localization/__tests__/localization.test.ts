import {
  formatCurrency,
  formatDate,
  formatDateTime,
  formatEditableNumber,
  formatFixed,
  formatLabel,
  formatNumber,
  formatPercent,
  numberExample,
  parseNumber,
  USER_CURRENCY,
  USER_LOCALE
} from 'c/localization';

// Intl output uses no-break spaces in several locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('parseNumber', () => {
  it.each([
    ['12.000,50', 'de-DE', 12000.5],
    ['12000,5', 'de-DE', 12000.5],
    ['1.234.567', 'de-DE', 1234567],
    ['-3,25', 'de-DE', -3.25],
    ['12,000.50', 'en-US', 12000.5],
    ['12000.5', 'en-US', 12000.5],
    ['  42 ', 'en-US', 42],
    ['\u22127.5', 'en-US', -7.5],
    ['12 000,50', 'fr-FR', 12000.5],
    ['12\u202f000,50', 'fr-FR', 12000.5],
    ['1.500,75', 'es-ES', 1500.75],
    ["12'000.50", 'de-CH', 12000.5],
    ['0', 'de-DE', 0]
  ])('reads %s in %s as %d', (text, locale, expected) => {
    expect(parseNumber(text, locale)).toBe(expected);
  });

  it.each([
    ['12,000.50', 'de-DE'],
    ['12.5', 'de-DE'],
    ['12.000,50', 'en-US'],
    ['1,23', 'en-US'],
    ['abc', 'en-US'],
    ['', 'en-US'],
    ['12,00,000', 'en-US'],
    ['1e5', 'en-US'],
    ['--5', 'en-US']
  ])('refuses %s in %s', (text, locale) => {
    expect(parseNumber(text, locale)).toBeNull();
  });

  it('refuses null and undefined', () => {
    expect(parseNumber(null, 'en-US')).toBeNull();
    expect(parseNumber(undefined)).toBeNull();
  });

  it('reads back what formatEditableNumber writes into an input, in each shipped locale', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'es-ES']) {
      expect(parseNumber(formatEditableNumber(12000.5, locale), locale)).toBe(12000.5);
    }
    expect(formatEditableNumber(12000.5, 'de-DE')).toBe('12000,5');
    expect(formatEditableNumber(null)).toBe('');
  });

  it('reads what numberExample shows, in each shipped locale', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'es-ES']) {
      expect(parseNumber(numberExample(locale), locale)).toBe(12000.5);
    }
    expect(numberExample('de-DE')).toBe('12.000,50');
  });
});

describe('formatting in the user locale', () => {
  it('uses the platform locale and currency by default (Jest: en-US, USD)', () => {
    expect(USER_LOCALE).toBe('en-US');
    expect(USER_CURRENCY).toBe('USD');
    expect(formatCurrency(12000.5)).toBe('$12,000.50');
  });

  it('formats money in the locale and in the amount currency', () => {
    expect(plain(formatCurrency(12000.5, 'EUR', 'de-DE'))).toBe('12.000,50 €');
    expect(plain(formatCurrency(12000.5, 'EUR', 'fr-FR'))).toBe('12 000,50 €');
    expect(formatCurrency(12000.5, 'USD', 'en-US')).toBe('$12,000.50');
    // yen has no minor unit: no forced two decimals
    expect(formatCurrency(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(formatCurrency(null, 'EUR')).toBe('');
    expect(formatCurrency(Number.NaN, 'EUR')).toBe('');
  });

  it('formats numbers and percents', () => {
    expect(formatNumber(1234567, 0, 'de-DE')).toBe('1.234.567');
    expect(formatNumber(2.456, 2, 'en-US')).toBe('2.46');
    expect(formatNumber(undefined)).toBe('');
    expect(formatFixed(1.3, 2, 'de-DE')).toBe('1,30');
    expect(formatFixed(1234.5, 2, 'en-US')).toBe('1,234.50');
    expect(formatFixed(null, 2)).toBe('');
    expect(plain(formatPercent(0.255, 1, 'de-DE'))).toBe('25,5 %');
    expect(formatPercent(0.25, 1, 'en-US')).toBe('25%');
    expect(formatPercent(null)).toBe('');
  });

  it('shows a date-only value as that calendar day in any time zone', () => {
    expect(formatDate('2026-05-01', 'en-US', 'America/Los_Angeles')).toBe('May 1, 2026');
    expect(formatDate('2026-05-01', 'de-DE', 'Pacific/Honolulu')).toBe('01.05.2026');
    expect(formatDate('2026-05-01', 'fr-FR', 'Asia/Tokyo')).toBe('1 mai 2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date', 'en-US')).toBe('not a date');
  });

  it('shows a date-time in the user time zone', () => {
    expect(formatDate('2026-05-01T23:30:00Z', 'en-US', 'Europe/Berlin')).toBe('May 2, 2026');
    expect(plain(formatDateTime('2026-05-01T23:30:00Z', 'en-GB', 'Europe/Berlin'))).toBe(
      '2 May 2026, 01:30'
    );
    expect(formatDateTime('', 'en-US')).toBe('');
    expect(formatDateTime('garbage', 'en-US')).toBe('garbage');
  });

  it('fills label placeholders and leaves missing ones visible', () => {
    expect(formatLabel('{0} of {1} shown', 3, 10)).toBe('3 of 10 shown');
    expect(formatLabel('Invite {0} contacts', 2)).toBe('Invite 2 contacts');
    expect(formatLabel('{1} then {0}', 'a', 'b')).toBe('b then a');
    expect(formatLabel('missing {1}', 'a')).toBe('missing {1}');
  });
});
