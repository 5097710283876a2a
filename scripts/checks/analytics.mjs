// Part of the metadata gate: the package's report types, reports and dashboards refer to things
// that exist. A report type's columns are fields of its objects (lookup paths followed field by
// field); a report uses only columns of its report type; a dashboard shows only reports of the
// package, their groupings and their summarised columns. The Metadata API schema check cannot see
// any of this: a report naming a field its report type lacks converts cleanly and fails on deploy.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) =>
    [
      'sections',
      'columns',
      'aggregates',
      'aggregateTypes',
      'criteriaItems',
      'groupingsDown',
      'groupingsAcross',
      'chartSummaries',
      'components',
      'chartSummary',
      'groupingColumn',
      'dashboardTableColumn',
      'values',
      'sourceValues'
    ].includes(name)
});

// Standard fields the package's report types may use, per standard object (Object Reference);
// custom objects get their system fields below. Anything else must be a field in force-app.
const STANDARD_FIELDS = {
  Opportunity: {
    Name: {},
    Amount: {},
    CloseDate: {},
    StageName: {},
    IsClosed: {},
    IsWon: {},
    Probability: {},
    LeadSource: {},
    Owner: { referenceTo: 'User' },
    Account: { referenceTo: 'Account' }
  },
  Account: { Name: {}, Industry: {}, Type: {}, Owner: { referenceTo: 'User' } },
  Contact: {
    Name: {},
    Email: {},
    Owner: { referenceTo: 'User' },
    Account: { referenceTo: 'Account' }
  },
  Lead: { Name: {}, Status: {}, Company: {}, Owner: { referenceTo: 'User' } },
  User: { Name: {}, Email: {}, IsActive: {} }
};
const CUSTOM_SYSTEM_FIELDS = ['Id', 'Name', 'CreatedDate', 'LastModifiedDate'];
const CUSTOM_SYSTEM_LOOKUPS = { CreatedBy: 'User', LastModifiedBy: 'User' };

const FORMATS = new Set(['Tabular', 'Summary', 'Matrix']);
const AGGREGATE_TYPES = new Set(['Sum', 'Average', 'Maximum', 'Minimum', 'Unique']);
const FORMULA_AGGREGATES = new Set(['SUM', 'AVG', 'MAX', 'MIN', 'UNIQUE']);
const COMPONENT_TYPES = new Set([
  'Bar',
  'BarGrouped',
  'BarStacked',
  'BarStacked100',
  'Column',
  'ColumnGrouped',
  'ColumnStacked',
  'ColumnStacked100',
  'Donut',
  'Funnel',
  'Gauge',
  'Line',
  'LineCumulative',
  'LineGrouped',
  'Metric',
  'Pie',
  'Scatter',
  'Table'
]);

function read(file) {
  return parser.parse(fs.readFileSync(file, 'utf8'));
}

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Objects and their fields from the source: { Object: { Field: { referenceTo, relationshipName } } }. */
export function loadSchema(sourceDirs) {
  const objects = {};
  for (const [name, fields] of Object.entries(STANDARD_FIELDS)) objects[name] = { ...fields };
  for (const dir of sourceDirs) {
    for (const file of walk(dir)) {
      const match = /[\\/]objects[\\/]([^\\/]+)[\\/]fields[\\/]([^\\/]+)\.field-meta\.xml$/.exec(
        file
      );
      if (!match) continue;
      const [, object, field] = match;
      const spec = read(file).CustomField ?? {};
      objects[object] ??= {};
      objects[object][field] = {
        referenceTo: spec.referenceTo,
        relationshipName: spec.relationshipName,
        masterDetail: spec.type === 'MasterDetail'
      };
    }
  }
  for (const [object, fields] of Object.entries(objects)) {
    if (!object.endsWith('__c')) continue;
    for (const name of CUSTOM_SYSTEM_FIELDS) fields[name] ??= {};
    for (const [name, target] of Object.entries(CUSTOM_SYSTEM_LOOKUPS))
      fields[name] ??= { referenceTo: target };
    const isDetail = Object.values(fields).some((f) => f.masterDetail);
    if (!isDetail) fields.Owner ??= { referenceTo: 'User' };
  }
  return objects;
}

/** The object a field path ends on, or a sentence saying which segment does not exist. */
function resolvePath(objects, object, fieldPath) {
  const segments = fieldPath.split('.');
  let current = object;
  for (let i = 0; i < segments.length; i++) {
    const fields = objects[current];
    if (!fields) return { error: `object ${current} is not known` };
    const field = fields[segments[i]];
    if (!field) return { error: `${current} has no field ${segments[i]}` };
    if (i < segments.length - 1) {
      if (!field.referenceTo)
        return {
          error: `${current}.${segments[i]} is not a lookup, so ${fieldPath} cannot follow it`
        };
      current = field.referenceTo;
    }
  }
  return { object: current };
}

/** The child object reached from parent by a child relationship name (Rewards__r). */
function childOf(objects, parent, relationship) {
  const name = relationship.replace(/__r$/, '');
  for (const [object, fields] of Object.entries(objects)) {
    for (const field of Object.values(fields)) {
      if (field.referenceTo === parent && field.relationshipName === name) return object;
    }
  }
  return undefined;
}

function text(value) {
  return value === undefined || value === null ? undefined : String(value);
}

/** Checks one report type; returns { columns: Set('Object.fieldPath') } for the reports. */
function checkReportType(objects, name, doc, problems) {
  const where = `reportType ${name}`;
  const base = text(doc.baseObject);
  const tables = new Map();
  if (!base || !objects[base]) {
    problems.push(`${where}: base object ${base} is not an object of the package`);
    return { columns: new Set() };
  }
  tables.set(base, base);
  let join = doc.join;
  let tablePath = base;
  let parent = base;
  let sawOuter = false;
  let depth = 1;
  while (join) {
    const relationship = text(join.relationship);
    const outer = text(join.outerJoin) === 'true';
    if (sawOuter && !outer)
      problems.push(
        `${where}: an inner join to ${relationship} follows an outer join (not allowed)`
      );
    sawOuter ||= outer;
    const child = childOf(objects, parent, relationship);
    if (!child) {
      problems.push(`${where}: ${parent} has no child relationship ${relationship}`);
      break;
    }
    tablePath = `${tablePath}.${relationship}`;
    tables.set(tablePath, child);
    parent = child;
    join = join.join;
    depth++;
  }
  if (depth > 4) problems.push(`${where}: joins ${depth} objects; a report type joins at most 4`);
  const columns = new Set();
  for (const section of doc.sections ?? []) {
    if (!text(section.masterLabel)) problems.push(`${where}: a section has no masterLabel`);
    for (const column of section.columns ?? []) {
      const table = text(column.table);
      const field = text(column.field);
      const object = tables.get(table);
      if (!object) {
        problems.push(
          `${where}: column ${field} is on table ${table}, which is not in the join chain`
        );
        continue;
      }
      const resolved = resolvePath(objects, object, field);
      if (resolved.error) problems.push(`${where}: column ${table}.${field}: ${resolved.error}`);
      const key = `${object}.${field}`;
      if (columns.has(key)) problems.push(`${where}: column ${key} is listed twice`);
      columns.add(key);
    }
  }
  return { columns };
}

/** Checks one report against its report type; returns what dashboards may use. */
function checkReport(reportTypes, name, doc, problems) {
  const where = `report ${name}`;
  const typeName = text(doc.reportType) ?? '';
  const type = reportTypes.get(typeName.replace(/__c$/, ''));
  if (!typeName.endsWith('__c') || !type) {
    problems.push(
      `${where}: report type ${typeName} is not a report type of the package (name it <ReportType>__c)`
    );
    return undefined;
  }
  const known = (column) => type.columns.has(column);
  const need = (column, what) => {
    if (column && !known(column))
      problems.push(`${where}: ${what} ${column} is not a column of report type ${typeName}`);
  };
  const format = text(doc.format);
  if (!FORMATS.has(format))
    problems.push(`${where}: format ${format} is not Tabular, Summary or Matrix`);
  const aggregated = new Map();
  for (const column of doc.columns ?? []) {
    const field = text(column.field);
    need(field, 'column');
    const types = (column.aggregateTypes ?? []).map(String);
    for (const t of types)
      if (!AGGREGATE_TYPES.has(t)) problems.push(`${where}: ${field} has unknown aggregate ${t}`);
    aggregated.set(field, new Set(types));
  }
  const formulas = new Set();
  for (const aggregate of doc.aggregates ?? []) {
    const developerName = text(aggregate.developerName);
    formulas.add(developerName);
    const formula = text(aggregate.calculatedFormula) ?? '';
    for (const [, column, fn] of formula.matchAll(/([A-Za-z_][\w.]*):([A-Z]+)/g)) {
      need(column, `formula ${developerName} uses`);
      if (!FORMULA_AGGREGATES.has(fn))
        problems.push(`${where}: formula ${developerName} uses unknown summary ${fn}`);
    }
  }
  const groupings = [...(doc.groupingsDown ?? []), ...(doc.groupingsAcross ?? [])].map((g) =>
    text(g.field)
  );
  for (const g of groupings) need(g, 'grouping');
  if (format === 'Tabular' && groupings.length > 0)
    problems.push(`${where}: a Tabular report cannot have groupings`);
  if (format !== 'Tabular' && groupings.length === 0)
    problems.push(`${where}: a ${format} report needs at least one grouping`);
  if ((doc.groupingsAcross ?? []).length > 0 && format !== 'Matrix')
    problems.push(`${where}: groupings across need the Matrix format`);
  for (const item of doc.filter?.criteriaItems ?? []) need(text(item.column), 'filter on');
  need(text(doc.timeFrameFilter?.dateColumn), 'date filter on');
  if (doc.rowLimit !== undefined && !doc.sortColumn)
    problems.push(`${where}: a row limit needs a sort column`);
  need(text(doc.sortColumn), 'sort column');
  const summarised = (column, aggregate) =>
    column === 'RowCount' ||
    formulas.has(column) ||
    (aggregated.get(column)?.has(aggregate ?? '') ?? false);
  if (doc.chart) {
    for (const summary of doc.chart.chartSummaries ?? []) {
      const column = text(summary.column);
      if (!summarised(column, text(summary.aggregate)))
        problems.push(
          `${where}: the chart shows ${column} ${text(summary.aggregate) ?? ''}, which the report does not summarise`
        );
    }
    for (const g of [text(doc.chart.groupingColumn), text(doc.chart.secondaryGroupingColumn)])
      if (g && !groupings.includes(g))
        problems.push(`${where}: the chart groups by ${g}, which is not a grouping of the report`);
  }
  return { groupings, summarised, columns: new Set(aggregated.keys()), formulas };
}

function checkDashboard(reports, name, doc, problems) {
  const where = `dashboard ${name}`;
  for (const required of ['title', 'backgroundStartColor', 'textColor'])
    if (!text(doc[required])) problems.push(`${where}: <${required}> is missing`);
  let count = 0;
  for (const sectionName of ['leftSection', 'middleSection', 'rightSection']) {
    for (const component of doc[sectionName]?.components ?? []) {
      count++;
      const title = text(component.title) ?? text(component.header) ?? `component ${count}`;
      const type = text(component.componentType);
      if (!COMPONENT_TYPES.has(type))
        problems.push(`${where}: "${title}" has unknown component type ${type}`);
      const reportName = text(component.report);
      const report = reports.get(reportName);
      if (!report) {
        problems.push(
          `${where}: "${title}" shows report ${reportName}, which is not a report of the package`
        );
        continue;
      }
      for (const summary of component.chartSummary ?? []) {
        const column = text(summary.column);
        if (!report.summarised(column, text(summary.aggregate)))
          problems.push(
            `${where}: "${title}" shows ${column} ${text(summary.aggregate) ?? ''}, which report ${reportName} does not summarise`
          );
      }
      for (const g of component.groupingColumn ?? [])
        if (!report.groupings.includes(String(g)))
          problems.push(
            `${where}: "${title}" groups by ${g}, which is not a grouping of ${reportName}`
          );
      for (const column of component.dashboardTableColumn ?? []) {
        const c = text(column.column);
        if (
          !report.columns.has(c) &&
          !report.groupings.includes(c) &&
          !report.formulas.has(c) &&
          c !== 'RowCount'
        )
          problems.push(`${where}: "${title}" lists ${c}, which is not a column of ${reportName}`);
      }
      if (type === 'Gauge') {
        const min = Number(component.gaugeMin);
        const max = Number(component.gaugeMax);
        const b1 = Number(component.indicatorBreakpoint1);
        const b2 = Number(component.indicatorBreakpoint2);
        if (!(min <= b1 && b1 <= b2 && b2 <= max))
          problems.push(
            `${where}: "${title}" needs gaugeMin <= breakpoint 1 <= breakpoint 2 <= gaugeMax`
          );
      }
    }
  }
  if (count === 0) problems.push(`${where}: has no components`);
}

/**
 * Checks the report types, reports and dashboards of the given source directories.
 * @returns {{ problems: string[], counts: { reportTypes: number, reports: number, dashboards: number } }}
 */
export function checkAnalytics(sourceDirs) {
  const problems = [];
  const objects = loadSchema(sourceDirs);
  const files = sourceDirs.flatMap((dir) => walk(dir));
  const reportTypes = new Map();
  for (const file of files.filter((f) => f.endsWith('.reportType-meta.xml'))) {
    const name = path.basename(file, '.reportType-meta.xml');
    reportTypes.set(name, checkReportType(objects, name, read(file).ReportType ?? {}, problems));
  }
  const reports = new Map();
  for (const file of files.filter((f) => f.endsWith('.report-meta.xml'))) {
    const folder = path.basename(path.dirname(file));
    const name = `${folder}/${path.basename(file, '.report-meta.xml')}`;
    const checked = checkReport(reportTypes, name, read(file).Report ?? {}, problems);
    if (checked) reports.set(name, checked);
  }
  let dashboards = 0;
  for (const file of files.filter((f) => f.endsWith('.dashboard-meta.xml'))) {
    const folder = path.basename(path.dirname(file));
    const name = `${folder}/${path.basename(file, '.dashboard-meta.xml')}`;
    checkDashboard(reports, name, read(file).Dashboard ?? {}, problems);
    dashboards++;
  }
  return {
    problems,
    counts: {
      reportTypes: reportTypes.size,
      reports: files.filter((f) => f.endsWith('.report-meta.xml')).length,
      dashboards
    }
  };
}
