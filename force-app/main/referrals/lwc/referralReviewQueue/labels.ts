// The review queue's user-visible text: custom labels (force-app/main/admin/labels), translated
// with the package.
import TITLE from '@salesforce/label/c.Admin_Review_Queue_Title';
import INTRO from '@salesforce/label/c.Admin_Review_Intro';
import REFRESH from '@salesforce/label/c.Admin_Review_Refresh';
import LOADING from '@salesforce/label/c.Admin_Review_Loading';
import SAVING from '@salesforce/label/c.Admin_Review_Saving';
import LOAD_ERROR from '@salesforce/label/c.Admin_Review_Load_Error';
import DECISION_ERROR from '@salesforce/label/c.Admin_Review_Decision_Error';
import EMPTY from '@salesforce/label/c.Admin_Review_Empty';
import TRUNCATED from '@salesforce/label/c.Admin_Review_Truncated';
import COL_REFERRAL from '@salesforce/label/c.Admin_Review_Col_Referral';
import COL_REFERRED from '@salesforce/label/c.Admin_Review_Col_Referred';
import COL_ADVOCATE from '@salesforce/label/c.Admin_Review_Col_Advocate';
import COL_PROGRAM from '@salesforce/label/c.Admin_Review_Col_Program';
import COL_SUBMITTED from '@salesforce/label/c.Admin_Review_Col_Submitted';
import COL_REASON from '@salesforce/label/c.Admin_Review_Col_Reason';
import COL_MATCHES from '@salesforce/label/c.Admin_Review_Col_Matches';
import COL_ON_ACCEPT from '@salesforce/label/c.Admin_Review_Col_On_Accept';
import COL_RESULT from '@salesforce/label/c.Admin_Review_Col_Result';
import NO_VISIBLE_MATCH from '@salesforce/label/c.Admin_Review_No_Visible_Match';
import MATCH_CONTACT from '@salesforce/label/c.Admin_Review_Match_Contact';
import MATCH_LEAD from '@salesforce/label/c.Admin_Review_Match_Lead';
import MATCH_OPPORTUNITY from '@salesforce/label/c.Admin_Review_Match_Opportunity';
import ACCEPT from '@salesforce/label/c.Admin_Review_Accept';
import REJECT from '@salesforce/label/c.Admin_Review_Reject';
import REASON_LABEL from '@salesforce/label/c.Admin_Review_Reason_Label';
import REASON_HELP from '@salesforce/label/c.Admin_Review_Reason_Help';
import REASON_REQUIRED from '@salesforce/label/c.Admin_Review_Reject_Reason_Required';
import SELECT_FIRST from '@salesforce/label/c.Admin_Review_Select_First';
import SELECTED_ONE from '@salesforce/label/c.Admin_Review_Selected_One';
import SELECTED_MANY from '@salesforce/label/c.Admin_Review_Selected_Many';
import CONFIRM_ACCEPT_TITLE from '@salesforce/label/c.Admin_Review_Confirm_Accept_Title';
import CONFIRM_ACCEPT from '@salesforce/label/c.Admin_Review_Confirm_Accept';
import CONFIRM_REJECT_TITLE from '@salesforce/label/c.Admin_Review_Confirm_Reject_Title';
import CONFIRM_REJECT from '@salesforce/label/c.Admin_Review_Confirm_Reject';
import RESULTS from '@salesforce/label/c.Admin_Review_Results';
import SUMMARY_ACCEPTED from '@salesforce/label/c.Admin_Review_Summary_Accepted';
import SUMMARY_REJECTED from '@salesforce/label/c.Admin_Review_Summary_Rejected';
import SUMMARY_REFUSED from '@salesforce/label/c.Admin_Review_Summary_Refused';
import RESULT_REFUSED from '@salesforce/label/c.Admin_Review_Result_Refused';
import NO_REASON_GIVEN from '@salesforce/label/c.Admin_Review_No_Reason_Given';
import TABLE_LABEL from '@salesforce/label/c.Admin_Review_Table_Label';

export const LABELS = {
  TITLE,
  INTRO,
  REFRESH,
  LOADING,
  SAVING,
  LOAD_ERROR,
  DECISION_ERROR,
  EMPTY,
  TRUNCATED,
  COL_REFERRAL,
  COL_REFERRED,
  COL_ADVOCATE,
  COL_PROGRAM,
  COL_SUBMITTED,
  COL_REASON,
  COL_MATCHES,
  COL_ON_ACCEPT,
  COL_RESULT,
  NO_VISIBLE_MATCH,
  MATCH_CONTACT,
  MATCH_LEAD,
  MATCH_OPPORTUNITY,
  ACCEPT,
  REJECT,
  REASON_LABEL,
  REASON_HELP,
  REASON_REQUIRED,
  SELECT_FIRST,
  SELECTED_ONE,
  SELECTED_MANY,
  CONFIRM_ACCEPT_TITLE,
  CONFIRM_ACCEPT,
  CONFIRM_REJECT_TITLE,
  CONFIRM_REJECT,
  RESULTS,
  SUMMARY_ACCEPTED,
  SUMMARY_REJECTED,
  SUMMARY_REFUSED,
  RESULT_REFUSED,
  NO_REASON_GIVEN,
  TABLE_LABEL
};

/** A label with {0}, {1}... filled in. */
export function format(label: string, ...values: (string | number)[]): string {
  return label.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
