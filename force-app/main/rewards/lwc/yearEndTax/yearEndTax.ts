import { LightningElement } from 'lwc';
import getTaxYear from '@salesforce/apex/YearEndTaxController.getTaxYear';
import exportCsv from '@salesforce/apex/YearEndTaxController.exportCsv';
import TITLE from '@salesforce/label/c.Rewards_Tax_Title';
import INTRO from '@salesforce/label/c.Rewards_Tax_Intro';
import YEAR from '@salesforce/label/c.Rewards_Tax_Year';
import PROGRAM from '@salesforce/label/c.Rewards_Tax_Program';
import ALL_PROGRAMS from '@salesforce/label/c.Rewards_Tax_All_Programs';
import EXPORT from '@salesforce/label/c.Rewards_Tax_Export';
import EXPORTED from '@salesforce/label/c.Rewards_Tax_Exported';
import EMPTY from '@salesforce/label/c.Rewards_Tax_Empty';
import TRUNCATED from '@salesforce/label/c.Rewards_Tax_Truncated';
import SUMMARY from '@salesforce/label/c.Rewards_Tax_Summary';
import COL_PAYEE from '@salesforce/label/c.Rewards_Tax_Col_Payee';
import COL_ADVOCATE from '@salesforce/label/c.Rewards_Tax_Col_Advocate';
import COL_PROGRAM from '@salesforce/label/c.Rewards_Tax_Col_Program';
import COL_COUNTRY from '@salesforce/label/c.Rewards_Tax_Col_Country';
import COL_FORM from '@salesforce/label/c.Rewards_Tax_Col_Form';
import COL_PAID from '@salesforce/label/c.Rewards_Tax_Col_Paid';
import COL_THRESHOLD from '@salesforce/label/c.Rewards_Tax_Col_Threshold';
import COL_HELD from '@salesforce/label/c.Rewards_Tax_Col_Held';
import COL_STATUS from '@salesforce/label/c.Rewards_Tax_Col_Status';
import FORM_MISSING from '@salesforce/label/c.Rewards_Tax_Form_Missing';
import REACHES from '@salesforce/label/c.Rewards_Tax_Reaches';
import HELD_ONLY from '@salesforce/label/c.Rewards_Tax_Held_Only';
import LOADING from '@salesforce/label/c.Rewards_Tax_Loading';
import { reduceErrors } from 'c/errorMessages';
import type { TaxExport, TaxProgramOption, TaxRow, TaxYearView } from 'c/yearEndTaxDtos';

const ALL = '';

/** Replaces {0}, {1}... in a label. */
export function formatLabel(label: string, ...values: (string | number)[]): string {
  return label.replace(/\{(\d+)\}/g, (match, index: string) => {
    return Number(index) < values.length ? String(values[Number(index)]) : match;
  });
}

/** A row as the table shows it. */
interface TableRow extends TaxRow {
  formLabel: string;
  statusLabel: string;
  heldLabel: string;
}

const COLUMNS = [
  { label: COL_PAYEE, fieldName: 'payeeName', wrapText: true },
  { label: COL_ADVOCATE, fieldName: 'advocateNumber', initialWidth: 130 },
  { label: COL_PROGRAM, fieldName: 'programName', wrapText: true },
  { label: COL_COUNTRY, fieldName: 'taxCountry', initialWidth: 110 },
  { label: COL_FORM, fieldName: 'formLabel', initialWidth: 120 },
  {
    label: COL_PAID,
    fieldName: 'totalPaid',
    type: 'currency',
    typeAttributes: { currencyCode: { fieldName: 'currencyCode' } },
    cellAttributes: { alignment: 'left' }
  },
  {
    label: COL_THRESHOLD,
    fieldName: 'threshold',
    type: 'currency',
    typeAttributes: { currencyCode: { fieldName: 'currencyCode' } },
    cellAttributes: { alignment: 'left' }
  },
  { label: COL_HELD, fieldName: 'heldLabel', wrapText: true },
  { label: COL_STATUS, fieldName: 'statusLabel', wrapText: true }
];

/**
 * Year-End Tax for finance: choose a tax year and a program; the advocates whose cash payouts
 * reach the program's tax reporting threshold are listed with their tax form (W-9, W-8BEN,
 * W-8BEN-E or Missing) and held payouts; Export downloads the CSV the server builds for a 1099 tool.
 */
export default class YearEndTax extends LightningElement {
  label = {
    TITLE,
    INTRO,
    YEAR,
    PROGRAM,
    EXPORT,
    LOADING
  };
  columns = COLUMNS;
  rows: TableRow[] = [];
  years: number[] = [];
  programs: TaxProgramOption[] = [];
  truncated = false;

  taxYear = '';
  programFilter = ALL;

  loading = true;
  exporting = false;
  error?: unknown;
  exportError = '';
  exportMessage = '';

  override connectedCallback(): void {
    this.load();
  }

  // ------------------------------------------------------------------ state for the template

  get yearOptions(): { label: string; value: string }[] {
    return this.years.map((y) => ({ label: String(y), value: String(y) }));
  }

  get programOptions(): TaxProgramOption[] {
    return [{ label: ALL_PROGRAMS, value: ALL }, ...this.programs];
  }

  get hasError(): boolean {
    return !this.loading && !!this.error;
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && this.rows.length === 0;
  }

  get hasRows(): boolean {
    return !this.error && this.rows.length > 0;
  }

  get emptyMessage(): string {
    return formatLabel(EMPTY, this.taxYear);
  }

  get truncatedMessage(): string {
    return TRUNCATED;
  }

  get summary(): string {
    const missing = this.rows.filter((r) => r.formStatus === 'Missing').length;
    return formatLabel(SUMMARY, this.rows.length, missing);
  }

  get exportDisabled(): boolean {
    return this.loading || this.exporting;
  }

  // ------------------------------------------------------------------ handlers

  handleYearChange(event: CustomEvent<{ value: string }>): void {
    this.taxYear = event.detail.value;
    this.load();
  }

  handleProgramChange(event: CustomEvent<{ value: string }>): void {
    this.programFilter = event.detail.value;
    this.load();
  }

  async handleExport(): Promise<void> {
    this.exporting = true;
    this.exportError = '';
    this.exportMessage = '';
    try {
      const file = (await exportCsv(this.params())) as TaxExport;
      this.download(file);
      this.exportMessage = formatLabel(EXPORTED, file.rowCount, file.fileName);
    } catch (error) {
      this.exportError = reduceErrors(error).join(' ');
    } finally {
      this.exporting = false;
    }
  }

  // ------------------------------------------------------------------ work

  private params(): { programId: string | null; taxYear: number | null } {
    return {
      programId: this.programFilter || null,
      taxYear: this.taxYear ? Number(this.taxYear) : null
    };
  }

  private async load(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    this.exportError = '';
    this.exportMessage = '';
    try {
      const view = (await getTaxYear(this.params())) as TaxYearView;
      this.taxYear = String(view.taxYear);
      this.years = view.years;
      this.programs = view.programs;
      this.truncated = view.truncated;
      this.rows = view.rows.map((row) => ({
        ...row,
        formLabel: row.formStatus === 'Missing' ? FORM_MISSING : row.formStatus,
        statusLabel: row.reachesThreshold ? REACHES : HELD_ONLY,
        heldLabel: row.heldCount > 0 ? this.heldText(row) : ''
      }));
    } catch (error) {
      this.error = error;
      this.rows = [];
    } finally {
      this.loading = false;
    }
  }

  private heldText(row: TaxRow): string {
    const amount = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: row.currencyCode ?? 'USD'
    }).format(row.heldAmount);
    return `${row.heldCount} (${amount})`;
  }

  /** Saves the CSV through a link (a data URL: Lightning Web Security allows it; no popup). */
  private download(file: TaxExport): void {
    const link = document.createElement('a');
    // The byte-order mark makes spreadsheet tools read the file as UTF-8 (accented names).
    link.href = `data:text/csv;charset=utf-8,${encodeURIComponent('\uFEFF' + file.content)}`;
    link.download = file.fileName;
    link.style.display = 'none';
    const anchor = this.template?.querySelector('.download-anchor');
    if (!anchor) return;
    anchor.appendChild(link);
    link.click();
    link.remove();
  }
}
