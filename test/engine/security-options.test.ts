// `[tool.pymodern.security]` and the `pymodern.security` setting: `request-timeout`, the
// seconds the http-call-without-timeout fix writes. Parsed and validated like the typing table.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ConfigError, SECURITY_SETTINGS, catalogOf, parsePyproject } from '../../src/engine/config';
import type { Engine } from '../../src/engine/engine';
import { mergeRuleConfig, securityOverrides } from '../../src/vscode/rule-config';
import { getEngine } from '../helpers/engine';

const FILE = 'service/pyproject.toml';

describe('config: [tool.pymodern.security]', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const parse = (text: string) => parsePyproject(text, FILE, catalogOf(engine.rules));

  function errorOf(text: string): { key: string; message: string } {
    try {
      parse(text);
    } catch (error) {
      assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
      return { key: error.key, message: error.message };
    }
    assert.fail('no error');
  }

  it('reads request-timeout, integer or float', () => {
    assert.deepEqual(parse('[tool.pymodern.security]\nrequest-timeout = 30\n').security, { requestTimeout: 30 });
    assert.deepEqual(parse('[tool.pymodern.security]\nrequest-timeout = 2.5\n').security, { requestTimeout: 2.5 });
    assert.deepEqual(parse('[tool.pymodern]\nsecurity = {}\n').security, {});
  });

  it('rejects a bad request-timeout, naming the key', () => {
    for (const [value, shown] of [['"10"', '"10"'], ['0', '0'], ['-5', '-5'], ['true', 'true']]) {
      assert.deepEqual(errorOf(`[tool.pymodern.security]\nrequest-timeout = ${value}\n`), {
        key: 'tool.pymodern.security.request-timeout',
        message: `${FILE}: tool.pymodern.security.request-timeout: expected a number of seconds greater than 0, got ${shown}`,
      });
    }
  });

  it('rejects an unknown key and a security value that is not a table', () => {
    assert.deepEqual(errorOf('[tool.pymodern.security]\ntimeout = 10\n'), {
      key: 'tool.pymodern.security.timeout',
      message: `${FILE}: tool.pymodern.security.timeout: unknown setting (known: request-timeout)`,
    });
    assert.equal(errorOf('[tool.pymodern]\nsecurity = 10\n').key, 'tool.pymodern.security');
  });

  it('merges the VS Code setting over pyproject.toml, warning about bad keys', () => {
    const warnings: string[] = [];
    const overrides = securityOverrides({ 'request-timeout': 'soon', other: 1 }, (m) => warnings.push(m));
    assert.equal(overrides, undefined);
    assert.deepEqual(warnings, [
      'pymodern.security.request-timeout: expected a number of seconds greater than 0, got "soon" (ignored)',
      'pymodern.security.other: unknown setting (known: request-timeout) (ignored)',
    ]);
    const security = securityOverrides({ 'request-timeout': 5 }, () => assert.fail('no warning expected'));
    assert.deepEqual(mergeRuleConfig({ security: { requestTimeout: 30 } }, { security }).security, { requestTimeout: 5 });
    assert.deepEqual(mergeRuleConfig({ security: { requestTimeout: 30 } }, {}).security, { requestTimeout: 30 });
  });

  it('has the VS Code setting speak the same keys, with the same default', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, { properties: Record<string, { default: unknown }> }> } } };
    const setting = manifest.contributes.configuration.properties['pymodern.security'];
    assert.deepEqual(Object.keys(setting.properties), [...SECURITY_SETTINGS]);
    assert.equal(setting.properties['request-timeout'].default, 10);
  });

  it('gives the fix its timeout: the setting, else 10 seconds', () => {
    const code = 'import requests\n\nrequests.get(url)\n';
    const options = { unsafe: true, rules: new Set(['http-call-without-timeout']) };
    assert.equal(engine.fixAll(code, { select: ['http-call-without-timeout'] }, options).text, 'import requests\n\nrequests.get(url, timeout=10)\n');
    const configured = { select: ['http-call-without-timeout'], security: { requestTimeout: 2.5 } };
    assert.equal(engine.fixAll(code, configured, options).text, 'import requests\n\nrequests.get(url, timeout=2.5)\n');
  });
});
