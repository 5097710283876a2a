// The approval page's new user-visible text: custom labels (force-app/main/admin/labels).
import REJECT from '@salesforce/label/c.Admin_Approvals_Reject';
import REJECT_REASON_LABEL from '@salesforce/label/c.Admin_Approvals_Reject_Reason_Label';
import REJECT_REASON_HELP from '@salesforce/label/c.Admin_Approvals_Reject_Reason_Help';
import REJECT_REASON_REQUIRED from '@salesforce/label/c.Admin_Approvals_Reject_Reason_Required';
import PAYOUT_HELP from '@salesforce/label/c.Admin_Approvals_Payout_Help';
import CONFIRM_APPROVE_TITLE from '@salesforce/label/c.Admin_Approvals_Confirm_Approve_Title';
import CONFIRM_APPROVE from '@salesforce/label/c.Admin_Approvals_Confirm_Approve';
import CONFIRM_ISSUE_TITLE from '@salesforce/label/c.Admin_Approvals_Confirm_Issue_Title';
import CONFIRM_ISSUE from '@salesforce/label/c.Admin_Approvals_Confirm_Issue';
import CONFIRM_REJECT_TITLE from '@salesforce/label/c.Admin_Approvals_Confirm_Reject_Title';
import CONFIRM_REJECT from '@salesforce/label/c.Admin_Approvals_Confirm_Reject';
import POINTS from '@salesforce/label/c.Admin_Approvals_Points';
import SELECTED_TOTAL from '@salesforce/label/c.Admin_Approvals_Selected_Total';
import COL_APPROVED_BY from '@salesforce/label/c.Admin_Approvals_Col_Approved_By';
import COL_BLOCKED from '@salesforce/label/c.Admin_Approvals_Col_Blocked';
import APPROVED_BY_ON from '@salesforce/label/c.Admin_Approvals_Approved_By_On';
import REJECTED from '@salesforce/label/c.Admin_Approvals_Rejected';
import SUMMARY_REJECTED from '@salesforce/label/c.Admin_Approvals_Summary_Rejected';
import TWO_PERSON_NOTE from '@salesforce/label/c.Admin_Approvals_Two_Person_Note';
import GROUP_APPROVE from '@salesforce/label/c.Admin_Approvals_Group_Approve';
import GROUP_REJECT from '@salesforce/label/c.Admin_Approvals_Group_Reject';
import GROUP_ISSUE from '@salesforce/label/c.Admin_Approvals_Group_Issue';

export const LABELS = {
  REJECT,
  REJECT_REASON_LABEL,
  REJECT_REASON_HELP,
  REJECT_REASON_REQUIRED,
  PAYOUT_HELP,
  CONFIRM_APPROVE_TITLE,
  CONFIRM_APPROVE,
  CONFIRM_ISSUE_TITLE,
  CONFIRM_ISSUE,
  CONFIRM_REJECT_TITLE,
  CONFIRM_REJECT,
  POINTS,
  SELECTED_TOTAL,
  COL_APPROVED_BY,
  COL_BLOCKED,
  APPROVED_BY_ON,
  REJECTED,
  SUMMARY_REJECTED,
  TWO_PERSON_NOTE,
  GROUP_APPROVE,
  GROUP_REJECT,
  GROUP_ISSUE
};
