import { LightningElement, api } from 'lwc';
import PROGRAM from '@salesforce/schema/Referral_Program__c';
import getSimulationData from '@salesforce/apex/ProgramSimulatorController.getSimulationData';
import type { SimRule, SimulationData } from 'c/programDtos';
import { simulate, toEngineRule, type SimulationProgram, type SimulationResult } from './simulate';
import { fromDrafts, newDraft, toDraft, type DraftRule } from './draftRules';

// the object's API name from the schema: it carries the namespace prefix once installed
const PROGRAM_OBJECT = PROGRAM.objectApiName;

const MILESTONES = [
  { label: 'Submitted', value: 'SUBMITTED' },
  { label: 'Qualified', value: 'QUALIFIED' },
  { label: 'Won', value: 'WON' }
];
const RECIPIENTS = [
  { label: 'Advocate', value: 'ADVOCATE' },
  { label: 'Referred party', value: 'REFERRED' }
];
const REWARD_TYPES = [
  { label: 'Cash', value: 'CASH' },
  { label: 'Points', value: 'POINTS' }
];
const CALCULATIONS = [
  { label: 'Flat', value: 'FLAT' },
  { label: 'Percent of deal', value: 'PERCENT' },
  { label: 'Tiered', value: 'TIERED' }
];
const TIER_MODES = [
  { label: 'Step', value: 'STEP' },
  { label: 'Marginal', value: 'MARGINAL' }
];

interface Outcome {
  current: SimulationResult | null;
  draft: SimulationResult | null;
  errors: string[];
  elapsedMs: number;
}

/**
 * What-if simulator on a Referral Program record page: replays the last 12 months of referrals
 * and deals with docs/rules.md `reward` under the current rules and under a draft the admin edits
 * here (add, edit, remove rule rows), and shows total cost, cost per won deal and per advocate,
 * and the difference to the current rules. Nothing is saved: the draft lives in the page.
 */
export default class ProgramSimulator extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  data: SimulationData | undefined;
  loadError: unknown;
  isLoading = false;
  drafts: DraftRule[] = [];
  outcome: Outcome = { current: null, draft: null, errors: [], elapsedMs: 0 };

  milestoneOptions = MILESTONES;
  recipientOptions = RECIPIENTS;
  rewardTypeOptions = REWARD_TYPES;
  calculationOptions = CALCULATIONS;
  tierModeOptions = TIER_MODES;

  override connectedCallback(): void {
    if (this.wrongPage) return;
    this.load();
  }

  get wrongPage(): boolean {
    return !this.recordId || (Boolean(this.objectApiName) && this.objectApiName !== PROGRAM_OBJECT);
  }

  async load(): Promise<void> {
    this.isLoading = true;
    try {
      const data = (await getSimulationData({ programId: this.recordId })) as SimulationData;
      this.data = data;
      this.current = undefined;
      this.loadError = undefined;
      this.drafts = data.rules.map(toDraft);
      this.recompute();
    } catch (error) {
      this.data = undefined;
      this.loadError = error;
    } finally {
      this.isLoading = false;
    }
  }

  get program(): SimulationProgram | null {
    const data = this.data;
    if (!data) return null;
    return {
      currency: data.currencyCode,
      annualCashCapPerAdvocate: data.annualCashCapPerAdvocate,
      rates: data.rates
    };
  }

  /** The current rules' replay: computed once per load, the baseline of every draft. */
  private current:
    { result: SimulationResult | null; error: string | null; rulesKey: string } | undefined;

  /** Replays the referrals under the draft (and, once per load, under the current rules). */
  recompute(): void {
    const data = this.data;
    const program = this.program;
    if (!data || !program) return;
    const errors: string[] = [];
    let draft: SimulationResult | null = null;
    const started = performance.now();
    if (!this.current) {
      const rules = data.rules.map(toEngineRule);
      const rulesKey = JSON.stringify(rules);
      try {
        this.current = { result: simulate(program, rules, data.referrals), error: null, rulesKey };
      } catch (e) {
        this.current = {
          result: null,
          error: `The current rules cannot be replayed: ${(e as Error).message}`,
          rulesKey
        };
      }
    }
    const current = this.current.result;
    if (this.current.error) errors.push(this.current.error);
    const parsed = fromDrafts(this.drafts);
    errors.push(...parsed.errors);
    if (parsed.errors.length === 0) {
      const rules = parsed.rules.map(toEngineRule);
      if (current && JSON.stringify(rules) === this.current.rulesKey) {
        // the draft is the current rules (as loaded, or edited back): the replay is pure, same answer
        draft = current;
      } else {
        try {
          draft = simulate(program, rules, data.referrals);
        } catch (e) {
          errors.push(`The draft rules cannot be replayed: ${(e as Error).message}`);
        }
      }
    }
    this.outcome = { current, draft, errors, elapsedMs: performance.now() - started };
  }

  get hasData(): boolean {
    return this.data !== undefined;
  }

  get hasReferrals(): boolean {
    return (this.data?.referrals.length ?? 0) > 0;
  }

  get hasDrafts(): boolean {
    return this.drafts.length > 0;
  }

  get draftErrors(): string[] {
    return this.outcome.errors;
  }

  get hasDraftErrors(): boolean {
    return this.outcome.errors.length > 0;
  }

  get truncatedMessage(): string {
    const limit = this.data?.rowLimit ?? 0;
    return `Only the first ${limit.toLocaleString()} referrals of the last 12 months are replayed (the server's cap per request); totals are for those referrals.`;
  }

  get truncated(): boolean {
    return this.data?.truncated === true;
  }

  get periodLabel(): string {
    return this.data ? `${this.data.periodStart} to ${this.data.periodEnd}` : '';
  }

  get replayCaption(): string {
    const count = this.data?.referrals.length ?? 0;
    return `${count.toLocaleString()} referrals from ${this.periodLabel}; the last replay took ${Math.round(this.outcome.elapsedMs)} ms.`;
  }

  get skippedMessage(): string | null {
    const result = this.outcome.draft ?? this.outcome.current;
    if (!result || result.skipped === 0) return null;
    return `${result.skipped} referrals were left out: ${result.firstSkipReason ?? ''}`;
  }

  private money(value: number | null | undefined): string {
    if (value === null || value === undefined) return '\u2014';
    const currency = this.data?.currencyCode ?? '';
    return `${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
  }

  private delta(draft: number | undefined, current: number | undefined): string {
    if (draft === undefined || current === undefined) return '';
    const difference = Math.round((draft - current) * 100) / 100;
    if (difference === 0) return 'Same as the current rules';
    const sign = difference > 0 ? '+' : '\u2212';
    return `${sign}${this.money(Math.abs(difference))} vs the current rules`;
  }

  get tiles(): { key: string; label: string; draft: string; current: string; delta: string }[] {
    const { current, draft } = this.outcome;
    const points = (value: number | undefined): string => {
      return value === undefined ? '\u2014' : value.toLocaleString('en-US');
    };
    return [
      {
        key: 'total',
        label: 'Total cash cost',
        draft: this.money(draft?.totalCash),
        current: this.money(current?.totalCash),
        delta: this.delta(draft?.totalCash, current?.totalCash)
      },
      {
        key: 'perWon',
        label: 'Cost per won deal',
        draft: this.money(draft?.costPerWonDeal),
        current: this.money(current?.costPerWonDeal),
        delta: this.delta(draft?.costPerWonDeal, current?.costPerWonDeal)
      },
      {
        key: 'perAdvocate',
        label: 'Cost per advocate',
        draft: this.money(draft?.costPerAdvocate),
        current: this.money(current?.costPerAdvocate),
        delta: this.delta(draft?.costPerAdvocate, current?.costPerAdvocate)
      },
      {
        key: 'points',
        label: 'Points issued',
        draft: points(draft?.totalPoints),
        current: points(current?.totalPoints),
        delta: ''
      }
    ];
  }

  get rows(): (DraftRule & {
    index: number;
    number: number;
    isTiered: boolean;
    valueLabel: string;
  })[] {
    return this.drafts.map((draft, index) => ({
      ...draft,
      index,
      number: index + 1,
      isTiered: draft.calculation === 'TIERED',
      valueLabel: draft.calculation === 'PERCENT' ? 'Percent' : 'Value'
    }));
  }

  handleRuleChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    const target = event.target as HTMLElement;
    const index = Number(target.dataset.index);
    const field = target.dataset.field as keyof DraftRule | undefined;
    if (!field || !Number.isInteger(index) || !this.drafts[index]) return;
    const value = field === 'active' ? Boolean(event.detail.checked) : (event.detail.value ?? '');
    this.drafts = this.drafts.map((draft, i) => {
      return i === index ? ({ ...draft, [field]: value } as DraftRule) : draft;
    });
    this.recompute();
  }

  handleAddRule(): void {
    this.drafts = [...this.drafts, newDraft()];
    this.recompute();
  }

  handleRemoveRule(event: Event): void {
    const index = Number((event.currentTarget as HTMLElement).dataset.index);
    this.drafts = this.drafts.filter((_draft, i) => i !== index);
    this.recompute();
  }

  handleResetDraft(): void {
    this.drafts = (this.data?.rules ?? []).map((rule: SimRule) => toDraft(rule));
    this.recompute();
  }
}
