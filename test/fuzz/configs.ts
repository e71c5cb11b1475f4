// Malformed pyproject.toml texts: the right keys with the wrong shapes, unknown keys, broken
// TOML, huge lists, odd strings. parsePyproject must answer each with a config or a
// ConfigError, never another exception.
import type { Random } from './random';

const KEYS = ['select', 'ignore', 'preview', 'target-version', 'pandas-version', 'exclude', 'severity', 'per-file-ignores', 'per-file-severity', 'typing', 'selct', ''];
const DEPENDENCIES = ['["pandas>=2.1,<3"]', '"pandas>=2.1"', '["pandas"]', '[1, {}]', '["pandas @ x"]', '["pandas>=99999999999999999999.1"]', '["pandas[pyarrow;>="]', '["pandas (>=2"]'];
const POETRY = ['"^2.2"', '"||"', '{ version = 2 }', '[{ version = "^1.5 || ^2" }, 3]', '"~"', '">=2.1 <3 ,"'];
const TYPING_KEYS = ['star-args', 'dummy-args', 'private-functions', 'runtime-evaluated-decorators', 'runtime-evaluated-base-classes', 'nope'];
const VALUES = ['1', '-1', '1.5', 'true', '"ALL"', '""', '"async"', '["async", "typing"]', '[""]', '[1, 2]', '[[]]', '{}', '{ a = 1 }', '"3.11"', '"py399"', '"2.7"', '1979-05-27', '"(a+)+$"', '"^(_+)+$"', '["a.b", "not a name"]', '"\\u0000"', `"${'x'.repeat(5000)}"`];

export function malformedConfig(random: Random): string {
  const lines: string[] = [];
  if (random.chance(0.3)) {
    lines.push('[project]', `requires-python = ${random.pick(['">=3.9"', '"~=3.12"', '"<4"', '3', '">=2.7,!=3.0.*"', '""'])}`);
    if (random.chance(0.5)) lines.push(`dependencies = ${random.pick(DEPENDENCIES)}`);
  }
  if (random.chance(0.2)) lines.push('[tool.poetry.dependencies]', `pandas = ${random.pick(POETRY)}`);
  const shape = random.int(6);
  if (shape === 0) lines.push('[tool]', `pymodern = ${random.pick(VALUES)}`);
  else if (shape === 1) lines.push('[[tool.pymodern]]', `select = ${random.pick(VALUES)}`);
  else {
    lines.push('[tool.pymodern]');
    for (let n = random.int(5); n >= 0; n--) lines.push(`${JSON.stringify(random.pick(KEYS))} = ${random.pick(VALUES)}`);
    if (random.chance(0.4)) {
      lines.push('[tool.pymodern.typing]');
      for (let n = random.int(3); n >= 0; n--) lines.push(`${random.pick(TYPING_KEYS)} = ${random.pick(VALUES)}`);
    }
    if (random.chance(0.3)) lines.push('[tool.pymodern.per-file-ignores]', `${random.pick(['"tests/*"', '""', '"!"', '"[a-"'])} = ${random.pick(VALUES)}`);
    if (random.chance(0.2)) lines.push('[tool.pymodern.per-file-severity]', `${random.pick(['"tests/*"', '""', '"!"'])} = ${random.pick(['{ pandas-read-csv = "hint" }', '{ nope = "hint" }', ...VALUES])}`);
    if (random.chance(0.2)) lines.push('[tool.pymodern.severity]', `${random.pick(['blocking-sleep-in-async', 'nope'])} = ${random.pick(VALUES)}`);
  }
  let text = `${lines.join('\n')}\n`;
  if (random.chance(0.15)) text = text.slice(0, random.int(text.length));
  if (random.chance(0.1)) text = text.replace(']', '');
  return text;
}
