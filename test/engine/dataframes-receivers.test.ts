// Receivers whose pandas origin is proven by more than a local assignment
// (src/engine/families/dataframes/pandas-bindings.ts): instance attributes a class assigns,
// parameters every call passes a frame for, names bound to None before a frame, and defs that
// return a frame on every path — and the look-alikes that must stay unknown.
import assert from 'node:assert/strict';
import { pandasKind, type PandasKind } from '../../src/engine/families/dataframes/pandas';
import { nodeSpanning, useFacts } from '../helpers/facts';

describe('dataframes: receivers from classes, call sites, None and returns', () => {
  const snippets = useFacts();

  /** The kind of the last expression spelled `needle` in `text`. */
  function lastKind(text: string, needle: string): PandasKind | undefined {
    const { tree, facts } = snippets.parse(text);
    const offset = text.lastIndexOf(needle);
    assert.ok(offset >= 0, `"${needle}" not in the text`);
    return pandasKind(nodeSpanning(tree, offset, needle.length, needle), facts);
  }

  const PD = 'import pandas as pd\n';
  const CLASS = `${PD}class Model:\n    def __init__(self, path):\n`;

  describe('provably pandas', () => {
    const cases: [string, string, string, PandasKind][] = [
      ['attribute set in __init__', `${CLASS}        self.data = pd.read_csv(path)\n    def run(self):\n        return self.data\n`, 'self.data', 'frame'],
      ['attribute from a column of a frame', `${CLASS}        df = pd.read_csv(path)\n        self._close = df["close"]\n    def run(self):\n        return self._close\n`, 'self._close', 'series'],
      ['attribute None in __init__, a frame later', `${CLASS}        self.df = None\n    def load(self):\n        self.df = pd.read_parquet("a")\n    def run(self):\n        return self.df\n`, 'self.df', 'frame'],
      ['attribute from an annotated parameter', `${PD}class M:\n    def __init__(self, frame: pd.DataFrame):\n        self.frame = frame\n    def run(self):\n        self.frame\n`, 'self.frame', 'frame'],
      ['dataclass-style field annotation', `${PD}class M:\n    frame: pd.DataFrame\n    def run(self):\n        self.frame\n`, 'self.frame', 'frame'],
      ['self method returning a frame', `${PD}class M:\n    def load(self):\n        return pd.read_csv("a")\n    def run(self):\n        self.load()\n`, 'self.load()', 'frame'],
      ['parameter Optional annotation', `${PD}from typing import Optional\ndef f(df: Optional[pd.DataFrame] = None):\n    df\n`, 'df', 'frame'],
      ['parameter union with None', `${PD}def f(df: pd.DataFrame | None):\n    df\n`, 'df', 'frame'],
      ['parameter string annotation', `${PD}def f(df: "pd.DataFrame"):\n    df\n`, 'df', 'frame'],
      ['parameter with a frame default', `${PD}def f(df=pd.DataFrame()):\n    df\n`, 'df', 'frame'],
      ['private function called only with frames', `${PD}def _clean(frame, n):\n    frame\nraw = pd.read_csv("a")\n_clean(raw, 1)\n_clean(raw.dropna(), n=2)\n`, 'frame', 'frame'],
      ['keyword argument at the call', `${PD}_clean(1, table=pd.read_csv("a"))\ndef _clean(n, table=None):\n    table\n`, 'table', 'frame'],
      ['nested function called with frames', `${PD}def outer():\n    def inner(x):\n        x\n    inner(pd.read_csv("a"))\n`, 'x', 'frame'],
      ['None, then a frame', `${PD}df = None\ndf = pd.read_csv("a")\ndf\n`, 'df', 'frame'],
      ['None, or a frame in a branch', `${PD}df = None\nif c:\n    df = pd.read_csv("a")\ndf\n`, 'df', 'frame'],
      ['function returning a frame on every path', `${PD}def load(p):\n    if p:\n        return pd.read_csv(p)\n    return pd.DataFrame()\ndf = load("a")\ndf\n`, 'df', 'frame'],
      ['function returning a frame or None', `${PD}def load(p):\n    if not p:\n        return None\n    return pd.read_csv(p)\nload("a")\n`, 'load("a")', 'frame'],
      ['a list, then a frame that replaces it', `${PD}df = []\ndf = pd.concat([pd.read_csv("a")])\ndf\n`, 'df', 'frame'],
      ['unknown, then a frame in the same block', `${PD}def f(rows):\n    rows = pd.DataFrame(rows)\n    if c:\n        rows\n`, 'rows', 'frame'],
      ['the first table of read_html', `${PD}df = pd.read_html(page)[0]\ndf\n`, 'df', 'frame'],
      ['isinstance narrowing', `${PD}def f(data):\n    if isinstance(data, pd.DataFrame):\n        data = data.values\n`, 'data', 'frame'],
      ['isinstance narrowing with and', `${PD}def f(data, n):\n    if n and isinstance(data, pd.Series):\n        return data\n`, 'data', 'series'],
      ['isinstance narrowing to a tuple', `${PD}def f(data):\n    if isinstance(data, (pd.DataFrame, pd.Series)):\n        return data\n`, 'data', 'data'],
      ['isinstance narrowing in elif', `${PD}def f(data):\n    if data is None:\n        pass\n    elif isinstance(data, pd.DataFrame):\n        return data\n`, 'data', 'frame'],
      ['a PySpark frame brought to pandas', `${PD}from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\nlocal = spark.createDataFrame(rows).toPandas()\nlocal\n`, 'local', 'frame'],
      ['method-chain result', `${PD}df = pd.read_csv("a")\nt = df.copy().reset_index().merge(df, on="k").query("a > 1")\nt\n`, 't', 'frame'],
    ];
    for (const [title, text, needle, kind] of cases) {
      it(`${title}: ${kind}`, () => assert.equal(lastKind(text, needle), kind));
    }
  });

  describe('not provably pandas', () => {
    const cases: [string, string, string][] = [
      ['attribute also set to a dict', `${CLASS}        self.data = pd.read_csv(path)\n    def reset(self):\n        self.data = {}\n    def run(self):\n        return self.data\n`, 'self.data'],
      ['attribute unpacked', `${CLASS}        self.data, self.meta = load(path)\n    def run(self):\n        return self.data\n`, 'self.data'],
      ['attribute augmented', `${CLASS}        self.data = pd.read_csv(path)\n        self.data += 1\n    def run(self):\n        return self.data\n`, 'self.data'],
      ['attribute written from outside', `${CLASS}        self.data = pd.read_csv(path)\n    def run(self):\n        return self.data\nm = Model("a")\nm.data = [1]\n`, 'self.data'],
      ['attribute shadowed by a property', `${PD}class M:\n    def __init__(self):\n        self.data = pd.DataFrame()\n    @property\n    def data(self):\n        return 1\n    def run(self):\n        self.data\n`, 'self.data'],
      ['attribute only None', `${CLASS}        self.data = None\n    def run(self):\n        return self.data\n`, 'self.data'],
      ['attribute from a polars reader', `${PD}import polars as pl\nclass M:\n    def __init__(self):\n        self.data = pl.read_csv("a")\n    def run(self):\n        self.data\n`, 'self.data'],
      ['subclass assigns something else', `${CLASS}        self.data = pd.read_csv(path)\n    def run(self):\n        return self.data\nclass Other(Model):\n    def __init__(self):\n        self.data = []\n`, 'self.data'],
      ['grandchild assigns something else', `${CLASS}        self.data = pd.read_csv(path)\n    def run(self):\n        return self.data\nclass Mid(Model):\n    pass\nclass Leaf(Mid):\n    def setup(self):\n        self.data = []\n`, 'self.data'],
      ['base assigns something else', `${PD}class Base:\n    def setup(self):\n        self.data = []\nclass Model(Base):\n    def __init__(self):\n        self.data = pd.DataFrame()\n    def run(self):\n        return self.data\n`, 'self.data'],
      ['setattr in the class', `${CLASS}        self.data = pd.read_csv(path)\n        setattr(self, "data", path)\n    def run(self):\n        return self.data\n`, 'self.data'],
      ['staticmethod first parameter', `${PD}class M:\n    def __init__(self):\n        self.data = pd.DataFrame()\n    @staticmethod\n    def run(self):\n        self.data\n`, 'self.data'],
      ['public function parameter', `${PD}def clean(frame):\n    frame\nclean(pd.read_csv("a"))\n`, 'frame'],
      ['private function handed out', `${PD}def _clean(frame):\n    frame\n_clean(pd.read_csv("a"))\nmapper = _clean\n`, 'frame'],
      ['private function called with a list too', `${PD}def _clean(frame):\n    frame\n_clean(pd.read_csv("a"))\n_clean([1, 2])\n`, 'frame'],
      ['private function called with splat', `${PD}def _clean(frame):\n    frame\n_clean(*many)\n`, 'frame'],
      ['private function never called', `${PD}def _clean(frame):\n    frame\n`, 'frame'],
      ['decorated private function', `${PD}@register\ndef _clean(frame):\n    frame\n_clean(pd.read_csv("a"))\n`, 'frame'],
      ['a frame, then a dict in a branch', `${PD}df = pd.read_csv("a")\nif c:\n    df = {}\ndf\n`, 'df'],
      ['a frame in a branch, unknown before', `${PD}def f(df):\n    if c:\n        df = pd.read_csv("a")\n    df\n`, 'df'],
      ['a frame, then unknown', `${PD}df = pd.read_csv("a")\ndf = load(df)\ndf\n`, 'df'],
      ['read_html list itself', `${PD}tables = pd.read_html(page)\ntables\n`, 'tables'],
      ['isinstance else branch', `${PD}def f(data):\n    if isinstance(data, pd.DataFrame):\n        pass\n    else:\n        return data\n`, 'data'],
      ['isinstance, then rebound in the body', `${PD}def f(data):\n    if isinstance(data, pd.DataFrame):\n        data = data.to_dict()\n        return data\n`, 'data'],
      ['isinstance of numpy, even after a frame', `${PD}import numpy as np\ndata = pd.DataFrame()\nif isinstance(data, np.ndarray):\n    data\n`, 'data'],
      ['isinstance of a geopandas frame', `${PD}import geopandas as gpd\ndef f(data):\n    if isinstance(data, gpd.GeoDataFrame):\n        return data\n`, 'data'],
      ['isinstance in a closure', `${PD}def f(data):\n    if isinstance(data, pd.DataFrame):\n        return lambda: data\n`, 'data'],
      ['only None', `${PD}df = None\ndf\n`, 'df'],
      ['None, then a dict', `${PD}df = None\ndf = {}\ndf\n`, 'df'],
      ['function returning a dict on one path', `${PD}def load(p):\n    if p:\n        return pd.read_csv(p)\n    return {}\nload("a")\n`, 'load("a")'],
      ['generator of frames', `${PD}def load(p):\n    yield pd.read_csv(p)\n    return pd.DataFrame()\nload("a")\n`, 'load("a")'],
      ['async function', `${PD}async def load(p):\n    return pd.read_csv(p)\nload("a")\n`, 'load("a")'],
      ['decorated function', `${PD}@task\ndef load(p):\n    return pd.read_csv(p)\nload("a")\n`, 'load("a")'],
      ['dask reader', `${PD}import dask.dataframe as dd\ndf = dd.read_csv("a")\ndf\n`, 'df'],
      ['modin reader', 'import pandas\nimport modin.pandas as mpd\ndf = mpd.read_csv("a")\ndf\n', 'df'],
      ['geopandas reader', `${PD}import geopandas as gpd\ndf = gpd.read_file("a")\ndf\n`, 'df'],
      ['toPandas without PySpark', `${PD}local = client.toPandas()\nlocal\n`, 'local'],
      ['spark frame', `${PD}df = spark.createDataFrame(rows)\ndf\n`, 'df'],
    ];
    for (const [title, text, needle] of cases) {
      it(title, () => assert.equal(lastKind(text, needle), undefined));
    }
  });
});
