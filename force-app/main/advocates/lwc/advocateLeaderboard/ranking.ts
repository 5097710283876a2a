/**
 * Pure helpers of the leaderboard: the advocate and rep rankings built on the
 * engine's `score` (docs/rules.md section 3). No DOM, no platform: unit-tested directly.
 */
import { score } from 'c/referralEngine';
import type { ScoreRow, ScoreWeights } from 'c/referralEngine';
import type { LeaderboardAdvocate, LeaderboardData } from 'c/advocateDtos';
import NO_OWNER_LABEL from '@salesforce/label/c.Advocates_Board_No_Owner';

/** One advocate row of the leaderboard. */
export interface AdvocateRow {
  advocateId: string;
  rank: number;
  name: string;
  contactName: string;
  accountName: string;
  ownerName: string;
  score: number;
  submitted: number;
  qualified: number;
  won: number;
}

/** One rep row: the activity of the advocates a rep owns. */
export interface RepRow {
  ownerId: string;
  rank: number;
  ownerName: string;
  advocates: number;
  submitted: number;
  won: number;
  totalScore: number;
}

/** The advocates of the data by id, to join names to the rows a page shows. */
export function advocateDirectory(data: LeaderboardData): Map<string, LeaderboardAdvocate> {
  return new Map(data.advocates.map((advocate) => [advocate.id, advocate]));
}

/**
 * The engine's ranking with the given weights (score desc, won desc, id asc, competition ranks),
 * without names: a page joins the names of its own rows (`withNames`), so re-ranking 10,000
 * advocates builds no row it does not show. Advocates without referrals are not ranked.
 */
export function scoreAdvocates(data: LeaderboardData, weights: ScoreWeights): ScoreRow[] {
  return score({ asOf: data.asOf, weights, referrals: data.referrals });
}

/** The engine's rows joined with the advocates' names. */
export function withNames(
  rows: ScoreRow[],
  directory: Map<string, LeaderboardAdvocate>
): AdvocateRow[] {
  return rows.map((row) => {
    const advocate = directory.get(row.advocateId);
    return {
      advocateId: row.advocateId,
      rank: row.rank,
      name: advocate?.name ?? row.advocateId,
      contactName: advocate?.contactName ?? '',
      accountName: advocate?.accountName ?? '',
      ownerName: advocate?.ownerName ?? NO_OWNER_LABEL,
      score: row.score,
      submitted: row.submitted,
      qualified: row.qualified,
      won: row.won
    };
  });
}

/**
 * Ranks the advocates with the given weights: the engine's rows (score desc, won desc, id asc,
 * competition ranks) joined with the advocates' names. Advocates without referrals are not ranked.
 */
export function rankAdvocates(data: LeaderboardData, weights: ScoreWeights): AdvocateRow[] {
  return withNames(scoreAdvocates(data, weights), advocateDirectory(data));
}

const NO_OWNER = '';

/**
 * Ranks reps by the activity of the advocates they own (Relationship_Owner__c): the sum of those
 * advocates' scores (quality-weighted activity, so the weights apply here too), then deals won,
 * then referrals; equal totals share a rank (competition ranking, as for advocates).
 */
export function rankReps(
  data: LeaderboardData,
  advocateRows: Pick<ScoreRow, 'advocateId' | 'score' | 'submitted' | 'won'>[],
  directory: Map<string, LeaderboardAdvocate> = advocateDirectory(data)
): RepRow[] {
  const ownerOf = (advocateId: string): string => directory.get(advocateId)?.ownerId ?? NO_OWNER;
  const nameOf = new Map<string, string>();
  for (const advocate of data.advocates) {
    if (advocate.ownerId) nameOf.set(advocate.ownerId, advocate.ownerName ?? advocate.ownerId);
  }
  const reps = new Map<string, RepRow>();
  for (const row of advocateRows) {
    const ownerId = ownerOf(row.advocateId);
    let rep = reps.get(ownerId);
    if (!rep) {
      rep = {
        ownerId,
        rank: 0,
        ownerName: ownerId === NO_OWNER ? NO_OWNER_LABEL : (nameOf.get(ownerId) ?? ownerId),
        advocates: 0,
        submitted: 0,
        won: 0,
        totalScore: 0
      };
      reps.set(ownerId, rep);
    }
    rep.advocates += 1;
    rep.submitted += row.submitted;
    rep.won += row.won;
    rep.totalScore = Math.round((rep.totalScore + row.score) * 100) / 100;
  }
  const sorted = [...reps.values()].sort(
    (a, b) =>
      b.totalScore - a.totalScore ||
      b.won - a.won ||
      b.submitted - a.submitted ||
      (a.ownerName < b.ownerName ? -1 : a.ownerName > b.ownerName ? 1 : 0)
  );
  sorted.forEach((rep, index) => {
    const previous = sorted[index - 1];
    rep.rank = previous && previous.totalScore === rep.totalScore ? previous.rank : index + 1;
  });
  return sorted;
}
