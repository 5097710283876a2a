// Demo data for the preview, loaded through the local org's own DML (anonymous Apex), so the
// package's triggers, screening, lead routing, conversion and rewards really run:
// users (admin, finance, two reps, portal advocates), one program with realistic rules, 300
// advocates, and referrals over the past year in chunks of 200 with the org's clock set to each
// chunk's day, then pipeline outcomes shaped like PRODUCT.md's benchmarks.
import crypto from 'node:crypto';
import * as S from '../../local-org/dist/src/server/index.js';

const DAY = 86400000;

export const PERSONA_USERS = {
  admin: 'avery.admin@referral-preview.test',
  finance: 'frankie.finance@referral-preview.test',
  rep1: 'riley.rep@referral-preview.test',
  rep2: 'sam.rep@referral-preview.test'
};

/**
 * The token of the demo's open invitation: the guest join page (/guest/join?token=...) opens with
 * it. On a real org the token is random and only its hash is stored (AdvocateInvitationService);
 * the preview's is known so that the header can link to the join page. Single use: joining
 * consumes it until `npm start -- --reset`.
 */
export const DEMO_INVITATION_TOKEN = 'preview-demo-invitation-0001';
export const DEMO_INVITEE_EMAIL = 'jordan.invitee@customer-preview.test';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const q = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
const dateLit = (ms) => {
  const d = new Date(ms);
  return `Date.newInstance(${d.getUTCFullYear()}, ${d.getUTCMonth() + 1}, ${d.getUTCDate()})`;
};

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'Edsger',
  'Katherine',
  'John',
  'Radia',
  'Tim',
  'Hedy',
  'Vint',
  'Sophie',
  'Donald',
  'Anita',
  'Bjarne'
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'Dijkstra',
  'Johnson',
  'Backus',
  'Perlman',
  'Berners',
  'Lamarr',
  'Cerf',
  'Wilson',
  'Knuth',
  'Borg',
  'Stroustrup'
];
const COMPANY = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Stark',
  'Wayne',
  'Wonka',
  'Tyrell',
  'Soylent',
  'Cyberdyne',
  'Aperture',
  'Pied Piper',
  'Massive Dynamic',
  'Oscorp',
  'Gringotts',
  'Monarch',
  'Nakatomi',
  'Dunder'
];
const SUFFIX = [
  'Corp',
  'Labs',
  'Systems',
  'Group',
  'Industries',
  'Partners',
  'Works',
  'Logistics',
  'Health',
  'Foods'
];

/** Referrals per active advocate shaped like PRODUCT.md: 61% one, 34% two to ten, 5% eleven or more (a few blast referrers). */
function referralCounts(rand, advocates, total) {
  const active = Math.round(advocates * 0.36);
  const counts = [];
  for (let i = 0; i < active; i++) {
    const r = rand();
    counts.push(
      r < 0.61 ? 1 : r < 0.95 ? 2 + Math.floor(rand() * 9) : 11 + Math.floor(rand() * 30)
    );
  }
  // reach the total with the heavy referrers (eleven or more): the shares that refer once (61%)
  // and two to ten times (34%) keep their shape; the blast referrers carry the rest, so the top 1%
  // and 10% concentrations run higher than the benchmark (10 referrals per enrolled advocate, not 0.87)
  const heavy = counts.map((c, i) => [c, i]).filter(([c]) => c >= 11);
  if (heavy.length === 0) counts[0] = 11;
  const light = counts.reduce((a, c) => a + (c >= 11 ? 0 : c), 0);
  const heavyBase = counts.reduce((a, c) => a + (c >= 11 ? c : 0), 0);
  const factor = Math.max(1, (total - light) / Math.max(1, heavyBase));
  for (let i = 0; i < counts.length; i++)
    if (counts[i] >= 11) counts[i] = Math.round(counts[i] * factor);
  let sum = counts.reduce((a, b) => a + b, 0);
  for (let i = 0; sum !== total && i < 100000; i++) {
    const k = i % counts.length;
    if (counts[k] < 11) continue;
    if (sum < total) {
      counts[k]++;
      sum++;
    } else if (counts[k] > 11) {
      counts[k]--;
      sum--;
    }
  }
  return counts;
}

export function loadDemoData(
  session,
  { advocates = 300, referrals = 3000, chunk = 200, log = () => {}, now = Date.now() } = {}
) {
  const t0 = Date.now();
  const org = session.org;
  const admin0 = org.seeded.adminUserId;
  const rand = rng(12);
  const timings = {};
  const step = (name, fn) => {
    const t = Date.now();
    const r = fn();
    timings[name] = Date.now() - t;
    log(`  ${name}: ${timings[name]} ms`);
    return r;
  };
  const yearAgo = now - 365 * DAY;
  org.setClock(() => yearAgo - 2 * DAY);

  // 1. users: setup DML in its own transaction (mixed DML), as the org's admin
  step('users', () =>
    S.runAnonymous(
      session,
      admin0,
      `
UserRole role = new UserRole(Name = 'Sales', DeveloperName = 'Preview_Sales');
insert role;
Profile sa = [SELECT Id FROM Profile WHERE Name = 'System Administrator' LIMIT 1];
Profile su = [SELECT Id FROM Profile WHERE UserType = 'Standard' AND UserLicense.LicenseDefinitionKey = 'SFDC'
  AND PermissionsApiEnabled = TRUE AND PermissionsEditTask = TRUE AND PermissionsModifyAllData = FALSE
  AND PermissionsViewAllData = FALSE ORDER BY CreatedDate ASC, Id ASC LIMIT 1];
List<User> users = new List<User>();
List<List<String>> rows = new List<List<String>>{
  new List<String>{ 'Avery', 'Admin', ${q(PERSONA_USERS.admin)}, 'sa' },
  new List<String>{ 'Frankie', 'Finance', ${q(PERSONA_USERS.finance)}, 'su' },
  new List<String>{ 'Riley', 'Rep', ${q(PERSONA_USERS.rep1)}, 'su' },
  new List<String>{ 'Sam', 'Rep', ${q(PERSONA_USERS.rep2)}, 'su' }
};
for (List<String> r : rows) {
  users.add(new User(FirstName = r[0], LastName = r[1], Username = r[2], Email = r[2],
    Alias = (r[0].left(1) + r[1]).left(8), CommunityNickname = r[2].substringBefore('@'),
    ProfileId = r[3] == 'sa' ? sa.Id : su.Id, UserRoleId = role.Id, IsActive = true,
    TimeZoneSidKey = 'America/Los_Angeles', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US'));
}
insert users;
Map<String, Id> ps = new Map<String, Id>();
for (PermissionSet p : [SELECT Id, Name FROM PermissionSet WHERE Name IN ('Referral_Program_Admin', 'Referral_Program_Sales_User')]) ps.put(p.Name, p.Id);
insert new List<PermissionSetAssignment>{
  new PermissionSetAssignment(AssigneeId = users[0].Id, PermissionSetId = ps.get('Referral_Program_Admin')),
  new PermissionSetAssignment(AssigneeId = users[1].Id, PermissionSetId = ps.get('Referral_Program_Admin')),
  new PermissionSetAssignment(AssigneeId = users[2].Id, PermissionSetId = ps.get('Referral_Program_Sales_User')),
  new PermissionSetAssignment(AssigneeId = users[3].Id, PermissionSetId = ps.get('Referral_Program_Sales_User'))
};
`
    )
  );
  const users = Object.fromEntries(
    Object.entries(PERSONA_USERS).map(([k, u]) => [
      k,
      S.querySystem(session, 'SELECT Id FROM User WHERE Username = :u', { u })[0].Id
    ])
  );

  // 2. program, rules, catalog (as the program admin)
  step('program', () =>
    S.runAnonymous(
      session,
      users.admin,
      `
Referral_Program__c p = new Referral_Program__c(Name = 'Customer Referral Program', Status__c = 'Active', Currency_Code__c = 'USD',
  Start_Date__c = ${dateLit(yearAgo - 30 * DAY)}, End_Date__c = ${dateLit(now + 365 * DAY)}, Routing_Policy__c = 'ADVOCATE_OWNER',
  Protect_Existing_Accounts__c = true, Duplicate_Window_Days__c = 365, Blocked_Domains__c = 'mailinator.com\\nexample.org',
  Clawback_Days__c = 90, Annual_Cash_Cap_Per_Advocate__c = 5000, Tax_Reporting_Threshold__c = 600,
  Score_Weight_Submitted__c = 1, Score_Weight_Qualified__c = 3, Score_Weight_Won__c = 10, Score_Revenue_Per_1000__c = 1,
  Score_Half_Life_Days__c = 180, Score_Prior_Conversion__c = 0.13, Score_Prior_Strength__c = 10, Score_Min_Multiplier__c = 0.5,
  Score_Max_Multiplier__c = 2, Qualifying_Stages__c = 'Qualification\\nNeeds Analysis\\nProposal/Price Quote',
  Offer_Headline__c = 'Refer a colleague: they get a month free, you earn up to 7% of the first-year deal.',
  Terms__c = 'Rewards are paid after the referred customer\\'s first invoice is paid.');
insert p;
insert new List<Reward_Rule__c>{
  new Reward_Rule__c(Name = '100 points for every referral', Program__c = p.Id, Active__c = true, Milestone__c = 'SUBMITTED',
    Recipient__c = 'ADVOCATE', Reward_Type__c = 'POINTS', Calculation__c = 'FLAT', Value__c = 100),
  new Reward_Rule__c(Name = 'Tiered cash when won: 5% to 20k, 7% above', Program__c = p.Id, Active__c = true, Milestone__c = 'WON',
    Recipient__c = 'ADVOCATE', Reward_Type__c = 'CASH', Calculation__c = 'TIERED', Tier_Mode__c = 'MARGINAL',
    Tiers_JSON__c = '[{"upTo":20000,"calculation":"PERCENT","value":5},{"upTo":null,"calculation":"PERCENT","value":7}]', Max_Reward__c = 2500),
  new Reward_Rule__c(Name = 'A month free for the referred customer', Program__c = p.Id, Active__c = true, Milestone__c = 'WON',
    Recipient__c = 'REFERRED', Reward_Type__c = 'CASH', Calculation__c = 'FLAT', Value__c = 100)
};
insert new List<Reward_Catalog_Item__c>{
  new Reward_Catalog_Item__c(Name = 'Gift card 500', Points_Cost__c = 500, Active__c = true, Program__c = p.Id, Description__c = 'A 50 dollar gift card.'),
  new Reward_Catalog_Item__c(Name = 'Conference pass', Points_Cost__c = 2000, Active__c = true, Program__c = p.Id, Description__c = 'A pass to our annual conference.'),
  new Reward_Catalog_Item__c(Name = 'Sticker pack', Points_Cost__c = 100, Active__c = true, Program__c = p.Id, Description__c = 'Laptop stickers with our logo.'),
  new Reward_Catalog_Item__c(Name = 'Branded hoodie', Points_Cost__c = 300, Active__c = true, Program__c = p.Id, Description__c = 'A warm hoodie with our logo.')
};
`
    )
  );
  const programId = S.querySystem(session, 'SELECT Id FROM Referral_Program__c LIMIT 1')[0].Id;

  // 3. advocates: accounts owned by the two reps (routing sends their referrals' leads to them)
  step('advocates', () => {
    for (let start = 0; start < advocates; start += chunk) {
      const n = Math.min(chunk, advocates - start);
      S.runAnonymous(
        session,
        users.admin,
        `
Id rep1 = ${q(users.rep1)}; Id rep2 = ${q(users.rep2)};
List<String> first = new List<String>{ ${FIRST.map(q).join(', ')} };
List<String> last = new List<String>{ ${LAST.map(q).join(', ')} };
List<String> company = new List<String>{ ${COMPANY.map(q).join(', ')} };
List<Account> accounts = new List<Account>();
for (Integer i = ${start}; i < ${start + n}; i++) {
  accounts.add(new Account(Name = company[Math.mod(i, 20)] + ' Customer ' + (i + 1), OwnerId = Math.mod(i, 2) == 0 ? rep1 : rep2));
}
insert accounts;
List<Contact> contacts = new List<Contact>();
for (Integer i = 0; i < accounts.size(); i++) {
  Integer k = ${start} + i;
  contacts.add(new Contact(AccountId = accounts[i].Id, OwnerId = accounts[i].OwnerId, FirstName = first[Math.mod(k, 20)],
    LastName = last[Math.mod(k / 20, 20)] + (k >= 400 ? String.valueOf(k) : ''), Email = 'advocate' + (k + 1) + '@customer' + Math.mod(k, 20) + '.test'));
}
insert contacts;
List<Advocate__c> advs = new List<Advocate__c>();
for (Integer i = 0; i < accounts.size(); i++) {
  Integer k = ${start} + i;
  advs.add(new Advocate__c(Program__c = ${q(programId)}, Contact__c = contacts[i].Id, Account__c = accounts[i].Id,
    Type__c = Math.mod(k, 10) == 9 ? 'Partner' : 'Customer', Status__c = 'Active', Consent_Date__c = Datetime.now(), OwnerId = accounts[i].OwnerId,
    Tax_Form_Status__c = Math.mod(k, 4) == 3 ? 'None' : 'W-9', Tax_Country__c = Math.mod(k, 4) == 3 ? null : 'US'));
}
insert advs;
`
      );
    }
  });
  const advs = S.querySystem(
    session,
    'SELECT Id, Name, Account__c, Referral_Code__c FROM Advocate__c ORDER BY CreatedDate, Id'
  );

  // 4. portal users for the first twelve advocates (Standard User + the advocate permission set,
  //    linked by Portal_User__c and shared by hand: the package's license-independent portal model)
  step('portal users', () => {
    const portal = advs.slice(0, 12);
    S.runAnonymous(
      session,
      admin0,
      `
Profile su = [SELECT Id FROM Profile WHERE UserType = 'Standard' AND UserLicense.LicenseDefinitionKey = 'SFDC'
  AND PermissionsApiEnabled = TRUE AND PermissionsEditTask = TRUE AND PermissionsModifyAllData = FALSE
  AND PermissionsViewAllData = FALSE ORDER BY CreatedDate ASC, Id ASC LIMIT 1];
PermissionSet ps = [SELECT Id FROM PermissionSet WHERE Name = 'Referral_Program_Advocate' LIMIT 1];
List<User> users = new List<User>();
for (Integer i = 0; i < ${portal.length}; i++) {
  String u = 'advocate' + (i + 1) + '@portal.referral-preview.test';
  users.add(new User(FirstName = 'Portal', LastName = 'Advocate ' + (i + 1), Username = u, Email = u, Alias = 'padv' + i,
    CommunityNickname = 'padv' + i, ProfileId = su.Id, IsActive = true, TimeZoneSidKey = 'America/Los_Angeles',
    LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US'));
}
insert users;
List<PermissionSetAssignment> a = new List<PermissionSetAssignment>();
for (User u : users) a.add(new PermissionSetAssignment(AssigneeId = u.Id, PermissionSetId = ps.Id));
insert a;
`
    );
    const portalUsers = S.querySystem(
      session,
      "SELECT Id, Username FROM User WHERE Username LIKE 'advocate%@portal.referral-preview.test' ORDER BY Username"
    );
    const byN = new Map(
      portalUsers.map((u) => [Number(/advocate(\d+)@/.exec(u.Username)[1]), u.Id])
    );
    S.runAnonymous(
      session,
      users.admin,
      `
List<Advocate__c> advs = new List<Advocate__c>();
List<Advocate__Share> shares = new List<Advocate__Share>();
${portal.map((a, i) => `advs.add(new Advocate__c(Id = ${q(a.Id)}, Portal_User__c = ${q(byN.get(i + 1))}));\nshares.add(new Advocate__Share(ParentId = ${q(a.Id)}, UserOrGroupId = ${q(byN.get(i + 1))}, AccessLevel = 'Read'));`).join('\n')}
update advs;
insert shares;
`
    );
  });

  // 5. referrals over the year, in chunks of 200 with the clock on each chunk's day
  const counts = referralCounts(rand, advs.length, referrals);
  const plan = [];
  let person = 0;
  // the repeat referrers (two to ten) first, so the portal advocates (the first twelve) have a
  // history and stay under the annual cash cap; the blast referrers at the end; the rest refer once
  const mid = counts.filter((c) => c >= 2 && c < 11).sort((a, b) => b - a);
  const ones = counts.filter((c) => c < 2);
  const blast = counts.filter((c) => c >= 11);
  const assigned = [...mid, ...ones].map((c, i) => [c, advs[i % advs.length]]);
  blast.forEach((c, i) =>
    assigned.push([c, advs[(advs.length - 1 - i + advs.length) % advs.length]])
  );
  assigned.forEach(([c, adv]) => {
    for (let k = 0; k < c; k++) {
      person++;
      const dup = rand() < 0.02 && person > 10;
      const n = dup ? person - 1 - Math.floor(rand() * 5) : person;
      plan.push({
        adv: adv.Id,
        at: yearAgo + Math.floor(rand() * 360) * DAY,
        first: FIRST[n % 20],
        last: `${LAST[(n * 3) % 20]}-${n}`,
        email: `${FIRST[n % 20].toLowerCase()}.${n}@${COMPANY[n % 20].toLowerCase().replace(/ /g, '')}-${SUFFIX[n % 10].toLowerCase()}.test`,
        company: `${COMPANY[(n * 7) % 20]} ${SUFFIX[n % 10]} ${n}`,
        source: rand() < 0.7 ? 'Portal' : rand() < 0.7 ? 'Public Link' : 'Verbal'
      });
    }
  });
  plan.sort((a, b) => a.at - b.at);
  const chunkTimes = [];
  step(`referrals (${plan.length} in chunks of ${chunk})`, () => {
    for (let start = 0; start < plan.length; start += chunk) {
      const part = plan.slice(start, start + chunk);
      org.setClock(() => part[part.length - 1].at + 10 * 3600 * 1000);
      const t = Date.now();
      S.runAnonymous(
        session,
        users.admin,
        `
List<ReferralSubmissionService.Submission> subs = new List<ReferralSubmissionService.Submission>();
ReferralSubmissionService.Submission s;
${part
  .map(
    (r) =>
      `s = new ReferralSubmissionService.Submission(); s.advocateId = ${q(r.adv)}; s.firstName = ${q(r.first)}; s.lastName = ${q(r.last)}; s.email = ${q(r.email)}; s.company = ${q(r.company)}; s.source = ${q(r.source)}; s.consent = true; subs.add(s);`
  )
  .join('\n')}
List<Date> days = new List<Date>{ ${part.map((r) => dateLit(r.at)).join(', ')} };
List<ReferralSubmissionService.SubmissionResult> results = ReferralSubmissionService.submit(subs);
// the submitted day of the history (Date.today() is the machine's day in the local org)
List<Referral__c> dated = new List<Referral__c>();
for (Integer i = 0; i < results.size(); i++) {
  if (results[i].referralId != null) dated.add(new Referral__c(Id = results[i].referralId, Submitted_Date__c = days[i]));
}
Database.update(dated, false);
`
      );
      chunkTimes.push(Date.now() - t);
      log(`    referrals ${start + part.length}/${plan.length}: ${Date.now() - t} ms`);
    }
  });

  // 6. outcomes: of the referrals that became leads, 13% won, 22% lost, 15% open opportunities
  const leads = S.querySystem(
    session,
    'SELECT Id, Lead__c, Submitted_Date__c FROM Referral__c WHERE Lead__c != null ORDER BY Submitted_Date__c, Id'
  );
  const outcomes = leads
    .filter((r) => new Date(r.Submitted_Date__c).getTime() < now - 20 * DAY)
    .map((r) => {
      const x = rand();
      return {
        lead: r.Lead__c,
        at: new Date(r.Submitted_Date__c).getTime(),
        fate: x < 0.13 ? 'Closed Won' : x < 0.35 ? 'Closed Lost' : x < 0.5 ? 'Qualification' : null,
        amount: Math.round(Math.exp(9.4 + rand() * 1.6) / 100) * 100
      };
    })
    .filter((o) => o.fate);
  step(`pipeline (${outcomes.length} conversions, chunks of 100)`, () => {
    for (let start = 0; start < outcomes.length; start += 100) {
      const part = outcomes.slice(start, start + 100);
      org.setClock(() => Math.min(now - DAY, part[part.length - 1].at + 30 * DAY));
      S.runAnonymous(
        session,
        users.admin,
        `
String converted = [SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true LIMIT 1].MasterLabel;
List<Id> leadIds = new List<Id>{ ${part.map((o) => q(o.lead)).join(', ')} };
List<String> fates = new List<String>{ ${part.map((o) => q(o.fate)).join(', ')} };
List<Decimal> amounts = new List<Decimal>{ ${part.map((o) => o.amount).join(', ')} };
Map<Id, Lead> open = new Map<Id, Lead>([SELECT Id FROM Lead WHERE Id IN :leadIds AND IsConverted = false]);
List<Database.LeadConvert> lcs = new List<Database.LeadConvert>();
for (Id l : leadIds) {
  if (!open.containsKey(l)) continue;
  Database.LeadConvert lc = new Database.LeadConvert();
  lc.setLeadId(l);
  lc.setConvertedStatus(converted);
  lcs.add(lc);
}
Map<Id, Id> oppByLead = new Map<Id, Id>();
for (Database.LeadConvertResult r : Database.convertLead(lcs, false)) if (r.isSuccess()) oppByLead.put(r.getLeadId(), r.getOpportunityId());
List<Opportunity> opps = new List<Opportunity>();
for (Integer i = 0; i < leadIds.size(); i++) {
  Id o = oppByLead.get(leadIds[i]);
  if (o != null) opps.add(new Opportunity(Id = o, Amount = amounts[i], StageName = 'Qualification'));
}
Database.update(opps, false);
List<Opportunity> closing = new List<Opportunity>();
for (Integer i = 0; i < leadIds.size(); i++) {
  Id o = oppByLead.get(leadIds[i]);
  if (o != null && fates[i] != 'Qualification') closing.add(new Opportunity(Id = o, StageName = fates[i]));
}
Database.update(closing, false);
`
      );
      log(`    pipeline ${start + part.length}/${outcomes.length}`);
    }
  });

  // 7. finance approves and the program admin issues (two-person rule), through the approval queue's own Apex, the rewards of more
  //    than 45 days ago (points reach the advocates' balances, cash the year-to-date payouts)
  org.setClock(() => now - DAY);
  step('approvals', () => {
    const cutoff = `${new Date(now - 45 * DAY).toISOString().slice(0, 19)}Z`;
    const old = S.querySystem(
      session,
      `SELECT Id FROM Reward__c WHERE Status__c = 'Pending' AND CreatedDate < ${cutoff} ORDER BY CreatedDate`
    ).map((r) => r.Id);
    for (let start = 0; start < old.length; start += 100) {
      const ids = old.slice(start, start + 100);
      const a = S.invokeAura(session, {
        classname: 'RewardApprovalController',
        method: 'approve',
        params: { rewardIds: ids },
        userId: users.finance
      });
      if (a.status !== 200) log(`    approve: ${a.body.message}`);
      const b = S.invokeAura(session, {
        classname: 'RewardApprovalController',
        method: 'issue',
        params: { rewardIds: ids, payoutReference: `DEMO-${start / 100 + 1}` },
        // the two-person payout rule (M2): the approver may not issue cash, a second admin does
        userId: users.admin
      });
      if (b.status !== 200) log(`    issue: ${b.body.message}`);
    }
  });
  // 8. visits of the portal advocates' links, counted by the public page's own Apex
  //    (PublicReferralController.recordVisit as the site's guest, no visitor data stored), a few a
  //    day over the last weeks and in order of time, so the share kit shows what the org counted
  step('link visits', () => {
    const guest = org.seeded.guestUserId;
    if (!guest) return;
    advs.slice(0, 12).forEach((a, i) => {
      const visits = 6 + ((i * 7) % 17);
      for (let v = visits - 1; v >= 0; v--) {
        org.setClock(() => now - (v * 26 + i + 2) * 3600000);
        const r = S.invokeAura(session, {
          classname: 'PublicReferralController',
          method: 'recordVisit',
          params: { referralCode: a.Referral_Code__c },
          userId: guest
        });
        if (r.status !== 200 || r.body !== true)
          log(`    visit of ${a.Referral_Code__c} not counted: ${JSON.stringify(r.body)}`);
      }
    });
  });
  // 9. one open invitation with a known token (the guest join page): an invited advocate on a new
  //    contact of the first advocate's account, as AdvocateInvitationService leaves it (status
  //    Invited, the SHA-256 hash of the token, an expiry), the token known instead of emailed
  org.setClock(() => Date.now());
  step('invitation', () => {
    const hash = crypto.createHash('sha256').update(DEMO_INVITATION_TOKEN).digest('hex');
    S.runAnonymous(
      session,
      users.admin,
      `
Advocate__c first = [SELECT Account__c, Program__c FROM Advocate__c WHERE Account__c != null ORDER BY CreatedDate, Id LIMIT 1];
Contact invitee = new Contact(FirstName = 'Jordan', LastName = 'Invitee', Email = ${q(DEMO_INVITEE_EMAIL)}, AccountId = first.Account__c);
insert invitee;
insert new Advocate__c(Contact__c = invitee.Id, Account__c = first.Account__c, Program__c = first.Program__c,
  Status__c = 'Invited', Invitation_Token_Hash__c = ${q(hash)}, Invitation_Expires__c = Datetime.now().addDays(365));
`
    );
  });
  // 9. the nightly scoring job (Score__c, Rank__c) run once, and the portal leaderboard's opt-ins:
  //    two in three of the advocates without a portal user show themselves (Leaderboard_Opt_In__c);
  //    the portal advocates have not opted in, so their leaderboard says where they would stand
  step('scores and leaderboard opt-ins', () => {
    S.runAnonymous(session, users.admin, `AdvocateScoringBatch.run(${q(programId)}, 200);`);
    S.runAnonymous(
      session,
      users.admin,
      `
List<Advocate__c> scored = [SELECT Id FROM Advocate__c WHERE Score__c != null AND Portal_User__c = null ORDER BY CreatedDate, Id];
List<Advocate__c> optIns = new List<Advocate__c>();
for (Integer i = 0; i < scored.size(); i++) {
  if (Math.mod(i, 3) != 2) optIns.add(new Advocate__c(Id = scored[i].Id, Leaderboard_Opt_In__c = true));
}
update optIns;
`
    );
  });
  const counts2 = {
    referrals: S.querySystem(session, 'SELECT COUNT(Id) n FROM Referral__c')[0],
    leads: S.querySystem(session, 'SELECT COUNT(Id) n FROM Lead')[0],
    rewards: S.querySystem(session, 'SELECT COUNT(Id) n FROM Reward__c')[0]
  };
  return { ms: Date.now() - t0, timings, chunkTimes, counts: counts2 };
}

/**
 * The portal's address, as an admin sets it once the site is published (Referral_Program_Settings__c
 * Portal_Base_Url__c): the preview's own guest pages on this run's port, so that the share kit's
 * link and QR code open the preview's public page. Set on every start (the port may change).
 * @param session the preview org's session
 * @param baseUrl for example http://localhost:3000/guest
 */
export function setPortalAddress(session, baseUrl) {
  S.runAnonymous(
    session,
    session.org.seeded.adminUserId,
    `
List<Referral_Program_Settings__c> rows = [SELECT Id FROM Referral_Program_Settings__c WHERE SetupOwnerId = :UserInfo.getOrganizationId()];
Referral_Program_Settings__c row = rows.isEmpty() ? new Referral_Program_Settings__c(SetupOwnerId = UserInfo.getOrganizationId()) : rows[0];
row.Portal_Base_Url__c = ${q(baseUrl)};
upsert row;
`
  );
}
