// One peer code per finding: the check picks the code of the rule's `peers` that applies to
// this very call or def (ANN205 for a staticmethod, ASYNC220 vs 221 vs 222, PD003 vs PD004,
// UP006 vs UP035), or none when no peer tool flags it.
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import { peerLabel, peerTool } from '../../src/engine/peers';
import { getEngine } from '../helpers/engine';
import { discoverFixtures } from '../helpers/fixtures';

const ASYNC = (imports: string, body: string) => `${imports}\n\n\nasync def handler(path, fd):\n    ${body}\n`;

interface PeerCase {
  rule: string;
  code: string;
  /** The peer of the one finding of `rule`; null: the finding has none. */
  peer: string | null;
  config?: { targetVersion?: readonly [number, number] };
}

const CASES: PeerCase[] = [
  // typing: the method kind first, then visibility
  { rule: 'missing-return-annotation', code: 'def f():\n    return 1\n', peer: 'ANN201' },
  { rule: 'missing-return-annotation', code: 'class A:\n    @staticmethod\n    def f():\n        return 1\n', peer: 'ANN205' },
  { rule: 'missing-return-annotation', code: 'class A:\n    @classmethod\n    def f(cls):\n        return 1\n', peer: 'ANN206' },
  { rule: 'missing-private-return-annotation', code: 'def _f():\n    return 1\n', peer: 'ANN202' },
  { rule: 'missing-private-return-annotation', code: 'class A:\n    @staticmethod\n    def _f():\n        return 1\n', peer: 'ANN205' },
  { rule: 'missing-special-method-return-annotation', code: 'class A:\n    def __len__(self):\n        return 1\n', peer: 'ANN204' },
  { rule: 'missing-parameter-annotation', code: 'def f(a) -> None:\n    pass\n', peer: 'ANN001' },
  { rule: 'missing-star-args-annotation', code: 'def f(*args: int, **kwargs) -> None:\n    pass\n', peer: 'ANN003' },
  { rule: 'missing-star-args-annotation', code: 'def f(*args, **kwargs: int) -> None:\n    pass\n', peer: 'ANN002' },
  { rule: 'missing-private-parameter-annotation', code: 'def _f(*args) -> None:\n    pass\n', peer: 'ANN002' },
  { rule: 'typing-generic-alias', code: 'from typing import List\n\nx: List[int] = []\n', peer: 'UP006' },
  { rule: 'typing-generic-alias', code: 'from typing import List\n', peer: 'F401' },
  { rule: 'typing-generic-alias', code: 'from typing import List\n\nx: "List[int]" = []\n', peer: 'UP006' },
  { rule: 'typing-text', code: 'from typing import Text\n\nx: Text = ""\n', peer: 'UP019' },
  { rule: 'typing-optional', code: 'from typing import Optional\n\nx: Optional[int] = None\n', peer: 'UP045' },
  { rule: 'typing-union', code: 'from typing import Union\n\nx: Union[int, str] = 0\n', peer: 'UP007' },
  { rule: 'typing-optional', code: 'from typing import Optional\n', peer: 'F401' },
  // async: by API, as flake8-async and Ruff split them
  { rule: 'blocking-subprocess-in-async', code: ASYNC('import subprocess', 'subprocess.run(["ls"])'), peer: 'ASYNC221' },
  { rule: 'blocking-subprocess-in-async', code: ASYNC('import subprocess', 'subprocess.Popen(["ls"])'), peer: 'ASYNC220' },
  { rule: 'blocking-subprocess-in-async', code: ASYNC('import os', 'os.system("ls")'), peer: 'ASYNC221' },
  { rule: 'blocking-subprocess-in-async', code: ASYNC('import os', 'os.popen("ls")'), peer: 'ASYNC220' },
  { rule: 'blocking-subprocess-in-async', code: ASYNC('import os', 'os.spawnl(os.P_WAIT, "/bin/ls", "ls")'), peer: 'ASYNC221' },
  { rule: 'blocking-subprocess-in-async', code: ASYNC('import os', 'os.spawnl(os.P_NOWAIT, "/bin/ls", "ls")'), peer: 'ASYNC220' },
  { rule: 'blocking-process-wait-in-async', code: ASYNC('import os', 'os.waitpid(1, 0)'), peer: 'ASYNC222' },
  { rule: 'blocking-process-wait-in-async', code: ASYNC('import subprocess', 'subprocess.Popen(["ls"]).wait()'), peer: null },
  { rule: 'blocking-http-call-in-async', code: ASYNC('import requests', 'requests.get("https://example.com")'), peer: 'ASYNC210' },
  { rule: 'blocking-http-call-in-async', code: ASYNC('import httpx', 'httpx.Client().get("https://example.com")'), peer: 'ASYNC212' },
  { rule: 'blocking-http-call-in-async', code: ASYNC('import urllib3', 'urllib3.PoolManager().request("GET", "https://example.com")'), peer: 'ASYNC211' },
  { rule: 'blocking-http-call-in-async', code: ASYNC('import requests', 'requests.Session().get("https://example.com")'), peer: null },
  { rule: 'blocking-open-in-async', code: ASYNC('', 'open(path)'), peer: 'ASYNC230' },
  { rule: 'blocking-open-in-async', code: ASYNC('import os', 'os.fdopen(fd)'), peer: 'ASYNC231' },
  { rule: 'blocking-open-in-async', code: ASYNC('import gzip', 'gzip.open(path)'), peer: null },
  { rule: 'blocking-path-call-in-async', code: ASYNC('import os', 'os.path.exists(path)'), peer: 'ASYNC240' },
  { rule: 'blocking-path-call-in-async', code: ASYNC('import shutil', 'shutil.rmtree(path)'), peer: null },
  { rule: 'blocking-sleep-in-async', code: ASYNC('import time', 'time.sleep(1)'), peer: 'ASYNC251' },
  { rule: 'dropped-task-reference', code: 'import asyncio\n\n\nasync def main(job) -> None:\n    asyncio.create_task(job())\n', peer: 'RUF006' },
  // dataframes: PD010 and PD013 flag the form they advise against, not the one they advise
  { rule: 'pandas-isnull-alias', code: 'import pandas as pd\n\ndf = pd.read_csv("a.csv")\nm = df.isnull()\n', peer: 'PD003' },
  { rule: 'pandas-isnull-alias', code: 'import pandas as pd\n\ndf = pd.read_csv("a.csv")\nm = df.notnull()\n', peer: 'PD004' },
  { rule: 'pandas-pivot-idiom', code: 'import pandas as pd\n\ndf = pd.read_csv("a.csv")\nw = df.pivot(index="a", columns="b", values="c")\n', peer: 'PD010' },
  { rule: 'pandas-pivot-idiom', code: 'import pandas as pd\n\ndf = pd.read_csv("a.csv")\nw = df.pivot_table(index="a", columns="b", values="c")\n', peer: null },
  { rule: 'pandas-melt-idiom', code: 'import pandas as pd\n\ndf = pd.read_csv("a.csv")\nl = df.set_index("id").stack()\n', peer: 'PD013' },
  { rule: 'pandas-melt-idiom', code: 'import pandas as pd\n\ndf = pd.read_csv("a.csv")\nl = df.melt(id_vars="id")\n', peer: null },
];

describe('one peer code per finding', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  for (const { rule, code, peer, config } of CASES) {
    it(`${rule}: ${peer ?? 'no peer'} for ${JSON.stringify(code.trim().split('\n').pop())}`, () => {
      const findings = engine.analyzeText(code, { select: [rule], ...config });
      assert.equal(findings.length, 1, `one finding of ${rule} expected, got ${findings.length}`);
      assert.equal(findings[0].peer ?? null, peer);
      if (peer) assert.ok(findings[0].peers.includes(peer), `${peer} is one of the rule's peers`);
      // `# noqa: <its peer>` silences it; another peer code of the same rule does not.
      const firstLine = findings[0].range.start.line;
      const lines = code.split('\n');
      const withComment = (comment: string) => lines.map((l, i) => (i === firstLine ? `${l}  ${comment}` : l)).join('\n');
      if (peer) assert.deepEqual(engine.analyzeText(withComment(`# noqa: ${peer}`), { select: [rule], ...config }), []);
      for (const other of findings[0].peers.filter((p) => p !== peer)) {
        assert.equal(engine.analyzeText(withComment(`# noqa: ${other}`), { select: [rule], ...config }).length, 1, `# noqa: ${other} must not silence ${peer ?? 'it'}`);
      }
    });
  }

  it('on every fixture, a finding\'s peer is one of its rule\'s peers, and a rule with several picks one per finding', () => {
    const select = engine.rules.map((r) => r.id);
    const chosen = new Map<string, Set<string>>();
    for (const fixture of discoverFixtures()) {
      for (const finding of engine.analyzeText(fixture.text, { select, targetVersion: fixture.targetVersion })) {
        if (finding.peer === undefined) continue;
        assert.ok(finding.peers.includes(finding.peer), `${fixture.name}: ${finding.rule} has peer ${finding.peer}, not one of ${finding.peers.join(', ')}`);
        if (!chosen.has(finding.rule)) chosen.set(finding.rule, new Set());
        chosen.get(finding.rule)!.add(finding.peer);
      }
    }
    assert.deepEqual([...(chosen.get('missing-return-annotation') ?? [])].sort(), ['ANN201', 'ANN205', 'ANN206']);
    assert.deepEqual([...(chosen.get('blocking-subprocess-in-async') ?? [])].sort(), ['ASYNC220', 'ASYNC221']);
  });

  it('names the tool of a code: Ruff, or flake8-async for the codes Ruff lacks', () => {
    assert.equal(peerLabel('ANN205'), 'Ruff: ANN205');
    assert.equal(peerTool('ASYNC251'), 'Ruff');
    assert.equal(peerTool('ASYNC232'), 'flake8-async');
    assert.equal(peerTool('B602'), 'Bandit');
    assert.equal(peerTool('BP002'), 'bump-pydantic');
    assert.equal(peerTool('FAST002'), 'Ruff');
  });
});
