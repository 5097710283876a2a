import { LightningElement, api } from 'lwc';
import PROGRAM from '@salesforce/schema/Referral_Program__c';
import getSimulationData from '@salesforce/apex/ProgramSimulatorController.getSimulationData';
import saveDraftRules from '@salesforce/apex/ProgramSimulatorController.saveDraftRules';
import type { SimRule, SimulationData } from 'c/programDtos';
import {
  costRevenueConfig,
  loadChartJs,
  renderChart,
  monthLabels,
  monthRange,
  type ChartConstructor,
  type ChartInstance
} from 'c/programCharts';
import { reduceErrors } from 'c/errorMessages';
import TIERS_LEGEND from '@salesforce/label/c.Program_Sim_Tiers_Legend';
import TIER_UP_TO from '@salesforce/label/c.Program_Sim_Tier_Up_To';
import TIER_NO_LIMIT from '@salesforce/label/c.Program_Sim_Tier_No_Limit';
import TIER_CALCULATION from '@salesforce/label/c.Program_Sim_Tier_Calculation';
import TIER_VALUE from '@salesforce/label/c.Program_Sim_Tier_Value';
import TIER_FLAT from '@salesforce/label/c.Program_Sim_Tier_Flat';
import TIER_PERCENT from '@salesforce/label/c.Program_Sim_Tier_Percent';
import ADD_TIER from '@salesforce/label/c.Program_Sim_Add_Tier';
import REMOVE_TIER from '@salesforce/label/c.Program_Sim_Remove_Tier';
import TIER_ROW from '@salesforce/label/c.Program_Sim_Tier_Row';
import CHART_UNAVAILABLE from '@salesforce/label/c.Program_Chart_Unavailable';
import CHART_MONTH from '@salesforce/label/c.Program_Chart_Month';
import CHART_TITLE from '@salesforce/label/c.Program_Sim_Chart_Title';
import CHART_ALT from '@salesforce/label/c.Program_Sim_Chart_Alt';
import CHART_CURRENT from '@salesforce/label/c.Program_Sim_Chart_Current';
import CHART_DRAFT from '@salesforce/label/c.Program_Sim_Chart_Draft';
import CHART_REVENUE from '@salesforce/label/c.Program_Sim_Chart_Revenue';
import CHART_COST_AXIS from '@salesforce/label/c.Program_Sim_Chart_Cost_Axis';
import SAVE from '@salesforce/label/c.Program_Sim_Save';
import SAVED from '@salesforce/label/c.Program_Sim_Saved';
import SAVE_FIX_FIRST from '@salesforce/label/c.Program_Sim_Save_Fix_First';
import TITLE from '@salesforce/label/c.Program_Sim_Title';
import WRONG_PAGE from '@salesforce/label/c.Program_Sim_Wrong_Page';
import LOADING from '@salesforce/label/c.Program_Sim_Loading';
import LOAD_FAILED from '@salesforce/label/c.Program_Sim_Load_Failed';
import CURRENT_PREFIX from '@salesforce/label/c.Program_Sim_Current_Prefix';
import NO_REFERRALS from '@salesforce/label/c.Program_Sim_No_Referrals';
import DRAFT_HEADING from '@salesforce/label/c.Program_Sim_Draft_Heading';
import RULE_NUMBER from '@salesforce/label/c.Program_Sim_Rule_Number';
import FIELD_NAME from '@salesforce/label/c.Program_Sim_Field_Name';
import FIELD_PERCENT from '@salesforce/label/c.Program_Sim_Field_Percent';
import REMOVE_RULE from '@salesforce/label/c.Program_Sim_Remove_Rule';
import NO_RULES from '@salesforce/label/c.Program_Sim_No_Rules';
import ADD_RULE from '@salesforce/label/c.Program_Sim_Add_Rule';
import RESET from '@salesforce/label/c.Program_Sim_Reset';
import RECIPIENT_ADVOCATE from '@salesforce/label/c.Program_Sim_Recipient_Advocate';
import RECIPIENT_REFERRED from '@salesforce/label/c.Program_Sim_Recipient_Referred';
import CALC_TIERED from '@salesforce/label/c.Program_Sim_Calc_Tiered';
import MODE_STEP from '@salesforce/label/c.Program_Sim_Mode_Step';
import MODE_MARGINAL from '@salesforce/label/c.Program_Sim_Mode_Marginal';
import CURRENT_FAILED from '@salesforce/label/c.Program_Sim_Current_Failed';
import DRAFT_FAILED from '@salesforce/label/c.Program_Sim_Draft_Failed';
import TRUNCATED from '@salesforce/label/c.Program_Sim_Truncated';
import CAPTION from '@salesforce/label/c.Program_Sim_Caption';
import SKIPPED from '@salesforce/label/c.Program_Sim_Skipped';
import SAME from '@salesforce/label/c.Program_Sim_Same';
import DELTA from '@salesforce/label/c.Program_Sim_Delta';
import TOTAL_CASH from '@salesforce/label/c.Program_Sim_Total_Cash';
import COST_PER_WON from '@salesforce/label/c.Program_Sim_Cost_Per_Won';
import COST_PER_ADVOCATE from '@salesforce/label/c.Program_Sim_Cost_Per_Advocate';
import POINTS from '@salesforce/label/c.Program_Sim_Points';
import { formatCurrency, formatDate, formatLabel, formatNumber } from 'c/localization';
import { picklistLabel } from 'c/picklistLabels';
import { RULE_FIELD_LABELS, engineErrorMessage, isEngineError } from 'c/engineMessages';
import { simulate, toEngineRule, type SimulationProgram, type SimulationResult } from './simulate';
import {
  defaultTiers,
  fromDrafts,
  newDraft,
  toDraft,
  toDraftTier,
  type DraftRule,
  type DraftTier,
  type TierField
} from './draftRules';

/** Typing pauses this long before the replay runs (a replay of 50,000 referrals takes a while). */
export const REPLAY_DEBOUNCE_MS = 300;

/** Fields typed character by character: their replay waits for a pause. */
const TYPED_FIELDS = new Set(['name', 'value', 'minDealAmount', 'maxReward', 'upTo']);

const format = formatLabel;

export { monthRange };

// the object's API name from the schema: it carries the namespace prefix once installed
const PROGRAM_OBJECT = PROGRAM.objectApiName;

const MILESTONES = ['SUBMITTED', 'QUALIFIED', 'WON'].map((value) => ({
  label: picklistLabel('MILESTONE', value),
  value
}));
const RECIPIENTS = [
  { label: RECIPIENT_ADVOCATE, value: 'ADVOCATE' },
  { label: RECIPIENT_REFERRED, value: 'REFERRED' }
];
const REWARD_TYPES = ['CASH', 'POINTS'].map((value) => ({
  label: picklistLabel('REWARD_TYPE', value),
  value
}));
const CALCULATIONS = [
  { label: TIER_FLAT, value: 'FLAT' },
  { label: TIER_PERCENT, value: 'PERCENT' },
  { label: CALC_TIERED, value: 'TIERED' }
];
const TIER_MODES = [
  { label: MODE_STEP, value: 'STEP' },
  { label: MODE_MARGINAL, value: 'MARGINAL' }
];

/** A replay's refusal in the user's language: the engine's, or what else went wrong. */
function replayProblem(error: unknown, ruleNames: (string | null | undefined)[]): string {
  if (isEngineError(error)) return engineErrorMessage(error, { ruleNames });
  return error instanceof Error ? error.message : String(error);
}
const TIER_CALCULATIONS = [
  { label: TIER_FLAT, value: 'FLAT' },
  { label: TIER_PERCENT, value: 'PERCENT' }
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
 * here (add, edit, remove rule rows; a tiered rule's tiers as rows), and shows total cost, cost
 * per won deal and per advocate, the difference to the current rules, and a chart of cost and
 * revenue by month (Chart.js). Typing replays after a pause. "Save draft as new rules" stores the
 * draft as new inactive rules for an admin to activate.
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
  tierCalculationOptions = TIER_CALCULATIONS;
  label = {
    TIERS_LEGEND,
    TIER_UP_TO,
    TIER_NO_LIMIT,
    TIER_CALCULATION,
    TIER_VALUE,
    ADD_TIER,
    CHART_TITLE,
    CHART_ALT,
    CHART_MONTH,
    CHART_CURRENT,
    CHART_DRAFT,
    CHART_REVENUE,
    SAVE,
    TITLE,
    WRONG_PAGE,
    LOADING,
    LOAD_FAILED,
    CURRENT_PREFIX,
    NO_REFERRALS,
    DRAFT_HEADING,
    FIELD_NAME,
    FIELD_MILESTONE: RULE_FIELD_LABELS.milestone,
    FIELD_RECIPIENT: RULE_FIELD_LABELS.recipient,
    FIELD_REWARD_TYPE: RULE_FIELD_LABELS.rewardType,
    FIELD_CALCULATION: RULE_FIELD_LABELS.calculation,
    FIELD_TIER_MODE: RULE_FIELD_LABELS.tierMode,
    FIELD_MIN_DEAL: RULE_FIELD_LABELS.minDealAmount,
    FIELD_MAX_REWARD: RULE_FIELD_LABELS.maxReward,
    FIELD_ACTIVE: RULE_FIELD_LABELS.active,
    REMOVE_RULE,
    NO_RULES,
    ADD_RULE,
    RESET
  };

  chartError = '';
  saving = false;
  saveMessage = '';
  saveError = '';
  private Chart: ChartConstructor | undefined;
  private chart: ChartInstance | undefined;
  private chartVersion = 0;
  private drawnVersion = -1;
  private replayTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    if (this.wrongPage) return;
    this.load();
    loadChartJs(this)
      .then((Chart) => {
        this.Chart = Chart;
        this.drawChart();
      })
      .catch((error: unknown) => {
        this.chartError = format(CHART_UNAVAILABLE, reduceErrors(error).join(' '));
      });
  }

  override disconnectedCallback(): void {
    clearTimeout(this.replayTimer);
    this.chart?.destroy();
    this.chart = undefined;
  }

  override renderedCallback(): void {
    this.drawChart();
  }

  /** Draws the chart once per replay, when Chart.js and the chart's container are there. */
  private drawChart(): void {
    if (!this.Chart || this.drawnVersion === this.chartVersion) return;
    const container = this.template?.querySelector<HTMLElement>('.cost-chart');
    const config = this.chartConfig;
    if (!container || !config) return;
    this.drawnVersion = this.chartVersion;
    try {
      this.chart = renderChart(this.Chart, container, config, this.chart, CHART_ALT);
    } catch (error) {
      this.chartError = format(CHART_UNAVAILABLE, reduceErrors(error).join(' '));
    }
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
    clearTimeout(this.replayTimer);
    this.replayTimer = undefined;
    const data = this.data;
    const program = this.program;
    if (!data || !program) return;
    this.chartVersion += 1;
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
          error: format(
            CURRENT_FAILED,
            replayProblem(
              e,
              data.rules.map((rule) => rule.name)
            )
          ),
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
          errors.push(
            format(
              DRAFT_FAILED,
              replayProblem(
                e,
                this.drafts.map((row) => row.name)
              )
            )
          );
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
    return format(TRUNCATED, formatNumber(limit));
  }

  get truncated(): boolean {
    return this.data?.truncated === true;
  }

  get replayCaption(): string {
    const data = this.data;
    if (!data) return '';
    return format(
      CAPTION,
      formatNumber(data.referrals.length),
      formatDate(data.periodStart),
      formatDate(data.periodEnd),
      formatNumber(Math.round(this.outcome.elapsedMs))
    );
  }

  get skippedMessage(): string | null {
    const result = this.outcome.draft ?? this.outcome.current;
    if (!result || result.skipped === 0) return null;
    const reason = result.firstSkipError ? engineErrorMessage(result.firstSkipError) : '';
    return format(SKIPPED, formatNumber(result.skipped), reason);
  }

  private money(value: number | null | undefined): string {
    if (value === null || value === undefined) return '\u2014';
    return formatCurrency(value, this.data?.currencyCode);
  }

  private delta(draft: number | undefined, current: number | undefined): string {
    if (draft === undefined || current === undefined) return '';
    const difference = Math.round((draft - current) * 100) / 100;
    if (difference === 0) return SAME;
    const sign = difference > 0 ? '+' : '\u2212';
    return format(DELTA, `${sign}${this.money(Math.abs(difference))}`);
  }

  get tiles(): { key: string; label: string; draft: string; current: string; delta: string }[] {
    const { current, draft } = this.outcome;
    const points = (value: number | undefined): string => {
      return value === undefined ? '\u2014' : formatNumber(value);
    };
    return [
      {
        key: 'total',
        label: TOTAL_CASH,
        draft: this.money(draft?.totalCash),
        current: this.money(current?.totalCash),
        delta: this.delta(draft?.totalCash, current?.totalCash)
      },
      {
        key: 'perWon',
        label: COST_PER_WON,
        draft: this.money(draft?.costPerWonDeal),
        current: this.money(current?.costPerWonDeal),
        delta: this.delta(draft?.costPerWonDeal, current?.costPerWonDeal)
      },
      {
        key: 'perAdvocate',
        label: COST_PER_ADVOCATE,
        draft: this.money(draft?.costPerAdvocate),
        current: this.money(current?.costPerAdvocate),
        delta: this.delta(draft?.costPerAdvocate, current?.costPerAdvocate)
      },
      {
        key: 'points',
        label: POINTS,
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
    legend: string;
    tierRows: (DraftTier & {
      tierIndex: number;
      isLast: boolean;
      rowLabel: string;
      removeLabel: string;
      cannotRemove: boolean;
    })[];
  })[] {
    return this.drafts.map((draft, index) => ({
      ...draft,
      index,
      number: index + 1,
      isTiered: draft.calculation === 'TIERED',
      valueLabel: draft.calculation === 'PERCENT' ? FIELD_PERCENT : RULE_FIELD_LABELS.value,
      legend: format(RULE_NUMBER, index + 1),
      tierRows: draft.tiers.map((tier, tierIndex) => ({
        ...tier,
        tierIndex,
        isLast: tierIndex === draft.tiers.length - 1,
        rowLabel: format(TIER_ROW, tierIndex + 1),
        removeLabel: format(REMOVE_TIER, tierIndex + 1),
        cannotRemove: draft.tiers.length < 2
      }))
    }));
  }

  // ------------------------------------------------------------------ chart

  /** Cost per month of the current rules and the draft, and revenue won, over the period. */
  get monthly(): {
    months: string[];
    current: number[];
    draft: number[] | null;
    revenue: number[];
  } | null {
    const data = this.data;
    const current = this.outcome.current;
    if (!data || !current || data.referrals.length === 0) return null;
    const months = monthRange(data.periodStart, data.periodEnd);
    const pick = (result: SimulationResult, field: 'cash' | 'revenue'): number[] => {
      const byMonth = new Map(result.months.map((m) => [m.month, m[field]]));
      return months.map((month) => byMonth.get(month) ?? 0);
    };
    const draft = this.outcome.draft;
    return {
      months,
      current: pick(current, 'cash'),
      draft: draft ? pick(draft, 'cash') : null,
      revenue: pick(current, 'revenue')
    };
  }

  get hasChart(): boolean {
    return this.monthly !== null;
  }

  get chartConfig(): ReturnType<typeof costRevenueConfig> | null {
    const monthly = this.monthly;
    if (!monthly || !this.data) return null;
    return costRevenueConfig({
      months: monthly.months,
      currentCost: monthly.current,
      draftCost: monthly.draft,
      revenue: monthly.revenue,
      currency: this.data.currencyCode,
      labels: {
        current: CHART_CURRENT,
        draft: CHART_DRAFT,
        revenue: CHART_REVENUE,
        cost: CHART_COST_AXIS,
        revenueAxis: CHART_REVENUE
      }
    });
  }

  /** The chart's figures as table rows: the text alternative, and the fallback without a chart. */
  get chartRows(): {
    key: string;
    month: string;
    current: string;
    draft: string;
    revenue: string;
  }[] {
    const monthly = this.monthly;
    if (!monthly) return [];
    const labels = monthLabels(monthly.months);
    return monthly.months.map((month, i) => ({
      key: month,
      month: labels[i],
      current: this.money(monthly.current[i]),
      draft: monthly.draft ? this.money(monthly.draft[i]) : '\u2014',
      revenue: this.money(monthly.revenue[i])
    }));
  }

  get chartTableClass(): string {
    return this.chartError
      ? 'slds-table slds-table_bordered slds-table_cell-buffer chart-table'
      : 'slds-assistive-text chart-table';
  }

  // ------------------------------------------------------------------ save

  get saveDisabled(): boolean {
    return this.saving || this.drafts.length === 0;
  }

  async handleSaveDraft(): Promise<void> {
    this.saveMessage = '';
    this.saveError = '';
    const parsed = fromDrafts(this.drafts);
    if (parsed.errors.length > 0) {
      this.saveError = SAVE_FIX_FIRST;
      return;
    }
    this.saving = true;
    try {
      const result = (await saveDraftRules({
        programId: this.recordId,
        rulesJson: JSON.stringify(parsed.rules)
      })) as { count: number; ruleIds: string[] };
      this.saveMessage = format(SAVED, result.count);
    } catch (error) {
      this.saveError = reduceErrors(error).join(' ');
    } finally {
      this.saving = false;
    }
  }

  // ------------------------------------------------------------------ editing

  handleRuleChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    const target = event.target as HTMLElement;
    const index = Number(target.dataset.index);
    const field = target.dataset.field as keyof DraftRule | undefined;
    if (!field || !Number.isInteger(index) || !this.drafts[index]) return;
    const value = field === 'active' ? Boolean(event.detail.checked) : (event.detail.value ?? '');
    this.drafts = this.drafts.map((draft, i) => {
      if (i !== index) return draft;
      const changed = { ...draft, [field]: value } as DraftRule;
      if (field === 'calculation' && value === 'TIERED' && changed.tiers.length === 0) {
        changed.tiers = defaultTiers();
      }
      return changed;
    });
    this.replay(field);
  }

  handleTierChange(event: CustomEvent<{ value?: string }>): void {
    const target = event.target as HTMLElement;
    const index = Number(target.dataset.index);
    const tierIndex = Number(target.dataset.tier);
    const field = target.dataset.field as TierField | undefined;
    const draft = this.drafts[index];
    if (!field || !draft || !draft.tiers[tierIndex]) return;
    const value = event.detail.value ?? '';
    this.drafts = this.drafts.map((rule, i) => {
      if (i !== index) return rule;
      const tiers = rule.tiers.map((tier, t) => {
        return t === tierIndex ? { ...tier, [field]: value } : tier;
      });
      return { ...rule, tiers };
    });
    this.replay(field);
  }

  handleAddTier(event: Event): void {
    const index = Number((event.currentTarget as HTMLElement).dataset.index);
    this.drafts = this.drafts.map((rule, i) => {
      if (i !== index) return rule;
      // The new tier goes last (no limit); the tier that was last needs a limit now.
      return {
        ...rule,
        tiers: [...rule.tiers, toDraftTier({ upTo: null, calculation: 'PERCENT', value: 0 })]
      };
    });
    this.recompute();
  }

  handleRemoveTier(event: Event): void {
    const target = event.currentTarget as HTMLElement;
    const index = Number(target.dataset.index);
    const tierIndex = Number(target.dataset.tier);
    this.drafts = this.drafts.map((rule, i) => {
      if (i !== index) return rule;
      const tiers = rule.tiers.filter((_tier, t) => t !== tierIndex);
      // The last tier has no limit.
      if (tiers.length > 0) tiers[tiers.length - 1] = { ...tiers[tiers.length - 1], upTo: '' };
      return { ...rule, tiers };
    });
    this.recompute();
  }

  /** Replays now, or after a pause in typing for a typed field. */
  private replay(field: string): void {
    this.saveMessage = '';
    if (!TYPED_FIELDS.has(field)) {
      this.recompute();
      return;
    }
    clearTimeout(this.replayTimer);
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- the debounce of the replay
    this.replayTimer = setTimeout(() => this.recompute(), REPLAY_DEBOUNCE_MS);
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
