import { createElement } from 'lwc';
import PROGRAM from '@salesforce/schema/Referral_Program__c';
import AdvocateLeaderboard, { PAGE_SIZE } from 'c/advocateLeaderboard';
import getPrograms from '@salesforce/apex/AdvocateLeaderboardController.getPrograms';
import getLeaderboard from '@salesforce/apex/AdvocateLeaderboardController.getLeaderboard';
import type { LeaderboardData, ProgramOption } from 'c/advocateDtos';
import { periodRange } from 'c/reportingPeriods';
import { rankAdvocates, rankReps } from '../ranking';
import leaderboardJson from './data/leaderboard.json';
import programsJson from './data/programs.json';

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

jest.mock(
  '@salesforce/apex/AdvocateLeaderboardController.getPrograms',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/AdvocateLeaderboardController.getLeaderboard',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

const programsAdapter = getPrograms as unknown as TestWireAdapter;
const leaderboardAdapter = getLeaderboard as unknown as TestWireAdapter;

type LeaderboardElement = HTMLElement & { recordId?: string; objectApiName?: string };
type DatatableElement = HTMLElement & {
  data: { name?: string; ownerName?: string; rank: number }[];
};

function fixture(): LeaderboardData {
  return JSON.parse(JSON.stringify(leaderboardJson)) as LeaderboardData;
}

function programs(): ProgramOption[] {
  return JSON.parse(JSON.stringify(programsJson)) as ProgramOption[];
}

/** Lets wires, promises and re-renders settle (microtasks only: no timers). */
function flush(): Promise<void> {
  return Array.from({ length: 10 }).reduce<Promise<void>>(
    (settled) => settled.then(() => undefined),
    Promise.resolve()
  );
}

function mount(props: Partial<LeaderboardElement> = {}): LeaderboardElement {
  const element = createElement('c-advocate-leaderboard', {
    is: AdvocateLeaderboard
  }) as LeaderboardElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

function advocateNames(element: HTMLElement): string[] {
  const table = $(element, 'lightning-datatable.advocates') as DatatableElement;
  return table.data.map((row) => row.name ?? '');
}

describe('c-advocate-leaderboard', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('stands the tables in their loading state while the leaderboard loads', async () => {
    const element = mount();
    programsAdapter.emit(programs());
    await flush();
    const table = $(element, 'lightning-datatable.advocates') as HTMLElement & {
      isLoading: boolean;
      data: unknown[];
    };
    expect(table).not.toBeNull();
    expect(table.isLoading).toBe(true);
    expect(table.data).toEqual([]);
    expect($(element, '.caption')!.textContent).toContain('Loading the leaderboard');
    expect($(element, '.empty-state')).toBeNull();
    expect($(element, '.pager')).toBeNull();

    leaderboardAdapter.emit(fixture());
    await flush();
    expect(table.isLoading).toBe(false);
    expect(table.data).toHaveLength(3);
  });

  it('ranks quality above volume with the program weights and ranks reps', async () => {
    const element = mount();
    programsAdapter.emit(programs());
    await flush();
    expect(leaderboardAdapter.getLastConfig()).toMatchObject({ programId: 'a0P000000000001AAA' });
    leaderboardAdapter.emit(fixture());
    await flush();

    expect(advocateNames(element)).toEqual(['ADV-000002', 'ADV-000001', 'ADV-000003']);
    const reps = ($(element, 'lightning-datatable.reps') as DatatableElement).data;
    expect(reps.map((rep) => rep.ownerName)).toEqual(['Riya Rep', 'Sam Seller']);
    expect(reps[0].rank).toBe(1);
    expect($(element, '.caption')!.textContent).toContain('1 to 3 of 3 ranked advocates');
    expect($(element, '.pager')).toBeNull();
    const combos = element.shadowRoot!.querySelectorAll('lightning-combobox');
    expect(combos).toHaveLength(2);
  });

  it('shows one page of the ranking at a time, the whole ranking behind it', async () => {
    const element = mount();
    programsAdapter.emit(programs());
    await flush();
    const data = fixture();
    const count = PAGE_SIZE * 2 + 5;
    data.advocates = Array.from({ length: count }, (_, i) => ({
      ...data.advocates[0],
      id: `b${String(i).padStart(3, '0')}`,
      name: `ADV-1${String(i).padStart(5, '0')}`
    }));
    // advocate i refers count - i times: the ranking is the reverse of the list
    data.referrals = data.advocates.flatMap((advocate, i) =>
      Array.from({ length: count - i }, () => ({
        advocateId: advocate.id,
        submittedDate: '2026-06-01',
        qualifiedDate: null,
        wonDate: null,
        wonAmount: null
      }))
    );
    leaderboardAdapter.emit(data);
    await flush();
    const table = () => $(element, 'lightning-datatable.advocates') as DatatableElement;
    const pager = (step: string) =>
      $(element, `.advocates-pager lightning-button.${step}`) as HTMLElement & {
        disabled: boolean;
      };
    expect(table().data).toHaveLength(PAGE_SIZE);
    expect(table().data[0]).toMatchObject({ rank: 1, name: 'ADV-100000' });
    expect($(element, '.caption')!.textContent).toContain(
      `1 to ${PAGE_SIZE} of ${count} ranked advocates`
    );
    expect($(element, '.advocates-pager .page-label')!.textContent).toBe('Page 1 of 3');
    expect(pager('previous').disabled).toBe(true);

    pager('next').click();
    await flush();
    expect(table().data[0]).toMatchObject({ rank: PAGE_SIZE + 1 });
    pager('next').click();
    await flush();
    expect(table().data.map((row) => row.rank)).toEqual([21, 22, 23, 24, 25]);
    expect(pager('next').disabled).toBe(true);
    expect($(element, '.advocates-pager .page-label')!.textContent).toBe('Page 3 of 3');

    // a new answer (another period) starts again on the first page
    leaderboardAdapter.emit({ ...data });
    await flush();
    expect(table().data[0]).toMatchObject({ rank: 1 });
    expect(pager('previous').disabled).toBe(true);
  });

  it('re-ranks at once when an admin drags a weight, and Reset restores the program weights', async () => {
    const element = mount();
    programsAdapter.emit(programs());
    await flush();
    leaderboardAdapter.emit(fixture());
    await flush();
    const reset = $(element, 'lightning-button.reset') as HTMLElement & { disabled: boolean };
    expect(reset.disabled).toBe(true);

    const wonSlider = $(element, 'lightning-slider[data-weight="won"]')!;
    wonSlider.dispatchEvent(new CustomEvent('change', { detail: { value: 0 } }));
    await flush();
    expect(advocateNames(element)[0]).toBe('ADV-000001');
    expect(reset.disabled).toBe(false);

    reset.dispatchEvent(new CustomEvent('click'));
    await flush();
    expect(advocateNames(element)[0]).toBe('ADV-000002');
    expect(
      ($(element, 'lightning-slider[data-weight="won"]') as HTMLElement & { value: number }).value
    ).toBe(10);
  });

  it('asks the server again when the period or program changes', async () => {
    const element = mount();
    programsAdapter.emit(programs());
    await flush();
    const before = leaderboardAdapter.getLastConfig();
    const period = $(element, 'lightning-combobox.period-picker')!;
    period.dispatchEvent(new CustomEvent('change', { detail: { value: 'LAST_90_DAYS' } }));
    await flush();
    const after = leaderboardAdapter.getLastConfig();
    expect(after.periodStart).not.toEqual(before.periodStart);
    expect(after).toMatchObject(periodRange('LAST_90_DAYS'));

    const program = $(element, 'lightning-combobox.program-picker')!;
    program.dispatchEvent(new CustomEvent('change', { detail: { value: 'a0P000000000002AAA' } }));
    await flush();
    expect(leaderboardAdapter.getLastConfig()).toMatchObject({ programId: 'a0P000000000002AAA' });
  });

  it('uses the record as the program on a Referral Program page, without a picker', async () => {
    const element = mount({ recordId: 'a0P000000000009AAA', objectApiName: PROGRAM.objectApiName });
    await flush();
    expect(leaderboardAdapter.getLastConfig()).toMatchObject({ programId: 'a0P000000000009AAA' });
    expect($(element, 'lightning-combobox.program-picker')).toBeNull();
  });

  it('hides the weights from users who cannot edit them', async () => {
    const element = mount();
    programsAdapter.emit(programs());
    await flush();
    leaderboardAdapter.emit({ ...fixture(), canEditWeights: false });
    await flush();
    expect($(element, 'lightning-slider')).toBeNull();
    expect(advocateNames(element)).toHaveLength(3);
  });

  it('says the rows were capped', async () => {
    const element = mount();
    programsAdapter.emit(programs());
    await flush();
    leaderboardAdapter.emit({ ...fixture(), truncated: true });
    await flush();
    expect($(element, '.truncated')!.textContent).toContain('20,000 most recent referrals');
  });

  it('shows empty states when no program or no referral exists', async () => {
    const element = mount();
    programsAdapter.emit([]);
    await flush();
    expect($(element, '.empty-state')!.textContent).toContain(
      'No referral program is shared with you'
    );

    const other = mount();
    programsAdapter.emit(programs());
    await flush();
    leaderboardAdapter.emit({ ...fixture(), referrals: [] });
    await flush();
    expect($(other, '.empty-state')!.textContent).toContain('No referrals in this period');
    expect($(other, 'lightning-datatable.advocates')).toBeNull();
  });

  it('shows the server refusal in an error panel', async () => {
    const element = mount();
    programsAdapter.emit(programs());
    await flush();
    leaderboardAdapter.error({
      message: 'You need the Referral Program Sales User permission set.'
    });
    await flush();
    const panel = $(element, 'c-error-panel') as HTMLElement & {
      errors: unknown;
      friendlyMessage: string;
    };
    expect(panel).not.toBeNull();
    expect(panel.friendlyMessage).toBe('The leaderboard could not load.');
  });

  it('shows the engine refusal when weights are invalid', async () => {
    const element = mount();
    programsAdapter.emit(programs());
    await flush();
    const data = fixture();
    data.weights.priorConversion = 0;
    leaderboardAdapter.emit(data);
    await flush();
    const panel = $(element, 'c-error-panel') as HTMLElement & { friendlyMessage: string };
    expect(panel.friendlyMessage).toBe('These weights cannot rank advocates.');
  });

  it('explains itself on the wrong record page instead of a blank card', async () => {
    const element = mount({ recordId: '001000000000001AAA', objectApiName: 'Account' });
    await flush();
    const alert = $(element, '.wrong-page')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('Referral Program record page');
  });

  it('is accessible: every slider and picker has a label and the card has a title', async () => {
    const element = mount();
    programsAdapter.emit(programs());
    await flush();
    leaderboardAdapter.emit(fixture());
    await flush();
    const labelled = [
      ...element.shadowRoot!.querySelectorAll('lightning-slider, lightning-combobox')
    ] as (HTMLElement & { label?: string })[];
    expect(labelled.length).toBeGreaterThan(0);
    for (const control of labelled) expect(control.label).toBeTruthy();
    expect(($(element, 'lightning-card') as HTMLElement & { title: string }).title).toBe(
      'Advocate leaderboard'
    );
    expect($(element, 'section.weights')!.getAttribute('aria-label')).toBe('Score weights');
  });
});

describe('ranking helpers', () => {
  it('computes period ranges ending today', () => {
    const today = new Date(2026, 5, 30);
    expect(periodRange('LAST_90_DAYS', today)).toEqual({
      periodStart: '2026-04-02',
      periodEnd: '2026-06-30'
    });
    expect(periodRange('LAST_12_MONTHS', today)).toEqual({
      periodStart: '2025-07-01',
      periodEnd: '2026-06-30'
    });
    expect(periodRange('THIS_YEAR', today)).toEqual({
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30'
    });
    expect(periodRange('LAST_3_YEARS', today)).toEqual({
      periodStart: '2023-07-01',
      periodEnd: '2026-06-30'
    });
  });

  it('gives equal rep totals a shared rank and groups advocates without an owner', () => {
    const data = fixture();
    data.advocates[2].ownerId = null;
    data.advocates[2].ownerName = null;
    const rows = rankAdvocates(data, data.weights);
    const reps = rankReps(data, rows);
    expect(reps.map((rep) => rep.ownerName)).toContain('No relationship owner');
    const tied = rankReps(
      data,
      rows.map((row) => ({ ...row, score: 1, won: 0, submitted: 1 }))
    );
    expect(tied.map((rep) => rep.rank)).toEqual([1, 2]);
  });
});
