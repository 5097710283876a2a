/**
 * The engine's refusals said in the user's language: each sentence is chosen from the real
 * engine's error code and field path (labels resolve to their English values under Jest), and the
 * engine's own English diagnostic never comes through.
 */
import { ReferralEngineError, metrics, reward } from 'c/referralEngine';
import type { RewardInput, Rule } from 'c/referralEngine';
import { reduceErrors } from 'c/errorMessages';
import { engineErrorFromText, engineErrorMessage, isEngineError } from 'c/engineMessages';

function rule(overrides: Partial<Rule> = {}): Rule {
  return {
    id: 'R1',
    active: true,
    milestone: 'WON',
    recipient: 'ADVOCATE',
    rewardType: 'CASH',
    calculation: 'FLAT',
    value: 100,
    ...overrides
  } as Rule;
}

function input(rules: Rule[], deal: RewardInput['deal'] = null, rates = {}): RewardInput {
  return {
    program: { currency: 'USD', annualCashCapPerAdvocate: null },
    rules,
    referral: { id: 'ref1', milestone: 'WON', milestoneDate: '2026-03-01' },
    deal,
    rates
  };
}

/** The engine's refusal of this input. */
function refusal(value: RewardInput): ReferralEngineError {
  try {
    reward(value);
  } catch (e) {
    if (e instanceof ReferralEngineError) return e;
    throw e;
  }
  throw new Error('the engine accepted the input');
}

describe('engineErrorMessage', () => {
  it('names the rule (number and name) and the field of a rule the engine refuses', () => {
    const error = refusal(input([rule(), rule({ id: 'R2', value: 1.23456 })]));
    expect(error.field).toBe('rules[1].value');
    const said = engineErrorMessage(error, { ruleNames: ['Welcome', 'Won bonus'] });
    expect(said).toBe(
      'Rule 2 (Won bonus): the field “Value” is not valid; correct it and try again.'
    );
    expect(said).not.toContain(error.message);
    // without names, the number alone
    expect(engineErrorMessage(error)).toBe(
      'Rule 2: the field “Value” is not valid; correct it and try again.'
    );
  });

  it('names the tier and its field', () => {
    const tiered = rule({
      calculation: 'TIERED',
      value: null,
      tiers: [
        { upTo: 1000, calculation: 'FLAT', value: 50 },
        { upTo: 500, calculation: 'PERCENT', value: 5 }
      ]
    } as Partial<Rule>);
    const error = refusal(input([tiered]));
    expect(error.field).toBe('rules[0].tiers[1].upTo');
    expect(engineErrorMessage(error, { ruleNames: ['Tiered'] })).toBe(
      'Rule 1 (Tiered), tier 2: the field “Up to (deal amount)” is not valid; correct it and try again.'
    );
  });

  it('says two rules share an ID, and when a rule or the rule list itself is refused', () => {
    expect(engineErrorMessage(refusal(input([rule(), rule()])))).toBe(
      'Rule 2 has the same ID as another rule; remove one of the two and try again.'
    );
    expect(engineErrorMessage(refusal(input([rule(), 'x' as unknown as Rule])))).toBe(
      'Rule 2 is not valid; correct it and try again.'
    );
    expect(engineErrorMessage(refusal(input('x' as unknown as Rule[])))).toBe(
      "The program's reward rules could not be read; ask your admin to check them."
    );
  });

  it('says which currency has no rate, and what a valid deal amount is', () => {
    const percentRule = rule({ calculation: 'PERCENT', value: 5 });
    const missing = refusal(input([percentRule], { amount: 100, currency: 'EUR' }, { USD: 1 }));
    expect(missing.code).toBe('MISSING_RATE');
    expect(missing.field).toBe('rates.EUR');
    expect(engineErrorMessage(missing)).toBe(
      "No conversion rate is set for the currency EUR, so amounts in it cannot be converted; ask your admin to add EUR to the org's currencies."
    );
    const amount = refusal(input([rule()], { amount: 10.123, currency: 'USD' }));
    expect(amount.field).toBe('deal.amount');
    expect(engineErrorMessage(amount)).toBe(
      'The deal amount is not valid: enter an amount of 0 or more with at most 13 digits before the decimal separator and 2 after it.'
    );
  });

  it('names the field path of any other refused value for an admin to find', () => {
    let error: unknown;
    try {
      metrics({
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        advocates: [{ id: 'a1', enrolledDate: '2026-02-30' }],
        referrals: []
      });
    } catch (e) {
      error = e;
    }
    expect(isEngineError(error)).toBe(true);
    expect(engineErrorMessage(error as ReferralEngineError)).toBe(
      'A value the calculation needs is not valid (advocates[0].enrolledDate); ask your admin to check the records behind this page.'
    );
  });
});

describe('engineErrorFromText (a refusal the server reports as text)', () => {
  it('reads the code and the field path of the Apex engine diagnostic', () => {
    const error = engineErrorFromText(
      'INVALID_INPUT: rules[0].maxReward must have at most 2 fraction digits, not 1.234.'
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'rules[0].maxReward' });
    expect(engineErrorMessage(error!, { ruleNames: ['Cap'] })).toBe(
      'Rule 1 (Cap): the field “Max reward” is not valid; correct it and try again.'
    );
  });

  it('keeps no path that is not one, and ignores text that is no engine refusal', () => {
    const error = engineErrorFromText(
      "INVALID_INPUT: a rule's tiers are not valid JSON; ask your admin to fix the rule."
    );
    expect(error!.field).toBe('');
    expect(engineErrorMessage(error!)).toBe(
      'A value the calculation needs is not valid (INVALID_INPUT); ask your admin to check the records behind this page.'
    );
    expect(engineErrorFromText('Insufficient access.')).toBeNull();
    expect(engineErrorFromText(null)).toBeNull();
  });
});

describe('reduceErrors (every error panel)', () => {
  it('says an engine refusal in the user language and other errors as they are', () => {
    const error = refusal(input([rule({ value: -1 })]));
    expect(reduceErrors([error, new Error('Network down')])).toEqual([
      'Rule 1: the field “Value” is not valid; correct it and try again.',
      'Network down'
    ]);
  });
});
