// `npm run docs`: regenerates the README's rule table from dist/rules.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRuleSet } from '../node/load-engine';
import { withRulesTable } from './readme-table';

const root = join(__dirname, '..', '..');
const readmePath = join(root, 'README.md');
const updated = withRulesTable(readFileSync(readmePath, 'utf8'), readRuleSet(join(root, 'dist')));
writeFileSync(readmePath, updated);
console.log('README.md rule table updated');
