// Metadata loading tests. Source format: Metadata API Developer Guide, "CustomObject", "CustomField",
// "ValidationRule", "PermissionSet", "Profile"; key prefixes: Object Reference, "Standard Object Key Prefixes" (e.g. 005 User, 00Q Lead).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject, MetadataError } from '../../src/metadata/loadProject.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// dist/test/metadata -> repository root
const repoRoot = path.resolve(here, '../../../..');

test('loads the package objects with fields, validation rules and relationships', () => {
  const s = loadProject(repoRoot);
  const ref = s.objects.get('referral__c')!;
  assert.equal(ref.name, 'Referral__c');
  assert.equal(ref.sharingModel, 'ControlledByParent');
  const adv = ref.fields.get('advocate__c')!;
  assert.equal(adv.type, 'MasterDetail');
  assert.equal(adv.relationshipName, 'Advocate__r');
  assert.equal(adv.required, true);
  // Metadata API: Name field of type AutoNumber with displayFormat
  const name = ref.fields.get('name')!;
  assert.equal(name.type, 'AutoNumber');
  assert.equal(name.displayFormat, 'REF-{000000}');
  // Restricted picklist
  const route = ref.fields.get('routing_route__c')!;
  assert.equal(route.restrictedPicklist, true);
  assert.ok(route.picklistValues!.some((v) => v.value === 'QUEUE'));
  // child relationship on the parent
  const parent = s.objects.get('advocate__c')!;
  assert.equal(parent.childRelationships.get('referrals__r')!.childObject, 'Referral__c');
  assert.ok(ref.validationRules.length >= 1);
  // custom field on a standard object
  assert.equal(s.objects.get('lead')!.fields.get('referral__c')!.type, 'Lookup');
  // formula field
  assert.equal(s.objects.get('advocate__c')!.fields.get('email__c')!.type, 'Formula');
  // roll-up summary
  const pb = s.objects.get('advocate__c')!.fields.get('points_balance__c')!;
  assert.equal(pb.summaryOperation, 'sum');
  assert.equal(pb.summaryForeignKey, 'Reward__c.Advocate__c');
});

test('standard objects carry real key prefixes and system fields', () => {
  const s = loadProject(repoRoot);
  assert.equal(s.objects.get('user')!.keyPrefix, '005');
  assert.equal(s.objects.get('lead')!.keyPrefix, '00Q');
  assert.equal(s.objects.get('account')!.keyPrefix, '001');
  assert.equal(s.keyPrefixes.get('00G'), 'Group');
  for (const o of s.objects.values()) {
    assert.ok(o.fields.has('id'), o.name);
    assert.ok(o.fields.has('createddate'), o.name);
    assert.ok(o.fields.has('isdeleted'), o.name);
  }
  assert.deepEqual(s.objects.get('lead')!.fields.get('ownerid')!.referenceTo, ['User', 'Group']);
  assert.equal(s.objects.get('user')!.isSetup, true);
  assert.equal(s.objects.get('account')!.isSetup, false);
});

test('standard profiles are synthesized; admin has no field permissions on package fields', () => {
  const s = loadProject(repoRoot);
  const admin = s.profiles.get('system administrator')!;
  assert.ok(admin.userPermissions.has('ModifyAllData'));
  assert.equal(admin.fieldPermissions.size, 0);
  assert.ok(s.profiles.has('standard user'));
  assert.equal(s.profiles.get('customer community user')!.userType, 'CspLitePortal');
  assert.ok([...s.profiles.values()].some((p) => p.userType === 'Guest'));
  const adv = s.permissionSets.get('referral_program_advocate')!;
  assert.ok(adv.fieldPermissions.get('advocate__c.email__c')!.readable);
});

test('static resources, email templates, notification types, apex sources, sharing sets', () => {
  const s = loadProject(repoRoot);
  assert.ok(s.staticResources.get('referralrulesvectors')!.body.length > 0);
  assert.ok(s.emailTemplates.get('referral_accepted')!.subject.length > 0);
  assert.ok(s.customNotificationTypes.has('referral_lead_assigned'));
  assert.ok(s.apexSources.some((a) => a.kind === 'trigger' && a.name === 'ReferralTrigger'));
  assert.equal(s.sharingSets![0]!.accessMappings[0]!.object, 'Advocate__c');
});

// Salesforce DX Developer Guide, "Static Resources": a zip resource is kept in source format as a
// folder named like the resource. Metadata API Developer Guide, "CustomLabels": each label's value.
test('a folder static resource loads; custom labels keep their values', () => {
  const s = loadProject(repoRoot);
  assert.equal(s.staticResources.get('chartjs')!.contentType, 'application/zip');
  const label = s.customLabels.get('rewards_tax_title');
  assert.equal(label?.value, 'Year-End Tax');
  // translations (Translation Workbench files) load beside the label, for System.Label.get
  assert.equal(label?.translations?.get('es'), 'Impuestos de fin de año');
  for (const l of s.customLabels.values()) assert.ok(l.value.length > 0, l.name);
});

test('namespace option prefixes custom objects and fields', () => {
  const s = loadProject(repoRoot, { namespace: 'refp' });
  const o = s.objects.get('refp__referral__c')!;
  assert.ok(o.fields.has('refp__status__c'));
  assert.equal(o.fields.get('refp__advocate__c')!.relationshipName, 'refp__Advocate__r');
  assert.ok(s.objects.get('lead')!.fields.has('refp__referral__c'));
});

function tmpProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-meta-'));
  fs.writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'src' }] }));
  for (const [p, t] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'src', p)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', p), t);
  }
  return dir;
}

test('bad metadata: file and line in the message, never a bare crash', () => {
  const dir = tmpProject({
    'objects/X__c/X__c.object-meta.xml': '<?xml version="1.0"?>\n<CustomObject><label>X</label></CustomObject>',
    'objects/X__c/fields/Bad__c.field-meta.xml': '<?xml version="1.0"?>\n<CustomField>\n<fullName>Bad__c</fullName>\n<type>Hologram</type>\n</CustomField>',
  });
  assert.throws(
    () => loadProject(dir),
    (e: unknown) => e instanceof MetadataError && /Bad__c\.field-meta\.xml:4: unsupported field type Hologram/.test(e.message)
  );
  const dir2 = tmpProject({ 'objects/Y__c/Y__c.object-meta.xml': '<?xml version="1.0"?>\n<CustomObject>\n<label>Y</label>\n</CustomObjec>' });
  assert.throws(() => loadProject(dir2), (e: unknown) => e instanceof MetadataError && /Y__c\.object-meta\.xml:\d+: malformed XML/.test(e.message));
});

test('a permission set granting an unknown field names the file, the line and the field', () => {
  const dir = tmpProject({
    'objects/X__c/X__c.object-meta.xml': '<?xml version="1.0"?>\n<CustomObject><label>X</label></CustomObject>',
    'permissionsets/P.permissionset-meta.xml':
      '<?xml version="1.0"?>\n<PermissionSet>\n<label>P</label>\n<fieldPermissions>\n<editable>false</editable>\n<field>X__c.Missing__c</field>\n<readable>true</readable>\n</fieldPermissions>\n</PermissionSet>',
  });
  assert.throws(
    () => loadProject(dir),
    (e: unknown) => e instanceof MetadataError && /P\.permissionset-meta\.xml:6: permission set P grants access to unknown field X__c\.Missing__c/.test(e.message)
  );
});

test('a lookup to an object that does not exist is reported with its field file', () => {
  const dir = tmpProject({
    'objects/X__c/X__c.object-meta.xml': '<?xml version="1.0"?>\n<CustomObject><label>X</label></CustomObject>',
    'objects/X__c/fields/Y__c.field-meta.xml': '<?xml version="1.0"?>\n<CustomField>\n<fullName>Y__c</fullName>\n<type>Lookup</type>\n<referenceTo>Nope__c</referenceTo>\n<relationshipName>Ys</relationshipName>\n</CustomField>',
  });
  assert.throws(() => loadProject(dir), (e: unknown) => e instanceof MetadataError && /Y__c\.field-meta\.xml:4: field X__c\.Y__c references unknown object Nope__c/.test(e.message));
});

test('a project without profiles gets the standard ones; custom settings keep their type', () => {
  const dir = tmpProject({
    'objects/S__c/S__c.object-meta.xml': '<?xml version="1.0"?>\n<CustomObject><label>S</label><customSettingsType>Hierarchy</customSettingsType></CustomObject>',
  });
  const s = loadProject(dir);
  assert.ok(s.profiles.has('system administrator'));
  assert.ok(s.profiles.has('standard user'));
  assert.equal(s.objects.get('s__c')!.customSettingsType, 'Hierarchy');
  assert.ok(s.objects.get('s__c')!.fields.has('setupownerid'));
});

// Describe in a namespace. DescribeSObjectResult.getLocalName / DescribeFieldResult.getLocalName
// ("if the object/field is part of the current namespace, the namespace portion of the name is
// omitted") and DescribeSObjectResult.getChildRelationships (Schema.ChildRelationship:
// getChildSObject, getField, getRelationshipName), Apex Reference Guide.
test('namespace: getLocalName drops the prefix, getChildRelationships names prefixed relationships', async () => {
  const { Interpreter } = await import('../../src/apex/interpreter.js');
  const s = loadProject(repoRoot, { namespace: 'refp' });
  const I = new Interpreter(s, null);
  I.builtins.ctx.inTest = true;
  I.executeAnonymous(`
    Schema.DescribeSObjectResult program = Referral_Program__c.SObjectType.getDescribe();
    Assert.areEqual('refp__Referral_Program__c', program.getName());
    Assert.areEqual('Referral_Program__c', program.getLocalName());
    Assert.areEqual('refp__Tiers_JSON__c', Reward_Rule__c.Tiers_JSON__c.getDescribe().getName());
    Assert.areEqual('Tiers_JSON__c', Reward_Rule__c.Tiers_JSON__c.getDescribe().getLocalName());
    Assert.areEqual('Name', Reward_Rule__c.Name.getDescribe().getLocalName());
    String found;
    for (Schema.ChildRelationship child : program.getChildRelationships()) {
      if (child.getField() == Reward_Rule__c.Program__c) {
        Assert.areEqual(Reward_Rule__c.SObjectType, child.getChildSObject());
        found = child.getRelationshipName();
      }
    }
    Assert.areEqual('refp__Reward_Rules__r', found);
  `);
});

// Metadata API Developer Guide, "CustomLabels": each label has one <value>; source format allows
// the labels in several *.labels-meta.xml files (one per module folder), merged into one set.
test('custom labels: their values, from every labels file', () => {
  const label = (name: string, value: string) =>
    `<labels><fullName>${name}</fullName><language>en_US</language><protected>false</protected><shortDescription>${name}</shortDescription><value>${value}</value></labels>`;
  const dir = tmpProject({
    'a/labels/CustomLabels.labels-meta.xml': `<?xml version="1.0"?>\n<CustomLabels>${label('A_One', 'Thank you: {0} was received.')}</CustomLabels>`,
    'b/labels/CustomLabels.labels-meta.xml': `<?xml version="1.0"?>\n<CustomLabels>${label('B_Two', 'Points &amp; cash')}</CustomLabels>`
  });
  const s = loadProject(dir);
  assert.equal(s.customLabels.get('a_one')?.value, 'Thank you: {0} was received.');
  assert.equal(s.customLabels.get('b_two')?.value, 'Points & cash');
  assert.equal(s.customLabels.get('a_one')?.name, 'A_One');
});
