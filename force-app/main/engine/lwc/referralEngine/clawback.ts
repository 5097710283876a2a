/** docs/rules.md section 2, `clawback`: what a reversal of a WON referral takes back. */
import type { ClawbackAction, ClawbackInput, Milestone, RewardStatus, RewardType } from './types';
import {
  elemObj,
  invalid,
  reqArr,
  reqCents,
  reqDay,
  reqEnum,
  reqNum,
  reqObj,
  reqWhole,
  reqStr,
  root
} from './validate';

const MILESTONES: readonly Milestone[] = ['SUBMITTED', 'QUALIFIED', 'WON'];
const REWARD_TYPES: readonly RewardType[] = ['CASH', 'POINTS'];
const STATUSES: readonly RewardStatus[] = [
  'PENDING',
  'APPROVED',
  'ISSUED',
  'CANCELLED',
  'REVERSED'
];

interface Entry {
  key: string;
  milestone: Milestone;
  cash: boolean;
  status: RewardStatus;
  value: number;
}

/**
 * The actions a reversal takes on a referral's rewards, sorted by key: WON rewards that are
 * PENDING or APPROVED are cancelled, ISSUED ones reversed with the negated value; nothing
 * happens after `clawbackDays`.
 */
export function clawback(input: ClawbackInput): ClawbackAction[] {
  const o = root(input as unknown, 'input');
  const program = reqObj(o, 'program', '');
  const clawbackDays = reqNum(program, 'clawbackDays', 'program');
  const wonDay = reqDay(o, 'wonDate', '');
  const reversalDay = reqDay(o, 'reversalDate', '');
  const seen = new Map<string, number>();
  const entries = reqArr(o, 'rewards', '').map((v, i): Entry => {
    const p = `rewards[${i}]`;
    const r = elemObj(v, p);
    const key = reqStr(r, 'key', p);
    const first = seen.get(key);
    if (first !== undefined) {
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      invalid(`${p}.key`, `duplicates the key of rewards[${first}] (${key})`);
    }
    seen.set(key, i);
    const milestone = reqEnum(r, 'milestone', p, MILESTONES);
    const cash = reqEnum(r, 'rewardType', p, REWARD_TYPES) === 'CASH';
    const status = reqEnum(r, 'status', p, STATUSES);
    const value = cash ? reqCents(r, 'amount', p) : reqWhole(r, 'points', p);
    return { key, milestone, cash, status, value };
  });
  if (reversalDay < wonDay) {
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
    invalid('reversalDate', 'must not be before wonDate');
  }
  if (reversalDay - wonDay > clawbackDays) {
    return [];
  }
  const out: ClawbackAction[] = [];
  // Keys are unique (checked above), and the default sort orders strings by UTF-16 code units.
  for (const key of Array.from(seen.keys()).sort()) {
    const e = entries[seen.get(key) as number];
    if (e.milestone !== 'WON') {
      continue;
    }
    if (e.status === 'PENDING' || e.status === 'APPROVED') {
      out.push({ key: e.key, action: 'CANCEL' });
    } else if (e.status === 'ISSUED') {
      if (e.cash) {
        out.push({ key: e.key, action: 'REVERSE', amount: e.value === 0 ? 0 : -e.value / 100 });
      } else {
        out.push({ key: e.key, action: 'REVERSE', points: e.value === 0 ? 0 : -e.value });
      }
    }
  }
  return out;
}
