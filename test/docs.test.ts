import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRulesTable } from '../src/build/readme-table';
import { readRuleSet } from '../src/node/load-engine';
import { DIST_DIR, REPO_ROOT } from './helpers/engine';

describe('README', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

  it('has the rule table generated from the current rules (run `npm run docs`)', () => {
    assert.equal(readme, withRulesTable(readme, readRuleSet(DIST_DIR)));
  });

  it('documents the two quick-start commands that CI runs', () => {
    assert.match(readme, /npm ci && npx pymodern check test\/fixtures/);
    const ci = readFileSync(join(REPO_ROOT, '.ci', 'run'), 'utf8');
    assert.match(ci, /^npm ci\b/m);
    assert.match(ci, /^npm test$/m);
  });
});
