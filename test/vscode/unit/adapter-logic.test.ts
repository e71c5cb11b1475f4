// The VS Code adapter's logic that needs no editor, run with the unit tests (`npm test`):
// the disable-comment edit, notebook joining, minimal edits, settings over pyproject.toml.
import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/engine/fixes';
import type { Finding, Fix } from '../../../src/engine/types';
import { fixTitle, isPreferredFix, primaryFix } from '../../../src/vscode/fix-policy';
import { joinCells, maskIPython } from '../../../src/vscode/notebook-text';
import { mergeRuleConfig } from '../../../src/vscode/rule-config';
import { suppressionEdit } from '../../../src/engine/suppress-comment';
import { minimalEdit } from '../../../src/vscode/text-diff';
import { getEngine } from '../../helpers/engine';

async function disable(text: string, rule = 'blocking-sleep-in-async'): Promise<string | undefined> {
  const engine = await getEngine();
  const document = engine.open(text);
  try {
    const finding = engine.analyze(document, {}).find((f: Finding) => f.rule === rule);
    assert.ok(finding, `no ${rule} finding in:\n${text}`);
    const edit = suppressionEdit(document, finding);
    if (!edit) return undefined;
    const result = applyEdits(text, [edit]);
    assert.equal(engine.analyzeText(result).filter((f) => f.rule === rule && f.start === finding.start).length, 0, 'the comment silences the finding');
    return result;
  } finally {
    document.dispose();
  }
}

const HEAD = 'import time\n\nasync def f() -> None:\n';

describe('vscode adapter: disable for this line', () => {
  it('appends the comment at the end of the line', async () => {
    assert.equal(await disable(`${HEAD}    time.sleep(1)   \n`), `${HEAD}    time.sleep(1)  # pymodern: ignore[blocking-sleep-in-async]   \n`);
  });

  it('keeps an existing comment and adds ours after it', async () => {
    assert.equal(await disable(`${HEAD}    time.sleep(1)  # noqa: E501\n`), `${HEAD}    time.sleep(1)  # noqa: E501  # pymodern: ignore[blocking-sleep-in-async]\n`);
  });

  it('adds the rule to an existing pymodern list', async () => {
    assert.equal(
      await disable(`${HEAD}    time.sleep(1)  # pymodern: ignore[pandas-read-csv]  # why\n`),
      `${HEAD}    time.sleep(1)  # pymodern: ignore[pandas-read-csv, blocking-sleep-in-async]  # why\n`,
    );
  });

  it('uses the last line when the first ends inside a multi-line string or a continuation', async () => {
    assert.equal(
      await disable(`${HEAD}    time.sleep(len("""a\nb"""))\n`),
      `${HEAD}    time.sleep(len("""a\nb"""))  # pymodern: ignore[blocking-sleep-in-async]\n`,
    );
    assert.equal(await disable(`${HEAD}    time.sleep(1 + \\\n 2)\n`), `${HEAD}    time.sleep(1 + \\\n 2)  # pymodern: ignore[blocking-sleep-in-async]\n`);
  });

  it('works with CRLF line breaks', async () => {
    const crlf = `${HEAD}    time.sleep(1)\n`.replace(/\n/g, '\r\n');
    assert.equal(await disable(crlf), crlf.replace('time.sleep(1)', 'time.sleep(1)  # pymodern: ignore[blocking-sleep-in-async]'));
  });
});

describe('vscode adapter: notebook cells as one text', () => {
  it('joins cells with line breaks and records where each starts', () => {
    const joined = joinCells(['import pandas as pd', '', 'df = pd.read_csv("x")\n']);
    assert.equal(joined.text, 'import pandas as pd\n\ndf = pd.read_csv("x")\n');
    assert.deepEqual(joined.starts, [0, 20, 21]);
  });

  it('turns IPython syntax into comments of the same length', () => {
    const cell = '%matplotlib inline\n  !pip install polars\nx = 1  # 100%\n';
    const masked = maskIPython(cell);
    assert.equal(masked, '#matplotlib inline\n  #pip install polars\nx = 1  # 100%\n');
    assert.equal(masked.length, cell.length);
    assert.equal(maskIPython('%%bash\necho hi\r\nls'), '#%bash\n#cho hi\r\n#s');
    assert.equal(maskIPython('%%time\nx = slow()'), '#%time\nx = slow()');
  });

  it('finds imports from an earlier cell', async () => {
    const engine = await getEngine();
    const { text, starts } = joinCells(['import pandas as pd', '%load_ext autoreload\nframe = pd.read_csv("orders.csv")']);
    const [finding] = engine.analyzeText(text);
    assert.equal(finding.rule, 'pandas-read-csv');
    assert.equal(text.slice(finding.start, finding.end), 'pd.read_csv("orders.csv")');
    assert.ok(finding.start > starts[1]);
  });
});

describe('vscode adapter: minimal edit', () => {
  it('replaces only what changed', () => {
    assert.deepEqual(minimalEdit('abcdef', 'abXYef'), { start: 2, end: 4, newText: 'XY' });
    assert.deepEqual(minimalEdit('aaa', 'aaaa'), { start: 3, end: 3, newText: 'a' });
    assert.equal(minimalEdit('same', 'same'), undefined);
    for (const [before, after] of [['x😀y', 'x😁y'], ['', 'new'], ['old', '']]) {
      const edit = minimalEdit(before, after)!;
      assert.equal(applyEdits(before, [edit]), after);
    }
  });

  it('never splits a surrogate pair', () => {
    const edit = minimalEdit('a😀', 'a😁')!;
    assert.equal(edit.start, 1);
    assert.equal(edit.newText, '😁');
  });
});

describe('vscode adapter: settings over pyproject.toml', () => {
  it('replaces lists and the target version the user set, merges severities per rule', () => {
    const project = { select: ['async'], ignore: ['typing'], targetVersion: [3, 9] as const, severity: { 'pandas-read-csv': 'hint' as const } };
    assert.deepEqual(mergeRuleConfig(project, {}), { select: ['async'], ignore: ['typing'], targetVersion: [3, 9], severity: { 'pandas-read-csv': 'hint' } });
    assert.deepEqual(mergeRuleConfig(project, { select: ['ALL'], targetVersion: [3, 12], severity: { 'blocking-sleep-in-async': 'error' } }), {
      select: ['ALL'],
      ignore: ['typing'],
      targetVersion: [3, 12],
      severity: { 'pandas-read-csv': 'hint', 'blocking-sleep-in-async': 'error' },
    });
    assert.deepEqual(mergeRuleConfig({}, {}), {});
  });
});

describe('vscode adapter: which fix is put forward', () => {
  const safe: Fix = { title: 'Replace with `x`', safety: 'safe', edits: [] };
  const unsafe: Fix = { title: 'Rewrite to polars', safety: 'unsafe', edits: [] };
  const finding = (fixes: Fix[]) => ({ fixes }) as unknown as Finding;

  it('says when a fix is unsafe', () => {
    assert.equal(fixTitle(safe), 'Replace with `x`');
    assert.equal(fixTitle(unsafe), 'Rewrite to polars (unsafe)');
  });

  it('prefers the first safe fix and never an unsafe one', () => {
    assert.equal(isPreferredFix(finding([unsafe, safe]), safe), true);
    assert.equal(isPreferredFix(finding([unsafe, safe]), unsafe), false);
    assert.equal(isPreferredFix(finding([unsafe]), unsafe), false);
    assert.equal(primaryFix(finding([unsafe])), unsafe, 'an explicit "Apply fix" may still apply it');
    assert.equal(primaryFix(finding([])), undefined);
  });
});
