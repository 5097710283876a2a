/**
 * What YearEndTaxController returns, declared once for the yearEndTax component and the local
 * preview. Mirrored by the Apex inner classes of YearEndTaxController (same names, @AuraEnabled fields).
 */

/** Advocate__c.Tax_Form_Status__c as the list shows it: None becomes Missing. */
export type TaxFormStatus = 'W-9' | 'W-8BEN' | 'W-8BEN-E' | 'Missing';

/** One advocate of the tax list (YearEndTaxController.TaxRow). */
export interface TaxRow {
  advocateId: string;
  advocateNumber: string | null;
  payeeName: string | null;
  email: string | null;
  programName: string | null;
  taxCountry: string | null;
  formStatus: TaxFormStatus;
  /** Cash issued in the tax year, net of reversals, in currencyCode. */
  totalPaid: number;
  currencyCode: string | null;
  threshold: number | null;
  /** False when only held payouts list the advocate. */
  reachesThreshold: boolean;
  heldCount: number;
  heldAmount: number;
}

/** A program the filter offers. */
export interface TaxProgramOption {
  label: string;
  value: string;
}

/** The tax list of a year (YearEndTaxController.TaxYearView). */
export interface TaxYearView {
  taxYear: number;
  years: number[];
  programs: TaxProgramOption[];
  rows: TaxRow[];
  truncated: boolean;
}

/** The CSV file (YearEndTaxController.TaxExport). */
export interface TaxExport {
  fileName: string;
  content: string;
  rowCount: number;
}
