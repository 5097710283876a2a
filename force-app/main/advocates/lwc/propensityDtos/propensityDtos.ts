/**
 * What PropensityController returns (mirrored by its Apex inner classes), declared once for the
 * propensity components and the local preview, and the plain words both components show for a
 * score: its band, its breakdown and why a contact cannot be invited.
 */
import { formatLabel } from 'c/localization';
import BAND_HIGH from '@salesforce/label/c.Advocates_Propensity_Band_High';
import BAND_MEDIUM from '@salesforce/label/c.Advocates_Propensity_Band_Medium';
import BAND_LOW from '@salesforce/label/c.Advocates_Propensity_Band_Low';
import BAND_EXCLUDED from '@salesforce/label/c.Advocates_Propensity_Band_Excluded';
import WHY_WON from '@salesforce/label/c.Advocates_Propensity_Why_WonDeals';
import WHY_RECENCY from '@salesforce/label/c.Advocates_Propensity_Why_Recency';
import WHY_TENURE from '@salesforce/label/c.Advocates_Propensity_Why_Tenure';
import WHY_CASES from '@salesforce/label/c.Advocates_Propensity_Why_OpenCases';
import WHY_SATISFACTION from '@salesforce/label/c.Advocates_Propensity_Why_Satisfaction';
import WHY_REFERRALS from '@salesforce/label/c.Advocates_Propensity_Why_Referrals';
import WHY_ENGAGEMENT from '@salesforce/label/c.Advocates_Propensity_Why_Engagement';
import NO_EMAIL from '@salesforce/label/c.Advocates_Propensity_No_Email';
import ALREADY_ADVOCATE from '@salesforce/label/c.Advocates_Invite_Already_Advocate';
import OPTED_OUT from '@salesforce/label/c.Advocates_Invite_Opted_Out';

/** The engine's bands (docs/rules.md section 7). */
export type PropensityBand = 'HIGH' | 'MEDIUM' | 'LOW' | 'EXCLUDED';

/** The breakdown's parts, in the order the components show them. */
export type PropensityPart =
  'wonDeals' | 'recency' | 'tenure' | 'openCases' | 'satisfaction' | 'referrals' | 'engagement';

/** One part of a score: integer points (openCases is zero or negative). */
export interface PropensityPoint {
  key: PropensityPart;
  points: number;
}

/** One contact with its stored score (PropensityController.ContactRow). */
export interface PropensityContactRow {
  contactId: string;
  name: string;
  accountName: string | null;
  title: string | null;
  email: string | null;
  optedOut: boolean;
  /** Null until the nightly job has scored the contact. */
  score: number | null;
  band: PropensityBand | null;
  breakdown: PropensityPoint[];
  /** The job's as-of day (YYYY-MM-DD), or null. */
  computedOn: string | null;
  /** The last ask (YYYY-MM-DD), or null. */
  lastAskedOn: string | null;
  /** Programs the contact is already an advocate of. */
  advocateProgramIds: string[];
}

/** One active program. */
export interface PropensityProgram {
  id: string;
  name: string;
}

/** PropensityController.getRecordPropensity and getAskList. */
export interface PropensityView {
  programs: PropensityProgram[];
  /** The chosen program (the first active one unless asked for another), or null. */
  programId: string | null;
  /** The chosen program's days between asks. */
  askIntervalDays: number | null;
  rows: PropensityContactRow[];
}

const BANDS: Record<PropensityBand, string> = {
  HIGH: BAND_HIGH,
  MEDIUM: BAND_MEDIUM,
  LOW: BAND_LOW,
  EXCLUDED: BAND_EXCLUDED
};

const WHY: Record<PropensityPart, string> = {
  wonDeals: WHY_WON,
  recency: WHY_RECENCY,
  tenure: WHY_TENURE,
  openCases: WHY_CASES,
  satisfaction: WHY_SATISFACTION,
  referrals: WHY_REFERRALS,
  engagement: WHY_ENGAGEMENT
};

/** The band in words, or an empty string when there is none. */
export function bandLabel(band: PropensityBand | null | undefined): string {
  return band ? (BANDS[band] ?? band) : '';
}

/** Points with their sign: "+30", "-10". */
export function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/**
 * The parts that move the score, in plain words, largest first (by size, so a large negative
 * part is not buried): "+30 for deals the account won in the last 3 years".
 */
export function reasons(breakdown: PropensityPoint[] | null | undefined): string[] {
  return (breakdown ?? [])
    .filter((p) => p.points !== 0 && WHY[p.key] !== undefined)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .map((p) => formatLabel(WHY[p.key], signed(p.points)));
}

/** Why a contact cannot be invited to the program now, or null when they can. */
export function blockerOf(row: PropensityContactRow, programId: string | null): string | null {
  if (programId && row.advocateProgramIds.includes(programId)) return ALREADY_ADVOCATE;
  if (row.optedOut) return OPTED_OUT;
  if (!row.email) return NO_EMAIL;
  return null;
}
