/**
 * Draft rules of the simulator: the editable form of a rule (numbers kept as typed text so a bad
 * entry can be shown and refused inline) and its conversion back to a rule DTO.
 */
import type { SimRule, SimTier } from 'c/programDtos';

export interface DraftRule {
  key: string;
  id: string;
  name: string;
  active: boolean;
  milestone: SimRule['milestone'];
  recipient: SimRule['recipient'];
  rewardType: SimRule['rewardType'];
  calculation: SimRule['calculation'];
  tierMode: 'STEP' | 'MARGINAL';
  value: string;
  tiersText: string;
  minDealAmount: string;
  maxReward: string;
  startDate: string | null;
  endDate: string | null;
}

export type NumberField = 'value' | 'minDealAmount' | 'maxReward';

let sequence = 0;

function text(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The editable form of a saved rule. */
export function toDraft(rule: SimRule): DraftRule {
  sequence += 1;
  return {
    key: `rule-${sequence}`,
    id: rule.id,
    name: rule.name ?? '',
    active: rule.active,
    milestone: rule.milestone,
    recipient: rule.recipient,
    rewardType: rule.rewardType,
    calculation: rule.calculation,
    tierMode: rule.tierMode ?? 'STEP',
    value: text(rule.value),
    tiersText: rule.tiers ? JSON.stringify(rule.tiers) : '',
    minDealAmount: text(rule.minDealAmount),
    maxReward: text(rule.maxReward),
    startDate: rule.startDate,
    endDate: rule.endDate
  };
}

/** A new draft rule: 100 cash to the advocate when the deal is won. */
export function newDraft(): DraftRule {
  sequence += 1;
  return {
    key: `rule-${sequence}`,
    id: `DRAFT-${sequence}`,
    name: 'New rule',
    active: true,
    milestone: 'WON',
    recipient: 'ADVOCATE',
    rewardType: 'CASH',
    calculation: 'FLAT',
    tierMode: 'STEP',
    value: '100',
    tiersText: '',
    minDealAmount: '',
    maxReward: '',
    startDate: null,
    endDate: null
  };
}

/** The number typed in a field: null when blank, NaN when not a number of 0 or more. */
export function parseAmount(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : Number.NaN;
}

const FIELD_LABELS: Record<NumberField, string> = {
  value: 'value',
  minDealAmount: 'minimum deal amount',
  maxReward: 'maximum reward'
};

/** The rule DTOs of the drafts, or the sentences that say which entry to fix. */
export function fromDrafts(drafts: DraftRule[]): { rules: SimRule[]; errors: string[] } {
  const rules: SimRule[] = [];
  const errors: string[] = [];
  drafts.forEach((draft, index) => {
    const label = `Rule ${index + 1} (${draft.name || 'unnamed'})`;
    const numbers = {} as Record<NumberField, number | null>;
    for (const field of ['value', 'minDealAmount', 'maxReward'] as NumberField[]) {
      const parsed = parseAmount(draft[field]);
      if (Number.isNaN(parsed)) {
        errors.push(`${label}: the ${FIELD_LABELS[field]} must be a number of 0 or more.`);
      }
      numbers[field] = parsed;
    }
    if (draft.calculation !== 'TIERED' && numbers.value === null) {
      errors.push(`${label}: enter a value.`);
    }
    let tiers: SimTier[] | null = null;
    if (draft.calculation === 'TIERED') {
      try {
        const parsed: unknown = JSON.parse(draft.tiersText || 'null');
        if (!Array.isArray(parsed) || parsed.length === 0) throw new Error('not a list');
        tiers = parsed as SimTier[];
      } catch {
        errors.push(
          `${label}: tiers must be a JSON list such as [{"upTo":1000,"calculation":"FLAT","value":50},{"upTo":null,"calculation":"PERCENT","value":5}].`
        );
      }
    }
    rules.push({
      id: draft.id,
      name: draft.name,
      active: draft.active,
      milestone: draft.milestone,
      recipient: draft.recipient,
      rewardType: draft.rewardType,
      calculation: draft.calculation,
      value: numbers.value,
      tiers,
      tierMode: draft.tierMode,
      minDealAmount: numbers.minDealAmount,
      maxReward: numbers.maxReward,
      startDate: draft.startDate,
      endDate: draft.endDate
    });
  });
  return { rules, errors };
}
