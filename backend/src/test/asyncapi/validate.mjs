// Validates an AsyncAPI document with the official parser and prints every diagnostic.
// Usage: node validate.mjs DOCUMENT.json — exits 1 when the parser reports an error.
import { readFile } from 'node:fs/promises';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const file = process.argv[2];
if (!file) {
	console.error('usage: node validate.mjs DOCUMENT.json');
	process.exit(2);
}
const { document, diagnostics } = await new Parser().parse(await readFile(file, 'utf8'));
const severity = (code) => Object.keys(DiagnosticSeverity).find((name) => DiagnosticSeverity[name] === code);
for (const { severity: code, code: rule, message, path } of diagnostics) {
	console.log(`${severity(code)} ${rule} at /${path.join('/')}: ${message}`);
}
const errors = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length;
console.log(`${errors} errors, ${diagnostics.length - errors} other diagnostics`);
process.exit(errors > 0 || !document ? 1 : 0);
