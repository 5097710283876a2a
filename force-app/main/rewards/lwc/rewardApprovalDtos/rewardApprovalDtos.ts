/**
 * What RewardApprovalController returns, declared once for the rewardApprovals component and the
 * local preview. Mirrored by the Apex inner classes of RewardApprovalController and by
 * RewardApprovalResult (same names, @AuraEnabled fields).
 */

/** Reward__c.Status__c values the approvals page lists. */
export type QueueStatus = 'Pending' | 'Approved';

/** Reward__c.Reward_Type__c values (RULES.md spellings). */
export type RewardType = 'CASH' | 'POINTS';

/** One Pending or Approved reward (RewardApprovalController.RewardRow). */
export interface RewardRow {
  id: string;
  name: string;
  status: QueueStatus;
  rewardType: RewardType;
  milestone: 'SUBMITTED' | 'QUALIFIED' | 'WON' | null;
  recipient: 'ADVOCATE' | 'REFERRED' | null;
  /** CASH only, in currencyCode. */
  amount: number | null;
  currencyCode: string | null;
  /** POINTS only. */
  points: number | null;
  advocateName: string | null;
  referralName: string | null;
  programId: string | null;
  programName: string | null;
  /** Why an approved cash payout is held (tax form missing), or null. */
  holdReason: string | null;
  /** When it was created, who approved it, and why the user may not act on it. */
  trail: RewardTrail;
}

/** A reward's approval trail as the running user sees it (RewardApprovalController.RewardTrail). */
export interface RewardTrail {
  createdDate: string;
  /** Who approved the reward (the first of the two persons), or null. */
  approvedByName: string | null;
  approvedOn: string | null;
  /**
   * Why the user may not take the row's next step (approve it, or issue it: the two-person rule,
   * a reward that pays the user, a manual reward the user created), or null.
   */
  blockedReason: string | null;
}

/** A program the filter offers (RewardApprovalController.ProgramOption). */
export interface ProgramOption {
  label: string;
  value: string;
}

/** What getRewards returns (RewardApprovalController.RewardQueue). */
export interface RewardQueue {
  rows: RewardRow[];
  programs: ProgramOption[];
  /** True when more than maxRows rewards matched: narrow the filters. */
  truncated: boolean;
  maxRows: number;
}

/**
 * The outcome of approving or issuing one reward (RewardApprovalResult): success with the status
 * afterwards; a held payout is a success with status Approved and the hold sentence as message; a
 * refusal has success false and the sentence saying why.
 */
export interface RewardApprovalResult {
  rewardId: string;
  success: boolean;
  status: string | null;
  message: string | null;
}
