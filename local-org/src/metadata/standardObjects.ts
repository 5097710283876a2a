// Standard objects the package uses, modelled by hand with their real API names, types and
// key prefixes (Object Reference for Salesforce and Lightning Platform). Only the fields the
// package and its tests touch, plus the system fields every object has.

import type { FieldDef, FieldType, ObjectDef } from '../contracts.js';

export interface FieldSpec {
  type: FieldType;
  length?: number;
  precision?: number;
  scale?: number;
  ref?: string[];
  rel?: string; // relationship name (e.g. Owner)
  childRel?: string; // relationship name on the parent (e.g. Contacts)
  calc?: boolean; // set by the platform, read only
  required?: boolean;
  unique?: boolean;
  externalId?: boolean;
  picklist?: string[];
  defaultValue?: string;
  deleteConstraint?: 'SetNull' | 'Restrict' | 'Cascade';
  readOnly?: boolean; // not createable / updateable but not "calculated"
  createOnly?: boolean; // createable, not updateable
}

type Spec = Record<string, FieldSpec>;

const T = (length = 255, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'Text', length, ...extra });
const CB = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'Checkbox', defaultValue: 'false', ...extra });
const REF = (ref: string | string[], rel: string | undefined, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type: 'Lookup',
  ref: Array.isArray(ref) ? ref : [ref],
  rel,
  ...extra,
});
const PICK = (values: string[] = [], extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'Picklist', picklist: values, ...extra });
const NUM = (precision = 18, scale = 0, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'Number', precision, scale, ...extra });
const CUR = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'Currency', precision: 18, scale: 2, ...extra });
const DT = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'DateTime', ...extra });
const D = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'Date', ...extra });
const EMAIL = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'Email', length: 80, ...extra });

interface StdObjectSpec {
  name: string;
  keyPrefix: string;
  label?: string;
  plural?: string;
  sharingModel?: ObjectDef['sharingModel'];
  setup?: boolean;
  /** Has an OwnerId (User or Group for objects that can be queue-owned). */
  owner?: 'User' | 'UserOrGroup' | false;
  /** Name field: 'text' (Text(255), required), 'compound' (FirstName + LastName, calculated), 'none', or a type. */
  nameKind?: 'text' | 'compound' | 'none' | 'auto' | 'calc';
  fields: Spec;
}

const USER_TYPES = ['Standard', 'PowerPartner', 'PowerCustomerSuccess', 'CustomerSuccess', 'CspLitePortal', 'Guest', 'CsnOnly', 'SelfService'];

export const STANDARD_OBJECTS: StdObjectSpec[] = [
  {
    name: 'User',
    keyPrefix: '005',
    sharingModel: 'Read',
    setup: true,
    owner: false,
    nameKind: 'compound',
    fields: {
      Username: T(80, { required: true, unique: true }),
      LastName: T(80, { required: true }),
      FirstName: T(40),
      MiddleName: T(40),
      Email: EMAIL({ required: true }),
      Alias: T(8, { required: true }),
      CommunityNickname: T(40, { unique: true }),
      TimeZoneSidKey: PICK([], { required: true }),
      LocaleSidKey: PICK([], { required: true }),
      EmailEncodingKey: PICK([], { required: true }),
      LanguageLocaleKey: PICK([], { required: true }),
      ProfileId: REF('Profile', 'Profile', { required: true }),
      UserRoleId: REF('UserRole', 'UserRole'),
      ContactId: REF('Contact', 'Contact'),
      AccountId: REF('Account', 'Account', { readOnly: true }),
      ManagerId: REF('User', 'Manager'),
      IsActive: CB({ defaultValue: 'true' }),
      UserType: PICK(USER_TYPES, { readOnly: true }),
      Title: T(80),
      Phone: { type: 'Phone', length: 40 },
      CompanyName: T(80),
      Department: T(80),
      FederationIdentifier: T(512),
      IsPortalEnabled: CB({ readOnly: true }),
      DefaultCurrencyIsoCode: PICK([]),
      LastLoginDate: DT({ readOnly: true }),
    },
  },
  {
    name: 'Profile',
    keyPrefix: '00e',
    setup: true,
    owner: false,
    nameKind: 'text',
    sharingModel: 'Read',
    fields: {
      UserType: PICK(USER_TYPES),
      UserLicenseId: REF('UserLicense', 'UserLicense'),
      Description: T(255),
      PermissionsModifyAllData: CB(),
      PermissionsViewAllData: CB(),
      PermissionsApiEnabled: CB(),
      PermissionsEditTask: CB(),
      PermissionsCustomizeApplication: CB(),
    },
  },
  {
    name: 'UserLicense',
    keyPrefix: '100',
    setup: true,
    owner: false,
    nameKind: 'text',
    sharingModel: 'Read',
    fields: { LicenseDefinitionKey: T(40), MasterLabel: T(80), Status: T(40) },
  },
  {
    name: 'UserRole',
    keyPrefix: '00E',
    setup: true,
    owner: false,
    nameKind: 'text',
    sharingModel: 'Read',
    fields: {
      DeveloperName: T(80),
      ParentRoleId: REF('UserRole', undefined),
      PortalType: PICK(['None', 'CustomerPortal', 'Partner']),
      PortalAccountId: REF('Account', 'PortalAccount'),
    },
  },
  {
    name: 'PermissionSet',
    keyPrefix: '0PS',
    setup: true,
    owner: false,
    nameKind: 'text',
    sharingModel: 'Read',
    fields: {
      Label: T(80, { required: true }),
      IsOwnedByProfile: CB({ readOnly: true }),
      ProfileId: REF('Profile', 'Profile', { readOnly: true }),
      NamespacePrefix: T(15, { readOnly: true }),
      Description: T(255),
      LicenseId: REF('UserLicense', 'License'),
      PermissionsModifyAllData: CB(),
      PermissionsViewAllData: CB(),
    },
  },
  {
    name: 'PermissionSetAssignment',
    keyPrefix: '0Pa',
    setup: true,
    owner: false,
    nameKind: 'none',
    sharingModel: 'Read',
    fields: {
      AssigneeId: REF('User', 'Assignee', { required: true, createOnly: true }),
      PermissionSetId: REF('PermissionSet', 'PermissionSet', { required: true, createOnly: true, deleteConstraint: 'Cascade' }),
      PermissionSetGroupId: REF('PermissionSetGroup', undefined, { createOnly: true }),
      IsActive: CB({ defaultValue: 'true', readOnly: true }),
    },
  },
  {
    name: 'ObjectPermissions',
    keyPrefix: '110',
    setup: true,
    owner: false,
    nameKind: 'none',
    sharingModel: 'Read',
    fields: {
      ParentId: REF('PermissionSet', 'Parent', { required: true, createOnly: true, deleteConstraint: 'Cascade' }),
      SobjectType: PICK([], { required: true, createOnly: true }),
      PermissionsCreate: CB(),
      PermissionsRead: CB(),
      PermissionsEdit: CB(),
      PermissionsDelete: CB(),
      PermissionsViewAllRecords: CB(),
      PermissionsModifyAllRecords: CB(),
    },
  },
  {
    name: 'FieldPermissions',
    keyPrefix: '01k',
    setup: true,
    owner: false,
    nameKind: 'none',
    sharingModel: 'Read',
    fields: {
      ParentId: REF('PermissionSet', 'Parent', { required: true, createOnly: true, deleteConstraint: 'Cascade' }),
      SobjectType: PICK([], { required: true, createOnly: true }),
      Field: T(255, { required: true, createOnly: true }),
      PermissionsRead: CB(),
      PermissionsEdit: CB(),
    },
  },
  {
    name: 'Group',
    keyPrefix: '00G',
    setup: true,
    owner: 'User',
    nameKind: 'text',
    sharingModel: 'Read',
    fields: {
      DeveloperName: T(80),
      Type: PICK(['Regular', 'Queue', 'Role', 'RoleAndSubordinates', 'Organization', 'Manager'], { required: true }),
      Email: EMAIL(),
      DoesSendEmailToMembers: CB(),
      DoesIncludeBosses: CB({ defaultValue: 'true' }),
      RelatedId: REF(['User', 'UserRole'], 'Related', { readOnly: true }),
    },
  },
  {
    name: 'GroupMember',
    keyPrefix: '011',
    setup: true,
    owner: false,
    nameKind: 'none',
    sharingModel: 'Read',
    fields: {
      GroupId: REF('Group', 'Group', { required: true, createOnly: true, deleteConstraint: 'Cascade' }),
      UserOrGroupId: REF(['User', 'Group'], undefined, { required: true, createOnly: true }),
    },
  },
  {
    name: 'QueueSobject',
    keyPrefix: '03g',
    setup: true,
    owner: false,
    nameKind: 'none',
    sharingModel: 'Read',
    fields: {
      QueueId: REF('Group', 'Queue', { required: true, createOnly: true, deleteConstraint: 'Cascade' }),
      SobjectType: PICK([], { required: true, createOnly: true }),
    },
  },
  {
    name: 'Account',
    keyPrefix: '001',
    sharingModel: 'ReadWrite',
    owner: 'User',
    nameKind: 'text',
    fields: {
      ParentId: REF('Account', 'Parent', { childRel: 'ChildAccounts' }),
      Type: PICK(['Prospect', 'Customer - Direct', 'Customer - Channel', 'Partner', 'Other']),
      Industry: PICK([]),
      Phone: { type: 'Phone', length: 40 },
      Website: { type: 'Url', length: 255 },
      Description: { type: 'LongTextArea', length: 32000 },
      BillingCity: T(40),
      BillingCountry: T(80),
      BillingStreet: { type: 'TextArea', length: 255 },
      BillingPostalCode: T(20),
      BillingState: T(80),
      NumberOfEmployees: NUM(8, 0),
      AnnualRevenue: CUR(),
      AccountNumber: T(40),
      IsPartner: CB(),
      IsCustomerPortal: CB({ readOnly: true }),
    },
  },
  {
    name: 'Contact',
    keyPrefix: '003',
    sharingModel: 'ControlledByParent',
    owner: 'User',
    nameKind: 'compound',
    fields: {
      AccountId: REF('Account', 'Account', { childRel: 'Contacts' }),
      LastName: T(80, { required: true }),
      FirstName: T(40),
      Salutation: PICK(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']),
      Email: EMAIL(),
      Phone: { type: 'Phone', length: 40 },
      MobilePhone: { type: 'Phone', length: 40 },
      Title: T(128),
      Department: T(80),
      HasOptedOutOfEmail: CB(),
      DoNotCall: CB(),
      LeadSource: PICK(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other', 'Referral']),
      Description: { type: 'LongTextArea', length: 32000 },
      ReportsToId: REF('Contact', 'ReportsTo'),
      MailingCity: T(40),
      MailingCountry: T(80),
      Birthdate: D(),
      EmailBouncedReason: T(255),
      IsEmailBounced: CB({ readOnly: true }),
    },
  },
  {
    name: 'Lead',
    keyPrefix: '00Q',
    sharingModel: 'ReadWrite',
    owner: 'UserOrGroup',
    nameKind: 'compound',
    fields: {
      LastName: T(80, { required: true }),
      FirstName: T(40),
      Salutation: PICK(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']),
      Company: T(255, { required: true }),
      Email: EMAIL(),
      Phone: { type: 'Phone', length: 40 },
      MobilePhone: { type: 'Phone', length: 40 },
      Title: T(128),
      Status: PICK(['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'], {
        required: true,
        defaultValue: "'Open - Not Contacted'",
      }),
      LeadSource: PICK(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other', 'Referral']),
      Rating: PICK(['Hot', 'Warm', 'Cold']),
      Industry: PICK([]),
      Description: { type: 'LongTextArea', length: 32000 },
      Website: { type: 'Url', length: 255 },
      HasOptedOutOfEmail: CB(),
      IsConverted: CB({ readOnly: true }),
      IsUnreadByOwner: CB({ readOnly: true }),
      ConvertedDate: D({ readOnly: true }),
      ConvertedAccountId: REF('Account', 'ConvertedAccount', { readOnly: true }),
      ConvertedContactId: REF('Contact', 'ConvertedContact', { readOnly: true }),
      ConvertedOpportunityId: REF('Opportunity', 'ConvertedOpportunity', { readOnly: true }),
      City: T(40),
      Country: T(80),
      Street: { type: 'TextArea', length: 255 },
      PostalCode: T(20),
      State: T(80),
      NumberOfEmployees: NUM(8, 0),
      AnnualRevenue: CUR(),
    },
  },
  {
    name: 'Opportunity',
    keyPrefix: '006',
    sharingModel: 'ReadWrite',
    owner: 'User',
    nameKind: 'text',
    fields: {
      AccountId: REF('Account', 'Account', { childRel: 'Opportunities' }),
      ContactId: REF('Contact', 'Contact'),
      StageName: PICK(
        [
          'Prospecting',
          'Qualification',
          'Needs Analysis',
          'Value Proposition',
          'Id. Decision Makers',
          'Perception Analysis',
          'Proposal/Price Quote',
          'Negotiation/Review',
          'Closed Won',
          'Closed Lost',
        ],
        { required: true }
      ),
      CloseDate: D({ required: true }),
      Amount: CUR(),
      Probability: { type: 'Percent', precision: 3, scale: 0 },
      ExpectedRevenue: { type: 'Currency', precision: 18, scale: 2, calc: true },
      IsClosed: CB({ readOnly: true }),
      IsWon: CB({ readOnly: true }),
      Type: PICK(['Existing Customer - Upgrade', 'Existing Customer - Replacement', 'Existing Customer - Downgrade', 'New Customer']),
      LeadSource: PICK(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other', 'Referral']),
      Description: { type: 'LongTextArea', length: 32000 },
      NextStep: T(255),
      ForecastCategoryName: PICK(['Omitted', 'Pipeline', 'Best Case', 'Most Likely', 'Forecast', 'Closed']),
    },
  },
  // Object Reference, OpportunityContactRole: the contacts of a deal and their role; sharing
  // follows the opportunity (ControlledByParent).
  {
    name: 'OpportunityContactRole',
    keyPrefix: '00K',
    sharingModel: 'ControlledByParent',
    owner: false,
    nameKind: 'none',
    fields: {
      OpportunityId: REF('Opportunity', 'Opportunity', { required: true, childRel: 'OpportunityContactRoles' }),
      ContactId: REF('Contact', 'Contact', { required: true, childRel: 'OpportunityContactRoles' }),
      Role: PICK(['Business User', 'Decision Maker', 'Economic Buyer', 'Economic Decision Maker', 'Evaluator', 'Executive Sponsor', 'Influencer', 'Technical Buyer', 'Other']),
      IsPrimary: CB(),
    },
  },
  // Object Reference, Case: IsClosed derives from the status (CaseStatus.IsClosed; the default
  // org's closed status is "Closed"), as Opportunity.IsClosed derives from the stage.
  {
    name: 'Case',
    keyPrefix: '500',
    sharingModel: 'ReadWrite',
    owner: 'UserOrGroup',
    nameKind: 'none',
    fields: {
      CaseNumber: T(30, { readOnly: true }),
      AccountId: REF('Account', 'Account', { childRel: 'Cases' }),
      ContactId: REF('Contact', 'Contact', { childRel: 'Cases' }),
      Subject: T(255),
      Description: { type: 'LongTextArea', length: 32000 },
      Status: PICK(['New', 'Working', 'Escalated', 'Closed'], { required: true, defaultValue: "'New'" }),
      Priority: PICK(['High', 'Medium', 'Low']),
      Origin: PICK(['Phone', 'Email', 'Web']),
      IsClosed: CB({ readOnly: true }),
      ClosedDate: DT({ readOnly: true }),
    },
  },
  {
    name: 'OpportunityStage',
    keyPrefix: '01J',
    setup: false,
    owner: false,
    nameKind: 'none',
    sharingModel: 'Read',
    fields: {
      ApiName: T(255, { readOnly: true }),
      MasterLabel: T(255, { readOnly: true }),
      IsActive: CB({ readOnly: true }),
      IsClosed: CB({ readOnly: true }),
      IsWon: CB({ readOnly: true }),
      SortOrder: { type: 'Number', precision: 9, scale: 0, readOnly: true },
      DefaultProbability: { type: 'Percent', precision: 3, scale: 0, readOnly: true },
      ForecastCategoryName: T(40, { readOnly: true }),
    },
  },
  {
    name: 'LeadStatus',
    // The platform's prefix is 01J as for OpportunityStage; a distinct prefix keeps ids resolvable here.
    keyPrefix: '01K',
    owner: false,
    nameKind: 'none',
    sharingModel: 'Read',
    fields: {
      ApiName: T(255, { readOnly: true }),
      MasterLabel: T(255, { readOnly: true }),
      IsConverted: CB({ readOnly: true }),
      IsDefault: CB({ readOnly: true }),
      SortOrder: { type: 'Number', precision: 9, scale: 0, readOnly: true },
    },
  },
  {
    name: 'Task',
    keyPrefix: '00T',
    sharingModel: 'ControlledByParent',
    owner: 'UserOrGroup',
    nameKind: 'none',
    fields: {
      Subject: T(255),
      Description: { type: 'LongTextArea', length: 32000 },
      Status: PICK(['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'], {
        required: true,
        defaultValue: "'Not Started'",
      }),
      Priority: PICK(['High', 'Normal', 'Low'], { required: true, defaultValue: "'Normal'" }),
      ActivityDate: D(),
      WhoId: REF(['Contact', 'Lead'], 'Who', { childRel: 'Tasks' }),
      WhatId: REF(['Account', 'Opportunity', 'Advocate__c', 'Referral__c', 'Referral_Program__c', 'Reward__c'], 'What', { childRel: 'Tasks' }),
      IsClosed: CB({ readOnly: true }),
      Type: PICK(['Call', 'Email', 'Meeting', 'Other']),
      TaskSubtype: PICK(['Task', 'Email', 'Call']),
      ReminderDateTime: DT(),
      IsReminderSet: CB(),
    },
  },
  // Salesforce Files (Object Reference: ContentVersion, ContentDocument, ContentDocumentLink).
  // LinkedEntityId / FirstPublishLocationId point at any object: loadProject widens them.
  {
    name: 'ContentDocument',
    keyPrefix: '069',
    owner: 'User',
    nameKind: 'none',
    sharingModel: 'ReadWrite',
    fields: {
      Title: T(255),
      LatestPublishedVersionId: REF('ContentVersion', 'LatestPublishedVersion', { readOnly: true }),
      FileExtension: T(40, { readOnly: true }),
      FileType: T(20, { readOnly: true }),
      ContentSize: NUM(9, 0, { readOnly: true }),
      Description: T(1000),
    },
  },
  {
    name: 'ContentVersion',
    keyPrefix: '068',
    owner: 'User',
    nameKind: 'none',
    sharingModel: 'ReadWrite',
    plural: 'Content Versions',
    fields: {
      Title: T(255),
      PathOnClient: T(500, { createOnly: true }),
      VersionData: { type: 'LongTextArea', length: 2147483647 }, // a Blob; the data layer stores base64 and returns ApexBlob
      ContentDocumentId: REF('ContentDocument', 'ContentDocument', { createOnly: true, childRel: 'ContentVersions', deleteConstraint: 'Cascade' }),
      FirstPublishLocationId: REF(['User'], 'FirstPublishLocation', { createOnly: true }),
      IsLatest: CB({ readOnly: true }),
      ContentSize: NUM(9, 0, { readOnly: true }),
      FileExtension: T(40, { readOnly: true }),
      FileType: T(20, { readOnly: true }),
      VersionNumber: T(20, { readOnly: true }),
      ContentLocation: PICK(['S', 'E', 'L'], { defaultValue: "'S'" }),
      Description: T(1000),
      ReasonForChange: T(1000),
    },
  },
  {
    name: 'ContentDocumentLink',
    keyPrefix: '06A',
    owner: false,
    nameKind: 'none',
    sharingModel: 'ReadWrite',
    fields: {
      ContentDocumentId: REF('ContentDocument', 'ContentDocument', { required: true, createOnly: true, childRel: 'ContentDocumentLinks', deleteConstraint: 'Cascade' }),
      LinkedEntityId: REF(['User'], 'LinkedEntity', { required: true, createOnly: true }),
      ShareType: PICK(['V', 'C', 'I']),
      Visibility: PICK(['AllUsers', 'InternalUsers', 'SharedUsers']),
    },
  },
  {
    name: 'EmailTemplate',
    keyPrefix: '00X',
    setup: true,
    owner: 'User',
    nameKind: 'text',
    sharingModel: 'Read',
    fields: {
      DeveloperName: T(80, { required: true }),
      Subject: T(1000),
      Body: { type: 'LongTextArea', length: 384000 },
      HtmlValue: { type: 'LongTextArea', length: 384000 },
      IsActive: CB({ defaultValue: 'true' }),
      TemplateType: PICK(['text', 'html', 'custom', 'visualforce']),
      FolderId: REF(['Folder', 'User', 'Organization'], 'Folder'),
      FolderName: T(255, { readOnly: true }),
      NamespacePrefix: T(15, { readOnly: true }),
      Description: T(4000),
      Encoding: PICK([]),
    },
  },
  {
    name: 'CustomNotificationType',
    keyPrefix: '0ML',
    setup: true,
    owner: false,
    nameKind: 'none',
    sharingModel: 'Read',
    fields: {
      DeveloperName: T(80, { readOnly: true }),
      CustomNotifTypeName: T(80, { readOnly: true }),
      MasterLabel: T(80, { readOnly: true }),
      Description: T(255, { readOnly: true }),
      Desktop: CB({ readOnly: true }),
      Mobile: CB({ readOnly: true }),
      NamespacePrefix: T(15, { readOnly: true }),
    },
  },
  {
    // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_userrecordaccess.htm
    // Read only, computed per query from one UserId and up to 200 RecordIds (data/query.ts);
    // no rows are stored. The key prefix is this model's own: the object has no record ids.
    name: 'UserRecordAccess',
    keyPrefix: '0Ur',
    setup: true,
    owner: false,
    nameKind: 'none',
    sharingModel: 'Read',
    fields: {
      UserId: REF('User', 'User', { readOnly: true }),
      RecordId: T(18, { readOnly: true }),
      HasReadAccess: CB({ readOnly: true }),
      HasEditAccess: CB({ readOnly: true }),
      HasDeleteAccess: CB({ readOnly: true }),
      HasTransferAccess: CB({ readOnly: true }),
      HasAllAccess: CB({ readOnly: true }),
      MaxAccessLevel: PICK(['None', 'Read', 'Edit', 'Delete', 'Transfer', 'All'], { readOnly: true }),
    },
  },
  {
    name: 'ApexClass',
    keyPrefix: '01p',
    setup: true,
    owner: false,
    nameKind: 'text',
    sharingModel: 'Read',
    fields: { NamespacePrefix: T(15, { readOnly: true }), Status: T(40, { readOnly: true }), IsValid: CB({ readOnly: true }) },
  },
  {
    name: 'AsyncApexJob',
    keyPrefix: '707',
    owner: false,
    nameKind: 'none',
    sharingModel: 'Read',
    fields: {
      ApexClassId: REF('ApexClass', 'ApexClass', { readOnly: true }),
      JobType: PICK(['Future', 'SharingRecalculation', 'ScheduledApex', 'BatchApex', 'BatchApexWorker', 'TestRequest', 'TestWorker', 'ApexToken', 'Queueable'], { readOnly: true }),
      Status: PICK(['Holding', 'Queued', 'Preparing', 'Processing', 'Aborted', 'Completed', 'Failed'], { readOnly: true }),
      ExtendedStatus: T(255, { readOnly: true }),
      NumberOfErrors: NUM(9, 0, { readOnly: true }),
      JobItemsProcessed: NUM(9, 0, { readOnly: true }),
      TotalJobItems: NUM(9, 0, { readOnly: true }),
      MethodName: T(255, { readOnly: true }),
      CompletedDate: DT({ readOnly: true }),
      ParentJobId: REF('AsyncApexJob', undefined, { readOnly: true }),
      CronTriggerId: REF('CronTrigger', 'CronTrigger', { readOnly: true }),
    },
  },
  {
    name: 'CronJobDetail',
    keyPrefix: '08a',
    owner: false,
    nameKind: 'text',
    sharingModel: 'Read',
    fields: { JobType: T(40, { readOnly: true }) },
  },
  {
    name: 'CronTrigger',
    keyPrefix: '08e',
    owner: 'User',
    nameKind: 'none',
    sharingModel: 'Read',
    fields: {
      CronExpression: T(255, { readOnly: true }),
      CronJobDetailId: REF('CronJobDetail', 'CronJobDetail', { readOnly: true }),
      State: T(40, { readOnly: true }),
      NextFireTime: DT({ readOnly: true }),
      PreviousFireTime: DT({ readOnly: true }),
      StartTime: DT({ readOnly: true }),
      EndTime: DT({ readOnly: true }),
      TimesTriggered: NUM(9, 0, { readOnly: true }),
      TimeZoneSidKey: T(40, { readOnly: true }),
    },
  },
  {
    name: 'CurrencyType',
    keyPrefix: '02c',
    setup: true,
    owner: false,
    nameKind: 'none',
    sharingModel: 'Read',
    fields: {
      IsoCode: PICK([], { required: true }),
      ConversionRate: { type: 'Number', precision: 18, scale: 6, required: true },
      DecimalPlaces: NUM(2, 0),
      IsActive: CB({ defaultValue: 'true' }),
      IsCorporate: CB(),
    },
  },
  {
    name: 'StaticResource',
    keyPrefix: '081',
    setup: true,
    owner: false,
    nameKind: 'text',
    sharingModel: 'Read',
    fields: {
      Body: { type: 'LongTextArea', length: 5242880, readOnly: true }, // a Blob; the data layer returns ApexBlob
      ContentType: T(120),
      BodyLength: NUM(9, 0, { readOnly: true }),
      NamespacePrefix: T(15, { readOnly: true }),
      Description: T(255),
      CacheControl: PICK(['Private', 'Public']),
    },
  },
  {
    name: 'AssignmentRule',
    keyPrefix: '01Q',
    setup: true,
    owner: false,
    nameKind: 'text',
    sharingModel: 'Read',
    fields: { SobjectType: PICK(['Lead', 'Case'], { readOnly: true }), Active: CB({ readOnly: true }) },
  },
  {
    name: 'Network',
    keyPrefix: '0DB',
    setup: true,
    owner: false,
    nameKind: 'text',
    sharingModel: 'Read',
    fields: { Status: PICK(['Live', 'Inactive', 'UnderConstruction']), UrlPathPrefix: T(255), Description: T(255) },
  },
  {
    name: 'Site',
    keyPrefix: '0DM',
    setup: true,
    owner: false,
    nameKind: 'text',
    sharingModel: 'Read',
    fields: {
      MasterLabel: T(255),
      Status: PICK(['Active', 'Inactive']),
      UrlPathPrefix: T(255),
      Subdomain: T(80),
      SiteType: PICK(['Visualforce', 'ChatterNetwork', 'ChatterNetworkPicasso', 'Siteforce']),
      GuestUserId: REF('User', 'GuestUser', { readOnly: true }),
    },
  },
  {
    name: 'SiteDetail',
    keyPrefix: '0DN', // SiteDetail has no key prefix of its own on the platform (DurableId is the key)
    setup: true,
    owner: false,
    nameKind: 'none',
    sharingModel: 'Read',
    fields: { DurableId: T(255, { readOnly: true }), SecureUrl: T(1000, { readOnly: true }), IsActive: CB({ readOnly: true }) },
  },
  {
    name: 'Organization',
    keyPrefix: '00D',
    setup: true,
    owner: false,
    nameKind: 'text',
    sharingModel: 'Read',
    fields: {
      IsSandbox: CB({ readOnly: true }),
      OrganizationType: T(40, { readOnly: true }),
      DefaultLocaleSidKey: T(40),
      TimeZoneSidKey: T(40),
      LanguageLocaleKey: T(40),
      NamespacePrefix: T(15, { readOnly: true }),
      InstanceName: T(40, { readOnly: true }),
      IsMultiCurrency: CB({ readOnly: true }), // not a real Organization field; see loadProject's multiCurrency option
    },
  },
];

/** Objects whose records are "setup" objects for mixed DML (Apex Developer Guide: sObjects That Cannot Be Used Together in DML Operations). */
export const SETUP_OBJECTS = new Set(
  ['user', 'profile', 'userrole', 'permissionset', 'permissionsetassignment', 'group', 'groupmember', 'queuesobject', 'userlicense', 'objectpermissions', 'fieldpermissions', 'setupentityaccess'].map((s) => s)
);

function mkField(name: string, spec: FieldSpec, custom: boolean): FieldDef {
  const calculated = !!spec.calc;
  const readOnly = !!spec.readOnly || calculated;
  const f: FieldDef = {
    name,
    type: spec.type,
    label: name.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
    required: !!spec.required,
    unique: !!spec.unique,
    externalId: !!spec.externalId,
    createable: !readOnly,
    updateable: !readOnly && !spec.createOnly,
    nillable: !spec.required && spec.type !== 'Checkbox',
    custom,
  };
  if (calculated) f.calculated = true;
  if (spec.length !== undefined) f.length = spec.length;
  if (spec.precision !== undefined) f.precision = spec.precision;
  if (spec.scale !== undefined) f.scale = spec.scale;
  if (spec.defaultValue !== undefined) f.defaultValue = spec.defaultValue;
  if (spec.ref) {
    f.referenceTo = spec.ref;
    if (spec.rel) f.relationshipName = spec.rel;
    if (spec.childRel) f.childRelationshipName = spec.childRel;
    f.deleteConstraint = spec.deleteConstraint ?? 'SetNull';
  }
  if (spec.picklist) {
    f.picklistValues = spec.picklist.map((v, i) => ({
      value: v,
      label: v,
      isDefault: spec.defaultValue === `'${v}'` || (i === 0 && false),
      active: true,
    }));
    f.restrictedPicklist = false;
  }
  return f;
}

/** System fields every object has (Object Reference: System Fields). */
export function systemFields(opts: { owner: 'User' | 'UserOrGroup' | false; name: NonNullable<StdObjectSpec['nameKind']>; multiCurrency: boolean; custom: boolean }): Map<string, FieldDef> {
  const m = new Map<string, FieldDef>();
  const add = (n: string, s: FieldSpec) => m.set(n.toLowerCase(), mkField(n, s, false));
  add('Id', { type: 'Id', length: 18, readOnly: true });
  if (opts.name === 'text') add('Name', T(opts.custom ? 80 : 255, { required: true }));
  else if (opts.name === 'compound') add('Name', T(121, { calc: true }));
  else if (opts.name === 'auto') m.set('name', { ...mkField('Name', T(80, { calc: true }), false), type: 'AutoNumber' });
  if (opts.owner) {
    add('OwnerId', REF(opts.owner === 'UserOrGroup' ? ['User', 'Group'] : ['User'], 'Owner'));
  }
  add('CreatedDate', DT({ readOnly: true }));
  add('CreatedById', REF('User', 'CreatedBy', { readOnly: true }));
  add('LastModifiedDate', DT({ readOnly: true }));
  add('LastModifiedById', REF('User', 'LastModifiedBy', { readOnly: true }));
  add('SystemModstamp', DT({ readOnly: true }));
  add('IsDeleted', CB({ readOnly: true }));
  if (opts.multiCurrency) add('CurrencyIsoCode', PICK([], {}));
  return m;
}

export function buildStandardObjects(multiCurrency: boolean): ObjectDef[] {
  return STANDARD_OBJECTS.map((spec) => {
    const fields = systemFields({ owner: spec.owner ?? false, name: spec.nameKind ?? 'text', multiCurrency, custom: false });
    for (const [n, s] of Object.entries(spec.fields)) fields.set(n.toLowerCase(), mkField(n, s, false));
    // Opportunity: Name is required text; IsClosed/IsWon derive from the stage.
    const def: ObjectDef = {
      name: spec.name,
      label: spec.label ?? spec.name.replace(/([a-z])([A-Z])/g, '$1 $2'),
      labelPlural: spec.plural ?? spec.name + 's',
      custom: false,
      keyPrefix: spec.keyPrefix,
      sharingModel: spec.sharingModel ?? 'ReadWrite',
      isSetup: !!spec.setup || SETUP_OBJECTS.has(spec.name.toLowerCase()),
      fields,
      validationRules: [],
      childRelationships: new Map(),
    };
    return def;
  });
}
