// Rule tables of the security family's code-execution rules (eval-exec-of-untrusted,
// unsafe-deserialization, yaml-unsafe-load, jinja2-autoescape-disabled, markup-of-untrusted):
// valid / invalid snippets with exact 1-based positions and messages (conventions in
// ../rule-tester.ts), then the unsafe fix texts and the one peer code of each finding.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { peerTool } from '../../../src/engine/peers';
import { getEngine } from '../../helpers/engine';
import { expectedError, type PeerCase, peerCases, ruleTester } from '../rule-tester';

const error = expectedError;

const EVAL = 'eval-exec-of-untrusted';
const PICKLE = 'unsafe-deserialization';
const YAML = 'yaml-unsafe-load';
const JINJA = 'jinja2-autoescape-disabled';
const MARKUP = 'markup-of-untrusted';

const runs = (callee: string, source: string) => `\`${callee}()\` runs \`${source}\` as Python code`;
const unpickles = (callee: string) => `\`${callee}()\` deserializes with pickle-style loading, which runs code named by the data`;
const noLoader = (callee: string) => `\`${callee}()\` has no safe Loader`;
const unsafeLoader = (callee: string, loader: string) => `\`${callee}()\` uses \`${loader}\`, which can construct Python objects`;
const noEscape = (callee: string, problem: string) => `\`${callee}()\` ${problem}: values rendered into HTML are not escaped`;
const OFF = 'leaves autoescape off (the default)';
const marks = (callee: string, build: string) => `\`${callee}()\` marks text built by ${build} as safe HTML`;

ruleTester(EVAL, {
  valid: [
    'eval("1 + 2")\n',
    'exec("import sys")\n',
    'import ast\n\ndef f(s):\n    return ast.literal_eval(s)\n',
    'def f(node, eval):\n    return eval(node)\n',
    'class E:\n    def eval(self, x):\n        return x\n\n    def run(self, x):\n        return self.eval(x)\n',
    'def exec(job):\n    return job()\n\nexec(task)\n',
    'eval(("1" "+ 2"))\n',
    // The repr round trip of the program's own object.
    'assert eval(repr(point)) == point\n',
  ],
  invalid: [
    { code: 'eval(x)\n', errors: [error(EVAL, 1, 1, 1, 8, runs('eval', 'x'))], output: null },
    { code: 'def f(req):\n    return eval(req.args["q"])\n', errors: [error(EVAL, 2, 12, 2, 31, runs('eval', 'req.args["q"]'))], output: null },
    { code: 'exec(source, namespace)\n', errors: [error(EVAL, 1, 1, 1, 24, runs('exec', 'source'))], output: null },
    { code: 'exec(f"run_{name}()")\n', errors: [error(EVAL, 1, 1, 1, 22, runs('exec', 'f"run_{name}()"'))], output: null },
    { code: 'import builtins\n\nbuiltins.eval(text)\n', errors: [error(EVAL, 3, 1, 3, 20, runs('builtins.eval', 'text'))], output: null },
    { code: 'eval(compile(tree, "<x>", "eval"))\n', errors: [error(EVAL, 1, 1, 1, 35, runs('eval', 'compile(tree, "<x>", "eval")'))], output: null },
    { code: 'exec(open(path).read())\n', errors: [error(EVAL, 1, 1, 1, 24, runs('exec', 'open(path).read()'))], output: null },
  ],
});

ruleTester(PICKLE, {
  valid: [
    'import pickle\n\npickle.dumps(obj)\n',
    'import pickle\n\npickle.loads(b"\\x80\\x04K\\x01.")\n',
    'import json\n\njson.loads(blob)\n',
    'class S:\n    def load(self, k):\n        return k\n\n    def get(self, k):\n        return self.load(k)\n',
    'import numpy as np\n\nnp.load(path)\n',
    'import json\n\ndef f(blob):\n    loads = json.loads\n    return loads(blob)\n',
    // A picklability test or deep copy of the program's own object.
    'import pickle\n\npickle.loads(pickle.dumps(obj))\n',
    'import pickle\n\ndef test_roundtrip(model):\n    blob = pickle.dumps(model)\n    assert pickle.loads(blob) == model\n',
  ],
  invalid: [
    // At module level the name may be rebound from elsewhere: reported.
    {
      code: 'import pickle\n\npick = pickle.dumps({"a": "b"})\nprint(pickle.loads(pick))\n',
      errors: [error(PICKLE, 4, 7, 4, 25, unpickles('pickle.loads'))],
      output: null,
    },
    {
      code: 'import pickle\n\ndef f(blob, cache):\n    if blob is None:\n        blob = cache.get("k")\n    return pickle.loads(blob)\n',
      errors: [error(PICKLE, 6, 12, 6, 30, unpickles('pickle.loads'))],
      output: null,
    },
    { code: 'import pickle\n\npickle.loads(blob)\n', errors: [error(PICKLE, 3, 1, 3, 19, unpickles('pickle.loads'))], output: null },
    { code: 'import pickle as p\n\np.load(fh)\n', errors: [error(PICKLE, 3, 1, 3, 11, unpickles('p.load'))], output: null },
    { code: 'from pickle import loads as l\n\nl(blob)\n', errors: [error(PICKLE, 3, 1, 3, 8, unpickles('l'))], output: null },
    { code: 'import dill\n\ndill.loads(blob)\n', errors: [error(PICKLE, 3, 1, 3, 17, unpickles('dill.loads'))], output: null },
    { code: 'import shelve\n\ndb = shelve.open(path)\n', errors: [error(PICKLE, 3, 6, 3, 23, unpickles('shelve.open'))], output: null },
    { code: 'import marshal\n\nmarshal.loads(data)\n', errors: [error(PICKLE, 3, 1, 3, 20, unpickles('marshal.loads'))], output: null },
    { code: 'import pandas as pd\n\npd.read_pickle("s3://bucket/frame.pkl")\n', errors: [error(PICKLE, 3, 1, 3, 40, unpickles('pd.read_pickle'))], output: null },
    { code: 'import pandas as pd\n\npd.read_pickle(path)\n', errors: [error(PICKLE, 3, 1, 3, 21, unpickles('pd.read_pickle'))], output: null },
    {
      code: 'try:\n    import cPickle as pickle\nexcept ImportError:\n    import pickle\n\npickle.loads(blob)\n',
      errors: [error(PICKLE, 6, 1, 6, 19, unpickles('pickle.loads'))],
      output: null,
    },
    { code: 'import joblib\n\nmodel = joblib.load(path)\n', errors: [error(PICKLE, 3, 9, 3, 26, unpickles('joblib.load'))], output: null },
  ],
});

ruleTester(YAML, {
  valid: [
    'import yaml\n\nyaml.safe_load(f)\n',
    'import yaml\n\nyaml.load(f, Loader=yaml.SafeLoader)\n',
    'from yaml import CSafeLoader\nimport yaml\n\nyaml.load(f, Loader=CSafeLoader)\n',
    'import yaml\n\nyaml.load(f, yaml.CSafeLoader)\n',
    'import yaml\n\nclass L(yaml.SafeLoader):\n    pass\n\nyaml.load(f, Loader=L)\n',
    'import yaml\n\nyaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))\n',
    'import yaml\n\nyaml.load(f, **options)\n',
    'class Config:\n    def load(self, f):\n        return f\n\nConfig().load(f)\n',
  ],
  invalid: [
    { code: 'import yaml\n\nyaml.load(f)\n', errors: [error(YAML, 3, 1, 3, 13, noLoader('yaml.load'))], output: 'import yaml\n\nyaml.safe_load(f)\n' },
    { code: 'import yaml as y\n\ndocs = y.load_all(f)\n', errors: [error(YAML, 3, 8, 3, 21, noLoader('y.load_all'))], output: 'import yaml as y\n\ndocs = y.safe_load_all(f)\n' },
    { code: 'from yaml import load\n\nload(f)\n', errors: [error(YAML, 3, 1, 3, 8, noLoader('load'))], output: 'from yaml import load\nimport yaml\n\nyaml.safe_load(f)\n' },
    { code: 'import yaml\n\nyaml.load(f, Loader=yaml.Loader)\n', errors: [error(YAML, 3, 1, 3, 33, unsafeLoader('yaml.load', 'yaml.Loader'))], output: null },
    { code: 'import yaml\n\nyaml.load(f, yaml.UnsafeLoader)\n', errors: [error(YAML, 3, 1, 3, 32, unsafeLoader('yaml.load', 'yaml.UnsafeLoader'))], output: null },
    { code: 'from yaml import FullLoader, load\n\nload(f, Loader=FullLoader)\n', errors: [error(YAML, 3, 1, 3, 27, unsafeLoader('load', 'FullLoader'))], output: null },
    // A document written in the source still teaches the unsafe call; the fix is safe.
    { code: 'import yaml\n\nyaml.load("{}")\n', errors: [error(YAML, 3, 1, 3, 16, noLoader('yaml.load'))], output: 'import yaml\n\nyaml.safe_load("{}")\n' },
    { code: 'import yaml\n\nyaml.unsafe_load(f)\n', errors: [error(YAML, 3, 1, 3, 20, '`yaml.unsafe_load()` uses a loader that can construct Python objects')], output: null },
  ],
});

ruleTester(JINJA, {
  valid: [
    'import jinja2\n\njinja2.Environment(autoescape=True)\n',
    'import jinja2\n\nESCAPE = False\nif DEBUG:\n    ESCAPE = settings.ESCAPE\nenv = jinja2.Environment(autoescape=ESCAPE)\n',
    'from jinja2 import Environment, select_autoescape\n\nEnvironment(autoescape=select_autoescape())\n',
    'import jinja2\n\ndef f(settings):\n    return jinja2.Environment(autoescape=settings.ESCAPE)\n',
    'import jinja2\n\ndef f(**options):\n    return jinja2.Environment(**options)\n',
    'from jinja2.nativetypes import NativeEnvironment\n\nNativeEnvironment()\n',
    // A text template written in the source: no HTML to escape.
    'from jinja2 import Template\n\nTABLE = Template("Settings:\\n{% for s in settings %}{{ s.name }}: {{ s.value }}\\n{% endfor %}")\n',
    'class Environment:\n    pass\n\nEnvironment()\n',
  ],
  invalid: [
    {
      code: 'import jinja2\n\nenv = jinja2.Environment()\n',
      errors: [error(JINJA, 3, 7, 3, 27, noEscape('jinja2.Environment', OFF))],
      output: null,
    },
    {
      code: 'from jinja2 import Environment\n\nenv = Environment(autoescape=False)\n',
      errors: [error(JINJA, 3, 7, 3, 36, noEscape('Environment', 'sets `autoescape=False`'))],
      output: null,
    },
    {
      code: 'import jinja2 as j\n\nj.Template(source)\n',
      errors: [error(JINJA, 3, 1, 3, 19, noEscape('j.Template', OFF))],
      output: null,
    },
    {
      code: 'from jinja2 import Environment, FileSystemLoader\n\nenv = Environment(\n    loader=FileSystemLoader("t"),\n)\n',
      errors: [error(JINJA, 3, 7, 5, 2, noEscape('Environment', OFF))],
      output: null,
    },
    {
      code: 'from jinja2 import Template\n\nTemplate("<p>{{ x }}</p>", autoescape=False)\n',
      errors: [error(JINJA, 3, 1, 3, 45, noEscape('Template', 'sets `autoescape=False`'))],
      output: null,
    },
    {
      code: 'import jinja2\n\nESCAPE = ""\nenv = jinja2.Environment(autoescape=ESCAPE)\n',
      errors: [error(JINJA, 4, 7, 4, 44, noEscape('jinja2.Environment', 'sets `autoescape=ESCAPE`'))],
      output: null,
    },
    {
      code: 'import jinja2\n\njinja2.environment.Environment(trim_blocks=True)\n',
      errors: [error(JINJA, 3, 1, 3, 49, noEscape('jinja2.environment.Environment', OFF))],
      output: null,
    },
  ],
});

ruleTester(MARKUP, {
  valid: [
    'from markupsafe import Markup\n\nMarkup("<b>")\n',
    'from markupsafe import Markup\n\nMarkup.escape(x)\n',
    'from markupsafe import Markup\n\nMarkup("<b>%s</b>") % x\n',
    'from markupsafe import Markup\n\nMarkup("<b>{}</b>").format(x)\n',
    'from markupsafe import Markup, escape\n\nMarkup(escape(a) + "<br>")\n',
    'from flask import render_template\nfrom markupsafe import Markup\n\nMarkup(render_template("w.html"))\n',
    'class Markup:\n    pass\n\nMarkup(f"<b>{x}</b>")\n',
    'from markupsafe import Markup\n\nMarkup(html)\n',
    'from markupsafe import Markup\n\nMarkup(object="safe")\n',
    'from markupsafe import Markup, escape\n\nMarkup(f\'<meta content="{escape(token)}">\')\n',
    'import html\nfrom markupsafe import Markup\n\nMarkup("<b>%s</b>" % html.escape(name))\n',
  ],
  invalid: [
    {
      code: 'from markupsafe import Markup\n\nMarkup(f"<b>{name}</b>")\n',
      errors: [error(MARKUP, 3, 1, 3, 25, marks('Markup', 'an f-string'))],
      output: null,
    },
    {
      code: 'from flask import Markup\n\nMarkup("<b>%s</b>" % name)\n',
      errors: [error(MARKUP, 3, 1, 3, 27, marks('Markup', '`%` formatting'))],
      output: null,
    },
    {
      code: 'import markupsafe\n\nmarkupsafe.Markup("<a>{}</a>".format(label))\n',
      errors: [error(MARKUP, 3, 1, 3, 45, marks('markupsafe.Markup', '`str.format()`'))],
      output: null,
    },
    {
      code: 'from markupsafe import Markup\n\nMarkup("<h1>" + title + "</h1>")\n',
      errors: [error(MARKUP, 3, 1, 3, 33, marks('Markup', 'concatenation'))],
      output: null,
    },
    {
      code: 'from markupsafe import Markup\n\nMarkup(object="<b>{}</b>".format(name))\n',
      errors: [error(MARKUP, 3, 1, 3, 40, marks('Markup', '`str.format()`'))],
      output: null,
    },
    {
      code: 'from markupsafe import Markup as M\n\nx = M(f"{a}{b}")\n',
      errors: [error(MARKUP, 3, 5, 3, 17, marks('M', 'an f-string'))],
      output: null,
    },
    {
      code: 'from markupsafe import Markup\n\nMarkup(f"<i>{x=}</i>")\n',
      errors: [error(MARKUP, 3, 1, 3, 23, marks('Markup', 'an f-string'))],
      output: null,
    },
  ],
});

describe('code-execution rules: unsafe fixes', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const cases: { rule: string; code: string; output: string }[] = [
    { rule: EVAL, code: 'eval(x)\n', output: 'import ast\nast.literal_eval(x)\n' },
    { rule: EVAL, code: 'import ast as a\n\neval(text)\n', output: 'import ast as a\n\na.literal_eval(text)\n' },
    { rule: EVAL, code: 'eval(f"{x} + 1")\n', output: 'eval(f"{x} + 1")\n' },
    { rule: EVAL, code: 'exec(code)\n', output: 'exec(code)\n' },
    { rule: JINJA, code: 'import jinja2\n\njinja2.Environment()\n', output: 'import jinja2\n\njinja2.Environment(autoescape=jinja2.select_autoescape())\n' },
    {
      rule: JINJA,
      code: 'from jinja2 import Environment, select_autoescape as sa\n\nEnvironment(autoescape=False)\n',
      output: 'from jinja2 import Environment, select_autoescape as sa\n\nEnvironment(autoescape=sa())\n',
    },
    {
      rule: JINJA,
      code: 'from jinja2 import Environment\n\nEnvironment(\n    trim_blocks=True,\n)\n',
      output: 'from jinja2 import Environment\nimport jinja2\n\nEnvironment(\n    trim_blocks=True,\n    autoescape=jinja2.select_autoescape(),\n)\n',
    },
    { rule: MARKUP, code: 'from markupsafe import Markup\n\nMarkup(f"<b>{name!r:>8}</b> {{x}}")\n', output: 'from markupsafe import Markup\n\nMarkup("<b>{!r:>8}</b> {{x}}").format(name)\n' },
    { rule: MARKUP, code: 'from markupsafe import Markup\n\nMarkup("<b>%s</b>" % n).striptags()\n', output: 'from markupsafe import Markup\n\n(Markup("<b>%s</b>") % n).striptags()\n' },
    { rule: MARKUP, code: 'from markupsafe import Markup\n\nMarkup(f"<i>{x=}</i>")\n', output: 'from markupsafe import Markup\n\nMarkup(f"<i>{x=}</i>")\n' },
    { rule: MARKUP, code: 'from markupsafe import Markup\n\nMarkup(f"<i>{x = :>4}</i>")\n', output: 'from markupsafe import Markup\n\nMarkup(f"<i>{x = :>4}</i>")\n' },
    { rule: MARKUP, code: 'from markupsafe import Markup\n\nMarkup(rf"<i>{a == b}</i>\\n")\n', output: 'from markupsafe import Markup\n\nMarkup(r"<i>{}</i>\\n").format(a == b)\n' },
    { rule: MARKUP, code: 'from markupsafe import Markup\n\nMarkup("<h1>" + t)\n', output: 'from markupsafe import Markup\n\nMarkup("<h1>" + t)\n' },
  ];
  for (const { rule, code, output } of cases) {
    it(`${rule}: ${code.trim().split('\n').pop()}`, () => {
      const fixed = engine.fixAll(code, { select: [rule] }, { unsafe: true, rules: new Set([rule]) }).text;
      assert.equal(fixed, output);
      assert.equal(engine.fixAll(fixed, { select: [rule] }, { unsafe: true, rules: new Set([rule]) }).text, fixed, 'a second pass changed the text');
    });
  }
});

describe('code-execution rules: one peer code per finding', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const cases: PeerCase[] = [
    { rule: EVAL, code: 'eval(a)\nexec(b)\n', peers: ['S307', 'S102'] },
    { rule: PICKLE, code: 'import pickle, marshal, joblib\n\npickle.load(f)\nmarshal.load(f)\njoblib.load(f)\n', peers: ['S301', 'S302', null] },
    { rule: YAML, code: 'import yaml\n\nyaml.load(f)\n', peers: ['S506'] },
    { rule: JINJA, code: 'import jinja2\n\njinja2.Environment()\n', peers: ['S701'] },
    { rule: MARKUP, code: 'from markupsafe import Markup\n\nMarkup(f"{x}")\n', peers: ['S704'] },
  ];
  peerCases(() => engine, cases);

  it('names Bandit as the tool of B307, B102, B301, B302, B506, B701 and B704', () => {
    for (const code of ['B307', 'B102', 'B301', 'B302', 'B506', 'B701', 'B704']) assert.equal(peerTool(code), 'Bandit');
  });
});
