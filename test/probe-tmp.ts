import { getEngine } from './helpers/engine';
import { readFileSync } from 'node:fs';
(async () => {
  const engine = await getEngine();
  const [rule, file] = process.argv.slice(2);
  const cases: string[] = JSON.parse(readFileSync(file, 'utf8'));
  for (const code of cases) {
    const findings = engine.analyzeText(code, { select: [rule] });
    console.log('CODE', JSON.stringify(code));
    for (const f of findings) console.log(`  E(${f.range.start.line + 1}, ${f.range.start.character + 1}, ${f.range.end.line + 1}, ${f.range.end.character + 1}, ${JSON.stringify(f.message)}) fixes=${f.fixes.map((x) => x.safety + ':' + x.title).join(' | ')}`);
    const fixed = engine.fixAll(code, { select: [rule] }, { unsafe: true, rules: new Set([rule]) }).text;
    if (fixed !== code) console.log('  FIXED', JSON.stringify(fixed));
    if (findings[0]?.suggestion) console.log('  SUGG', JSON.stringify(findings[0].suggestion));
  }
})();
