/**
 * The labels gate (scripts/checks/labels.mjs) and the translation merge
 * (scripts/i18n/merge-translations.mjs), run as npm runs them on a small project planted in a
 * temporary folder: a clean project passes; each planted fault fails with its file and line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const GATE = path.join(REPO, 'scripts', 'checks', 'labels.mjs');
const MERGE = path.join(REPO, 'scripts', 'i18n', 'merge-translations.mjs');
const COMPONENT = 'force-app/main/demo/lwc/demoCard';

let root: string;

function write(rel: string, text: string): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function label(name: string, value: string): string {
  return `    <labels>
        <fullName>${name}</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>${name}</shortDescription>
        <value>${value}</value>
    </labels>
`;
}

function labelsFile(...entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
${entries.join('')}</CustomLabels>
`;
}

function translations(entries: Record<string, string>): string {
  const body = Object.entries(entries)
    .map(
      ([name, text]) =>
        `    <customLabels>\n        <label>${text}</label>\n        <name>${name}</name>\n    </customLabels>\n`
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Translations xmlns="http://soap.sforce.com/2006/04/metadata">
${body}</Translations>
`;
}

function gate(): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [GATE, '--root', root], { encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** A clean project: one component whose every string is a translated label. */
function plantCleanProject(): void {
  write(
    'force-app/main/demo/labels/CustomLabels.labels-meta.xml',
    labelsFile(label('Demo_Title', 'Demo card'), label('Demo_Saved', 'Saved {0} rewards.'))
  );
  write(
    'force-app/main/core/translations/es.translation-meta.xml',
    translations({
      Demo_Title: 'Tarjeta de demostración',
      Demo_Saved: 'Se guardaron {0} recompensas.'
    })
  );
  write(
    'force-app/main/core/translations/de.translation-meta.xml',
    translations({ Demo_Title: 'Demokarte', Demo_Saved: '{0} Prämien gespeichert.' })
  );
  write(
    'force-app/main/core/translations/fr.translation-meta.xml',
    translations({
      Demo_Title: 'Carte de démonstration',
      Demo_Saved: '{0} récompenses enregistrées.'
    })
  );
  write(
    `${COMPONENT}/demoCard.html`,
    `<template>
    <lightning-card title={labels.title} icon-name="standard:opportunity">
        <!-- a comment with words is not shown -->
        <div class="slds-p-around_small slds-text-color_weak">{message}</div>
        <lightning-button-icon icon-name="utility:refresh" alternative-text={labels.title}></lightning-button-icon>
    </lightning-card>
</template>
`
  );
  write(
    `${COMPONENT}/demoCard.ts`,
    `import { LightningElement } from 'lwc';
import TITLE from '@salesforce/label/c.Demo_Title';
import SAVED from '@salesforce/label/c.Demo_Saved';
const COLUMNS = [{ label: TITLE, fieldName: 'amount', type: 'currency' }];
export default class DemoCard extends LightningElement {
    labels = { title: TITLE };
    status = 'WON';
    css = 'slds-m-top_small slds-text-heading_small';
    get message(): string {
        if (this.status === 'Closed Won') return SAVED.replace('{0}', '2');
        console.log('debug output is not shown');
        return COLUMNS[0]['label'];
    }
}
`
  );
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'labels-gate-'));
  plantCleanProject();
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('check:labels', () => {
  it('passes a project whose text is all translated labels (class names, icons, API values are not text)', () => {
    const { status, out } = gate();
    expect(out).toContain(
      'labels: 2 labels and 0 validation rule messages, each translated into Spanish, German, French'
    );
    expect(status).toBe(0);
  });

  it('fails on a planted text node in a template, with file and line', () => {
    const html = fs.readFileSync(path.join(root, COMPONENT, 'demoCard.html'), 'utf8');
    write(
      `${COMPONENT}/demoCard.html`,
      html.replace('{message}</div>', '{message}</div>\n        <p>No rewards yet.</p>')
    );
    const { status, out } = gate();
    expect(status).toBe(1);
    expect(out).toContain(`${COMPONENT}/demoCard.html:5: hard-coded text "No rewards yet."`);
  });

  it('fails on a literal label, placeholder or alternative text attribute', () => {
    write(
      `${COMPONENT}/demoCard.html`,
      `<template>
    <lightning-input label="Deal amount" placeholder="12,000.00"></lightning-input>
    <lightning-spinner alternative-text="Loading"></lightning-spinner>
</template>
`
    );
    const { status, out } = gate();
    expect(status).toBe(1);
    expect(out).toContain(`${COMPONENT}/demoCard.html:2: hard-coded label attribute "Deal amount"`);
    expect(out).toContain(
      `${COMPONENT}/demoCard.html:3: hard-coded alternative-text attribute "Loading"`
    );
    // digits and punctuation are not words
    expect(out).not.toContain('12,000.00');
  });

  it('fails on a planted toast message in TypeScript, with file and line', () => {
    const ts = fs.readFileSync(path.join(root, COMPONENT, 'demoCard.ts'), 'utf8');
    write(
      `${COMPONENT}/demoCard.ts`,
      ts.replace(
        "console.log('debug output is not shown');",
        "console.log('debug output is not shown');\n        this.dispatchEvent(new CustomEvent('toast', { detail: { title: 'Saved', message: `Reward ${this.status} saved.` } }));"
      )
    );
    const { status, out } = gate();
    expect(status).toBe(1);
    expect(out).toContain(`${COMPONENT}/demoCard.ts:12: hard-coded string "Saved"`);
    expect(out).toContain(`${COMPONENT}/demoCard.ts:12: hard-coded string "Reward {} saved."`);
  });

  it('fails on Apex text handed to a person: addError, AuraHandledException (through a constant), an invocable result message, an email subject', () => {
    const cls = 'force-app/main/demo/classes/DemoService.cls';
    write(
      cls,
      `public with sharing class DemoService {
    private static final String NOT_ALLOWED = 'You cannot do that; ask your admin.';
    public class Result {
        @InvocableVariable(label='Message' description='A sentence.')
        public String message;
        @InvocableVariable(label='Status' description='An API value.')
        public String status;
    }
    public static void run(Account a, Result r, Messaging.SingleEmailMessage mail) {
        a.Name.addError(System.Label.Demo_Saved.replace('{0}', '2'));
        a.addError('The account ' + a.Name + ' is closed: reopen it first.');
        r.status = 'Closed Won';
        r.message = a == null ? 'The account is missing.' : null;
        mail.setSubject('Your reward');
        // a comment saying 'Not text.' and a debug line are not shown
        System.debug('Debug output is not shown.');
        // labels-gate: not text (the key of a platform message)
        a.addError('Field_Key');
        throw new AuraHandledException(NOT_ALLOWED);
    }
}
`
    );
    write(
      'force-app/main/demo/classes/DemoServiceTest.cls',
      "@IsTest\nprivate class DemoServiceTest {\n    static void t() { new Account().addError('Test text is fine.'); }\n}\n"
    );
    const { status, out } = gate();
    expect(status).toBe(1);
    expect(out).toContain(`${cls}:2: hard-coded AuraHandledException text "You cannot do that;`);
    expect(out).toContain(`${cls}:11: hard-coded addError text "The account"`);
    expect(out).toContain(`${cls}:11: hard-coded addError text "is closed: reopen it first."`);
    expect(out).toContain(
      `${cls}:13: hard-coded invocable result message text "The account is missing."`
    );
    expect(out).toContain(`${cls}:14: hard-coded email subject text "Your reward"`);
    expect(out).toContain('System.Label.Name');
    expect(out).not.toContain('Closed Won');
    expect(out).not.toContain('Field_Key');
    expect(out).not.toContain('Debug output');
    expect(out).not.toContain('Not text.');
    expect(out).not.toContain('DemoServiceTest');
    expect(out).toContain('labels: 5 problem(s)');
  });

  it('holds an Apex class listed as not yet converted to its count', () => {
    const cls = 'force-app/main/demo/classes/DemoTrigger.cls';
    write(
      cls,
      "public with sharing class DemoTrigger {\n    public static void run(Account a) {\n        a.addError('Closed accounts cannot change.');\n    }\n}\n"
    );
    const config = (n: number) =>
      write(
        'scripts/checks/labels-config.json',
        JSON.stringify({ ignore: [], notYetConverted: { [cls]: n } })
      );
    config(1);
    let result = gate();
    expect(result.out).toContain(
      '0 Apex files without hard-coded text; not yet converted: 1 files with 1 hard-coded strings'
    );
    expect(result.status).toBe(0);
    config(0);
    result = gate();
    expect(result.status).toBe(1);
    expect(result.out).toContain('more than the 0 listed as not yet converted');
    config(2);
    result = gate();
    expect(result.status).toBe(1);
    expect(result.out).toContain('lower the count');
  });

  it('holds a screen flow to a translated label, no screen header and label formulas for its text', () => {
    const flow = 'force-app/main/demo/flows/Demo_Flow.flow-meta.xml';
    const screen = (header: boolean, text: string) =>
      write(
        flow,
        `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Demo Flow</label>
    <processType>Flow</processType>
    <screens>
        <name>Demo_Screen</name>
        <label>Demo Screen</label>
        <fields>
            <name>Intro</name>
            <fieldText>${text}</fieldText>
            <fieldType>DisplayText</fieldType>
        </fields>
        <showHeader>${header}</showHeader>
    </screens>
</Flow>
`
      );
    screen(true, '&lt;p&gt;Choose the contacts.&lt;/p&gt;');
    let result = gate();
    expect(result.status).toBe(1);
    expect(result.out).toContain(`${flow}:3: screen flow Demo_Flow has no Spanish label`);
    expect(result.out).toContain(`${flow}:13: a screen header shows the screen label`);
    expect(result.out).toContain(
      `${flow}:10: hard-coded flow fieldText "Choose the contacts.": use a {!$Label.c.Name} formula`
    );
    for (const [lang, text] of [
      ['es', 'Flujo de demostración'],
      ['de', 'Demoablauf'],
      ['fr', 'Flux de démonstration']
    ]) {
      const file = path.join(root, `force-app/main/core/translations/${lang}.translation-meta.xml`);
      fs.writeFileSync(
        file,
        fs
          .readFileSync(file, 'utf8')
          .replace(
            '</Translations>',
            `    <flowDefinitions>\n        <fullName>Demo_Flow</fullName>\n        <label>${text}</label>\n    </flowDefinitions>\n</Translations>`
          )
      );
    }
    screen(false, '&lt;p&gt;{!$Label.Demo_Missing}&lt;/p&gt;');
    result = gate();
    expect(result.status).toBe(1);
    expect(result.out).toContain(
      `${flow}:10: uses $Label.Demo_Missing, which no labels file defines`
    );
    expect(result.out).toContain('labels: 1 problem(s)');
    screen(false, '&lt;p&gt;&lt;b&gt;{!$Label.Demo_Title}&lt;/b&gt;&lt;/p&gt;');
    result = gate();
    expect(result.out).toContain('labels: 2 labels');
    expect(result.status).toBe(0);
  });

  it('fails on a label missing its German translation', () => {
    write(
      'force-app/main/core/translations/de.translation-meta.xml',
      translations({ Demo_Title: 'Demokarte' })
    );
    const { status, out } = gate();
    expect(status).toBe(1);
    expect(out).toContain(
      'force-app/main/demo/labels/CustomLabels.labels-meta.xml:10: label Demo_Saved has no German translation'
    );
  });

  it('fails on a translation whose placeholders differ, and on one of an unknown label', () => {
    write(
      'force-app/main/core/translations/fr.translation-meta.xml',
      translations({
        Demo_Title: 'Carte',
        Demo_Saved: 'Récompenses enregistrées.',
        Old_Label: 'Ancien'
      })
    );
    const { status, out } = gate();
    expect(status).toBe(1);
    expect(out).toContain(
      'French translation of Demo_Saved has placeholders {} where the English has {{0}}'
    );
    expect(out).toContain('translation of Old_Label, which is not a label');
  });

  it('fails on an import of a label that does not exist', () => {
    const ts = fs.readFileSync(path.join(root, COMPONENT, 'demoCard.ts'), 'utf8');
    write(`${COMPONENT}/demoCard.ts`, ts.replace('c.Demo_Saved', 'c.Demo_Savd'));
    const { status, out } = gate();
    expect(status).toBe(1);
    expect(out).toContain(
      `${COMPONENT}/demoCard.ts:3: imports label c.Demo_Savd, which no labels file defines`
    );
  });

  it('fails on a Lightning page tab or section title in plain text, and on a page label that does not exist', () => {
    const page = (
      title: string,
      section: string
    ): string => `<?xml version="1.0" encoding="UTF-8" ?>
<FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata">
    <flexiPageRegions>
        <itemInstances>
            <componentInstance>
                <componentInstanceProperties>
                    <name>label</name>
                    <value>${section}</value>
                </componentInstanceProperties>
                <componentName>flexipage:fieldSection</componentName>
                <identifier>demo_section</identifier>
            </componentInstance>
        </itemInstances>
        <itemInstances>
            <componentInstance>
                <componentInstanceProperties>
                    <name>title</name>
                    <value>Standard.Tab.detail</value>
                </componentInstanceProperties>
                <componentName>flexipage:tab</componentName>
                <identifier>detailTab</identifier>
            </componentInstance>
        </itemInstances>
        <itemInstances>
            <componentInstance>
                <componentInstanceProperties>
                    <name>title</name>
                    <value>${title}</value>
                </componentInstanceProperties>
                <componentName>flexipage:tab</componentName>
                <identifier>demoTab</identifier>
            </componentInstance>
        </itemInstances>
        <name>main</name>
        <type>Region</type>
    </flexiPageRegions>
</FlexiPage>
`;
    const file = 'force-app/main/demo/flexipages/Demo_Page.flexipage-meta.xml';
    write(file, page('{!$Label.c.Demo_Title}', '{!$Label.c.Demo_Title}'));
    expect(gate().status).toBe(0);

    write(file, page('Overview', '{!$Label.c.Demo_Title}'));
    let run = gate();
    expect(run.status).toBe(1);
    expect(run.out).toContain(
      `${file}:28: flexipage:tab title "Overview" is plain text: make it a custom label and write {!$Label.c.Name}.`
    );

    write(file, page('{!$Label.c.Demo_Title}', 'Dates'));
    run = gate();
    expect(run.status).toBe(1);
    expect(run.out).toContain(`${file}:8: flexipage:fieldSection label "Dates" is plain text`);

    write(file, page('{!$Label.c.Demo_Titel}', '{!$Label.c.Demo_Title}'));
    run = gate();
    expect(run.status).toBe(1);
    expect(run.out).toContain(
      `${file}:28: uses {!$Label.c.Demo_Titel}, which no labels file defines`
    );
  });

  it('holds a file listed as not yet converted to its count, in both directions', () => {
    write(
      `${COMPONENT}/demoCard.html`,
      '<template>\n    <p>Two words</p>\n    <p>More words</p>\n</template>\n'
    );
    const config = (n: number) =>
      write(
        'scripts/checks/labels-config.json',
        JSON.stringify({ ignore: [], notYetConverted: { [`${COMPONENT}/demoCard.html`]: n } })
      );
    config(2);
    let result = gate();
    expect(result.out).toContain('not yet converted: 1 files with 2 hard-coded strings');
    expect(result.status).toBe(0);
    config(1);
    result = gate();
    expect(result.status).toBe(1);
    expect(result.out).toContain(
      '2 hard-coded strings, more than the 1 listed as not yet converted'
    );
    config(3);
    result = gate();
    expect(result.status).toBe(1);
    expect(result.out).toContain('lower the count');
  });
});

describe('i18n:merge', () => {
  it('merges a translations JSON into the three Translations files, and the gate then passes', () => {
    const html = fs.readFileSync(
      path.join(root, 'force-app/main/demo/labels/CustomLabels.labels-meta.xml'),
      'utf8'
    );
    write(
      'force-app/main/demo/labels/CustomLabels.labels-meta.xml',
      html.replace('</CustomLabels>', `${label('Demo_New', 'Points &amp; cash')}</CustomLabels>`)
    );
    expect(gate().status).toBe(1);
    write(
      'translations-demo.json',
      JSON.stringify({
        Demo_New: { es: 'Puntos y efectivo', de: 'Punkte & Bargeld', fr: 'Points et espèces' }
      })
    );
    const run = spawnSync(
      process.execPath,
      [MERGE, path.join(root, 'translations-demo.json'), '--root', root],
      { encoding: 'utf8' }
    );
    expect(run.stdout).toContain('merged 1 label(s)');
    expect(run.status).toBe(0);
    const de = fs.readFileSync(
      path.join(root, 'force-app/main/core/translations/de.translation-meta.xml'),
      'utf8'
    );
    expect(de).toContain('<label>Punkte &amp; Bargeld</label>');
    expect(de.indexOf('Demo_New')).toBeLessThan(de.indexOf('Demo_Saved'));
    expect(gate().status).toBe(0);
  });

  it('refuses a name that is not a label, or a missing language, and writes nothing', () => {
    write(
      'bad.json',
      JSON.stringify({ Nope: { es: 'a', de: 'b', fr: 'c' }, Demo_Title: { es: 'x', de: 'y' } })
    );
    const before = fs.readFileSync(
      path.join(root, 'force-app/main/core/translations/es.translation-meta.xml'),
      'utf8'
    );
    const run = spawnSync(process.execPath, [MERGE, path.join(root, 'bad.json'), '--root', root], {
      encoding: 'utf8'
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('"Nope" is not a custom label');
    expect(run.stderr).toContain('"Demo_Title" has no "fr" translation');
    expect(
      fs.readFileSync(
        path.join(root, 'force-app/main/core/translations/es.translation-meta.xml'),
        'utf8'
      )
    ).toBe(before);
  });
});

describe('validation rule messages', () => {
  const RULE =
    'force-app/main/demo/objects/Demo__c/validationRules/Amount_Positive.validationRule-meta.xml';
  const ADD_RULES = path.join(path.dirname(GATE), '..', 'i18n', 'add-rule-translations.mjs');

  function addRules(json: unknown): { status: number | null; out: string } {
    write('rules.json', JSON.stringify(json));
    const run = spawnSync(
      process.execPath,
      [ADD_RULES, path.join(root, 'rules.json'), '--root', root],
      { encoding: 'utf8' }
    );
    return { status: run.status, out: `${run.stdout}${run.stderr}` };
  }

  beforeEach(() => {
    write(
      RULE,
      `<?xml version="1.0" encoding="UTF-8" ?>
<ValidationRule xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Amount_Positive</fullName>
    <active>true</active>
    <errorConditionFormula>Amount__c &lt;= 0</errorConditionFormula>
    <errorMessage>Amount must be above zero; enter a positive amount.</errorMessage>
</ValidationRule>
`
    );
  });

  it('fails on a validation rule without its Spanish, German and French messages, naming the rule', () => {
    const { status, out } = gate();
    expect(status).toBe(1);
    expect(out).toContain(`${RULE}:6`);
    expect(out).toContain('validation rule Demo__c.Amount_Positive has no German error message');
    expect(out).toContain('has no French error message');
  });

  it('writes the object translations beside the object, and the gate then passes; a missing language fails it', () => {
    const messages = {
      es: 'El importe debe ser mayor que cero.',
      de: 'Der Betrag muss größer als null sein.',
      fr: 'Le montant doit être supérieur à zéro.'
    };
    expect(addRules({ Demo__c: { Amount_Positive: messages } }).status).toBe(0);
    const de = path.join(
      root,
      'force-app/main/demo/objectTranslations/Demo__c-de/Demo__c-de.objectTranslation-meta.xml'
    );
    expect(fs.readFileSync(de, 'utf8')).toContain(
      '<errorMessage>Der Betrag muss größer als null sein.</errorMessage>\n        <name>Amount_Positive</name>'
    );
    expect(gate().status).toBe(0);
    fs.rmSync(de);
    const { status, out } = gate();
    expect(status).toBe(1);
    expect(out).toContain('Demo__c.Amount_Positive has no German error message');
  });

  it('refuses an unknown rule or a missing language and writes nothing; the gate fails on a translation of no rule', () => {
    const run = addRules({
      Demo__c: { Nope: { es: 'a', de: 'b', fr: 'c' }, Amount_Positive: { es: 'x', de: 'y' } }
    });
    expect(run.status).toBe(1);
    expect(run.out).toContain('Demo__c.Nope is no validation rule');
    expect(run.out).toContain('Demo__c.Amount_Positive has no "fr" message');
    expect(fs.existsSync(path.join(root, 'force-app/main/demo/objectTranslations'))).toBe(false);
    write(
      'force-app/main/demo/objectTranslations/Demo__c-es/Demo__c-es.objectTranslation-meta.xml',
      `<?xml version="1.0" encoding="UTF-8" ?>
<CustomObjectTranslation xmlns="http://soap.sforce.com/2006/04/metadata">
    <validationRules>
        <errorMessage>Otra regla.</errorMessage>
        <name>Old_Rule</name>
    </validationRules>
</CustomObjectTranslation>
`
    );
    expect(gate().out).toContain('validation rule Demo__c.Old_Rule, which does not exist');
  });
});
