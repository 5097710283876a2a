// String methods (apexString) against the Apex Developer Guide's String Class examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apexString as S, ApexValueError } from '../../src/apex/values/index.js';

const isStringException = (e: unknown): boolean => e instanceof ApexValueError && e.apexType === 'System.StringException';

test('abbreviate', () => {
  // Apex Developer Guide: String Class, abbreviate(maxWidth): 'Hello Maximillian'.abbreviate(8) = 'Hello...'
  assert.equal(S.abbreviate('Hello Maximillian', 8), 'Hello...');
  assert.equal(S.abbreviate('Hello Maximillian', 8).length, 8);
  // String Class, abbreviate(maxWidth, offset): 'Hello Maximillian'.abbreviate(9, 6) = '...Max...'
  assert.equal(S.abbreviate('Hello Maximillian', 9, 6), '...Max...');
  assert.equal(S.abbreviate('Hello Maximillian', 8, 1), 'Hello...');
  assert.equal(S.abbreviate('short', 10), 'short');
  assert.throws(() => S.abbreviate('Hello Maximillian', 3), isStringException);
});

test('capitalize / uncapitalize / swapCase', () => {
  // Apex Developer Guide: String Class, capitalize(): 'hello maximillian' -> 'Hello maximillian'
  assert.equal(S.capitalize('hello maximillian'), 'Hello maximillian');
  // String Class, uncapitalize(): 'Hello max' -> 'hello max'
  assert.equal(S.uncapitalize('Hello max'), 'hello max');
  // String Class, swapCase(): 'Force.com' -> 'fORCE.COM'
  assert.equal(S.swapCase('Force.com'), 'fORCE.COM');
});

test('center / leftPad / rightPad', () => {
  // Apex Developer Guide: String Class, center(size): 'hello'.center(9) = '  hello  '; center(size, padStr): '--hello--'
  assert.equal(S.center('hello', 9), '  hello  ');
  assert.equal(S.center('hello', 9, '-'), '--hello--');
  // String Class, leftPad(length): 'abc'.leftPad(5) = '  abc'; leftPad(length, padStr): 'abc'.leftPad(5, '-') = '--abc'
  assert.equal(S.leftPad('abc', 5), '  abc');
  assert.equal(S.leftPad('abc', 5, '-'), '--abc');
  assert.equal(S.leftPad('7', 3, '0'), '007');
  // String Class, rightPad(length): 'abc'.rightPad(5) = 'abc  '
  assert.equal(S.rightPad('abc', 5), 'abc  ');
  assert.equal(S.rightPad('abc', 6, 'xy'), 'abcxyx');
  // String Class, leftPad(length, padStr): 'abc'.leftPad(7, 'xy') = 'xyxyabc'; rightPad(7, 'xy') = 'abcxyxy'
  assert.equal(S.leftPad('abc', 7, 'xy'), 'xyxyabc');
  assert.equal(S.rightPad('abc', 7, 'xy'), 'abcxyxy');
  assert.equal(S.leftPad('abcdef', 3), 'abcdef');
});

test('charAt / getChars / compareTo / hashCode', () => {
  // Apex Developer Guide: String Class, charAt(index): 'Ω'.charAt(0) = 937
  assert.equal(S.charAt('Ω is Omega.', 0), 937);
  // String Class, charAt / codePointAt: '\uD835\uDD0A' -> 55349 and 120074
  assert.equal(S.charAt('\uD835\uDD0A', 0), 55349);
  assert.equal(S.codePointAt('\uD835\uDD0A', 0), 120074);
  // String Class, codePointBefore / codePointCount / offsetByCodePoints examples
  const omega = '\u03A9 is Ω (Omega), and \uD835\uDD0A  is Fraktur Capital G.';
  assert.equal(S.codePointAt(omega, 20), 120074);
  assert.equal(S.codePointBefore(omega, 22), 120074);
  assert.equal(S.codePointCount('\u03A9 and \uD835\uDD0A characters.', 6, 8), 1);
  assert.equal(S.offsetByCodePoints('A \uD835\uDD0A BC', 0, 3), 4);
  assert.throws(() => S.charAt('abc', 3), isStringException);
  // String Class, compareTo: 'abcde'.compareTo('abcd') = 1 (Java String.compareTo)
  assert.equal(S.compareTo('abcde', 'abcd'), 1);
  assert.equal(S.compareTo('apple', 'banana'), -1);
  assert.equal(S.compareTo('a', 'A'), 32);
  // String Class, hashCode: Java String.hashCode
  assert.equal(S.hashCode('hello'), 99162322);
  assert.equal(S.hashCode(''), 0);
  assert.deepEqual(S.getChars('ab'), [97, 98]);
});

test('contains family', () => {
  // Apex Developer Guide: String Class, contains: 'Salesforce and force.com'.contains('force') = true
  assert.equal(S.contains('Salesforce and force.com', 'force'), true);
  assert.equal(S.containsIgnoreCase('Salesforce', 'SALES'), true);
  // String Class, containsAny: 'hello'.containsAny('hx') = true
  assert.equal(S.containsAny('hello', 'hx'), true);
  assert.equal(S.containsAny('hello', 'xyz'), false);
  // String Class, containsNone: 'abcde'.containsNone('fg') = true
  assert.equal(S.containsNone('abcde', 'fg'), true);
  // String Class, containsOnly: 'abba'.containsOnly('ab') = true; 'abbac'.containsOnly('ab') = false
  // String Class, containsOnly: 'abba'.containsOnly('abcd') = true; 'abba xyz'.containsOnly('abcd') = false
  assert.equal(S.containsOnly('abba', 'abcd'), true);
  assert.equal(S.containsOnly('abba xyz', 'abcd'), false);
  assert.equal(S.containsNone('', 'x'), true); // "If inputString is an empty string or the current String is empty, this method returns true"
  assert.equal(S.containsNone('abc', ''), true);
  // String Class, containsWhitespace: 'Hello Jane' = true
  assert.equal(S.containsWhitespace('Hello Jane'), true);
  assert.equal(S.containsWhitespace('HelloJane'), false);
  assert.throws(() => S.contains('abc', null as unknown as string), (e: unknown) => e instanceof ApexValueError && e.apexType === 'System.NullPointerException');
});

test('countMatches / deleteWhitespace / difference / getLevenshteinDistance', () => {
  // Apex Developer Guide: String Class, countMatches(substring): 'Hello Jane'.countMatches('Hello') = 1
  assert.equal(S.countMatches('Hello Jane', 'Hello'), 1);
  assert.equal(S.countMatches('Hello Hello', 'Hello'), 2);
  assert.equal(S.countMatches('Hello hello', 'Hello'), 1);
  assert.equal(S.countMatches('aaaa', 'aa'), 2);
  // String Class, deleteWhitespace(): ' Hello Jane ' -> 'HelloJane'
  assert.equal(S.deleteWhitespace(' Hello Jane '), 'HelloJane');
  // String Class, difference: 'Hello Jane'.difference('Hello Max') = 'Max'
  assert.equal(S.difference('Hello Jane', 'Hello Max'), 'Max');
  assert.equal(S.difference('Hello Jane', 'Goodbye'), 'Goodbye');
  // String Class, indexOfDifference: 'abcd' vs 'abxc' = 2; getCommonPrefix({'SFDCApex', 'SFDCVisualforce'}) = 'SFDC'
  assert.equal(S.indexOfDifference('abcd', 'abxc'), 2);
  assert.equal(S.getCommonPrefix(['SFDCApex', 'SFDCVisualforce']), 'SFDC');
  // String Class, getLevenshteinDistance: 'Hello Joe' vs 'Hello Max' = 3
  assert.equal(S.getLevenshteinDistance('Hello Joe', 'Hello Max'), 3);
  assert.equal(S.getLevenshteinDistance('Hello Joe', 'Hello Max', 2), -1);
});

test('startsWith / endsWith (and IgnoreCase) / equals / equalsIgnoreCase', () => {
  // Apex Developer Guide: String Class, endsWithIgnoreCase: 'Hello Jason'.endsWithIgnoreCase('sOn') = true
  assert.equal(S.endsWithIgnoreCase('Hello Jason', 'sOn'), true);
  // String Class, startsWithIgnoreCase: 'AE86 vs EK9'.startsWithIgnoreCase('ae86') = true
  assert.equal(S.startsWithIgnoreCase('AE86 vs EK9', 'ae86'), true);
  assert.equal(S.startsWith('Hello', 'He'), true);
  assert.equal(S.endsWith('Hello', 'LO'), false);
  // String Class, equalsIgnoreCase: 'abcd' vs 'ABCD' = true; equals is case-sensitive
  assert.equal(S.equalsIgnoreCase('abcd', 'ABCD'), true);
  assert.equal(S.equals('abcd', 'ABCD'), false);
  // Apex Developer Guide: Expression Operators (== on Strings is case-insensitive)
  assert.equal(S.apexEquals('abcd', 'ABCD'), true);
  assert.equal(S.apexEquals(null, null), true);
});

test('escape and unescape', () => {
  // Apex Developer Guide: String Class, escapeCsv: 'Max1, "Max2"' -> '"Max1, ""Max2"""'
  assert.equal(S.escapeCsv('Max1, "Max2"'), '"Max1, ""Max2"""');
  assert.equal(S.unescapeCsv('"Max1, ""Max2"""'), 'Max1, "Max2"');
  assert.equal(S.escapeCsv('plain'), 'plain');
  // String Class, escapeHtml4: '"<Black&White>"' -> '&quot;&lt;Black&amp;White&gt;&quot;'
  assert.equal(S.escapeHtml4('"<Black&White>"'), '&quot;&lt;Black&amp;White&gt;&quot;');
  assert.equal(S.unescapeHtml4('&quot;&lt;Black&amp;White&gt;&quot;'), '"<Black&White>"');
  assert.equal(S.escapeHtml4('café ©'), 'caf&eacute; &copy;');
  assert.equal(S.unescapeHtml4('&#65;&#x42;&eacute;&bogus;'), 'ABé&bogus;');
  // String Class, escapeSingleQuotes: "the escape character (\) added before any single quotation mark (') or backslash (\)"
  assert.equal(S.escapeSingleQuotes("'Hello Jason'"), "\\'Hello Jason\\'");
  assert.equal(S.escapeSingleQuotes('a\\b'), 'a\\\\b');
  // String Class, escapeEcmaScript: '"grade": 3.9/4.0' -> '\"grade\": 3.9\/4.0'
  assert.equal(S.escapeEcmaScript('"grade": 3.9/4.0'), '\\"grade\\": 3.9\\/4.0');
  // String Class, escapeJava / unescapeJava: 'Company: "Salesforce.com"'
  assert.equal(S.escapeJava('Company: "Salesforce.com"'), 'Company: \\"Salesforce.com\\"');
  assert.equal(S.unescapeJava('Company: \\"Salesforce.com\\"'), 'Company: "Salesforce.com"');
  // String Class, escapeUnicode / unescapeUnicode: 'De onde você é?'
  assert.equal(S.escapeUnicode('De onde você é?'), 'De onde voc\\u00EA \\u00E9?');
  assert.equal(S.unescapeUnicode('De onde voc\\u00EA \\u00E9?'), 'De onde você é?');
  // String Class, unescapeEcmaScript: '\"3.8\",\"3.9\"' -> '"3.8","3.9"'
  assert.equal(S.unescapeEcmaScript('\\"3.8\\",\\"3.9\\"'), '"3.8","3.9"');
  assert.equal(S.escapeXml('<a href="x">\'&\'</a>'), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  assert.equal(S.escapeJava('a"b\n\u00e9'), 'a\\"b\\n\\u00E9');
  assert.equal(S.unescapeJava('a\\"b\\n\\u00E9'), 'a"b\n\u00e9');
  assert.equal(S.escapeEcmaScript("it's </script>"), "it\\'s <\\/script>");
});

test('String.format: MessageFormat placeholders; single quotes are literal from API 51.0', () => {
  // Apex Developer Guide: String Class, format(stringToFormat, formattingArguments): '{0} was last updated {1}'
  assert.equal(S.format('{0} was last updated {1}', ['Universal Containers', 'today']), 'Universal Containers was last updated today');
  // String Class, format — Versioned Behavior Changes: "From version 51.0 and later, the format() method supports single quotes"
  assert.equal(S.format("can't {0}", ['x']), "can't x");
  assert.equal(S.format("'{0}'", ['x']), "'x'");
  // In version 50.0 and earlier, MessageFormat quoting: a lone quote starts a quoted section
  assert.equal(S.format("can't {0}", ['x'], 50), 'cant {0}');
  assert.equal(S.format("It''s {0}", ['done'], 50), "It's done");
  assert.equal(S.format("'{0}' is literal, {0} is not", ['x'], 50), '{0} is literal, x is not');
  assert.equal(S.format('{1}{0}{2}', ['a', 'b']), 'ba{2}');
  assert.equal(S.format('{0}', [null]), 'null');
  assert.throws(() => S.format('{0', ['a']), ApexValueError);
});

test('indexOf family', () => {
  // Apex Developer Guide: String Class, indexOf(substring[, index]); indexOfIgnoreCase; lastIndexOf
  assert.equal(S.indexOf('hello world', 'o'), 4);
  assert.equal(S.indexOf('hello world', 'o', 5), 7);
  assert.equal(S.indexOf('hello', 'z'), -1);
  assert.equal(S.indexOfIgnoreCase('Salesforce', 'FORCE'), 5);
  // String Class examples: 'abcde'.indexOf('cd') = 2; 'abcdabcd'.indexOf('ab', 1) = 4; 'abcd'.indexOfIgnoreCase('BC', 0) = 1
  assert.equal(S.indexOf('abcde', 'cd'), 2);
  assert.equal(S.indexOf('abcdabcd', 'ab', 1), 4);
  assert.equal(S.indexOfIgnoreCase('abcd', 'BC', 0), 1);
  // indexOfAny('xc') = 2, indexOfAnyBut('xc') = 0 on 'abcd'
  assert.equal(S.indexOfAny('abcd', 'xc'), 2);
  assert.equal(S.indexOfAnyBut('abcd', 'xc'), 0);
  // indexOfChar / lastIndexOfChar on 'Ω and \u03A9 and Ω'
  assert.equal(S.indexOfChar('Ω and \u03A9 and Ω', 937, 1), 6);
  assert.equal(S.indexOfChar('Ω and \u03A9 and Ω', 937, 10), 12);
  assert.equal(S.lastIndexOfChar('Ω and \u03A9 and Ω', 937), 12);
  assert.equal(S.lastIndexOfChar('Ω and \u03A9 and Ω', 937, 11), 6);
  assert.equal(S.lastIndexOfChar('Ω and \u03A9 and Ω', 937, 5), 0);
  // lastIndexOf: 'abcdefgc'.lastIndexOf('c') = 7; 'abcdaacd'.lastIndexOf('c', 7) = 6, ('c', 3) = 2
  assert.equal(S.lastIndexOf('abcdefgc', 'c'), 7);
  assert.equal(S.lastIndexOf('abcdaacd', 'c', 7), 6);
  assert.equal(S.lastIndexOf('abcdaacd', 'c', 3), 2);
  assert.equal(S.lastIndexOf('abcdaacd', 'c', -1), -1);
  // lastIndexOfIgnoreCase: 'abcdaacd' 'DAAC' = 3, ('C', 7) = 6
  assert.equal(S.lastIndexOfIgnoreCase('abcdaacd', 'DAAC'), 3);
  assert.equal(S.lastIndexOfIgnoreCase('abcdaacd', 'C', 7), 6);
  assert.equal(S.lastIndexOf('hello world', 'o'), 7);
  assert.equal(S.lastIndexOf('hello world', 'o', 6), 4);
  assert.equal(S.indexOfAny('zzabc', 'cb'), 3);
  assert.equal(S.indexOfAnyBut('aab', 'a'), 2);
  assert.equal(S.indexOfChar('abc', 99), 2);
  assert.equal(S.lastIndexOfIgnoreCase('aXbx', 'X'), 3);
});

test('is* predicates', () => {
  // Apex Developer Guide: String Class, isAllLowerCase / isAllUpperCase / isAlpha / isAlphaSpace /
  // isAlphanumeric / isAlphanumericSpace / isAsciiPrintable / isNumeric / isNumericSpace / isWhitespace
  assert.equal(S.isAllLowerCase('abcde'), true);
  assert.equal(S.isAllLowerCase('abCde'), false);
  assert.equal(S.isAllUpperCase('ABCDE'), true);
  assert.equal(S.isAlpha('abc'), true);
  assert.equal(S.isAlpha('abc 21'), false);
  assert.equal(S.isAlphaSpace('aA Bb'), true);
  assert.equal(S.isAlphanumeric('SEC3'), true);
  assert.equal(S.isAlphanumericSpace('1A 2B 3C'), true);
  assert.equal(S.isAsciiPrintable('ASCII String'), true);
  assert.equal(S.isAsciiPrintable('caf\u00e9'), false);
  assert.equal(S.isNumeric('1'), true);
  assert.equal(S.isNumeric('1.2'), false); // "A decimal point (1.2) is not a Unicode digit"
  assert.equal(S.isNumericSpace('1 2 3'), true);
  assert.equal(S.isWhitespace(' \t \n'), true);
  assert.equal(S.isAlphaSpace('aA$Bb'), false);
  assert.equal(S.isAlphanumeric('abc021'), true);
  assert.equal(S.isAlphanumericSpace('AE 86'), true);
  assert.equal(S.isAsciiPrintable('abcd1234!@#$%^&*()`~-_+={[}]|:.?'), true);
  assert.equal(S.isAsciiPrintable('√'), false);
  assert.equal(S.isNumeric('R32'), false);
  assert.equal(S.isNumericSpace('FD3S FC3S'), false);
  // String Class, isWhitespace(): "only white space characters or is empty" — '' is whitespace
  assert.equal(S.isWhitespace(''), true);
  assert.equal(S.isWhitespace('SIL80'), false);
  assert.equal(S.isAllLowerCase(''), false);
});

test('isBlank / isEmpty / isNotBlank / isNotEmpty', () => {
  // Apex Developer Guide: String Class, isBlank(inputString): "true if the specified String is white space, empty (''), or null"
  assert.equal(S.isBlank(null), true);
  assert.equal(S.isBlank(''), true);
  assert.equal(S.isBlank(' \t\n'), true);
  assert.equal(S.isBlank(' a '), false);
  // String Class, isEmpty(inputString): "true if the specified String is empty ('') or null" — whitespace is not empty
  assert.equal(S.isEmpty(' '), false);
  assert.equal(S.isEmpty(null), true);
  assert.equal(S.isNotBlank('x'), true);
  assert.equal(S.isNotEmpty(''), false);
});

test('join / repeat / reverse / length', () => {
  // Apex Developer Guide: String Class, join(iterableObj, separator): {10, 20, 30} joined by '/' = '10/20/30'
  assert.equal(S.join(['10', '20', '30'], '/'), '10/20/30');
  // String Class, repeat(numberOfTimes): 'SFDC'.repeat(2) = 'SFDCSFDC'; repeat(separator, n): 'SFDC-SFDC'
  assert.equal(S.repeat('SFDC', 2), 'SFDCSFDC');
  assert.equal(S.repeat('SFDC', '-', 2), 'SFDC-SFDC');
  assert.equal(S.repeat('x', 0), '');
  // String Class, reverse(): 'Hello' -> 'olleH'
  assert.equal(S.reverse('Hello'), 'olleH');
  assert.equal(S.reverse('a\u{1F600}b'), 'b\u{1F600}a');
  assert.equal(S.length('Hello'), 5);
});

test('left / right / mid', () => {
  // Apex Developer Guide: String Class, left(length): 'abcdaacd'.left(3) = 'abc'; right(length): 'Hello Jane'.right(4) = 'Jane'
  assert.equal(S.left('abcdaacd', 3), 'abc');
  assert.equal(S.right('Hello Jane', 4), 'Jane');
  // String Class, mid(startIndex, length): 'abcde'.mid(2, 3) = 'cde'
  assert.equal(S.mid('abcde', 2, 3), 'cde');
  assert.equal(S.left('abc', 10), 'abc');
  assert.equal(S.left('abc', -1), '');
  assert.equal(S.mid('abc', -1, 2), 'ab');
});

test('normalizeSpace / trim / strip / stripHtmlTags', () => {
  // Apex Developer Guide: String Class, normalizeSpace(): 'Salesforce \t     force.com' -> 'Salesforce force.com'
  assert.equal(S.normalizeSpace('Salesforce \t     force.com'), 'Salesforce force.com');
  assert.equal(S.normalizeSpace(' \r\n a \f b \n'), 'a b');
  // String Class, trim(): leading and trailing white space (characters <= ' ') removed
  assert.equal(S.trim('   Hello!   '), 'Hello!');
  assert.equal(S.trim('\u0001x\u0000'), 'x');
  assert.equal(S.trim('\u00a0x\u00a0'), '\u00a0x\u00a0'); // no-break space is > ' '
  assert.equal(S.strip(' \u2003x\t'), 'x');
  // String Class, stripHtmlTags(): '<b>hello world</b>' -> 'hello world'
  assert.equal(S.stripHtmlTags('<b>hello world</b>'), 'hello world');
  assert.equal(S.stripHtmlTags('<script>alert(1)</script><p>hi</p>'), 'hi');
});

test('remove / removeEnd / removeStart (and IgnoreCase)', () => {
  // Apex Developer Guide: String Class, remove: 'Salesforce and force.com'.remove('force') = 'Sales and .com'
  assert.equal(S.remove('Salesforce and force.com', 'force'), 'Sales and .com');
  // String Class, removeEnd: 'Salesforce and force.com'.removeEnd('.com') = 'Salesforce and force'
  assert.equal(S.removeEnd('Salesforce and force.com', '.com'), 'Salesforce and force');
  assert.equal(S.removeEndIgnoreCase('Salesforce and force.com', '.COM'), 'Salesforce and force');
  // String Class, removeStart: 'Salesforce and force.com'.removeStart('Sales') = 'force and force.com'
  assert.equal(S.removeStart('Salesforce and force.com', 'Sales'), 'force and force.com');
  assert.equal(S.removeStartIgnoreCase('Salesforce and force.com', 'SALES'), 'force and force.com');
});

test('replace / replaceAll / replaceFirst', () => {
  // Apex Developer Guide: String Class, replace(target, replacement): every literal occurrence
  assert.equal(S.replace('abcdbca', 'bc', 'xy'), 'axydxya');
  assert.equal(S.replace('a.b.c', '.', '-'), 'a-b-c');
  assert.equal(S.replace('abc', '', '-'), '-a-b-c-');
  // String Class, replaceAll(regExp, replacement): Java regex with $n group references
  assert.equal(S.replaceAll('John Smith', '(\\w+) (\\w+)', '$2, $1'), 'Smith, John');
  assert.equal(S.replaceAll('a1b22c333', '[0-9]+', '#'), 'a#b#c#');
  // String Class, replaceAll: 'a b c 5 xyz' with '[a-zA-Z]' -> '1 1 1 5 111'; replaceFirst: 'a b c 11 xyz' '[a-zA-Z]{2}' -> 'a b c 11 2z'
  assert.equal(S.replaceAll('a b c 5 xyz', '[a-zA-Z]', '1'), '1 1 1 5 111');
  assert.equal(S.replaceFirst('a b c 11 xyz', '[a-zA-Z]{2}', '2'), 'a b c 11 2z');
  assert.equal(S.replaceAll('Jean-Luc Picard!', '[^A-Za-z0-9]', ''), 'JeanLucPicard');
  assert.equal(S.replaceAll('cost', 'c', '\\$'), '$ost');
  assert.equal(S.replaceFirst('aaa', 'a', 'b'), 'baa');
  assert.equal(S.replaceAll('abc', '', '-'), '-a-b-c-');
  assert.throws(() => S.replaceAll('abc', 'b', '$2'), isStringException);
});

test('split follows Java String.split', () => {
  // Apex Developer Guide: String Class, split(regExp): "trailing empty strings are not included"
  assert.deepEqual(S.split('a,b,,c,,', ','), ['a', 'b', '', 'c']);
  // String Class, split(regExp, limit): the documented examples for s = 'boo:and:moo'
  assert.deepEqual(S.split('boo:and:moo', ':', 2), ['boo', 'and:moo']);
  assert.deepEqual(S.split('boo:and:moo', ':', 5), ['boo', 'and', 'moo']);
  assert.deepEqual(S.split('boo:and:moo', ':', -2), ['boo', 'and', 'moo']);
  assert.deepEqual(S.split('boo:and:moo', 'o', 5), ['b', '', ':and:m', '', '']);
  assert.deepEqual(S.split('boo:and:moo', 'o', -2), ['b', '', ':and:m', '', '']);
  assert.deepEqual(S.split('boo:and:moo', 'o', 0), ['b', '', ':and:m']);
  // split(regExp): a backslash delimiter; "If regExp does not match any part of the String, the resulting list has just one element"
  assert.deepEqual(S.split('e:\\processed\\PPDSF100111.csv', '\\\\'), ['e:', 'processed', 'PPDSF100111.csv']);
  assert.deepEqual(S.split('abc', ','), ['abc']);
  // after API 34.0 a zero-width regExp produces no empty first item
  assert.deepEqual(S.split('abc', '(?=b)'), ['a', 'bc']);
  assert.deepEqual(S.split('boo:and:foo', ':', 2), ['boo', 'and:foo']);
  assert.deepEqual(S.split('boo:and:foo', ':', 5), ['boo', 'and', 'foo']);
  assert.deepEqual(S.split('boo:and:foo', ':', -2), ['boo', 'and', 'foo']);
  assert.deepEqual(S.split('boo:and:foo', 'o', 5), ['b', '', ':and:f', '', '']);
  assert.deepEqual(S.split('boo:and:foo', 'o', -2), ['b', '', ':and:f', '', '']);
  assert.deepEqual(S.split('boo:and:foo', 'o', 0), ['b', '', ':and:f']);
  assert.deepEqual(S.split('a.b', '\\.'), ['a', 'b']);
  assert.deepEqual(S.split('abc', ''), ['a', 'b', 'c']);
  assert.deepEqual(S.split('', ','), ['']);
  assert.deepEqual(S.split(',a', ','), ['', 'a']);
  assert.deepEqual(S.split('one\r\ntwo\nthree', '\\r?\\n'), ['one', 'two', 'three']);
  assert.deepEqual(S.split('x@mail.example.com', '\\.', -1), ['x@mail', 'example', 'com']);
});

test('splitByCharacterType / splitByCharacterTypeCamelCase', () => {
  // Apex Developer Guide: String Class, splitByCharacterType(): 'Lightning.platform' -> (L, ightning, ., platform)
  assert.deepEqual(S.splitByCharacterType('Lightning.platform'), ['L', 'ightning', '.', 'platform']);
  // String Class, splitByCharacterTypeCamelCase(): 'Lightning.platform' -> (Lightning, ., platform)
  assert.deepEqual(S.splitByCharacterTypeCamelCase('Lightning.platform'), ['Lightning', '.', 'platform']);
  assert.deepEqual(S.splitByCharacterTypeCamelCase('fooBarBAZ'), ['foo', 'Bar', 'BAZ']);
});

test('substring and its documented errors', () => {
  // Apex Developer Guide: String Class, substring(startIndex, endIndex): 'hamburger'.substring(4, 8) = 'urge'; 'smiles'.substring(1, 5) = 'mile'
  assert.equal(S.substring('hamburger', 4, 8), 'urge');
  assert.equal(S.substring('smiles', 1, 5), 'mile');
  assert.equal(S.substring('hamburger', 3), 'burger');
  assert.throws(() => S.substring('abc', 0, 10), (e: unknown) => isStringException(e) && (e as Error).message === 'Ending position out of bounds: 10');
  assert.throws(() => S.substring('abc', -1), (e: unknown) => isStringException(e) && (e as Error).message === 'Starting position out of bounds: -1');
  assert.throws(() => S.substring('abc', 2, 1), isStringException);
});

test('substringAfter / Before / AfterLast / BeforeLast / Between', () => {
  // Apex Developer Guide: String Class, substringAfter: 'Salesforce.Lightning.platform'.substringAfter('.') = 'Lightning.platform'
  assert.equal(S.substringAfter('Salesforce.Lightning.platform', '.'), 'Lightning.platform');
  assert.equal(S.substringAfterLast('Salesforce.Lightning.platform', '.'), 'platform');
  assert.equal(S.substringBefore('Salesforce.Lightning.platform', '.'), 'Salesforce');
  assert.equal(S.substringBeforeLast('Salesforce.Lightning.platform', '.'), 'Salesforce.Lightning');
  assert.equal(S.substringAfter('Salesforce.com', '.'), 'com');
  assert.equal(S.substringAfter('abc', 'z'), '');
  // substringAfterLast: 'Salesforce.sfdc.com'.substringAfterLast('.') = 'com'
  assert.equal(S.substringAfterLast('Salesforce.sfdc.com', '.'), 'com');
  // substringBefore: 'Salesforce.com'.substringBefore('.') = 'Salesforce'
  assert.equal(S.substringBefore('Salesforce.com', '.'), 'Salesforce');
  assert.equal(S.substringBefore('abc', 'z'), 'abc');
  // substringBeforeLast: 'Salesforce.sfdc.com'.substringBeforeLast('.') = 'Salesforce.sfdc'
  assert.equal(S.substringBeforeLast('Salesforce.sfdc.com', '.'), 'Salesforce.sfdc');
  // substringBetween(tag): 'tagYellowtag' -> 'Yellow'; substringBetween(open, close): 'xYellowy' -> 'Yellow'
  assert.equal(S.substringBetween('tagYellowtag', 'tag'), 'Yellow');
  assert.equal(S.substringBetween('xYellowy', 'x', 'y'), 'Yellow');
  assert.equal(S.substringBetween('abc', 'x', 'y'), null);
});

test('toLowerCase / toUpperCase / matches', () => {
  // String Class, toLowerCase(): 'ThIs iS hArD tO rEaD' -> 'this is hard to read'
  assert.equal(S.toLowerCase('ThIs iS hArD tO rEaD'), 'this is hard to read');
  assert.equal(S.toUpperCase('hello'), 'HELLO');
  // String Class, toLowerCase(locale) / toUpperCase(locale): Turkish dotted and dotless i
  assert.equal(S.toLowerCase('KIYMETLİ', 'tr'), 'kıymetli');
  assert.equal(S.toUpperCase('imkansız', 'tr'), 'İMKANSIZ');
  // Apex Developer Guide: String Class, matches(regExp): the whole String must match
  assert.equal(S.matches('2024-01-31', '\\d{4}-\\d{2}-\\d{2}'), true);
  assert.equal(S.matches('x2024-01-31', '\\d{4}-\\d{2}-\\d{2}'), false);
});

test('String.template', () => {
  // Apex Developer Guide: String Class, template(valueMap): ${name} placeholders, $${name} escapes, a missing key throws StringException
  assert.equal(S.template('${name} was last updated ${date}', new Map([['name', 'My class'], ['date', 'today']])), 'My class was last updated today');
  assert.equal(S.template('Escaped: $${hello}\nUnescaped: ${hello}', { hello: 'hi' }), 'Escaped: ${hello}\nUnescaped: hi');
  assert.equal(S.template('{\n "city" : "${sc}"\n}', { sc: 'exampleCity' }), '{\n "city" : "exampleCity"\n}');
  assert.throws(() => S.template('${missing}', {}), isStringException);
});
