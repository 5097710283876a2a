/**
 * Every INVALID_INPUT the TypeScript engine raises, one fault at a time on a valid input: the
 * message starts with the JSON path of the field at fault (docs/rules.md, "which field an error
 * names") and ends with what is wrong. The Apex engine names the same fields.
 */
import {
  ReferralEngineError,
  clawback,
  metrics,
  reward,
  route,
  score,
  screen
} from 'c/referralEngine';

type Kind = 'reward' | 'clawback' | 'score' | 'route' | 'screen' | 'metrics';
const engine: Record<Kind, (input: never) => unknown> = {
  reward,
  clawback,
  score,
  route,
  screen,
  metrics
};

/** Marks a field to delete instead of set. */
const DELETE = Symbol('delete');

const bases: Record<Kind, Record<string, unknown>> = {
  reward: {
    program: { currency: 'USD', annualCashCapPerAdvocate: 1000 },
    rules: [
      {
        id: 'R1',
        active: true,
        milestone: 'WON',
        recipient: 'ADVOCATE',
        rewardType: 'CASH',
        calculation: 'TIERED',
        tiers: [
          { upTo: 1000, calculation: 'PERCENT', value: 2 },
          { upTo: null, calculation: 'FLAT', value: 3 }
        ],
        tierMode: 'STEP',
        minDealAmount: 1,
        maxReward: 100,
        startDate: '2026-01-01',
        endDate: '2026-12-31'
      },
      {
        id: 'R2',
        active: true,
        milestone: 'WON',
        recipient: 'ADVOCATE',
        rewardType: 'POINTS',
        calculation: 'FLAT',
        value: 5,
        maxReward: 7
      }
    ],
    referral: { id: 'ref1', milestone: 'WON', milestoneDate: '2026-03-01' },
    deal: { amount: 5000, currency: 'EUR' },
    rates: { USD: 1, EUR: 0.92 },
    existingKeys: ['x'],
    advocateCashYtd: 10
  },
  clawback: {
    program: { clawbackDays: 90 },
    wonDate: '2026-03-01',
    reversalDate: '2026-03-02',
    rewards: [
      { key: 'k1', milestone: 'WON', rewardType: 'CASH', amount: 5, status: 'ISSUED' },
      { key: 'k2', milestone: 'WON', rewardType: 'POINTS', points: 5, status: 'ISSUED' }
    ]
  },
  score: {
    asOf: '2026-06-30',
    weights: {
      submitted: 1,
      qualified: 3,
      won: 10,
      revenuePer1000: 1,
      halfLifeDays: 180,
      priorConversion: 0.13,
      priorStrength: 10,
      minMultiplier: 0.5,
      maxMultiplier: 2
    },
    referrals: [
      {
        advocateId: 'a1',
        submittedDate: '2026-01-10',
        qualifiedDate: '2026-02-01',
        wonDate: '2026-03-01',
        wonAmount: 12000
      }
    ]
  },
  route: {
    policy: 'ADVOCATE_OWNER',
    protectExistingAccounts: true,
    queueId: 'q',
    advocate: { relationshipOwnerId: null, accountOwnerId: '005A' },
    matchedAccountOwnerId: '005B',
    activeUserIds: ['005A']
  },
  screen: {
    today: '2026-05-01',
    program: { duplicateWindowDays: 365, blockedDomains: ['x.org'] },
    advocate: { email: 'p@a.com', accountId: '001A' },
    referred: { email: 'l@g.com' },
    existing: {
      contacts: [{ id: 'c', email: 'z@z.com', accountId: null, accountHasOpenOpportunity: false }],
      leads: [{ id: 'l', email: 'z@z.com', isConverted: false }],
      referrals: [{ id: 'r', email: 'z@z.com', submittedDate: '2026-01-02', status: 'REJECTED' }]
    }
  },
  metrics: {
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    advocates: [{ id: 'a1', enrolledDate: '2025-11-01' }],
    referrals: [{ id: 'r1', advocateId: 'a1', submittedDate: '2026-02-03', won: true }]
  }
};

const faults: [Kind, string, unknown, string][] = [
  ['clawback', '', null, 'INVALID_INPUT: input must be an object.'],
  ['clawback', '', 'x', 'INVALID_INPUT: input must be an object.'],
  ['score', '', null, 'INVALID_INPUT: input must be an object.'],
  ['score', '', 'x', 'INVALID_INPUT: input must be an object.'],
  ['route', '', null, 'INVALID_INPUT: input must be an object.'],
  ['route', '', 'x', 'INVALID_INPUT: input must be an object.'],
  ['screen', '', null, 'INVALID_INPUT: input must be an object.'],
  ['screen', '', 'x', 'INVALID_INPUT: input must be an object.'],
  ['metrics', '', null, 'INVALID_INPUT: input must be an object.'],
  ['metrics', '', 'x', 'INVALID_INPUT: input must be an object.'],
  ['clawback', 'program', DELETE, 'INVALID_INPUT: program is required.'],
  ['clawback', 'program.clawbackDays', DELETE, 'INVALID_INPUT: program.clawbackDays is required.'],
  ['clawback', 'wonDate', DELETE, 'INVALID_INPUT: wonDate is required.'],
  [
    'screen',
    'program.duplicateWindowDays',
    DELETE,
    'INVALID_INPUT: program.duplicateWindowDays is required.'
  ],
  ['screen', 'today', '2026-02-30', 'INVALID_INPUT: today must be a calendar date YYYY-MM-DD.'],
  ['score', 'weights.halfLifeDays', DELETE, 'INVALID_INPUT: weights.halfLifeDays is required.'],
  [
    'score',
    'weights.priorConversion',
    DELETE,
    'INVALID_INPUT: weights.priorConversion is required.'
  ],
  [
    'metrics',
    'periodStart',
    '2026-1-01',
    'INVALID_INPUT: periodStart must be a calendar date YYYY-MM-DD.'
  ],
  ['route', 'policy', DELETE, 'INVALID_INPUT: policy is required.'],
  ['reward', '', null, 'INVALID_INPUT: input must be an object.'],
  ['reward', '', [], 'INVALID_INPUT: input must be an object.'],
  ['reward', 'program', DELETE, 'INVALID_INPUT: program is required.'],
  ['reward', 'program', 5, 'INVALID_INPUT: program must be an object.'],
  ['reward', 'program.currency', 7, 'INVALID_INPUT: program.currency must be a string.'],
  [
    'reward',
    'program.annualCashCapPerAdvocate',
    -1,
    'INVALID_INPUT: program.annualCashCapPerAdvocate must not be negative.'
  ],
  [
    'reward',
    'program.annualCashCapPerAdvocate',
    '1',
    'INVALID_INPUT: program.annualCashCapPerAdvocate must be a number.'
  ],
  ['reward', 'rules', DELETE, 'INVALID_INPUT: rules is required.'],
  ['reward', 'rules', {}, 'INVALID_INPUT: rules must be a list.'],
  ['reward', 'rules.0', null, 'INVALID_INPUT: rules[0] is required.'],
  ['reward', 'rules.0.id', 1, 'INVALID_INPUT: rules[0].id must be a string.'],
  ['reward', 'rules.0.active', 'yes', 'INVALID_INPUT: rules[0].active must be true or false.'],
  [
    'reward',
    'rules.0.milestone',
    'won',
    'INVALID_INPUT: rules[0].milestone must be one of SUBMITTED, QUALIFIED, WON.'
  ],
  ['reward', 'rules.0.recipient', null, 'INVALID_INPUT: rules[0].recipient is required.'],
  [
    'reward',
    'rules.0.rewardType',
    'GIFT',
    'INVALID_INPUT: rules[0].rewardType must be one of CASH, POINTS.'
  ],
  [
    'reward',
    'rules.0.calculation',
    'STEPPED',
    'INVALID_INPUT: rules[0].calculation must be one of FLAT, PERCENT, TIERED.'
  ],
  ['reward', 'rules.0.tiers', null, 'INVALID_INPUT: rules[0].tiers is required.'],
  ['reward', 'rules.0.tiers', [], 'INVALID_INPUT: rules[0].tiers must be a non-empty list.'],
  ['reward', 'rules.0.tiers.0', 7, 'INVALID_INPUT: rules[0].tiers[0] must be an object.'],
  [
    'reward',
    'rules.0.tiers.0.upTo',
    null,
    'INVALID_INPUT: rules[0].tiers[0].upTo must not be null: only the last tier is open-ended.'
  ],
  [
    'reward',
    'rules.0.tiers.1.upTo',
    2000,
    'INVALID_INPUT: rules[0].tiers[1].upTo must be null: the last tier has no upper bound.'
  ],
  [
    'reward',
    'rules.0.tiers.0.upTo',
    -1,
    'INVALID_INPUT: rules[0].tiers[0].upTo must not be negative.'
  ],
  [
    'reward',
    'rules.0.tiers.0.upTo',
    0.001,
    'INVALID_INPUT: rules[0].tiers[0].upTo must have at most 2 fraction digits.'
  ],
  [
    'reward',
    'rules.0.tiers.0.calculation',
    'TIERED',
    'INVALID_INPUT: rules[0].tiers[0].calculation must be one of FLAT, PERCENT.'
  ],
  [
    'reward',
    'rules.0.tiers.0.value',
    1.00001,
    'INVALID_INPUT: rules[0].tiers[0].value must have at most 4 fraction digits.'
  ],
  [
    'reward',
    'rules.0.tiers.0.value',
    '2',
    'INVALID_INPUT: rules[0].tiers[0].value must be a number.'
  ],
  [
    'reward',
    'rules.0.tierMode',
    'marginal',
    'INVALID_INPUT: rules[0].tierMode must be one of STEP, MARGINAL.'
  ],
  [
    'reward',
    'rules.1.value',
    1.00001,
    'INVALID_INPUT: rules[1].value must have at most 4 fraction digits.'
  ],
  ['reward', 'rules.1.value', null, 'INVALID_INPUT: rules[1].value is required.'],
  ['reward', 'rules.1.value', -0.5, 'INVALID_INPUT: rules[1].value must not be negative.'],
  ['reward', 'rules.1.value', true, 'INVALID_INPUT: rules[1].value must be a number.'],
  [
    'reward',
    'rules.0.minDealAmount',
    0.001,
    'INVALID_INPUT: rules[0].minDealAmount must have at most 2 fraction digits.'
  ],
  [
    'reward',
    'rules.0.maxReward',
    0.001,
    'INVALID_INPUT: rules[0].maxReward must have at most 2 fraction digits.'
  ],
  [
    'reward',
    'rules.1.maxReward',
    7.5,
    'INVALID_INPUT: rules[1].maxReward must be a whole number or null.'
  ],
  ['reward', 'rules.1.maxReward', '7', 'INVALID_INPUT: rules[1].maxReward must be a number.'],
  [
    'reward',
    'rules.0.startDate',
    '2026-02-30',
    'INVALID_INPUT: rules[0].startDate must be a calendar date YYYY-MM-DD or null.'
  ],
  [
    'reward',
    'rules.0.endDate',
    5,
    'INVALID_INPUT: rules[0].endDate must be a calendar date YYYY-MM-DD or null.'
  ],
  ['reward', 'rules.1.id', 'R1', 'INVALID_INPUT: rules[1].id duplicates the id of rules[0] (R1).'],
  ['reward', 'referral', null, 'INVALID_INPUT: referral is required.'],
  ['reward', 'referral.id', null, 'INVALID_INPUT: referral.id is required.'],
  [
    'reward',
    'referral.milestone',
    'DONE',
    'INVALID_INPUT: referral.milestone must be one of SUBMITTED, QUALIFIED, WON.'
  ],
  [
    'reward',
    'referral.milestoneDate',
    '2026-1-01',
    'INVALID_INPUT: referral.milestoneDate must be a calendar date YYYY-MM-DD.'
  ],
  ['reward', 'deal', 7, 'INVALID_INPUT: deal must be an object or null.'],
  ['reward', 'deal.currency', null, 'INVALID_INPUT: deal.currency is required.'],
  ['reward', 'deal.amount', -5, 'INVALID_INPUT: deal.amount must not be negative.'],
  [
    'reward',
    'deal.amount',
    12.345,
    'INVALID_INPUT: deal.amount must have at most 2 fraction digits.'
  ],
  [
    'reward',
    'deal.amount',
    10000000000000,
    'INVALID_INPUT: deal.amount must have at most 13 integer digits.'
  ],
  ['reward', 'rates', [], 'INVALID_INPUT: rates must be an object or null.'],
  ['reward', 'rates.EUR', 0, 'INVALID_INPUT: rates.EUR must not be 0.'],
  ['reward', 'rates.EUR', -1, 'INVALID_INPUT: rates.EUR must not be negative.'],
  ['reward', 'rates.EUR', '1', 'INVALID_INPUT: rates.EUR must be a number.'],
  ['reward', 'rates.EUR', null, 'INVALID_INPUT: rates.EUR is required.'],
  ['reward', 'existingKeys', 'x', 'INVALID_INPUT: existingKeys must be a list.'],
  ['reward', 'existingKeys.0', 5, 'INVALID_INPUT: existingKeys[0] must be a string.'],
  [
    'reward',
    'advocateCashYtd',
    0.001,
    'INVALID_INPUT: advocateCashYtd must have at most 2 fraction digits.'
  ],
  ['reward', 'advocateCashYtd', '5', 'INVALID_INPUT: advocateCashYtd must be a number.'],
  [
    'clawback',
    'program.clawbackDays',
    -1,
    'INVALID_INPUT: program.clawbackDays must not be negative.'
  ],
  [
    'clawback',
    'wonDate',
    '2026-02-29',
    'INVALID_INPUT: wonDate must be a calendar date YYYY-MM-DD.'
  ],
  ['clawback', 'reversalDate', null, 'INVALID_INPUT: reversalDate is required.'],
  ['clawback', 'rewards', null, 'INVALID_INPUT: rewards is required.'],
  ['clawback', 'rewards.0', 'k', 'INVALID_INPUT: rewards[0] must be an object.'],
  ['clawback', 'rewards.0.key', null, 'INVALID_INPUT: rewards[0].key is required.'],
  [
    'clawback',
    'rewards.1.key',
    'k1',
    'INVALID_INPUT: rewards[1].key duplicates the key of rewards[0] (k1).'
  ],
  [
    'clawback',
    'rewards.0.milestone',
    'X',
    'INVALID_INPUT: rewards[0].milestone must be one of SUBMITTED, QUALIFIED, WON.'
  ],
  [
    'clawback',
    'rewards.0.rewardType',
    'X',
    'INVALID_INPUT: rewards[0].rewardType must be one of CASH, POINTS.'
  ],
  [
    'clawback',
    'rewards.0.status',
    'PAID',
    'INVALID_INPUT: rewards[0].status must be one of PENDING, APPROVED, ISSUED, CANCELLED, REVERSED.'
  ],
  ['clawback', 'rewards.0.amount', null, 'INVALID_INPUT: rewards[0].amount is required.'],
  ['clawback', 'rewards.1.points', -1, 'INVALID_INPUT: rewards[1].points must not be negative.'],
  ['clawback', 'rewards.1.points', 1.5, 'INVALID_INPUT: rewards[1].points must be a whole number.'],
  [
    'clawback',
    'reversalDate',
    '2026-02-28',
    'INVALID_INPUT: reversalDate must not be before wonDate.'
  ],
  ['score', 'asOf', 'x', 'INVALID_INPUT: asOf must be a calendar date YYYY-MM-DD.'],
  ['score', 'weights', null, 'INVALID_INPUT: weights is required.'],
  ['score', 'weights.submitted', -1, 'INVALID_INPUT: weights.submitted must not be negative.'],
  ['score', 'weights.qualified', '1', 'INVALID_INPUT: weights.qualified must be a number.'],
  ['score', 'weights.won', null, 'INVALID_INPUT: weights.won is required.'],
  [
    'score',
    'weights.revenuePer1000',
    -1,
    'INVALID_INPUT: weights.revenuePer1000 must not be negative.'
  ],
  [
    'score',
    'weights.halfLifeDays',
    0,
    'INVALID_INPUT: weights.halfLifeDays must be greater than 0.'
  ],
  [
    'score',
    'weights.priorConversion',
    0,
    'INVALID_INPUT: weights.priorConversion must be greater than 0.'
  ],
  [
    'score',
    'weights.priorStrength',
    -1,
    'INVALID_INPUT: weights.priorStrength must not be negative.'
  ],
  ['score', 'weights.minMultiplier', null, 'INVALID_INPUT: weights.minMultiplier is required.'],
  [
    'score',
    'weights.maxMultiplier',
    -2,
    'INVALID_INPUT: weights.maxMultiplier must not be negative.'
  ],
  ['score', 'referrals', null, 'INVALID_INPUT: referrals is required.'],
  ['score', 'referrals.0', 1, 'INVALID_INPUT: referrals[0] must be an object.'],
  [
    'score',
    'referrals.0.advocateId',
    1,
    'INVALID_INPUT: referrals[0].advocateId must be a string.'
  ],
  [
    'score',
    'referrals.0.submittedDate',
    null,
    'INVALID_INPUT: referrals[0].submittedDate is required.'
  ],
  [
    'score',
    'referrals.0.qualifiedDate',
    '2026-13-01',
    'INVALID_INPUT: referrals[0].qualifiedDate must be a calendar date YYYY-MM-DD or null.'
  ],
  [
    'score',
    'referrals.0.wonDate',
    3,
    'INVALID_INPUT: referrals[0].wonDate must be a calendar date YYYY-MM-DD or null.'
  ],
  [
    'score',
    'referrals.0.wonAmount',
    -1,
    'INVALID_INPUT: referrals[0].wonAmount must not be negative.'
  ],
  [
    'score',
    'referrals.0.wonAmount',
    '5',
    'INVALID_INPUT: referrals[0].wonAmount must be a number.'
  ],
  [
    'route',
    'policy',
    'X',
    'INVALID_INPUT: policy must be one of ADVOCATE_OWNER, QUEUE, ASSIGNMENT_RULES.'
  ],
  ['route', 'protectExistingAccounts', null, 'INVALID_INPUT: protectExistingAccounts is required.'],
  ['route', 'queueId', 5, 'INVALID_INPUT: queueId must be a string or null.'],
  ['route', 'advocate', null, 'INVALID_INPUT: advocate is required.'],
  [
    'route',
    'advocate.relationshipOwnerId',
    5,
    'INVALID_INPUT: advocate.relationshipOwnerId must be a string or null.'
  ],
  [
    'route',
    'advocate.accountOwnerId',
    5,
    'INVALID_INPUT: advocate.accountOwnerId must be a string or null.'
  ],
  [
    'route',
    'matchedAccountOwnerId',
    5,
    'INVALID_INPUT: matchedAccountOwnerId must be a string or null.'
  ],
  ['route', 'activeUserIds', null, 'INVALID_INPUT: activeUserIds is required.'],
  ['route', 'activeUserIds.0', 5, 'INVALID_INPUT: activeUserIds[0] must be a string.'],
  ['screen', 'today', null, 'INVALID_INPUT: today is required.'],
  ['screen', 'program', null, 'INVALID_INPUT: program is required.'],
  [
    'screen',
    'program.duplicateWindowDays',
    -1,
    'INVALID_INPUT: program.duplicateWindowDays must not be negative.'
  ],
  [
    'screen',
    'program.blockedDomains',
    'x',
    'INVALID_INPUT: program.blockedDomains must be a list.'
  ],
  [
    'screen',
    'program.blockedDomains.0',
    5,
    'INVALID_INPUT: program.blockedDomains[0] must be a string.'
  ],
  ['screen', 'advocate', null, 'INVALID_INPUT: advocate is required.'],
  ['screen', 'advocate.email', 5, 'INVALID_INPUT: advocate.email must be a string or null.'],
  [
    'screen',
    'advocate.accountId',
    5,
    'INVALID_INPUT: advocate.accountId must be a string or null.'
  ],
  ['screen', 'referred', null, 'INVALID_INPUT: referred is required.'],
  ['screen', 'referred.email', null, 'INVALID_INPUT: referred.email is required.'],
  ['screen', 'existing', 5, 'INVALID_INPUT: existing must be an object or null.'],
  ['screen', 'existing.contacts', 5, 'INVALID_INPUT: existing.contacts must be a list.'],
  ['screen', 'existing.contacts.0', 5, 'INVALID_INPUT: existing.contacts[0] must be an object.'],
  ['screen', 'existing.contacts.0.id', null, 'INVALID_INPUT: existing.contacts[0].id is required.'],
  [
    'screen',
    'existing.contacts.0.email',
    5,
    'INVALID_INPUT: existing.contacts[0].email must be a string or null.'
  ],
  [
    'screen',
    'existing.contacts.0.accountId',
    5,
    'INVALID_INPUT: existing.contacts[0].accountId must be a string or null.'
  ],
  [
    'screen',
    'existing.contacts.0.accountHasOpenOpportunity',
    'no',
    'INVALID_INPUT: existing.contacts[0].accountHasOpenOpportunity must be true or false.'
  ],
  ['screen', 'existing.leads', 5, 'INVALID_INPUT: existing.leads must be a list.'],
  ['screen', 'existing.leads.0', null, 'INVALID_INPUT: existing.leads[0] is required.'],
  ['screen', 'existing.leads.0.id', 5, 'INVALID_INPUT: existing.leads[0].id must be a string.'],
  [
    'screen',
    'existing.leads.0.email',
    5,
    'INVALID_INPUT: existing.leads[0].email must be a string or null.'
  ],
  [
    'screen',
    'existing.leads.0.isConverted',
    1,
    'INVALID_INPUT: existing.leads[0].isConverted must be true or false.'
  ],
  ['screen', 'existing.referrals', 'x', 'INVALID_INPUT: existing.referrals must be a list.'],
  ['screen', 'existing.referrals.0', [], 'INVALID_INPUT: existing.referrals[0] must be an object.'],
  [
    'screen',
    'existing.referrals.0.id',
    null,
    'INVALID_INPUT: existing.referrals[0].id is required.'
  ],
  [
    'screen',
    'existing.referrals.0.email',
    5,
    'INVALID_INPUT: existing.referrals[0].email must be a string or null.'
  ],
  [
    'screen',
    'existing.referrals.0.submittedDate',
    'x',
    'INVALID_INPUT: existing.referrals[0].submittedDate must be a calendar date YYYY-MM-DD.'
  ],
  [
    'screen',
    'existing.referrals.0.status',
    null,
    'INVALID_INPUT: existing.referrals[0].status is required.'
  ],
  ['metrics', 'periodStart', null, 'INVALID_INPUT: periodStart is required.'],
  [
    'metrics',
    'periodEnd',
    '2026-02-30',
    'INVALID_INPUT: periodEnd must be a calendar date YYYY-MM-DD.'
  ],
  ['metrics', 'advocates', null, 'INVALID_INPUT: advocates is required.'],
  ['metrics', 'referrals', {}, 'INVALID_INPUT: referrals must be a list.'],
  ['metrics', 'advocates.0', null, 'INVALID_INPUT: advocates[0] is required.'],
  ['metrics', 'advocates.0.id', 5, 'INVALID_INPUT: advocates[0].id must be a string.'],
  [
    'metrics',
    'advocates.0.enrolledDate',
    null,
    'INVALID_INPUT: advocates[0].enrolledDate is required.'
  ],
  ['metrics', 'referrals.0', 'x', 'INVALID_INPUT: referrals[0] must be an object.'],
  ['metrics', 'referrals.0.id', null, 'INVALID_INPUT: referrals[0].id is required.'],
  [
    'metrics',
    'referrals.0.advocateId',
    5,
    'INVALID_INPUT: referrals[0].advocateId must be a string.'
  ],
  [
    'metrics',
    'referrals.0.submittedDate',
    '2026-02-3',
    'INVALID_INPUT: referrals[0].submittedDate must be a calendar date YYYY-MM-DD.'
  ],
  ['metrics', 'referrals.0.won', 'true', 'INVALID_INPUT: referrals[0].won must be true or false.'],
  // Numbers that JSON cannot carry but a caller in TypeScript can pass: each kind of number field.
  ['score', 'weights.submitted', Infinity, 'INVALID_INPUT: weights.submitted must be a number.'],
  ['score', 'weights.submitted', -Infinity, 'INVALID_INPUT: weights.submitted must be a number.'],
  ['score', 'weights.submitted', NaN, 'INVALID_INPUT: weights.submitted must be a number.'],
  ['score', 'weights.won', '', 'INVALID_INPUT: weights.won must be a number.'],
  ['score', 'weights.won', false, 'INVALID_INPUT: weights.won must be a number.'],
  [
    'score',
    'referrals.0.wonAmount',
    Infinity,
    'INVALID_INPUT: referrals[0].wonAmount must be a number.'
  ],
  [
    'score',
    'referrals.0.wonAmount',
    NaN,
    'INVALID_INPUT: referrals[0].wonAmount must be a number.'
  ],
  [
    'score',
    'referrals.0.wonAmount',
    true,
    'INVALID_INPUT: referrals[0].wonAmount must be a number.'
  ],
  ['reward', 'deal.amount', Infinity, 'INVALID_INPUT: deal.amount must be a number.'],
  ['reward', 'deal.amount', -Infinity, 'INVALID_INPUT: deal.amount must be a number.'],
  ['reward', 'deal.amount', true, 'INVALID_INPUT: deal.amount must be a number.'],
  ['reward', 'advocateCashYtd', Infinity, 'INVALID_INPUT: advocateCashYtd must be a number.'],
  ['reward', 'advocateCashYtd', -0.01, 'INVALID_INPUT: advocateCashYtd must not be negative.'],
  ['reward', 'rates.EUR', Infinity, 'INVALID_INPUT: rates.EUR must be a number.'],
  ['reward', 'rates.EUR', NaN, 'INVALID_INPUT: rates.EUR must be a number.'],
  ['reward', 'rules.1.value', Infinity, 'INVALID_INPUT: rules[1].value must be a number.'],
  ['reward', 'rules.1.maxReward', Infinity, 'INVALID_INPUT: rules[1].maxReward must be a number.'],
  ['clawback', 'rewards.0.amount', Infinity, 'INVALID_INPUT: rewards[0].amount must be a number.'],
  ['clawback', 'rewards.1.points', Infinity, 'INVALID_INPUT: rewards[1].points must be a number.'],
  ['clawback', 'program.clawbackDays', NaN, 'INVALID_INPUT: program.clawbackDays must be a number.']
];

describe('a score referral without its optional dates', () => {
  // null and absent dates are valid: the error names the field at fault after them.
  it.each([
    ['null', { qualifiedDate: null, wonDate: null }],
    ['absent', {}]
  ])('names wonAmount when the dates are %s', (_how, dates) => {
    const input = JSON.parse(JSON.stringify(bases.score)) as { referrals: unknown[] };
    input.referrals = [{ advocateId: 'a1', submittedDate: '2026-01-10', ...dates, wonAmount: -1 }];
    let actual = 'no error';
    try {
      score(input as never);
    } catch (e) {
      actual = e instanceof ReferralEngineError ? `${e.code}: ${e.message}` : String(e);
    }
    expect(actual).toBe('INVALID_INPUT: referrals[0].wonAmount must not be negative.');
  });
});

/** A deep copy of the base input of kind with one field (a dotted path, '' for the input) changed. */
function withFault(kind: Kind, path: string, value: unknown): unknown {
  if (path === '') {
    return value;
  }
  const input = JSON.parse(JSON.stringify(bases[kind])) as Record<string, unknown>;
  const parts = path.split('.');
  let o = input;
  for (let i = 0; i < parts.length - 1; i++) {
    o = o[parts[i]] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (value === DELETE) {
    delete o[last];
  } else {
    o[last] = value;
  }
  return input;
}

describe('a score too large to compute', () => {
  const twoWon = [1, 2].map(() => ({
    advocateId: 'a1',
    submittedDate: '2026-06-30',
    qualifiedDate: null,
    wonDate: '2026-06-30',
    wonAmount: null
  }));
  const scoreWith = (weights: Record<string, number>): unknown => {
    const input = JSON.parse(JSON.stringify(bases.score)) as {
      weights: Record<string, number>;
      referrals: unknown[];
    };
    Object.assign(input.weights, weights);
    input.referrals = twoWon;
    return score(input as never);
  };

  // 2 x 1e308 overflows to Infinity; with both multipliers 0, Infinity x 0 is NaN.
  it.each([
    ['Infinity', { won: 1e308 }],
    ['NaN', { won: 1e308, minMultiplier: 0, maxMultiplier: 0 }]
  ])('is INVALID_INPUT naming the weights, not a raw error (%s)', (_what, weights) => {
    let actual = 'no error';
    let field = '';
    try {
      scoreWith(weights);
    } catch (e) {
      actual = e instanceof ReferralEngineError ? `${e.code}: ${e.message}` : String(e);
      field = e instanceof ReferralEngineError ? e.field : '';
    }
    expect(actual).toBe(
      'INVALID_INPUT: weights make the score of advocate a1 too large to compute; use smaller weights.'
    );
    expect(field).toBe('weights');
  });

  it('still scores the largest finite double (one referral, multiplier exactly 1)', () => {
    const input = JSON.parse(JSON.stringify(bases.score)) as {
      weights: Record<string, number>;
      referrals: unknown[];
    };
    Object.assign(input.weights, {
      submitted: Number.MAX_VALUE,
      priorStrength: 0,
      minMultiplier: 1,
      maxMultiplier: 1
    });
    input.referrals = [{ ...twoWon[0], wonDate: null }];
    expect(score(input as never)).toEqual([
      { advocateId: 'a1', score: Number.MAX_VALUE, rank: 1, submitted: 1, qualified: 0, won: 0 }
    ]);
  });

  it('still scores one tenth of that: (2 x 1e307 + 8) x the multiplier cap 2', () => {
    expect(scoreWith({ won: 1e307 })).toEqual([
      { advocateId: 'a1', score: 4e307, rank: 1, submitted: 2, qualified: 2, won: 2 }
    ]);
  });
});

describe('every invalid input is INVALID_INPUT naming the field', () => {
  it.each(faults)('%s %s = %p', (kind, path, value, message) => {
    let actual = 'no error';
    let field = '';
    try {
      engine[kind](withFault(kind, path, value) as never);
    } catch (e) {
      actual = e instanceof ReferralEngineError ? `${e.code}: ${e.message}` : String(e);
      field = e instanceof ReferralEngineError ? e.field : '';
    }
    expect(actual).toBe(message);
    // the error carries the path its message names, for screens to say it (c/engineMessages)
    expect(field).not.toBe('');
    expect(actual.startsWith(`INVALID_INPUT: ${field} `)).toBe(true);
  });

  it.each(Object.keys(bases) as Kind[])('the base %s input is valid', (kind) => {
    expect(() => engine[kind](withFault(kind, 'unused', 1) as never)).not.toThrow();
  });
});
