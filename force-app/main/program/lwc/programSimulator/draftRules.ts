/**
 * Draft rules of the simulator: the editable form of a rule (numbers kept as typed text so a bad
 * entry can be shown and refused inline; a TIERED rule's tiers as rows) and its conversion back
 * to a rule DTO.
 */
import type { SimRule, SimTier } from 'c/programDtos';
import TIER_UP_TO_INVALID from '@salesforce/label/c.Program_Sim_Tier_Up_To_Invalid';
import TIER_UP_TO_ORDER from '@salesforce/label/c.Program_Sim_Tier_Up_To_Order';
import TIER_VALUE_INVALID from '@salesforce/label/c.Program_Sim_Tier_Value_Invalid';
import TIERS_REQUIRED from '@salesforce/label/c.Program_Sim_Tiers_Required';
import RULE_NAMED from '@salesforce/label/c.Program_Sim_Rule_Named';
import UNNAMED from '@salesforce/label/c.Program_Sim_Unnamed';
import NEW_RULE from '@salesforce/label/c.Program_Sim_New_Rule';
import NUMBER_INVALID from '@salesforce/label/c.Program_Sim_Number_Invalid';
import VALUE_REQUIRED from '@salesforce/label/c.Program_Sim_Value_Required';
import FIELD_PERCENT from '@salesforce/label/c.Program_Sim_Field_Percent';
import { formatLabel, formatNumber } from 'c/localization';
import { RULE_FIELD_LABELS } from 'c/engineMessages';

/** One tier row: `upTo` blank on the last tier (no limit). */
export interface DraftTier {
  key: string;
  upTo: string;
  calculation: 'FLAT' | 'PERCENT';
  value: string;
}

export type TierField = 'upTo' | 'calculation' | 'value';

const format = formatLabel;

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
  tiers: DraftTier[];
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

/** A tier row from a tier of a saved rule. */
export function toDraftTier(tier: SimTier | null): DraftTier {
  sequence += 1;
  return {
    key: `tier-${sequence}`,
    upTo: text(tier?.upTo),
    calculation: tier?.calculation ?? 'FLAT',
    value: text(tier?.value)
  };
}

/** The tiers a rule switched to TIERED starts with: 50 up to 1,000, then 5%. */
export function defaultTiers(): DraftTier[] {
  return [
    toDraftTier({ upTo: 1000, calculation: 'FLAT', value: 50 }),
    toDraftTier({ upTo: null, calculation: 'PERCENT', value: 5 })
  ];
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
    tiers: rule.tiers && rule.tiers.length > 0 ? rule.tiers.map(toDraftTier) : [],
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
    name: NEW_RULE,
    active: true,
    milestone: 'WON',
    recipient: 'ADVOCATE',
    rewardType: 'CASH',
    calculation: 'FLAT',
    tierMode: 'STEP',
    value: '100',
    tiers: [],
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

/** The field's label in the form (a percent rule's value is labelled Percent). */
function fieldLabel(field: NumberField, draft: DraftRule): string {
  if (field === 'value' && draft.calculation === 'PERCENT') return FIELD_PERCENT;
  return RULE_FIELD_LABELS[field];
}

/** The rule DTOs of the drafts, or the sentences that say which entry to fix. */
export function fromDrafts(drafts: DraftRule[]): { rules: SimRule[]; errors: string[] } {
  const rules: SimRule[] = [];
  const errors: string[] = [];
  drafts.forEach((draft, index) => {
    const label = format(RULE_NAMED, index + 1, draft.name || UNNAMED);
    const numbers = {} as Record<NumberField, number | null>;
    for (const field of ['value', 'minDealAmount', 'maxReward'] as NumberField[]) {
      const parsed = parseAmount(draft[field]);
      if (Number.isNaN(parsed)) {
        errors.push(format(NUMBER_INVALID, label, fieldLabel(field, draft)));
      }
      numbers[field] = parsed;
    }
    if (draft.calculation !== 'TIERED' && numbers.value === null) {
      errors.push(format(VALUE_REQUIRED, label));
    }
    let tiers: SimTier[] | null = null;
    if (draft.calculation === 'TIERED') {
      const parsed = parseTiers(draft.tiers);
      errors.push(...parsed.errors.map((message) => `${label}: ${message}`));
      tiers = parsed.tiers;
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

/**
 * The tiers of the rows, or sentences naming the tier to fix (docs/rules.md: upTo strictly
 * increasing, blank exactly on the last tier; values of 0 or more).
 */
export function parseTiers(rows: DraftTier[]): { tiers: SimTier[]; errors: string[] } {
  const errors: string[] = [];
  if (rows.length === 0) return { tiers: [], errors: [TIERS_REQUIRED] };
  const tiers: SimTier[] = [];
  let previous = 0;
  rows.forEach((row, index) => {
    const number = index + 1;
    const last = index === rows.length - 1;
    const value = parseAmount(row.value);
    if (value === null || Number.isNaN(value)) errors.push(format(TIER_VALUE_INVALID, number));
    let upTo: number | null = null;
    if (!last) {
      const parsed = parseAmount(row.upTo);
      if (parsed === null || Number.isNaN(parsed) || parsed <= 0) {
        errors.push(format(TIER_UP_TO_INVALID, number));
      } else if (parsed <= previous) {
        errors.push(format(TIER_UP_TO_ORDER, number, formatNumber(previous, 2)));
      } else {
        upTo = parsed;
        previous = parsed;
      }
    }
    tiers.push({ upTo, calculation: row.calculation, value: value ?? 0 });
  });
  return { tiers, errors };
}
