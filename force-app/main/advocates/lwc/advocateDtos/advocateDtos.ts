/**
 * DTOs of the advocate components (leaderboard and activity), declared once here and mirrored by
 * Apex inner classes (AdvocateLeaderboardController.*, AdvocateActivityController.*). Dates are
 * `YYYY-MM-DD` strings (Apex Date serialises so); Decimal fields are numbers; nullable fields
 * say `| null`. Owned by issue 5 items 5-10 (invitation DTOs live in c/invitationDtos).
 */

/** AdvocateLeaderboardController.ProgramOption: a program the user may pick. */
export interface ProgramOption {
  id: string;
  name: string;
  status: string | null;
}

/** AdvocateLeaderboardController.ScoreWeights: docs/rules.md score.weights from the program. */
export interface ScoreWeightsDto {
  submitted: number;
  qualified: number;
  won: number;
  revenuePer1000: number;
  halfLifeDays: number;
  priorConversion: number;
  priorStrength: number;
  minMultiplier: number;
  maxMultiplier: number;
}

/** AdvocateLeaderboardController.LeaderboardAdvocate. */
export interface LeaderboardAdvocate {
  id: string;
  name: string;
  contactName: string | null;
  accountName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  status: string | null;
}

/** AdvocateLeaderboardController.LeaderboardReferral: a referral as docs/rules.md score reads it. */
export interface LeaderboardReferral {
  advocateId: string;
  submittedDate: string;
  qualifiedDate: string | null;
  wonDate: string | null;
  wonAmount: number | null;
}

/** AdvocateLeaderboardController.LeaderboardData. */
export interface LeaderboardData {
  programId: string;
  programName: string;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  weights: ScoreWeightsDto;
  canEditWeights: boolean;
  advocates: LeaderboardAdvocate[];
  referrals: LeaderboardReferral[];
  truncated: boolean;
  rowLimit: number;
}

/** AdvocateActivityController.ActivityReferral. */
export interface ActivityReferral {
  id: string;
  advocateId: string;
  name: string;
  referredName: string | null;
  referredCompany: string | null;
  status: string | null;
  submittedDate: string | null;
  qualifiedDate: string | null;
  wonDate: string | null;
  lostDate: string | null;
  wonAmount: number | null;
}

/** AdvocateActivityController.ActivityReward: a ledger row. */
export interface ActivityReward {
  id: string;
  advocateId: string;
  name: string;
  referralName: string | null;
  entryType: string | null;
  milestone: string | null;
  recipient: string | null;
  rewardType: string | null;
  amount: number | null;
  currencyCode: string | null;
  points: number | null;
  status: string | null;
  createdDate: string | null;
}

/** AdvocateActivityController.AdvocateActivity. */
export interface AdvocateActivity {
  advocateId: string;
  advocateName: string;
  contactName: string | null;
  programId: string | null;
  programName: string | null;
  status: string | null;
  pointsBalance: number | null;
  storedScore: number | null;
  storedRank: number | null;
  scoreDate: string | null;
  weights: ScoreWeightsDto | null;
  referrals: ActivityReferral[];
  rewards: ActivityReward[];
}

/** AdvocateActivityController.ActivityData. */
export interface ActivityData {
  asOf: string;
  advocates: AdvocateActivity[];
  truncated: boolean;
}
