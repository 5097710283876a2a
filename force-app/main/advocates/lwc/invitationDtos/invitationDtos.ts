/**
 * What InviteAdvocatesController returns (the invitation half of the advocates domain; the
 * leaderboard and activity DTOs are in c/advocateDtos), declared once for the components and the local preview;
 * mirrored by its Apex inner classes.
 */

/** One active referral program. */
export interface ProgramOption {
  id: string;
  name: string;
}

/** One contact that may be invited. */
export interface InviteCandidate {
  id: string;
  name: string;
  email: string | null;
  title: string | null;
  accountName: string | null;
  hasOptedOutOfEmail: boolean;
  /** Programs the contact is already an advocate of (as far as the rep can see). */
  advocateProgramIds: string[];
}

/** InviteAdvocatesController.getInviteContext. */
export interface InviteContext {
  programs: ProgramOption[];
  defaultProgramId: string | null;
  contacts: InviteCandidate[];
  /** A sentence when there is nothing to do (no active program, no contacts), else null. */
  message: string | null;
}

/** One invited contact. */
export interface InvitedRow {
  contactId: string;
  contactName: string | null;
  email: string | null;
  advocateId: string;
  emailSent: boolean;
  /** Why the email was not sent, when it was not. */
  message: string | null;
}

/** Why a contact was skipped: ALREADY_ADVOCATE, NO_EMAIL, OPTED_OUT, NOT_FOUND or NOT_SAVED. */
export interface SkippedRow {
  contactId: string;
  contactName: string | null;
  reason: 'ALREADY_ADVOCATE' | 'NO_EMAIL' | 'OPTED_OUT' | 'NOT_FOUND' | 'NOT_SAVED';
  message: string;
}

/** InviteAdvocatesController.invite. */
export interface InvitationResult {
  invited: InvitedRow[];
  skipped: SkippedRow[];
  message: string;
}
