/**
 * The rules engine's refusals (c/referralEngine `ReferralEngineError`) as one sentence in the
 * user's language. The engine's own message is a specified English diagnostic (docs/rules.md,
 * shared with the Apex engine, the conformance vectors and the bench) and never reaches a screen:
 * the sentence is chosen from the error code and the path of the field at fault
 * (`rules[2].tiers[1].upTo`, `rates.EUR`, `deal.amount`).
 */
import { formatLabel } from 'c/localization';
import RULE from '@salesforce/label/c.Engine_Error_Rule';
import TIER from '@salesforce/label/c.Engine_Error_Tier';
import RULE_ENTRY from '@salesforce/label/c.Engine_Error_Rule_Entry';
import RULE_DUPLICATE from '@salesforce/label/c.Engine_Error_Rule_Duplicate';
import RULES from '@salesforce/label/c.Engine_Error_Rules';
import DEAL_AMOUNT from '@salesforce/label/c.Engine_Error_Deal_Amount';
import MISSING_RATE from '@salesforce/label/c.Engine_Error_Missing_Rate';
import DATA from '@salesforce/label/c.Engine_Error_Data';
import FIELD_ID from '@salesforce/label/c.Engine_Field_Id';
import FIELD_ACTIVE from '@salesforce/label/c.Engine_Field_Active';
import FIELD_MILESTONE from '@salesforce/label/c.Engine_Field_Milestone';
import FIELD_RECIPIENT from '@salesforce/label/c.Engine_Field_Recipient';
import FIELD_REWARD_TYPE from '@salesforce/label/c.Engine_Field_Reward_Type';
import FIELD_CALCULATION from '@salesforce/label/c.Engine_Field_Calculation';
import FIELD_VALUE from '@salesforce/label/c.Engine_Field_Value';
import FIELD_TIER_MODE from '@salesforce/label/c.Engine_Field_Tier_Mode';
import FIELD_MIN_DEAL from '@salesforce/label/c.Engine_Field_Min_Deal';
import FIELD_MAX_REWARD from '@salesforce/label/c.Engine_Field_Max_Reward';
import FIELD_START_DATE from '@salesforce/label/c.Engine_Field_Start_Date';
import FIELD_END_DATE from '@salesforce/label/c.Engine_Field_End_Date';
import FIELD_TIERS from '@salesforce/label/c.Program_Sim_Tiers_Legend';
import FIELD_UP_TO from '@salesforce/label/c.Program_Sim_Tier_Up_To';
import FIELD_TIER_CALCULATION from '@salesforce/label/c.Program_Sim_Tier_Calculation';
import FIELD_TIER_VALUE from '@salesforce/label/c.Program_Sim_Tier_Value';

/** The engine error's shape (not imported, so this module stays a leaf: c/errorMessages uses it). */
export interface EngineErrorLike {
  name: string;
  code: string;
  field?: string;
  message: string;
}

/** What a screen knows about the rules it passed: their names, by index in the list. */
export interface EngineMessageContext {
  ruleNames?: readonly (string | null | undefined)[];
}

/** Is this a rules engine refusal? */
export function isEngineError(error: unknown): error is EngineErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Record<string, unknown>;
  return e.name === 'ReferralEngineError' && typeof e.code === 'string';
}

/** The translated names of a rule's fields (as the simulator's form labels them). */
export const RULE_FIELD_LABELS: Readonly<Record<string, string>> = {
  id: FIELD_ID,
  active: FIELD_ACTIVE,
  milestone: FIELD_MILESTONE,
  recipient: FIELD_RECIPIENT,
  rewardType: FIELD_REWARD_TYPE,
  calculation: FIELD_CALCULATION,
  value: FIELD_VALUE,
  tiers: FIELD_TIERS,
  tierMode: FIELD_TIER_MODE,
  minDealAmount: FIELD_MIN_DEAL,
  maxReward: FIELD_MAX_REWARD,
  startDate: FIELD_START_DATE,
  endDate: FIELD_END_DATE
};

const TIER_FIELD_LABELS: Readonly<Record<string, string>> = {
  upTo: FIELD_UP_TO,
  calculation: FIELD_TIER_CALCULATION,
  value: FIELD_TIER_VALUE
};

const RULE_PATH = /^rules\[(\d+)\](?:\.(\w+)(?:\[(\d+)\](?:\.(\w+))?)?)?$/;
const RATE_PATH = /^rates\.(.+)$/;

/** Rule n as the user knows it: its number from 1, and its name when the screen knows it. */
function ruleName(index: number, context: EngineMessageContext): string {
  const name = context.ruleNames?.[index];
  return name ? `${index + 1} (${name})` : String(index + 1);
}

/**
 * One sentence in the user's language for an engine refusal: the rule (and tier) and the field
 * to correct, the currency without a rate, the deal amount, or, for anything else, that a value
 * the calculation needs is not valid, with its path so an admin can find it.
 */
export function engineErrorMessage(
  error: EngineErrorLike,
  context: EngineMessageContext = {}
): string {
  const field = error.field ?? '';
  const rate = RATE_PATH.exec(field);
  if (error.code === 'MISSING_RATE' && rate) return formatLabel(MISSING_RATE, rate[1]);
  if (field === 'rules') return RULES;
  if (field === 'deal.amount') return DEAL_AMOUNT;
  const rule = RULE_PATH.exec(field);
  if (!rule) return formatLabel(DATA, field || error.code);
  const [, index, key, tierIndex, tierKey] = rule;
  const name = ruleName(Number(index), context);
  if (key === undefined) return formatLabel(RULE_ENTRY, name);
  if (key === 'id' && / duplicates /.test(error.message)) return formatLabel(RULE_DUPLICATE, name);
  if (key === 'tiers' && tierIndex !== undefined) {
    const tierField = tierKey === undefined ? FIELD_TIERS : (TIER_FIELD_LABELS[tierKey] ?? tierKey);
    return formatLabel(TIER, name, Number(tierIndex) + 1, tierField);
  }
  return formatLabel(RULE, name, RULE_FIELD_LABELS[key] ?? key);
}

const ENGINE_TEXT = /^(MISSING_RATE|INVALID_INPUT): (\S+)/;
const INPUT_PATH =
  /^(rules|rates|deal|program|referral|existingKeys|advocateCashYtd|weights|referrals|advocates|rewards|contacts)(\[\d+\])*(\.\w+(\[\d+\])*)*$/;

/**
 * An engine refusal the server reported as text (`CODE: <the Apex engine's diagnostic>`, whose
 * first word is the path of the field at fault, as docs/rules.md words it), or null for other text.
 */
export function engineErrorFromText(text: string | null | undefined): EngineErrorLike | null {
  const match = ENGINE_TEXT.exec(text ?? '');
  if (!match) return null;
  const path = match[2].replace(/[.:,;]+$/, '');
  return {
    name: 'ReferralEngineError',
    code: match[1],
    field: INPUT_PATH.test(path) ? path : '',
    message: text ?? ''
  };
}
