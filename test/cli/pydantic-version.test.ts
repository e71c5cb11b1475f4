// The pydantic target through the CLI: the pydantic family (a v1 → v2 migration) runs when
// the project's oldest pydantic is 2 or later, and stays silent when it must still run on v1
// — from the requirement in pyproject.toml, `pydantic-version`, or `--pydantic-version`.
import assert from 'node:assert/strict';
import { parseJson, project, runCli } from '../helpers/cli';

const V1_MODEL = [
  'from pydantic import BaseModel, validator',
  '',
  '',
  'class User(BaseModel):',
  '    name: str',
  '',
  '    @validator("name")',
  '    def strip(cls, value):',
  '        return value.strip()',
  '',
  '    class Config:',
  '        orm_mode = True',
  '',
].join('\n');

describe('cli: the pydantic target', () => {
  const rules = (tree: Record<string, string>, ...args: string[]) => {
    const result = runCli(['check', '--format', 'json', '--select', 'pydantic', ...args], { cwd: project(tree) });
    const report = parseJson(result);
    assert.deepEqual(report.errors, [], result.stderr);
    return report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`);
  };
  const both = ['app.py:7 pydantic-v1-validator', 'app.py:11 pydantic-config-class'];

  it('runs the pydantic family without a declaration, or when the project requires pydantic 2', () => {
    assert.deepEqual(rules({ 'app.py': V1_MODEL }), both);
    assert.deepEqual(rules({ 'app.py': V1_MODEL, 'pyproject.toml': '[project]\ndependencies = ["pydantic>=2.5,<3"]\n' }), both);
  });

  it('stays silent where the project must still run on pydantic 1', () => {
    assert.deepEqual(rules({ 'app.py': V1_MODEL, 'pyproject.toml': '[project]\ndependencies = ["pydantic>=1.10,<2"]\n' }), []);
    assert.deepEqual(rules({ 'app.py': V1_MODEL, 'pyproject.toml': '[tool.poetry.dependencies]\npydantic = "^1.10"\n' }), []);
    assert.deepEqual(rules({ 'app.py': V1_MODEL, 'pyproject.toml': '[tool.pymodern]\npydantic-version = "1.10"\n' }), []);
    assert.deepEqual(rules({ 'app.py': V1_MODEL }, '--pydantic-version', '1.10'), []);
  });

  it('lets --pydantic-version override the declared requirement, and rejects a malformed one', () => {
    assert.deepEqual(rules({ 'app.py': V1_MODEL, 'pyproject.toml': '[project]\ndependencies = ["pydantic>=1.10"]\n' }, '--pydantic-version', '2.7'), both);
    const bad = runCli(['check', '--pydantic-version', 'v2'], { cwd: project({ 'app.py': V1_MODEL }) });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^pymodern: --pydantic-version: expected a version like 2\.7, got "v2"\n/);
  });
});
