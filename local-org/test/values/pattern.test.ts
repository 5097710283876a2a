// Pattern and Matcher: java.util.regex semantics over a translated JavaScript RegExp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Pattern, Matcher, ApexValueError, translateJavaRegex } from '../../src/apex/values/index.js';

const isUnsupported = (e: unknown): boolean => e instanceof ApexValueError && e.message.startsWith('Unsupported in the local org:');

test('Pattern.compile / matcher / matches', () => {
  // Apex Developer Guide: Pattern Class — Pattern.compile('a*b').matcher('aaaaab').matches() is true
  assert.equal(Pattern.compile('a*b').matcher('aaaaab').matches(), true);
  // Pattern Class, matches(regExp, stringtoMatch): the whole String must match
  assert.equal(Pattern.matches('a*b', 'aaaaab'), true);
  assert.equal(Pattern.matches('a*b', 'aaaaabc'), false);
  assert.equal(Pattern.compile('a*b').pattern(), 'a*b');
});

test('Matcher groups follow the documented (a(b)?)+ example', () => {
  // Apex Developer Guide: Matcher Class — pattern (a(b)?)+ on 'aba': matches() and hitEnd() are true,
  // groupCount() is 2, group(1) is 'a' at [2,3), group(2) is null with start/end -1
  const m = Pattern.compile('(a(b)?)+').matcher('aba');
  assert.equal(m.matches() && m.hitEnd(), true);
  assert.equal(m.groupCount(), 2);
  assert.equal(m.group(0), 'aba');
  assert.equal(m.group(1), 'a');
  assert.equal(m.start(1), 2);
  assert.equal(m.end(1), 3);
  assert.equal(m.group(2), null);
  assert.equal(m.start(2), -1);
  assert.equal(m.end(2), -1);
  // Apex Developer Guide: Pattern and Matcher Example — end() == end(0) == end(1) == 3
  assert.equal(m.end(), 3);
  assert.equal(m.end(0), 3);
  assert.equal(m.end(1), 3);
});

test('find() iterates matches; start/end/group', () => {
  // Apex Developer Guide: Matcher Class, find(): the next subsequence that matches
  const m = Pattern.compile('\\d+').matcher('a1b22c333');
  const found: string[] = [];
  while (m.find()) found.push(`${m.group()}@${m.start()}-${m.end()}`);
  assert.deepEqual(found, ['1@1-2', '22@3-5', '333@6-9']);
  assert.throws(() => m.group(), (e: unknown) => e instanceof ApexValueError && e.apexType === 'System.StringException');
  m.reset();
  assert.equal(m.find(), true);
  assert.equal(m.group(), '1');
  assert.equal(m.find(4), true);
  assert.equal(m.group(), '2');
});

test('lookingAt / region / named groups', () => {
  // Apex Developer Guide: Matcher Class, lookingAt(): matches a prefix of the region
  const m = Pattern.compile('ab').matcher('abc');
  assert.equal(m.lookingAt(), true);
  assert.equal(m.matches(), false);
  const r = Pattern.compile('\\d+').matcher('ab123cd');
  r.region(2, 5);
  assert.equal(r.matches(), true);
  assert.equal(r.group(), '123');
  // Apex Developer Guide: Using Bounds — anchoring bounds by default: ^ matches at the region start
  const b = Pattern.compile('^\\d').matcher('ab123');
  b.region(2, 5);
  assert.equal(b.find(), true);
  assert.equal(b.start(), 2);
  assert.equal(b.hasAnchoringBounds(), true);
  assert.equal(b.hasTransparentBounds(), false);
  assert.equal(b.regionStart(), 2);
  assert.equal(b.regionEnd(), 5);
  const n = Pattern.compile('(?<year>\\d{4})-(?<month>\\d{2})').matcher('on 2024-05');
  assert.equal(n.find(), true);
  assert.equal(n.group('year'), '2024');
  assert.equal(n.start('month'), 8);
});

test('replaceAll / replaceFirst with $n and ${name}', () => {
  // Apex Developer Guide: Matcher Class, replaceAll(replacementString) — "$n" and "${name}" refer to groups
  assert.equal(Pattern.compile('(\\w+)@(\\w+)').matcher('me@host you@there').replaceAll('$2:$1'), 'host:me there:you');
  assert.equal(Pattern.compile('(?<d>\\d)').matcher('a1b2').replaceAll('<${d}>'), 'a<1>b<2>');
  assert.equal(Pattern.compile('x').matcher('xxx').replaceFirst('y'), 'yxx');
  assert.equal(Matcher.quoteReplacement('$1\\'), '\\$1\\\\');
});

test('Pattern.quote', () => {
  // Apex Developer Guide: Pattern Class, quote(yourString): a pattern matching the String literally
  assert.equal(Pattern.matches(Pattern.quote('1+1=2?'), '1+1=2?'), true);
  assert.equal(Pattern.matches(Pattern.quote('a\\Eb'), 'a\\Eb'), true);
  assert.equal(Pattern.compile(Pattern.quote('.')).split('a.b').join('|'), 'a|b');
});

test('Java syntax translated: (?i), \\p{...}, \\A \\z \\Z, $ before a final line terminator, \\s is ASCII', () => {
  // Apex Developer Guide: Pattern Class ("Apex uses Java regular expression syntax")
  assert.equal(Pattern.compile('(?i)(<|>|javascript:|\\bon[a-z]+\\s*=)').matcher('x ONCLICK = 1').find(), true);
  assert.equal(Pattern.matches('\\p{Alpha}+', 'abcXYZ'), true);
  assert.equal(Pattern.matches('\\p{Alpha}+', 'abc1'), false);
  assert.equal(Pattern.matches('\\p{Lu}\\p{Ll}+', 'Élan'), true);
  assert.equal(Pattern.matches('\\p{Punct}', '!'), true);
  assert.equal(Pattern.compile('\\Aab').matcher('ab').find(), true);
  assert.equal(Pattern.compile('b\\z').matcher('ab\n').find(), false);
  assert.equal(Pattern.compile('b\\Z').matcher('ab\n').find(), true);
  assert.equal(Pattern.compile('b$').matcher('ab\n').find(), true);
  assert.equal(Pattern.matches('\\s', '\u00a0'), false);
  assert.equal(Pattern.matches('[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A]', '\u00a0'), true);
  assert.equal(Pattern.matches('\\x41\\u0042\\0103', 'ABC'), true);
  assert.equal(Pattern.matches('a\\-b\\#c', 'a-b#c'), true);
  assert.equal(Pattern.matches('[]a]+', ']a]'), true);
  assert.equal(Pattern.compile('(?m)^b').matcher('a\nb').find(), true);
  assert.equal(Pattern.compile('^b').matcher('a\nb').find(), false);
  assert.equal(Pattern.matches('(?s)a.b', 'a\nb'), true);
  assert.equal(Pattern.matches('a.b', 'a\nb'), false);
  assert.equal(Pattern.matches('(?x) a b # comment', 'ab'), true);
  assert.equal(Pattern.compile('CASE', Pattern.CASE_INSENSITIVE).matcher('case').matches(), true);
  assert.equal(translateJavaRegex('(a)(?:b)(?<n>c)').groupCount, 2);
});

test('the package patterns behave', () => {
  const email = Pattern.compile(
    "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
  );
  assert.equal(email.matcher('jane.doe@example.com').matches(), true);
  assert.equal(email.matcher('jane.doe@example').matches(), false);
  assert.equal(Pattern.compile('^00G[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$').matcher('00G000000000001AAA').matches(), true);
  assert.equal(Pattern.compile('^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$').matcher('ABCD2345').matches(), true);
  assert.equal(Pattern.compile('^[0-9+()./ -]{5,40}$').matcher('+1 (415) 555-0100').matches(), true);
});

test('what JavaScript cannot express fails loudly', () => {
  assert.throws(() => Pattern.compile('a++'), isUnsupported);
  assert.throws(() => Pattern.compile('(?>ab)'), isUnsupported);
  assert.throws(() => Pattern.compile('[a-z&&[^aeiou]]'), isUnsupported);
  assert.throws(() => Pattern.compile('a(?i)b'), isUnsupported);
  assert.throws(() => Pattern.compile('\\G'), isUnsupported);
  assert.throws(() => Pattern.compile('[abc'), (e: unknown) => e instanceof ApexValueError && e.apexType === 'System.StringException');
  assert.throws(() => Pattern.compile('a{x}'), (e: unknown) => e instanceof ApexValueError && e.apexType === 'System.StringException');
});
