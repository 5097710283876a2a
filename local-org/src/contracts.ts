// Contracts between the local org's layers (see ../DESIGN.md). Types only: each layer
// implements its side in its own folder. Change a contract only with every layer that uses it.

import type { Decimal, ApexDate, ApexDatetime, ApexTime } from './apex/values/index.js';
import type { SObjectRecord } from './data/sobject.js';

/** A scalar a record field holds. Number/Currency/Percent fields hold a Decimal. */
export type FieldValue = null | boolean | string | Decimal | ApexDate | ApexDatetime | ApexTime | number;

// ---------------------------------------------------------------------------------- metadata

export type FieldType =
  | 'Id'
  | 'Text'
  | 'TextArea'
  | 'LongTextArea'
  | 'Html'
  | 'Email'
  | 'Phone'
  | 'Url'
  | 'Picklist'
  | 'MultiselectPicklist'
  | 'Checkbox'
  | 'Number'
  | 'Currency'
  | 'Percent'
  | 'Date'
  | 'DateTime'
  | 'Time'
  | 'Lookup'
  | 'MasterDetail'
  | 'AutoNumber'
  | 'Formula'
  | 'Summary';

export interface FieldDef {
  /** Canonical API name, with the namespace prefix when one is applied. */
  name: string;
  type: FieldType;
  /** For Formula fields: the type of the result (Text, Number, Checkbox, Date, ...). */
  formulaType?: FieldType;
  formula?: string;
  label: string;
  length?: number;
  precision?: number;
  scale?: number;
  required: boolean;
  unique: boolean;
  caseSensitive?: boolean;
  externalId: boolean;
  defaultValue?: string; // a formula text, as in metadata (e.g. "false", "'Draft'", "TODAY()")
  picklistValues?: { value: string; label: string; isDefault: boolean; active: boolean }[];
  restrictedPicklist?: boolean;
  /** Lookup / MasterDetail: target object API names (several for polymorphic standard fields). */
  referenceTo?: string[];
  relationshipName?: string; // e.g. Advocate__r
  childRelationshipName?: string; // the name on the parent, e.g. Referrals__r
  deleteConstraint?: 'SetNull' | 'Restrict' | 'Cascade';
  displayFormat?: string; // AutoNumber
  startingNumber?: number;
  /** Standard fields the platform sets (CreatedDate, OwnerId, ...) and formula/auto number fields. */
  calculated?: boolean;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  custom: boolean;
  inlineHelpText?: string;
  sourceFile?: string;
  /** Roll-up summary fields (type 'Summary'): operation and the child relationship summarised. */
  summaryOperation?: 'count' | 'sum' | 'min' | 'max';
  /** e.g. Reward__c.Points__c (absent for count). */
  summarizedField?: string;
  /** e.g. Reward__c.Advocate__c: the child object and its master-detail field. */
  summaryForeignKey?: string;
  summaryFilterItems?: { field: string; operation: string; value: string }[];
  /** Formula fields: BlankAsZero or BlankAsBlank. */
  formulaTreatBlanksAs?: 'BlankAsZero' | 'BlankAsBlank';
  /** 1-based line in sourceFile of the field's definition (for error messages). */
  sourceLine?: number;
  /** MasterDetail: Read access on the master is enough to create/edit the detail (else Edit is needed). */
  writeRequiresMasterRead?: boolean;
  /** MasterDetail: the detail may be moved to another master. */
  reparentableMasterDetail?: boolean;
}

export interface ValidationRuleDef {
  name: string;
  active: boolean;
  errorConditionFormula: string;
  errorMessage: string;
  errorDisplayField?: string;
  sourceFile: string;
  /** 1-based line of errorConditionFormula in sourceFile. */
  sourceLine?: number;
}

export interface ObjectDef {
  name: string; // canonical API name, e.g. Referral__c, Lead
  label: string;
  labelPlural: string;
  custom: boolean;
  /** 3-character key prefix used for ids of this object. */
  keyPrefix: string;
  sharingModel: 'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent' | 'FullAccess' | 'PublicReadWrite';
  externalSharingModel?: string;
  customSettingsType?: 'Hierarchy' | 'List';
  isSetup: boolean; // User, Group, PermissionSetAssignment, ... (mixed DML)
  /** The namespace prefix the project was loaded with (no `__`), on every object; unset without one. */
  namespace?: string;
  fields: Map<string, FieldDef>; // key: lower-case API name
  validationRules: ValidationRuleDef[];
  /** child relationships by lower-case relationship name. */
  childRelationships: Map<string, { childObject: string; field: string; relationshipName: string; cascadeDelete: boolean }>;
  sourceFile?: string;
}

export interface ObjectPermission {
  allowCreate: boolean;
  allowRead: boolean;
  allowEdit: boolean;
  allowDelete: boolean;
  viewAllRecords: boolean;
  modifyAllRecords: boolean;
}

export interface PermissionSetDef {
  name: string;
  label: string;
  isProfile: boolean;
  license?: string; // e.g. Salesforce, Customer Community
  userType?: 'Standard' | 'PowerCustomerSuccess' | 'CspLitePortal' | 'CustomerSuccess' | 'Guest';
  objectPermissions: Map<string, ObjectPermission>; // lower-case object name
  fieldPermissions: Map<string, { readable: boolean; editable: boolean }>; // lower-case "object.field"
  classAccesses: Set<string>; // lower-case class names
  customPermissions: Set<string>;
  userPermissions: Set<string>; // e.g. ModifyAllData, ViewAllData
  tabSettings?: Map<string, string>;
  sourceFile?: string;
}

export interface ApexSourceFile {
  kind: 'class' | 'trigger';
  name: string;
  path: string;
  body: string;
}

export interface Schema {
  namespace: string; // '' when none
  objects: Map<string, ObjectDef>; // lower-case API name
  keyPrefixes: Map<string, string>; // key prefix -> canonical object name
  permissionSets: Map<string, PermissionSetDef>; // lower-case name
  profiles: Map<string, PermissionSetDef>; // lower-case profile name ('system administrator', 'standard user', ...)
  staticResources: Map<string, { name: string; contentType: string; body: Buffer }>;
  emailTemplates: Map<string, { developerName: string; folder: string; subject: string; body: string; htmlValue?: string }>;
  customNotificationTypes: Map<string, { developerName: string }>;
  customLabels: Map<string, { name: string; value: string; translations?: Map<string, string> }>;
  apexSources: ApexSourceFile[];
  /** Object and field names as written in the source (for error messages: file and line). */
  /** Portal sharing sets (force-app/site sharingSets): profiles they apply to and object access mappings. */
  sharingSets?: SharingSetDef[];
  /** Experience Cloud sites and networks found in the project (Site / Network records). */
  sites?: { name: string; label: string; urlPathPrefix?: string; siteType?: string; sourceFile: string }[];
  networks?: { name: string; urlPathPrefix?: string; status?: string; selfRegProfile?: string; sourceFile: string }[];
  /** Non-fatal notes from loading (metadata kinds skipped and why). */
  warnings?: string[];
}

export interface SharingSetDef {
  name: string;
  profiles: string[];
  accessMappings: { object: string; objectField: string; userField: string; accessLevel: 'Read' | 'Edit' }[];
  sourceFile: string;
}

// ---------------------------------------------------------------------------------- running user

export interface RunContext {
  userId: string;
  /** USER_MODE enforces object and field access (and sharing); SYSTEM_MODE does not. */
  accessLevel: 'USER_MODE' | 'SYSTEM_MODE';
  /** with sharing / without sharing of the calling class, after inherited resolution. */
  sharing: 'with' | 'without';
  /** Apex file and line for error messages. */
  location?: { file: string; line: number };
}

// ---------------------------------------------------------------------------------- limits

export interface LimitsCounter {
  /** Each call counts one and throws System.LimitException past the limit. */
  countQuery(): void;
  countQueryRows(rows: number): void;
  countDmlStatement(): void;
  countDmlRows(rows: number): void;
}

// ---------------------------------------------------------------------------------- DML

export type DmlOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete';
export type TriggerEvent =
  | 'BEFORE_INSERT'
  | 'BEFORE_UPDATE'
  | 'BEFORE_DELETE'
  | 'AFTER_INSERT'
  | 'AFTER_UPDATE'
  | 'AFTER_DELETE'
  | 'AFTER_UNDELETE';

export interface DmlError {
  statusCode: string; // e.g. REQUIRED_FIELD_MISSING, FIELD_CUSTOM_VALIDATION_EXCEPTION
  message: string;
  fields: string[];
}

export interface DmlRowResult {
  id: string | null;
  success: boolean;
  created?: boolean; // upsert
  errors: DmlError[];
}

/** The interpreter implements this; the org calls it during the save order of execution. */
export interface TriggerRunner {
  /**
   * Runs every trigger on `objectName` for `event` with up to 200 rows. `newRows`/`oldRows` are
   * the Trigger.new / Trigger.old records (null where the event has none). Rows that received
   * addError are reported back through `SObjectRecord.errors`.
   */
  runTriggers(
    objectName: string,
    event: TriggerEvent,
    newRows: SObjectRecord[] | null,
    oldRows: SObjectRecord[] | null
  ): void;
}
