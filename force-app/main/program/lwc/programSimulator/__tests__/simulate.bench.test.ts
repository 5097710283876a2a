import { simulate, toEngineRule } from '../simulate';
import type { SimReferral, SimRule } from 'c/programDtos';

/** 50,000 synthetic referrals over a year: 30% qualified, 13% won, deals in USD and EUR. */
function syntheticReferrals(count: number): SimReferral[] {
  const referrals: SimReferral[] = [];
  for (let i = 0; i < count; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    const date = `2026-${month}-${day}`;
    const won = i % 100 < 13;
    const qualified = won || i % 100 < 30;
    referrals.push({
      id: `r${i}`,
      advocateId: `a${i % 5000}`,
      submittedDate: date,
      qualifiedDate: qualified ? date : null,
      wonDate: won ? date : null,
      // every deal amount distinct: the replay cannot lean on repeated deals
      dealAmount: qualified ? 1000 + i : null,
      dealCurrency: qualified ? (i % 2 === 0 ? 'USD' : 'EUR') : null
    });
  }
  return referrals;
}

const RULES: SimRule[] = [
  {
    id: 'R1',
    name: 'Points on submit',
    active: true,
    milestone: 'SUBMITTED',
    recipient: 'ADVOCATE',
    rewardType: 'POINTS',
    calculation: 'FLAT',
    value: 100,
    tiers: null,
    tierMode: null,
    minDealAmount: null,
    maxReward: null,
    startDate: null,
    endDate: null
  },
  {
    id: 'R2',
    name: '5% of won deals',
    active: true,
    milestone: 'WON',
    recipient: 'ADVOCATE',
    rewardType: 'CASH',
    calculation: 'PERCENT',
    value: 5,
    tiers: null,
    tierMode: null,
    minDealAmount: 500,
    maxReward: 1000,
    startDate: null,
    endDate: null
  },
  {
    id: 'R3',
    name: 'Tiered bonus',
    active: true,
    milestone: 'WON',
    recipient: 'REFERRED',
    rewardType: 'CASH',
    calculation: 'TIERED',
    value: null,
    tierMode: 'MARGINAL',
    tiers: [
      { upTo: 5000, calculation: 'FLAT', value: 50 },
      { upTo: null, calculation: 'PERCENT', value: 2 }
    ],
    minDealAmount: null,
    maxReward: null,
    startDate: null,
    endDate: null
  }
];

describe('programSimulator replay benchmark', () => {
  it('replays 50,000 referrals under three rules in under a second of CPU', () => {
    const referrals = syntheticReferrals(50000);
    const program = {
      currency: 'USD',
      annualCashCapPerAdvocate: 2000,
      rates: { USD: 1, EUR: 0.92 }
    };
    const rules = RULES.map(toEngineRule);
    simulate(program, rules, referrals.slice(0, 1000)); // warm the JIT, as a browser tab would be
    // This machine is shared (load average often 5x its cores), so wall time mostly measures the
    // queue for a core; the assertion uses the CPU time the replay itself consumed, and both
    // figures are printed.
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = simulate(program, rules, referrals);
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `programSimulator: replayed ${result.referrals} referrals (${result.decisions} reward decisions) in ${cpuMs.toFixed(1)} ms CPU, ${wallMs.toFixed(1)} ms wall`
    );
    expect(result.referrals).toBe(50000);
    expect(result.wonDeals).toBe(6500);
    expect(result.skipped).toBe(0);
    expect(result.totalCash).toBeGreaterThan(0);
    expect(cpuMs).toBeLessThan(1000);

    // an edit of the draft replays the same list again: what does not depend on the rules
    // (milestones, date order, advocates) is prepared once per list and reused
    // (the referred party's tiered bonus: the advocates' cash is at its annual cap already)
    const draft = rules.map((rule) => {
      if (rule.id !== 'R3') return rule;
      return {
        ...rule,
        tiers: [{ upTo: 5000, calculation: 'FLAT' as const, value: 60 }, rule.tiers![1]]
      };
    });
    const cpuAgain = process.cpuUsage();
    const startedAgain = performance.now();
    const edited = simulate(program, draft, referrals);
    const againWallMs = performance.now() - startedAgain;
    const again = process.cpuUsage(cpuAgain);
    const againCpuMs = (again.user + again.system) / 1000;
    console.log(
      `programSimulator: the draft's replay of the same ${edited.referrals} referrals in ${againCpuMs.toFixed(1)} ms CPU, ${againWallMs.toFixed(1)} ms wall`
    );
    expect(edited.wonDeals).toBe(6500);
    expect(edited.totalCash).toBeGreaterThan(result.totalCash);
    expect(againCpuMs).toBeLessThan(1000);
  });
});
