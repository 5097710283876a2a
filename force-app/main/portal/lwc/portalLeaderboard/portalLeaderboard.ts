import { LightningElement } from 'lwc';
import isGuest from '@salesforce/user/isGuest';
import getLeaderboard from '@salesforce/apex/AdvocateProgressController.getLeaderboard';
import { formatLabel, formatNumber } from 'c/localization';
import type { LeaderboardView } from 'c/progressModel';
import TITLE from '@salesforce/label/c.Portal_Leaderboard_Title';
import LOADING from '@salesforce/label/c.Portal_Leaderboard_Loading';
import LOAD_FAILED from '@salesforce/label/c.Portal_Leaderboard_Load_Failed';
import COL_RANK from '@salesforce/label/c.Portal_Leaderboard_Col_Rank';
import COL_NAME from '@salesforce/label/c.Portal_Leaderboard_Col_Name';
import COL_SCORE from '@salesforce/label/c.Portal_Leaderboard_Col_Score';
import YOU from '@salesforce/label/c.Portal_Leaderboard_You';
import STANDING from '@salesforce/label/c.Portal_Leaderboard_Standing';
import WOULD_STAND from '@salesforce/label/c.Portal_Leaderboard_Would_Stand';
import HOW_TO_JOIN from '@salesforce/label/c.Portal_Leaderboard_How_To_Join';
import NO_SCORE from '@salesforce/label/c.Portal_Leaderboard_No_Score';
import EMPTY from '@salesforce/label/c.Portal_Leaderboard_Empty';

/**
 * Portal: the program's leaderboard of advocates who opted in (first name and last initial, ranked
 * by the advocate score), where the signed-in advocate stands, and how to opt in. Guests see
 * nothing and the server is not asked.
 */
export default class PortalLeaderboard extends LightningElement {
  board?: LeaderboardView;
  loading = false;
  error?: unknown;
  isGuest = isGuest;
  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    colRank: COL_RANK,
    colName: COL_NAME,
    colScore: COL_SCORE,
    howToJoin: HOW_TO_JOIN,
    empty: EMPTY
  };

  override connectedCallback(): void {
    if (!this.isGuest) this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      this.board = (await getLeaderboard()) as LeaderboardView;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  get isSignedIn(): boolean {
    return !this.isGuest;
  }

  get hasBoard(): boolean {
    return this.board !== undefined;
  }

  get rows(): Record<string, unknown>[] {
    return (this.board?.entries ?? []).map((entry, index) => ({
      ...entry,
      key: `${entry.rank}-${index}`,
      name: entry.isMe ? formatLabel(YOU, entry.displayName) : entry.displayName,
      className: entry.isMe ? 'me slds-theme_shade' : ''
    }));
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  /** Where the advocate stands, or would stand, in words. */
  get standingText(): string | null {
    const board = this.board;
    if (!board) return null;
    if (board.myRank === null || board.myRank === undefined) return NO_SCORE;
    const rank = formatNumber(board.myRank);
    const of = formatNumber(board.participants);
    return formatLabel(board.optedIn ? STANDING : WOULD_STAND, rank, of);
  }

  get showHowToJoin(): boolean {
    return this.board !== undefined && !this.board.optedIn;
  }
}
