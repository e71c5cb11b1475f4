// end-of-life-python: the project files that declare an end-of-life Python, with exact
// 1-based ranges (end-exclusive) and messages, at an injected "today".
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { declaredPythons, unlockedSummary, type ProjectFileKind } from '../../../src/engine/project-files';
import { endOfLifeOn, oldestSupported, PYTHON_RELEASES, speedupsBetween } from '../../../src/engine/python-releases';
import type { RuleConfig } from '../../../src/engine/types';
import { getEngine } from '../../helpers/engine';

const TODAY = new Date('2026-12-08T12:00:00Z');

interface Case {
  kind: ProjectFileKind;
  text: string;
  config?: RuleConfig;
  today?: Date;
  /** [line, column, endLine, endColumn, message] per finding. */
  errors: [number, number, number, number, string][];
}

const msg = (subject: string, version: string, eol: string, supported = '3.11') =>
  `${subject} admits Python ${version}, past its end of life (${eol}); the oldest supported line is ${supported}`;

const INVALID: Case[] = [
  { kind: 'pyproject', text: '[project]\nname = "app"\nrequires-python = ">=3.8"\n', errors: [[3, 20, 3, 25, msg('`requires-python`', '3.8', '2024-10-07')]] },
  { kind: 'pyproject', text: "[project]\nrequires-python = '>=3.9, <4'\n", errors: [[2, 20, 2, 25, msg('`requires-python`', '3.9', '2025-10-31')]] },
  // 3.10 reached its end of life in October 2026 (PEP 619).
  { kind: 'pyproject', text: '[project]\nrequires-python = "~=3.10"\n', errors: [[2, 20, 2, 26, msg('`requires-python`', '3.10', '2026-10-31')]] },
  // The highest of several lower bounds is the one that holds.
  { kind: 'pyproject', text: '[project]\nrequires-python = ">=3.6,>=3.7"\n', errors: [[2, 26, 2, 31, msg('`requires-python`', '3.7', '2023-06-27')]] },
  { kind: 'pyproject', text: '[ project ]\nrequires-python = ">= 3.8"  # keep\n', errors: [[2, 20, 2, 26, msg('`requires-python`', '3.8', '2024-10-07')]] },
  { kind: 'setup-cfg', text: '[metadata]\nname = app\n\n[options]\npython_requires = >=3.7\n', errors: [[5, 19, 5, 24, msg('`python_requires`', '3.7', '2023-06-27')]] },
  { kind: 'setup-cfg', text: '[options]\npython_requires = "!=3.0.*, >=3.6"\n', errors: [[2, 29, 2, 34, msg('`python_requires`', '3.6', '2021-12-23')]] },
  { kind: 'setup-py', text: 'from setuptools import setup\n\nsetup(\n    name="app",\n    python_requires=">=3.7",\n)\n', errors: [[5, 22, 5, 27, msg('`python_requires`', '3.7', '2023-06-27')]] },
  { kind: 'python-version', text: '3.8.10\n', errors: [[1, 1, 1, 7, msg('`.python-version`', '3.8', '2024-10-07')]] },
  { kind: 'python-version', text: '3.12.1\n3.9\n', errors: [[2, 1, 2, 4, msg('`.python-version`', '3.9', '2025-10-31')]] },
  { kind: 'dockerfile', text: 'FROM python:3.7\nRUN pip install .\n', errors: [[1, 13, 1, 16, msg('`FROM python:3.7`', '3.7', '2023-06-27')]] },
  { kind: 'dockerfile', text: 'from --platform=linux/amd64 docker.io/library/python:3.8-slim AS build\n', errors: [[1, 54, 1, 57, msg('`FROM python:3.8`', '3.8', '2024-10-07')]] },
  { kind: 'dockerfile', text: 'FROM python:3.9.18-slim-bookworm\n', errors: [[1, 13, 1, 16, msg('`FROM python:3.9`', '3.9', '2025-10-31')]] },
  // Python 2 lower bounds (the old setup.py idiom): 2.7 reached its end of life in 2020.
  { kind: 'setup-py', text: "setup(python_requires='>=2.7, !=3.0.*, !=3.1.*, <4')\n", errors: [[1, 24, 1, 29, msg('`python_requires`', '2.7', '2020-01-01')]] },
  { kind: 'python-version', text: '2.7.18\n', errors: [[1, 1, 1, 7, msg('`.python-version`', '2.7', '2020-01-01')]] },
  { kind: 'dockerfile', text: 'FROM python:2.7-alpine\n', errors: [[1, 13, 1, 16, msg('`FROM python:2.7`', '2.7', '2020-01-01')]] },
  // "Today" is the run's clock: on 2024-01-01, 3.8 was still supported and 3.7 was not.
  { kind: 'pyproject', text: '[project]\nrequires-python = ">=3.7"\n', today: new Date('2024-01-01T00:00:00Z'), errors: [[2, 20, 2, 25, msg('`requires-python`', '3.7', '2023-06-27', '3.8')]] },
  { kind: 'pyproject', text: '[project]\nrequires-python = ">=3.8"\n', config: { severity: { 'end-of-life-python': 'error' } }, errors: [[2, 20, 2, 25, msg('`requires-python`', '3.8', '2024-10-07')]] },
];

const VALID: Case[] = [
  { kind: 'pyproject', text: '[project]\nrequires-python = ">=3.11"\n', errors: [] },
  // Only `[project]`: a tool's table of the same key is not the project's declaration.
  { kind: 'pyproject', text: '[tool.other]\nrequires-python = ">=3.8"\n', errors: [] },
  { kind: 'pyproject', text: '[project]\n# requires-python = ">=3.8"\nrequires-python = ">=3.12"\n', errors: [] },
  { kind: 'pyproject', text: '[project]\nrequires-python = "<3.13"\n', errors: [] },
  { kind: 'pyproject', text: '[project]\nrequires-python = "!=2.7.*, <4"\n', errors: [] },
  { kind: 'pyproject', text: '[project]\nrequires-python = ">=3.8"  # pymodern: ignore[end-of-life-python]\n', errors: [] },
  { kind: 'pyproject', text: '[project]\nrequires-python = ">=3.8"  # pymodern: ignore\n', errors: [] },
  { kind: 'pyproject', text: '[project]\nrequires-python = ">=3.8"\n', config: { ignore: ['end-of-life-python'] }, errors: [] },
  { kind: 'pyproject', text: '[project]\nrequires-python = ">=3.8"\n', config: { ignore: ['modern'] }, errors: [] },
  { kind: 'pyproject', text: '[project]\nrequires-python = ">=3.8"\n', config: { select: ['typing'] }, errors: [] },
  { kind: 'pyproject', text: '[project]\nrequires-python = ">=3.8"\n', today: new Date('2024-06-01T00:00:00Z'), errors: [] },
  { kind: 'setup-cfg', text: '[metadata]\npython_requires = >=3.7\n', errors: [] },
  { kind: 'setup-cfg', text: '[options]\npython_requires = >=3.11\n', errors: [] },
  { kind: 'setup-py', text: '# python_requires=">=3.7"\nsetup(python_requires=">=3.12")\n', errors: [] },
  { kind: 'python-version', text: 'pypy3.8\nsystem\n3.13.0\n', errors: [] },
  { kind: 'dockerfile', text: 'FROM python:3.12-slim\nFROM python:${PY}\nFROM python:latest\nFROM mypython:3.7\n# FROM python:3.7\n', errors: [] },
];

describe('rule table: end-of-life-python', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  for (const [name, cases] of [['invalid', INVALID], ['valid', VALID]] as const) {
    for (const c of cases) {
      it(`${name} ${c.kind}: ${JSON.stringify(c.text).slice(0, 70)}`, () => {
        const findings = engine.analyzeProjectFile(c.kind, c.text, { today: c.today ?? TODAY, config: c.config ?? {} });
        const got = findings.map((f) => [f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1, f.message]);
        assert.deepEqual(got, c.errors);
        for (const f of findings) {
          assert.equal(f.rule, 'end-of-life-python');
          assert.equal(f.family, 'modern');
          assert.equal(f.trend, 'faster-cpython');
          assert.equal(f.severity, c.config?.severity ? 'error' : 'warning');
          assert.equal(f.peer, undefined);
          assert.deepEqual(f.fixes, []);
        }
      });
    }
  }

  it('the hover names the speedups of the newer lines and the supported bound', () => {
    const [finding] = engine.analyzeProjectFile('pyproject', '[project]\nrequires-python = ">=3.9"\n', { today: TODAY, config: {} });
    const hover = finding.suggestion!;
    assert.match(hover, /^Raise the lower bound to a supported line, e\.g\. `>=3\.11` \(the oldest supported on 2026-12-08\)\./);
    assert.match(hover, /- 3\.11: about 1\.25× faster than 3\.10 on pyperformance/);
    assert.match(hover, /- 3\.12: /);
    assert.match(hover, /- 3\.14: /);
    assert.match(hover, /What's New/);
  });

  it('the hover spells the move in the file\'s own terms', () => {
    const [docker] = engine.analyzeProjectFile('dockerfile', 'FROM python:3.8\n', { today: TODAY, config: {} });
    assert.match(docker.suggestion!, /^Build on a supported line, e\.g\. `FROM python:3\.11`/);
    const [pinned] = engine.analyzeProjectFile('python-version', '3.8.10\n', { today: TODAY, config: {} });
    assert.match(pinned.suggestion!, /^Pin a supported line, e\.g\. `3\.11`/);
  });

  it('the message and hover count the findings a supported target would add', () => {
    const counts = {
      target: [3, 11] as const,
      current: { 'moved-import': { findings: 2, fixable: 2 } },
      next: { 'moved-import': { findings: 6, fixable: 6 }, 'typing-abc-import': { findings: 8, fixable: 7 }, 'end-of-life-python': { findings: 1, fixable: 0 } },
    };
    const [finding] = engine.analyzeProjectFile('pyproject', '[project]\nrequires-python = ">=3.8"\n', { today: TODAY, config: {}, counts });
    assert.equal(finding.message, `${msg('`requires-python`', '3.8', '2024-10-07')}; at 3.11: 12 more findings (typing-abc-import 8, moved-import 4), 11 with a fix`);
    assert.match(finding.suggestion!, /\*\*pymodern at 3\.11:\*\* 12 more findings/);
    assert.equal(unlockedSummary({ target: [3, 11], current: { a: { findings: 3, fixable: 0 } }, next: {} }), '3 fewer');
    assert.equal(unlockedSummary({ target: [3, 11], current: {}, next: {} }), undefined);
  });

  it('declaredPythons reads every declaration, supported or not', () => {
    assert.deepEqual(declaredPythons('pyproject', '[project]\nrequires-python = ">=3.12"\n').map((d) => d.version), [[3, 12]]);
    assert.deepEqual(declaredPythons('dockerfile', 'FROM python:3.8 AS a\nFROM python:3.13-alpine\n').map((d) => d.version), [[3, 8], [3, 13]]);
  });
});

describe('python-releases: the one table of CPython lines', () => {
  it('covers 3.6 to 3.15, in order, each reaching end of life five years after its release', () => {
    assert.deepEqual(PYTHON_RELEASES.map((r) => r.version[1]), [6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    for (const r of PYTHON_RELEASES) {
      const years = (Date.parse(r.endOfLife) - Date.parse(r.released)) / (365.25 * 86400e3);
      assert.ok(years > 4.9 && years < 5.2, `${r.version.join('.')}: ${years.toFixed(2)} years`);
    }
  });

  it('end of life and the oldest supported line follow the clock', () => {
    assert.equal(endOfLifeOn([3, 9], TODAY), '2025-10-31');
    assert.equal(endOfLifeOn([3, 10], TODAY), '2026-10-31');
    assert.equal(endOfLifeOn([3, 11], TODAY), undefined);
    assert.equal(endOfLifeOn([3, 5], TODAY), 'before 2021');
    assert.equal(endOfLifeOn([2, 7], TODAY), '2020-01-01');
    assert.equal(endOfLifeOn([3, 10], new Date('2026-10-31T23:00:00Z')), undefined);
    assert.deepEqual(oldestSupported(TODAY).version, [3, 11]);
    assert.deepEqual(oldestSupported(new Date('2025-06-01T00:00:00Z')).version, [3, 9]);
  });

  it('speedups are listed for the lines after the declared one', () => {
    assert.deepEqual(speedupsBetween([3, 11], [3, 14], TODAY).map((s) => s.version), ['3.12', '3.13', '3.14']);
    assert.deepEqual(speedupsBetween([3, 8], [3, 12], TODAY).map((s) => s.version), ['3.11', '3.12']);
  });
});
