// The receiver typing of the dataframes family (src/engine/families/dataframes/pandas.ts): which expressions are
// provably a pandas module, DataFrame, Series, Index or GroupBy — and, as important, which
// are not (polars, xarray, unknown parameters, loop variables, rebound names).
import assert from 'node:assert/strict';
import { pandasKind, type PandasKind } from '../../src/engine/families/dataframes/pandas';
import { nodeSpanning, useFacts } from '../helpers/facts';

describe('dataframes: pandas receiver typing', () => {
  const snippets = useFacts();

  /** The kind of the `occurrence`-th expression spelled `needle` in `text`. */
  function kindOf(text: string, needle: string, occurrence = 0): PandasKind | undefined {
    const { tree, facts } = snippets.parse(text);
    // A bare name is searched as a whole word (`s` is not the `s` of `pandas`).
    const pattern = new RegExp(/^\w+$/.test(needle) ? `\\b${needle}\\b` : needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
    const offsets = [...text.matchAll(pattern)].map((m) => m.index!);
    assert.ok(occurrence < offsets.length, `"${needle}" #${occurrence} not in the text`);
    const offset = offsets[occurrence];
    return pandasKind(nodeSpanning(tree, offset, needle.length, needle), facts);
  }

  const PD = 'import pandas as pd\n';

  describe('provably pandas', () => {
    const cases: [string, string, PandasKind, number?][] = [
      [`${PD}x = pd\n`, 'pd', 'module', 1],
      ['import pandas\nx = pandas\n', 'pandas', 'module', 1],
      [`${PD}df = pd.read_csv("a.csv")\ndf\n`, 'df', 'frame', 1],
      [`${PD}df = pd.DataFrame({"a": [1]})\ndf\n`, 'df', 'frame', 1],
      [`${PD}s = pd.Series([1])\ns\n`, 's', 'series', 1],
      ['from pandas import read_parquet as rp\ndf = rp("a")\ndf\n', 'df', 'frame', 1],
      ['from pandas import DataFrame\ndf = DataFrame()\ndf\n', 'df', 'frame', 1],
      [`${PD}df = pd.read_csv("a.csv")\ndf["a"]\n`, 'df["a"]', 'series'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.amount\n`, 'df.amount', 'series'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.name\n`, 'df.name', 'series'],
      [`${PD}df = pd.read_csv("a.csv")\ndf[["a", "b"]]\n`, 'df[["a", "b"]]', 'frame'],
      [`${PD}df = pd.read_csv("a.csv")\ndf[df["a"] > 0]\n`, 'df[df["a"] > 0]', 'frame'],
      [`${PD}df = pd.read_csv("a.csv")\ndf[col]\n`, 'df[col]', 'data'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.loc[:, "a"]\n`, 'df.loc[:, "a"]', 'series'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.loc[df.a > 0, ["a", "b"]]\n`, 'df.loc[df.a > 0, ["a", "b"]]', 'frame'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.iloc[0]\n`, 'df.iloc[0]', 'data'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.columns\n`, 'df.columns', 'index'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.dropna().reset_index(drop=True)\n`, 'df.dropna().reset_index(drop=True)', 'frame'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.sum()\n`, 'df.sum()', 'series'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.groupby("k")\n`, 'df.groupby("k")', 'groupby'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.groupby("k")["v"].sum()\n`, 'df.groupby("k")["v"].sum()', 'data'],
      [`${PD}df = pd.read_csv("a.csv")\ndf["a"].str.lower()\n`, 'df["a"].str.lower()', 'data'],
      [`${PD}df = pd.read_csv("a.csv")\ndf["t"].dt.year\n`, 'df["t"].dt.year', 'series'],
      [`${PD}a = pd.DataFrame()\nb = pd.DataFrame()\npd.concat([a, b])\n`, 'pd.concat([a, b])', 'frame'],
      [`${PD}pd.concat(parts)\n`, 'pd.concat(parts)', 'data'],
      [`${PD}def f(df: pd.DataFrame):\n    df\n`, 'df', 'frame', 1],
      [`${PD}def f(df: "pd.DataFrame"):\n    df\n`, 'df', 'frame', 1],
      [`${PD}from typing import Optional\ndef f(s: Optional[pd.Series]):\n    s\n`, 's', 'series', 1],
      [`${PD}def f(df: pd.DataFrame | None):\n    df\n`, 'df', 'frame', 1],
      [`${PD}df: pd.DataFrame = load()\ndf\n`, 'df', 'frame', 1],
      [`${PD}def load() -> pd.DataFrame:\n    ...\ndf = load()\ndf\n`, 'df', 'frame', 1],
      // Chains of rebinding stay typed (and linear: memoised per node).
      [`${PD}df = pd.read_csv("a.csv")\ndf = df.dropna()\ndf = df[df.a > 0]\ndf = df.rename(columns={"a": "b"})\ndf\n`, 'df', 'frame', 4],
      // Branches that agree.
      [`${PD}if c:\n    df = pd.read_csv("a.csv")\nelse:\n    df = pd.read_parquet("a.parquet")\ndf\n`, 'df', 'frame', 2],
      // A frame and a Series joined: one of the two.
      [`${PD}if c:\n    x = pd.DataFrame()\nelse:\n    x = pd.Series()\nx\n`, 'x', 'data', 2],
      // A module-level frame read in a function, bound nowhere else.
      [`${PD}prices = pd.read_csv("p.csv")\ndef f():\n    return prices\n`, 'prices', 'frame', 1],
    ];
    for (const [text, needle, kind, occurrence] of cases) {
      it(`${needle} in ${JSON.stringify(text.slice(PD.length, PD.length + 60))} is ${kind}`, () => {
        assert.equal(kindOf(text, needle, occurrence), kind);
      });
    }
  });

  describe('not provably pandas', () => {
    const cases: [string, string, number?][] = [
      ['df = pd.read_csv("a.csv")\ndf\n', 'df', 1], // pandas not imported
      ['import polars as pl\ndf = pl.read_csv("a.csv")\ndf\n', 'df', 1],
      ['import polars as pd\ndf = pd.read_csv("a.csv")\ndf\n', 'df', 1], // polars under the alias pd
      ['import pandas as pd\nimport xarray as xr\nds = xr.open_dataset("a")\nds["t"]\n', 'ds["t"]'],
      [`${PD}def f(df):\n    df\n`, 'df', 1],
      [`${PD}def f(df: "DataFrame"):\n    df\n`, 'df', 1], // DataFrame is not imported
      [`${PD}for df in frames:\n    df\n`, 'df', 1],
      [`${PD}df, other = load()\ndf\n`, 'df', 1],
      [`${PD}df = pd.read_csv("a.csv")\ndf = df.to_dict()\ndf\n`, 'df', 3],
      [`${PD}if c:\n    df = pd.read_csv("a.csv")\nelse:\n    df = []\ndf\n`, 'df', 2],
      [`${PD}df = pd.read_csv("a.csv", chunksize=100)\ndf\n`, 'df', 1],
      [`${PD}df = pd.read_excel("a.xlsx", sheet_name=None)\ndf\n`, 'df', 1],
      [`${PD}df = pd.read_html("a.html")\ndf\n`, 'df', 1],
      [`${PD}df = pd.read_csv("a.csv")\ndf.values\n`, 'df.values'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.to_numpy()\n`, 'df.to_numpy()'],
      [`${PD}s = pd.Series([1])\ns[0]\n`, 's[0]'],
      [`${PD}s = pd.Series([1])\ns.sum()\n`, 's.sum()'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.dropna(inplace=True)\n`, 'df.dropna(inplace=True)'],
      [`${PD}df = pd.read_csv("a.csv")\ndf.loc[0, "a"]\n`, 'df.loc[0, "a"]'],
      [`${PD}df = pd.read_csv("a.csv")\ndf["a"].str.cat()\n`, 'df["a"].str.cat()'],
      [`${PD}class A:\n    def f(self):\n        self.df\n`, 'self.df'],
      // A module-level name that another scope also binds (a parameter, a `global` rebinding).
      [`${PD}prices = pd.read_csv("p.csv")\ndef f():\n    return prices\ndef g(prices):\n    return prices\n`, 'prices', 1],
      [`${PD}prices = pd.read_csv("p.csv")\ndef f():\n    return prices\ndef reset():\n    global prices\n    prices = None\n`, 'prices', 1],
      // A loop rebinding reaches the use on the next iteration.
      [`${PD}df = pd.read_csv("a.csv")\nfor x in xs:\n    df\n    df = x\n`, 'df', 1],
      [`${PD}def load():\n    ...\ndf = load()\ndf\n`, 'df', 1],
    ];
    for (const [text, needle, occurrence] of cases) {
      it(`${needle} in ${JSON.stringify(text.slice(0, 70))}`, () => {
        assert.equal(kindOf(text, needle, occurrence), undefined);
      });
    }
  });
});
