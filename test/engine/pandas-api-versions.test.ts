// pandas-removed-api / pandas-deprecated-api under several pandas targets: which rule a use
// falls under, the message's versions, and which fixes the target allows.
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import type { PandasVersion, RuleConfig } from '../../src/engine/types';
import { getEngine } from '../helpers/engine';
import { errorsOf } from './rule-tester';

const RULES = ['pandas-removed-api', 'pandas-deprecated-api'];

const CODE = [
  'import pandas as pd',
  '',
  'df = pd.read_csv("sales.csv")',
  'for name, col in df.iteritems():',
  '    print(name)',
  'labels = df.applymap(str)',
  'filled = df.fillna(method="ffill")',
  'if pd.api.types.is_categorical_dtype(df["kind"].dtype):',
  '    pass',
  '',
].join('\n');

describe('pandas API changes by target pandas version', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const config = (pandasVersion?: PandasVersion): RuleConfig => ({ select: RULES, ...(pandasVersion ? { pandasVersion } : {}) });
  const findings = (version?: PandasVersion) => errorsOf(engine.analyzeText(CODE, config(version))).map((e) => `${e.line}:${e.column}-${e.endLine}:${e.endColumn} ${e.rule}: ${e.message}`);
  const fixed = (version?: PandasVersion) => engine.fixAll(CODE, config(version), { unsafe: false, rules: new Set(RULES) }).text;

  const ITERITEMS_REMOVED = '4:18-4:32 pandas-removed-api: `df.iteritems()` was removed in pandas 2.0: use `.items()`';
  const DTYPE = '8:4-8:55 pandas-deprecated-api: `pd.api.types.is_categorical_dtype()` is deprecated since pandas 2.1: use `isinstance(dtype, pd.CategoricalDtype)`';

  it('without a declared version (2.0): what 2.0 removed is removed, the 2.1 deprecations are deprecations', () => {
    assert.deepEqual(findings(), [
      ITERITEMS_REMOVED,
      '6:10-6:26 pandas-deprecated-api: `df.applymap()` is deprecated since pandas 2.1 (removed in 3.0): use `.map()` (pandas 2.1+)',
      '7:10-7:35 pandas-deprecated-api: `df.fillna(method=...)` is deprecated since pandas 2.1 (removed in 3.0): use `.ffill()`',
      DTYPE,
    ]);
    assert.deepEqual(findings([2, 0]), findings(), 'the default is 2.0');
  });

  it('offers `.map()` only once the target pandas has it (2.1)', () => {
    assert.equal(fixed(), CODE.replace('df.iteritems()', 'df.items()').replace('df.fillna(method="ffill")', 'df.ffill()'));
    assert.equal(fixed([2, 1]), fixed().replace('df.applymap(str)', 'df.map(str)'));
  });

  it('on pandas 3.0 the APIs 3.0 dropped are removed; the dtype checks still only deprecated', () => {
    assert.deepEqual(findings([3, 0]), [
      ITERITEMS_REMOVED,
      '6:10-6:26 pandas-removed-api: `df.applymap()` was removed in pandas 3.0: use `.map()` (pandas 2.1+)',
      '7:10-7:35 pandas-removed-api: `df.fillna(method=...)` was removed in pandas 3.0: use `.ffill()`',
      DTYPE,
    ]);
    assert.equal(fixed([3, 0]), fixed([2, 1]));
  });

  it('on pandas 1.5, `.iteritems()` is only deprecated (removed in 2.0), and `.items()` is still safe', () => {
    assert.deepEqual(findings([1, 5])[0], '4:18-4:32 pandas-deprecated-api: `df.iteritems()` is deprecated since pandas 1.5 (removed in 2.0): use `.items()`');
    assert.ok(fixed([1, 5]).includes('df.items()'));
    assert.ok(fixed([1, 5]).includes('df.applymap(str)'));
  });

  it('gives fillna(method=...) no fix when other arguments or a non-literal method are passed', () => {
    const code = 'import pandas as pd\n\ndf = pd.read_csv("a.csv")\nhow = "ffill"\na = df.fillna(0, method="ffill")\nb = df.fillna(method=how)\nc = df.fillna(method="ffill", subset=["a"])\nd = df.fillna(method=None)\n';
    const found = errorsOf(engine.analyzeText(code, config([3, 0]))).map((e) => `${e.line} ${e.rule}: ${e.message}`);
    assert.deepEqual(found, [
      '5 pandas-removed-api: `df.fillna(method=...)` was removed in pandas 3.0: use `.ffill()`',
      '6 pandas-removed-api: `df.fillna(method=...)` was removed in pandas 3.0: use `.ffill()` or `.bfill()`',
      '7 pandas-removed-api: `df.fillna(method=...)` was removed in pandas 3.0: use `.ffill()`',
    ]);
    assert.equal(engine.fixAll(code, config([3, 0]), { unsafe: true, rules: new Set(RULES) }).text, code);
  });

  it('stays silent on look-alikes: numpy, xarray, dicts, own classes, unknown receivers', () => {
    const code = [
      'import numpy as np',
      'import pandas as pd',
      '',
      'arr = np.ones((2, 3)).swapaxes(0, 1)',
      'for k, v in {}.items():',
      '    pass',
      'class Grid:',
      '    def applymap(self, f):',
      '        return self',
      'Grid().applymap(str)',
      'def f(frame):',
      '    return frame.iteritems(), frame.applymap(str), frame.fillna(method="ffill")',
      '',
    ].join('\n');
    assert.deepEqual(engine.analyzeText(code, config([3, 0])), []);
  });
});
