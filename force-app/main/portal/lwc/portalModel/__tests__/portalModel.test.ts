import {
  clean,
  cleanedDetails,
  emptyDetails,
  explainScreening,
  referralProblem,
  LIMITS
} from 'c/portalModel';
import cases from './data/explanations.json';

describe('c/portalModel', () => {
  it('accepts a complete, plain referral', () => {
    expect(
      referralProblem({
        ...emptyDetails(),
        lastName: 'Lee',
        email: 'lee@globex.com',
        phone: '+1 555 0100'
      })
    ).toBeNull();
  });

  it('refuses each kind of bad input with a sentence', () => {
    const base = { ...emptyDetails(), lastName: 'Lee', email: 'lee@globex.com' };
    expect(referralProblem({ ...base, lastName: '' })).toContain('last name');
    expect(referralProblem({ ...base, email: ' ' })).toContain('email');
    expect(referralProblem({ ...base, email: 'lee@globex' })).toContain('name@company.com');
    expect(referralProblem({ ...base, phone: 'call me' })).toContain('only digits');
    expect(referralProblem({ ...base, notes: 'x'.repeat(LIMITS.notes + 1) })).toContain('too long');
    expect(referralProblem({ ...base, company: 'data:text/html,<b>x</b>' })).toContain(
      'not allowed'
    );
  });

  it('explains every screening result in plain words', () => {
    for (const [verdict, reason, expected] of cases as [string | null, string | null, string][]) {
      expect(explainScreening(verdict, reason)).toContain(expected);
    }
  });

  it('cleans blank values to null', () => {
    expect(clean('  ')).toBeNull();
    expect(clean(undefined)).toBeNull();
    expect(clean(' x ')).toBe('x');
  });

  it('sends the details trimmed, blanks as null, with consent given', () => {
    expect(
      cleanedDetails({
        firstName: '  ',
        lastName: ' Lee ',
        email: ' lee@globex.com ',
        phone: null,
        company: ' Globex ',
        notes: '',
        consent: false
      })
    ).toEqual({
      firstName: null,
      lastName: 'Lee',
      email: 'lee@globex.com',
      phone: null,
      company: 'Globex',
      notes: null,
      consent: true
    });
  });
});
