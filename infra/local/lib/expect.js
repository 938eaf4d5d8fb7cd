// The walkthrough's comparison (infra/local/walkthrough.sh): node expect.js STEP STATUS FILE WANT [CHECK...]
// CHECK is path=json (equal; a value that is not JSON is a string), path~text (contains) or path#=n (length);
// a path is dot-separated keys and array indexes (classification.code, carriedOver.0.node).
const fs = require('fs');
const [step, status, file, want, ...checks] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const fail = (why) => {
  console.error(`walkthrough: DRIFT at ${step}: ${why}\n  answer (${status}): ${text.slice(0, 600)}`);
  process.exit(1);
};
if (status !== want) {
  fail(`status ${status}, the README shows ${want}`);
}
const body = text.trim() ? JSON.parse(text) : null;
const at = (path) => path.split('.').reduce((node, key) => {
  if (node === null || typeof node !== 'object' || !(key in node)) {
    fail(`no ${path}`);
  }
  return node[key];
}, body);
const show = (value) => JSON.stringify(value);
for (const check of checks) {
  const [, path, op, expected] = check.match(/^([^=~#]+)(#=|=|~)(.*)$/s);
  const got = at(path);
  if (op === '#=' && got.length !== Number(expected)) {
    fail(`${path} has ${got.length} items, the README shows ${expected}`);
  }
  if (op === '~' && !show(got).includes(expected)) {
    fail(`${path} is ${show(got)}, the README shows it containing ${expected}`);
  }
  if (op === '=') {
    let value;
    try {
      value = JSON.parse(expected);
    } catch (e) {
      value = expected;
    }
    if (show(got) !== show(value)) {
      fail(`${path} is ${show(got)}, the README shows ${expected}`);
    }
  }
}
