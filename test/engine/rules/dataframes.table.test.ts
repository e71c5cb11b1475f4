// Rule tables of the dataframes family: valid / invalid snippets per rule with exact
// 1-based positions, messages and safe-fix output (see ../rule-tester.ts). A range is
// written as the snippet it covers (`span(code, "df.values")`), so each case shows what
// the finding underlines.
import { ruleTester, type ExpectedError } from '../rule-tester';

/** The 1-based range of the n-th occurrence of `snippet` in `code`. */
function span(code: string, snippet: string, occurrence = 0): Omit<ExpectedError, 'rule' | 'message'> {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = code.indexOf(snippet, start + 1);
    if (start < 0) throw new Error(`"${snippet}" (#${occurrence + 1}) not in the case`);
  }
  const end = start + snippet.length;
  const position = (offset: number) => {
    const before = code.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  const a = position(start);
  const b = position(end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

const error = (rule: string, code: string, snippet: string, message: string, occurrence = 0): ExpectedError => ({ rule, ...span(code, snippet, occurrence), message });
const PD = 'import pandas as pd\n\n';

// ---- pandas-values-attribute ----
const VALUES = 'pandas-values-attribute';
const values = (object: string) => `\`${object}.values\` is ambiguous: \`.to_numpy()\` always returns a NumPy array`;

ruleTester(VALUES, {
  valid: [
    'import polars as pl\n\nframe = pl.read_csv("a.csv")\nm = frame.to_numpy()\nv = frame["a"].to_numpy()\n',
    'import xarray as xr\n\nds = xr.open_dataset("a.nc")\nt = ds["t"].values\n',
    `${PD}settings = {"a": 1}\ntotal = sum(settings.values())\n`,
    `${PD}def f(frame):\n    return frame.values\n`,
    // pandas not imported: `pd` is anything.
    'df = pd.read_csv("a.csv")\nx = df.values\n',
    // A loop variable or a reassignment to something else: not provably pandas.
    `${PD}for df in frames:\n    x = df.values\n`,
    `${PD}df = pd.read_csv("a.csv")\ndf = df.to_dict()\nx = df.values\n`,
    `${PD}df = pd.read_csv("a.csv")\nx = df.to_numpy()\n`,
    `${PD}df = pd.read_csv("a.csv", chunksize=10)\nx = df.values\n`,
    `${PD}df = pd.read_csv("a.csv")\nx = df.values  # noqa: PD011\n`,
    `${PD}import polars as pl\n\ndf = pl.read_csv("a.csv")\nx = df.to_numpy()\n`,
    // A call or a write of `.values` is not pandas' attribute read.
    `${PD}df = pd.read_csv("a.csv")\nx = df.values()\n`,
    `${PD}df = pd.read_csv("a.csv")\ndf.values = [1]\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nx = df.values\n`;
      return { code, errors: [error(VALUES, code, 'df.values', values('df'))], output: `${PD}df = pd.read_csv("a.csv")\nx = df.to_numpy()\n` };
    })(),
    (() => {
      // A Series: unsafe only, so nothing is fixed here.
      const code = `${PD}df = pd.read_csv("a.csv")\ny = df["a"].values\n`;
      return { code, errors: [error(VALUES, code, 'df["a"].values', values('df["a"]'))], output: null };
    })(),
    (() => {
      const code = `${PD}def matrix(frame: pd.DataFrame):\n    return frame.values\n`;
      return { code, errors: [error(VALUES, code, 'frame.values', values('frame'))], output: `${PD}def matrix(frame: pd.DataFrame):\n    return frame.to_numpy()\n` };
    })(),
    (() => {
      const code = 'import pandas\nfrom pandas import DataFrame\n\nframe = DataFrame({"a": [1]})\ncols = frame.columns.values\n';
      return { code, errors: [error(VALUES, code, 'frame.columns.values', values('frame.columns'))], output: null };
    })(),
    (() => {
      const code = `${PD}m = pd.DataFrame({"a": [1]})[["a"]].values.T\n`;
      return { code, errors: [error(VALUES, code, 'pd.DataFrame({"a": [1]})[["a"]].values', values('pd.DataFrame({"a": [1]})[["a"]]'))], output: `${PD}m = pd.DataFrame({"a": [1]})[["a"]].to_numpy().T\n` };
    })(),
    (() => {
      // A module-level frame read in a function of the same script.
      const code = `${PD}prices = pd.read_parquet("p.parquet")\n\ndef last():\n    return prices.values[-1]\n`;
      return { code, errors: [error(VALUES, code, 'prices.values', values('prices'))], output: `${PD}prices = pd.read_parquet("p.parquet")\n\ndef last():\n    return prices.to_numpy()[-1]\n` };
    })(),
    (() => {
      const code = `${PD}s: pd.Series = load()\nv = s.values\n`;
      return { code, errors: [error(VALUES, code, 's.values', values('s'))], output: null };
    })(),
  ],
});

// ---- pandas-isnull-alias ----
const ISNULL = 'pandas-isnull-alias';
const isnullMessage = (method: string, replacement: string) => `\`.${method}()\` is an alias of \`.${replacement}()\`, the name pandas documents`;

ruleTester(ISNULL, {
  valid: [
    `${PD}df = pd.read_csv("a.csv")\nm = df.isna()\n`,
    'import polars as pl\n\nm = pl.col("a").is_null()\n',
    `${PD}class F:\n    def isnull(self):\n        return 1\n\nF().isnull()\n`,
    `${PD}def f(x):\n    return x.isnull()\n`,
    'import sqlalchemy as sa\n\nq = sa.column("a").isnull()\n',
    `${PD}df = pd.read_csv("a.csv")\nm = df.isnull()  # noqa: PD003\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nm = df.isnull().sum()\n`;
      return { code, errors: [error(ISNULL, code, 'isnull', isnullMessage('isnull', 'isna'))], output: `${PD}df = pd.read_csv("a.csv")\nm = df.isna().sum()\n` };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nok = df[df["a"].notnull()]\n`;
      return { code, errors: [error(ISNULL, code, 'notnull', isnullMessage('notnull', 'notna'))], output: `${PD}df = pd.read_csv("a.csv")\nok = df[df["a"].notna()]\n` };
    })(),
    (() => {
      const code = `${PD}flag = pd.isnull(value)\n`;
      return { code, errors: [error(ISNULL, code, 'isnull', isnullMessage('isnull', 'isna'))], output: `${PD}flag = pd.isna(value)\n` };
    })(),
    (() => {
      const code = 'import pandas\n\nflag = pandas.notnull(value)\n';
      return { code, errors: [error(ISNULL, code, 'notnull', isnullMessage('notnull', 'notna'))], output: 'import pandas\n\nflag = pandas.notna(value)\n' };
    })(),
    (() => {
      const code = `${PD}def gaps(frame: pd.DataFrame) -> int:\n    return int(frame.index.isnull().sum())\n`;
      return { code, errors: [error(ISNULL, code, 'isnull', isnullMessage('isnull', 'isna'))], output: `${PD}def gaps(frame: pd.DataFrame) -> int:\n    return int(frame.index.isna().sum())\n` };
    })(),
    (() => {
      const code = `${PD}s = pd.Series([1, None])\nn = s.isnull().sum() + s.notnull().sum()\n`;
      return {
        code,
        errors: [error(ISNULL, code, 'isnull', isnullMessage('isnull', 'isna')), error(ISNULL, code, 'notnull', isnullMessage('notnull', 'notna'))],
        output: `${PD}s = pd.Series([1, None])\nn = s.isna().sum() + s.notna().sum()\n`,
      };
    })(),
  ],
});

// ---- pandas-ix-indexer ----
const IX = 'pandas-ix-indexer';
const ixMessage = (object: string) => `\`${object}.ix\` was removed in pandas 1.0: use \`.loc\` for labels or \`.iloc\` for positions`;

ruleTester(IX, {
  valid: [
    `${PD}df = pd.read_csv("a.csv")\nr = df.loc[0]\n`,
    `${PD}class G:\n    ix = [1]\n\nx = G().ix[0]\n`,
    `${PD}def f(obj):\n    return obj.ix[0]\n`,
    'import polars as pl\n\ndf = pl.read_csv("a.csv")\nr = df.row(0)\n',
    `${PD}df = pd.read_csv("a.csv")\nr = df.iloc[0]\n`,
    `${PD}df = pd.read_csv("a.csv")\nr = df.ix[0]  # noqa: PD007\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nr = df.ix[0]\n`;
      return { code, errors: [error(IX, code, 'df.ix', ixMessage('df'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nc = df.ix[:, "close"]\n`;
      return { code, errors: [error(IX, code, 'df.ix', ixMessage('df'))], output: `${PD}df = pd.read_csv("a.csv")\nc = df.loc[:, "close"]\n` };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nw = df.ix["2016-01":"2016-03", ["a", "b"]]\n`;
      return { code, errors: [error(IX, code, 'df.ix', ixMessage('df'))], output: `${PD}df = pd.read_csv("a.csv")\nw = df.loc["2016-01":"2016-03", ["a", "b"]]\n` };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nup = df.ix[df["close"] > df["open"]]\n`;
      return { code, errors: [error(IX, code, 'df.ix', ixMessage('df'))], output: `${PD}df = pd.read_csv("a.csv")\nup = df.loc[df["close"] > df["open"]]\n` };
    })(),
    (() => {
      const code = `${PD}def cell(frame: pd.DataFrame):\n    return frame["close"].ix[3]\n`;
      return { code, errors: [error(IX, code, 'frame["close"].ix', ixMessage('frame["close"]'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf.ix[df.a < 0, "a"] = 0\n`;
      return { code, errors: [error(IX, code, 'df.ix', ixMessage('df'))], output: `${PD}df = pd.read_csv("a.csv")\ndf.loc[df.a < 0, "a"] = 0\n` };
    })(),
  ],
});

// ---- pandas-inplace ----
const INPLACE = 'pandas-inplace';
const inplaceMessage = (method: string, object: string) => `\`.${method}(inplace=True)\` mutates \`${object}\` and returns None: rebind the result instead`;

ruleTester(INPLACE, {
  valid: [
    `${PD}def f(path):\n    df = pd.read_csv(path)\n    df = df.dropna()\n    return df\n`,
    `${PD}def f(path):\n    df = pd.read_csv(path)\n    return df.dropna(inplace=False)\n`,
    `${PD}def f(obj):\n    obj.dropna(inplace=True)\n`,
    'import polars as pl\n\ndf = pl.read_csv("a.csv")\ndf = df.drop_nulls()\n',
    `${PD}class C:\n    def clear(self, inplace=False):\n        pass\n\nC().clear(inplace=True)\n`,
    // A pandas receiver, but no pandas method of that name takes `inplace=`.
    `${PD}def f(df: pd.DataFrame):\n    df.rotate_z(90, inplace=True)\n`,
    // A column: reported by pandas-chained-assignment instead.
    `${PD}df = pd.read_csv("a.csv")\ndf["a"].fillna(0, inplace=True)\n`,
    `${PD}df = pd.read_csv("a.csv")\ndf.dropna(inplace=True)  # noqa: PD002\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}def clean(path):\n    df = pd.read_csv(path)\n    df.drop(columns=["a"], inplace=True)\n    return df\n`;
      return { code, errors: [error(INPLACE, code, 'df.drop(columns=["a"], inplace=True)', inplaceMessage('drop', 'df'))], output: `${PD}def clean(path):\n    df = pd.read_csv(path)\n    df = df.drop(columns=["a"])\n    return df\n` };
    })(),
    (() => {
      // Module level, several calls, one of them spread over lines.
      const code = `${PD}df = pd.read_csv("a.csv")\ndf.dropna(inplace=True)\ndf.sort_values(\n    "ts",\n    inplace=True,\n)\nprint(len(df))\n`;
      return {
        code,
        errors: [
          error(INPLACE, code, 'df.dropna(inplace=True)', inplaceMessage('dropna', 'df')),
          error(INPLACE, code, 'df.sort_values(\n    "ts",\n    inplace=True,\n)', inplaceMessage('sort_values', 'df')),
        ],
        output: `${PD}df = pd.read_csv("a.csv")\ndf = df.dropna()\ndf = df.sort_values(\n    "ts",\n)\nprint(len(df))\n`,
      };
    })(),
    (() => {
      // A parameter: callers see the mutation, so the rebinding is unsafe.
      const code = `${PD}def normalise(frame: pd.DataFrame) -> None:\n    frame.reset_index(drop=True, inplace=True)\n`;
      return { code, errors: [error(INPLACE, code, 'frame.reset_index(drop=True, inplace=True)', inplaceMessage('reset_index', 'frame'))], output: null };
    })(),
    (() => {
      // Handed to a list before the call: the list still holds the old object.
      const code = `${PD}def f(path):\n    df = pd.read_csv(path)\n    keep = [df]\n    df.fillna(0, inplace=True)\n    return keep\n`;
      return { code, errors: [error(INPLACE, code, 'df.fillna(0, inplace=True)', inplaceMessage('fillna', 'df'))], output: null };
    })(),
    (() => {
      // Stores None: the fix that drops the argument is unsafe.
      const code = `${PD}df = pd.read_csv("a.csv")\ndf = df.dropna(inplace=True)\n`;
      return { code, errors: [error(INPLACE, code, 'df.dropna(inplace=True)', inplaceMessage('dropna', 'df'))], output: null };
    })(),
    (() => {
      // An alias of another name: not a fresh object.
      const code = `${PD}raw = pd.read_csv("a.csv")\ndf = raw\ndf.set_index("id", inplace=True)\n`;
      return { code, errors: [error(INPLACE, code, 'df.set_index("id", inplace=True)', inplaceMessage('set_index', 'df'))], output: null };
    })(),
    (() => {
      // fillna writes into the arrays: a view taken before would see it, so only unsafe.
      const code = `${PD}df = pd.read_csv("a.csv")\ncol = df["a"]\ndf.fillna(0, inplace=True)\n`;
      return { code, errors: [error(INPLACE, code, 'df.fillna(0, inplace=True)', inplaceMessage('fillna', 'df'))], output: null };
    })(),
    (() => {
      // Written to and computed from, never kept: safe.
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["b"] = df["a"] * 2\nprint(df.head())\ndf.fillna(0, inplace=True)\n`;
      return { code, errors: [error(INPLACE, code, 'df.fillna(0, inplace=True)', inplaceMessage('fillna', 'df'))], output: `${PD}df = pd.read_csv("a.csv")\ndf["b"] = df["a"] * 2\nprint(df.head())\ndf = df.fillna(0)\n` };
    })(),
    (() => {
      const code = `${PD}s = pd.Series([3, 1])\ns.sort_values(ascending=False, inplace=True)\n`;
      return { code, errors: [error(INPLACE, code, 's.sort_values(ascending=False, inplace=True)', inplaceMessage('sort_values', 's'))], output: `${PD}s = pd.Series([3, 1])\ns = s.sort_values(ascending=False)\n` };
    })(),
  ],
});

// ---- pandas-chained-assignment ----
const CHAINED = 'pandas-chained-assignment';
const chainedMessage = (target: string, base: string) => `\`${target}\` writes into an intermediate selection: with Copy-on-Write \`${base}\` is not updated`;

ruleTester(CHAINED, {
  valid: [
    `${PD}df = pd.read_csv("a.csv")\ndf.loc[df["a"] > 0, "b"] = 1\n`,
    `${PD}df = pd.read_csv("a.csv")\ndf["b"] = df["a"] * 2\n`,
    'config = {"a": {"b": 1}}\nconfig["a"]["b"] = 2\n',
    'import numpy as np\n\ngrid = np.zeros((2, 2))\ngrid[0][1] = 1\n',
    `${PD}records = pd.Series([{"a": 1}])\nrecords[0]["a"] = 2\n`,
    `${PD}df = pd.read_csv("a.csv")\ndf.attrs["source"] = "x"\n`,
    `${PD}def f(obj):\n    obj["a"][0] = 1\n`,
    `${PD}df = pd.read_csv("a.csv")\ndf.at[0, "a"] = 1\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["a"][df["a"] < 0] = 0\n`;
      return { code, errors: [error(CHAINED, code, 'df["a"][df["a"] < 0]', chainedMessage('df["a"][df["a"] < 0]', 'df'))], output: `${PD}df = pd.read_csv("a.csv")\ndf.loc[df["a"] < 0, "a"] = 0\n` };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["v"][df.v.isna()] += 1\n`;
      return { code, errors: [error(CHAINED, code, 'df["v"][df.v.isna()]', chainedMessage('df["v"][df.v.isna()]', 'df'))], output: `${PD}df = pd.read_csv("a.csv")\ndf.loc[df.v.isna(), "v"] += 1\n` };
    })(),
    (() => {
      // A row selection first never changed df: the fix is unsafe.
      const code = `${PD}df = pd.read_csv("a.csv")\ndf[df["halted"]]["close"] = None\n`;
      return { code, errors: [error(CHAINED, code, 'df[df["halted"]]["close"]', chainedMessage('df[df["halted"]]["close"]', 'df'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["open"].iloc[0] = 100.0\n`;
      return { code, errors: [error(CHAINED, code, 'df["open"].iloc[0]', chainedMessage('df["open"].iloc[0]', 'df'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf.spread[df.spread > 5] = 5\n`;
      return { code, errors: [error(CHAINED, code, 'df.spread[df.spread > 5]', chainedMessage('df.spread[df.spread > 5]', 'df'))], output: `${PD}df = pd.read_csv("a.csv")\ndf.loc[df.spread > 5, "spread"] = 5\n` };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["low"].fillna(0, inplace=True)\n`;
      return { code, errors: [error(CHAINED, code, 'df["low"].fillna(0, inplace=True)', chainedMessage('df["low"].fillna(inplace=True)', 'df'))], output: `${PD}df = pd.read_csv("a.csv")\ndf["low"] = df["low"].fillna(0)\n` };
    })(),
    (() => {
      // A view of the column kept earlier would stop following it: unsafe.
      const code = `${PD}df = pd.read_csv("a.csv")\nlow = df["low"]\ndf["low"].fillna(0, inplace=True)\n`;
      return { code, errors: [error(CHAINED, code, 'df["low"].fillna(0, inplace=True)', chainedMessage('df["low"].fillna(inplace=True)', 'df'))], output: null };
    })(),
    (() => {
      // An integer key may be a position: no fix.
      const code = `${PD}def f(frame: pd.DataFrame):\n    frame["high"][3] = 1.0\n`;
      return { code, errors: [error(CHAINED, code, 'frame["high"][3]', chainedMessage('frame["high"][3]', 'frame'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf.loc["2024-01-02"]["open"] = 1.5\n`;
      return { code, errors: [error(CHAINED, code, 'df.loc["2024-01-02"]["open"]', chainedMessage('df.loc["2024-01-02"]["open"]', 'df'))], output: null };
    })(),
  ],
});

// ---- pandas-dataframe-append ----
const APPEND = 'pandas-dataframe-append';
const appendMessage = (object: string) => `\`${object}.append()\` was removed in pandas 2.0: use \`pd.concat([...])\``;

ruleTester(APPEND, {
  valid: [
    `${PD}rows = []\nrows.append(1)\n`,
    `${PD}idx = pd.Index([1]).append(pd.Index([2]))\n`,
    `${PD}frames = [pd.DataFrame()]\nframes.append(pd.DataFrame())\n`,
    'import polars as pl\n\na = pl.DataFrame({"a": [1]})\nb = a.vstack(a)\n',
    `${PD}def f(x, y):\n    return x.append(y)\n`,
    `${PD}import collections\n\nq = collections.deque()\nq.append(1)\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}a = pd.DataFrame({"x": [1]})\nb = pd.DataFrame({"x": [2]})\nc = a.append(b, ignore_index=True)\n`;
      return { code, errors: [error(APPEND, code, 'a.append(b, ignore_index=True)', appendMessage('a'))], output: `${PD}a = pd.DataFrame({"x": [1]})\nb = pd.DataFrame({"x": [2]})\nc = pd.concat([a, b], ignore_index=True)\n` };
    })(),
    (() => {
      const code = `${PD}s = pd.Series([1.0]).append(pd.Series([2.0]))\n`;
      return { code, errors: [error(APPEND, code, 'pd.Series([1.0]).append(pd.Series([2.0]))', appendMessage('pd.Series([1.0])'))], output: `${PD}s = pd.concat([pd.Series([1.0]), pd.Series([2.0])])\n` };
    })(),
    (() => {
      // A dict row: unsafe (dtypes inferred from one row), not applied here.
      const code = `${PD}a = pd.DataFrame({"x": [1]})\na = a.append({"x": 2}, ignore_index=True)\n`;
      return { code, errors: [error(APPEND, code, 'a.append({"x": 2}, ignore_index=True)', appendMessage('a'))], output: null };
    })(),
    (() => {
      // A Series appended to a frame as a row: no fix.
      const code = `${PD}def add(table: pd.DataFrame, row: pd.Series) -> pd.DataFrame:\n    return table.append(row, ignore_index=True)\n`;
      return { code, errors: [error(APPEND, code, 'table.append(row, ignore_index=True)', appendMessage('table'))], output: null };
    })(),
    (() => {
      const code = `${PD}a = pd.DataFrame({"x": [1]})\nb = a.append([a, a], sort=False)\n`;
      return { code, errors: [error(APPEND, code, 'a.append([a, a], sort=False)', appendMessage('a'))], output: `${PD}a = pd.DataFrame({"x": [1]})\nb = pd.concat([a, a, a], sort=False)\n` };
    })(),
    (() => {
      // `from pandas import DataFrame` only: the fix imports pandas.
      const code = 'from pandas import DataFrame\n\na = DataFrame({"x": [1]})\nb = a.append(DataFrame({"x": [2]}))\n';
      return { code, errors: [error(APPEND, code, 'a.append(DataFrame({"x": [2]}))', appendMessage('a'))], output: 'from pandas import DataFrame\nimport pandas\n\na = DataFrame({"x": [1]})\nb = pandas.concat([a, DataFrame({"x": [2]})])\n' };
    })(),
  ],
});

// ---- pandas-concat-in-loop ----
const GROWTH = 'pandas-concat-in-loop';
const growthMessage = (name: string, what: string) => `\`${name}\` grows by \`${what}\` inside a loop: every iteration copies all rows so far`;

ruleTester(GROWTH, {
  valid: [
    `${PD}frames = []\nfor p in paths:\n    frames.append(pd.read_csv(p))\nall_ = pd.concat(frames)\n`,
    `${PD}out = {}\nfor k in keys:\n    out[k] = pd.concat([a[k], b[k]])\n`,
    `${PD}acc = pd.DataFrame()\nacc = pd.concat([acc, other])\n`,
    'import polars as pl\n\nacc = pl.DataFrame()\nfor p in paths:\n    acc = pl.concat([acc, pl.read_csv(p)])\n',
    `${PD}acc = []\nfor x in xs:\n    acc = acc + [x]\n`,
    `${PD}def f(items):\n    acc = pd.DataFrame()\n    for item in items:\n        def later():\n            return pd.concat([acc, item])\n    return acc\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}acc = pd.DataFrame()\nfor p in paths:\n    acc = pd.concat([acc, pd.read_csv(p)], ignore_index=True)\n`;
      return { code, errors: [error(GROWTH, code, 'pd.concat([acc, pd.read_csv(p)], ignore_index=True)', growthMessage('acc', 'pd.concat()'))], output: null };
    })(),
    (() => {
      const code = `${PD}log = pd.DataFrame(columns=["a"])\nwhile poll():\n    log.loc[len(log)] = [1]\n`;
      return { code, errors: [error(GROWTH, code, 'log.loc[len(log)]', growthMessage('log', '.loc[len(log)] = ...'))], output: null };
    })(),
    (() => {
      const code = `${PD}def f(chunks):\n    res = pd.DataFrame()\n    for c in chunks:\n        res = res.append(c)\n    return res\n`;
      return { code, errors: [error(GROWTH, code, 'res.append(c)', growthMessage('res', '.append()'))], output: null };
    })(),
    (() => {
      const code = 'import pandas\n\nacc = pandas.DataFrame()\nfor p in paths:\n    if p:\n        acc = pandas.concat((piece(p), acc))\n';
      return { code, errors: [error(GROWTH, code, 'pandas.concat((piece(p), acc))', growthMessage('acc', 'pandas.concat()'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.DataFrame({"a": [1]})\nfor i in range(3):\n    df.loc[df.shape[0]] = [i]\n`;
      return { code, errors: [error(GROWTH, code, 'df.loc[df.shape[0]]', growthMessage('df', '.loc[df.shape[0]] = ...'))], output: null };
    })(),
    (() => {
      const code = `${PD}acc = pd.DataFrame()\nfor p in paths:\n    for q in p:\n        acc = pd.concat([acc, q])\n`;
      return { code, errors: [error(GROWTH, code, 'pd.concat([acc, q])', growthMessage('acc', 'pd.concat()'))], output: null };
    })(),
  ],
});

// ---- pandas-iterrows-loop ----
const ITER = 'pandas-iterrows-loop';
const iterMessage = (frame: string, method: string) => `\`${frame}.${method}()\` runs Python code once per row: use column expressions`;

ruleTester(ITER, {
  valid: [
    'import polars as pl\n\ndf = pl.read_csv("a.csv")\nfor row in df.iter_rows(named=True):\n    print(row)\n',
    `${PD}for k, v in settings.items():\n    print(k, v)\n`,
    `${PD}def f(frames):\n    for _, row in frames.iterrows():\n        print(row)\n`,
    `${PD}df = pd.read_csv("a.csv")\nfor name, column in df.items():\n    print(name)\n`,
    `${PD}df = pd.read_csv("a.csv")\nrows = df.iterrows()\n`,
    `${PD}df = pd.read_csv("a.csv")\nfor _, row in df.iterrows():  # pymodern: ignore[pandas-iterrows-loop]\n    print(row)\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ntotal = 0\nfor _, row in df.iterrows():\n    total += row["qty"] * row["price"]\n`;
      return { code, errors: [error(ITER, code, 'df.iterrows()', iterMessage('df', 'iterrows'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nfor row in df.itertuples(index=False):\n    print(row.qty)\n`;
      return { code, errors: [error(ITER, code, 'df.itertuples(index=False)', iterMessage('df', 'itertuples'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nnames = [r["name"] for _, r in df.iterrows()]\n`;
      return { code, errors: [error(ITER, code, 'df.iterrows()', iterMessage('df', 'iterrows'))], output: null };
    })(),
    (() => {
      const code = `${PD}def value(book: pd.DataFrame) -> float:\n    return sum(r.qty for r in book.itertuples())\n`;
      return { code, errors: [error(ITER, code, 'book.itertuples()', iterMessage('book', 'itertuples'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nfor i, r in df[df.a > 0].iterrows():\n    df.at[i, "b"] = r.a * 2\n`;
      return { code, errors: [error(ITER, code, 'df[df.a > 0].iterrows()', iterMessage('df[df.a > 0]', 'iterrows'))], output: null };
    })(),
    (() => {
      const code = `${PD}prices = pd.read_csv("p.csv")\n\ndef moves():\n    n = 0\n    for _, bar in prices.iterrows():\n        if bar["close"] > bar["open"]:\n            n += 1\n    return n\n`;
      return { code, errors: [error(ITER, code, 'prices.iterrows()', iterMessage('prices', 'iterrows'))], output: null };
    })(),
  ],
});

// ---- pandas-row-apply ----
const ROW = 'pandas-row-apply';
const rowMessage = (frame: string) => `\`${frame}.apply(..., axis=1)\` calls Python once per row: write it on whole columns`;

ruleTester(ROW, {
  valid: [
    `${PD}df = pd.read_csv("a.csv")\nm = df.apply(lambda c: c.mean())\n`,
    `${PD}df = pd.read_csv("a.csv")\nm = df.apply(np.mean, axis=0)\n`,
    'import polars as pl\n\ndf = pl.read_csv("a.csv")\nx = df.map_rows(lambda r: (r[0] * 2,))\n',
    `${PD}def f(obj):\n    return obj.apply(lambda r: r["a"], axis=1)\n`,
    `${PD}s = pd.Series([1])\nt = s.apply(lambda x: x + 1)\n`,
    `${PD}class P:\n    def apply(self, f, axis=0):\n        return f\n\nP().apply(len, axis=1)\n`,
  ],
  invalid: [
    (() => {
      // Vectorisable: an unsafe fix, so nothing is applied with safe fixes only.
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["t"] = df.apply(lambda r: r["qty"] * r["price"], axis=1)\n`;
      return { code, errors: [error(ROW, code, 'df.apply(lambda r: r["qty"] * r["price"], axis=1)', rowMessage('df'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["s"] = df.apply(score, axis=1)\n`;
      return { code, errors: [error(ROW, code, 'df.apply(score, axis=1)', rowMessage('df'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["v"] = df.apply(lambda r: r.a > 1 and r.b < 2, axis="columns")\n`;
      return { code, errors: [error(ROW, code, 'df.apply(lambda r: r.a > 1 and r.b < 2, axis="columns")', rowMessage('df'))], output: null };
    })(),
    (() => {
      const code = `${PD}def f(frame: pd.DataFrame):\n    return frame.apply(lambda row: fetch(row["id"]), axis=1)\n`;
      return { code, errors: [error(ROW, code, 'frame.apply(lambda row: fetch(row["id"]), axis=1)', rowMessage('frame'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nx = df[["a", "b"]].apply(lambda r: r.a + r.b, axis=1)\n`;
      return { code, errors: [error(ROW, code, 'df[["a", "b"]].apply(lambda r: r.a + r.b, axis=1)', rowMessage('df[["a", "b"]]'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nx = df.apply(f, 1)\n`;
      return { code, errors: [error(ROW, code, 'df.apply(f, 1)', rowMessage('df'))], output: null };
    })(),
  ],
});

// ---- pandas-series-apply-lambda ----
const ELEMENT = 'pandas-series-apply-lambda';
const elementMessage = (series: string, method: string) => `\`${series}.${method}(...)\` calls Python once per element: the vectorised form does the same on the whole column`;

ruleTester(ELEMENT, {
  valid: [
    `${PD}df = pd.read_csv("a.csv")\nx = df["c"].map({"a": 1})\n`,
    `${PD}df = pd.read_csv("a.csv")\nx = df["c"].apply(lambda s: parse(s))\n`,
    `${PD}df = pd.read_csv("a.csv")\nx = df["c"].apply(lambda s: s.split("@")[1] if "@" in s else None)\n`,
    `${PD}def f(series):\n    return series.apply(lambda x: x * 2)\n`,
    'import polars as pl\n\nx = pl.col("a").map_elements(lambda v: v * 2)\n',
    `${PD}xs = list(map(lambda v: v * 2, [1, 2]))\n`,
    // The element's own identity is no computation.
    `${PD}df = pd.read_csv("a.csv")\nx = df["c"].apply(lambda v: v)\n`,
    // Another Series inside the lambda would align on the index when vectorised.
    `${PD}df = pd.read_csv("a.csv")\nx = df["a"].apply(lambda v: v * df["b"])\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["p"] = df["p"].apply(lambda x: x * 1.2)\n`;
      return { code, errors: [error(ELEMENT, code, 'df["p"].apply(lambda x: x * 1.2)', elementMessage('df["p"]', 'apply'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["e"] = df["e"].map(lambda s: s.strip().lower())\n`;
      return { code, errors: [error(ELEMENT, code, 'df["e"].map(lambda s: s.strip().lower())', elementMessage('df["e"]', 'map'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["n"] = df.name.apply(len)\n`;
      return { code, errors: [error(ELEMENT, code, 'df.name.apply(len)', elementMessage('df.name', 'apply'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["t"] = df["t"].apply(pd.to_datetime)\n`;
      return { code, errors: [error(ELEMENT, code, 'df["t"].apply(pd.to_datetime)', elementMessage('df["t"]', 'apply'))], output: null };
    })(),
    (() => {
      const code = `${PD}s: pd.Series = load()\nflags = s.apply(lambda c: c in ["DE", "FR"])\n`;
      return { code, errors: [error(ELEMENT, code, 's.apply(lambda c: c in ["DE", "FR"])', elementMessage('s', 'apply'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nz = df["zip"].astype(str).map(str.upper)\n`;
      return { code, errors: [error(ELEMENT, code, 'df["zip"].astype(str).map(str.upper)', elementMessage('df["zip"].astype(str)', 'map'))], output: null };
    })(),
  ],
});

// ---- pandas-groupby-apply-lambda ----
const GROUP = 'pandas-groupby-apply-lambda';
const groupMessage = (method: string) => `\`.${method}(lambda ...)\` calls Python once per group for an aggregation pandas and polars have built in`;

ruleTester(GROUP, {
  valid: [
    `${PD}df = pd.read_csv("a.csv")\nx = df.groupby("k")["v"].sum()\n`,
    `${PD}df = pd.read_csv("a.csv")\nx = df.groupby("k").apply(lambda g: g.sort_values("t").head(1))\n`,
    `${PD}df = pd.read_csv("a.csv")\nx = df.groupby("k")["v"].transform(lambda s: s - s.mean())\n`,
    `${PD}df = pd.read_csv("a.csv")\nx = df.rolling(3)["v"].apply(lambda s: s.mean())\n`,
    `${PD}def f(frame):\n    return frame.groupby("k").apply(lambda g: g["v"].sum())\n`,
    'import polars as pl\n\ndf = pl.read_csv("a.csv")\nx = df.group_by("k").agg(pl.col("v").sum())\n',
  ],
  invalid: [
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nx = df.groupby("k").apply(lambda g: g["v"].sum())\n`;
      return { code, errors: [error(GROUP, code, 'df.groupby("k").apply(lambda g: g["v"].sum())', groupMessage('apply'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nx = df.groupby(["a", "b"])["v"].agg(lambda s: s.mean())\n`;
      return { code, errors: [error(GROUP, code, 'df.groupby(["a", "b"])["v"].agg(lambda s: s.mean())', groupMessage('agg'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nn = df.groupby("k").apply(lambda g: len(g))\n`;
      return { code, errors: [error(GROUP, code, 'df.groupby("k").apply(lambda g: len(g))', groupMessage('apply'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nr = df.groupby("k")["v"].apply(lambda s: s.max() - s.min())\n`;
      return { code, errors: [error(GROUP, code, 'df.groupby("k")["v"].apply(lambda s: s.max() - s.min())', groupMessage('apply'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nw = df.groupby("k").apply(lambda g: (g.p * g.q).sum() / g.q.sum())\n`;
      return { code, errors: [error(GROUP, code, 'df.groupby("k").apply(lambda g: (g.p * g.q).sum() / g.q.sum())', groupMessage('apply'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ndf["m"] = df.groupby("k").v.transform(lambda s: s.mean())\n`;
      return { code, errors: [error(GROUP, code, 'df.groupby("k").v.transform(lambda s: s.mean())', groupMessage('transform'))], output: null };
    })(),
  ],
});

// ---- pandas-pivot-idiom ----
const PIVOT = 'pandas-pivot-idiom';
const pivotMessage = (call: string) => `\`${call}\` reshapes long data to wide: polars \`pivot\` and DuckDB \`PIVOT\` do it without an index`;

ruleTester(PIVOT, {
  valid: [
    'import polars as pl\n\ndf = pl.read_csv("a.csv")\nw = df.pivot(on="m", index="r", values="v")\n',
    `${PD}df = pd.read_csv("a.csv")\nw = df.groupby("k")["v"].sum()\n`,
    `${PD}s = load()\nw = s.unstack()\n`,
    `${PD}df = pd.read_csv("a.csv")\nw = df.stack().unstack()\n`,
    `${PD}def f(obj):\n    return obj.pivot_table(index="a")\n`,
    `${PD}df = pd.read_csv("a.csv")\nw = df.pivot(index="a", columns="b", values="c")  # noqa: PD010\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nw = df.pivot_table(index="r", columns="m", values="v", aggfunc="sum")\n`;
      return { code, errors: [error(PIVOT, code, 'df.pivot_table(index="r", columns="m", values="v", aggfunc="sum")', pivotMessage('.pivot_table()'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nw = df.pivot(index="d", columns="s", values="p")\n`;
      return { code, errors: [error(PIVOT, code, 'df.pivot(index="d", columns="s", values="p")', pivotMessage('.pivot()'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nw = pd.pivot_table(df, values="v", index="r", columns="c")\n`;
      return { code, errors: [error(PIVOT, code, 'pd.pivot_table(df, values="v", index="r", columns="c")', pivotMessage('.pivot_table()'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nw = df.groupby(["r", "m"])["v"].sum().unstack()\n`;
      return { code, errors: [error(PIVOT, code, 'df.groupby(["r", "m"])["v"].sum().unstack()', pivotMessage('.groupby(...).unstack()'))], output: null };
    })(),
    (() => {
      const code = 'from pandas import pivot_table\nimport pandas as pd\n\ndf = pd.read_csv("a.csv")\nw = pivot_table(df, index="r")\n';
      return { code, errors: [error(PIVOT, code, 'pivot_table(df, index="r")', pivotMessage('pivot_table()'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nw = df.groupby(["r", "m"])["v"].mean().unstack("r")\n`;
      return { code, errors: [error(PIVOT, code, 'df.groupby(["r", "m"])["v"].mean().unstack("r")', pivotMessage('.groupby(...).unstack()'))], output: null };
    })(),
  ],
});

// ---- pandas-melt-idiom ----
const MELT = 'pandas-melt-idiom';
const meltMessage = (call: string) => `\`${call}\` reshapes wide data to long: polars calls it \`unpivot\`, DuckDB \`UNPIVOT\``;

ruleTester(MELT, {
  valid: [
    'import polars as pl\n\ndf = pl.read_csv("a.csv")\nl = df.unpivot(index="id")\n',
    `${PD}df = pd.read_csv("a.csv")\nl = df.stack()\n`,
    `${PD}class Ice:\n    def melt(self):\n        return 1\n\nIce().melt()\n`,
    `${PD}def f(obj):\n    return obj.melt(id_vars="a")\n`,
    `${PD}df = pd.read_csv("a.csv")\nl = df.set_index("id").stack(level=0)\n`,
    `${PD}df = pd.read_csv("a.csv")\nl = df.set_index("id").stack()  # noqa: PD013\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nl = df.melt(id_vars=["id"], var_name="q", value_name="a")\n`;
      return { code, errors: [error(MELT, code, 'df.melt(id_vars=["id"], var_name="q", value_name="a")', meltMessage('.melt()'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nl = pd.melt(df, id_vars="id", value_vars=["a", "b"])\n`;
      return { code, errors: [error(MELT, code, 'pd.melt(df, id_vars="id", value_vars=["a", "b"])', meltMessage('pd.melt()'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nl = df.set_index(["id"]).stack()\n`;
      return { code, errors: [error(MELT, code, 'df.set_index(["id"]).stack()', meltMessage('.set_index(...).stack()'))], output: null };
    })(),
    (() => {
      const code = 'from pandas import melt\nimport pandas as pd\n\ndf = pd.read_csv("a.csv")\nl = melt(df, "id")\n';
      return { code, errors: [error(MELT, code, 'melt(df, "id")', meltMessage('melt()'))], output: null };
    })(),
    (() => {
      const code = `${PD}def tidy(wide: pd.DataFrame) -> pd.DataFrame:\n    return wide.melt("id", ["x", "y"])\n`;
      return { code, errors: [error(MELT, code, 'wide.melt("id", ["x", "y"])', meltMessage('.melt()'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nl = df.reset_index().melt(id_vars="index")\n`;
      return { code, errors: [error(MELT, code, 'df.reset_index().melt(id_vars="index")', meltMessage('.melt()'))], output: null };
    })(),
  ],
});

// ---- pandas-read-file ----
const FILE = 'pandas-read-file';
const fileMessage = (callee: string, polars: string) => `\`${callee}()\` loads the whole file into pandas; \`${polars}\` reads it in parallel, only what you use`;

ruleTester(FILE, {
  valid: [
    'import polars as pl\n\ndf = pl.read_parquet("a.parquet")\n',
    'import pyarrow.parquet as pq\n\nt = pq.read_table("a.parquet")\n',
    'import json\n\nd = json.load(open("a.json"))\n',
    `${PD}def read_parquet(p):\n    return p\n\nread_parquet("a")\n`,
    'df = pd.read_parquet("a.parquet")\n',
    `${PD}reader = pd.read_parquet\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}df = pd.read_parquet("a.parquet")\n`;
      return { code, errors: [error(FILE, code, 'pd.read_parquet("a.parquet")', fileMessage('pd.read_parquet', 'pl.scan_parquet'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_feather(path, columns=["a"])\n`;
      return { code, errors: [error(FILE, code, 'pd.read_feather(path, columns=["a"])', fileMessage('pd.read_feather', 'pl.scan_ipc'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_json("e.jsonl", lines=True)\n`;
      return { code, errors: [error(FILE, code, 'pd.read_json("e.jsonl", lines=True)', fileMessage('pd.read_json', 'pl.scan_ndjson'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_json("e.json")\n`;
      return { code, errors: [error(FILE, code, 'pd.read_json("e.json")', fileMessage('pd.read_json', 'pl.read_json'))], output: null };
    })(),
    (() => {
      const code = 'from pandas import read_excel as rx\n\ndf = rx("b.xlsx", sheet_name="Q1")\n';
      return { code, errors: [error(FILE, code, 'rx("b.xlsx", sheet_name="Q1")', fileMessage('rx', 'pl.read_excel'))], output: null };
    })(),
    (() => {
      const code = `${PD}def load():\n    return pd.read_parquet(\n        "a.parquet",\n    )\n`;
      return { code, errors: [error(FILE, code, 'pd.read_parquet(\n        "a.parquet",\n    )', fileMessage('pd.read_parquet', 'pl.scan_parquet'))], output: null };
    })(),
  ],
});

// ---- pandas-read-sql ----
const SQL = 'pandas-read-sql';
const sqlMessage = (callee: string) => `\`${callee}()\` builds the frame from Python row objects; polars \`read_database\` or DuckDB fetch columnar batches`;

ruleTester(SQL, {
  valid: [
    'import polars as pl\n\ndf = pl.read_database("SELECT 1", connection=con)\n',
    'import duckdb\n\ndf = duckdb.sql("SELECT 1").df()\n',
    `${PD}class R:\n    def read_sql(self, q):\n        return q\n\nR().read_sql("SELECT 1")\n`,
    'df = pd.read_sql("SELECT 1", con)\n',
    `${PD}df = pd.read_csv("a.csv")\n`,
    `${PD}df = pd.read_sql("SELECT 1", con)  # pymodern: ignore[pandas-read-sql]\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}df = pd.read_sql("SELECT * FROM t", con)\n`;
      return { code, errors: [error(SQL, code, 'pd.read_sql("SELECT * FROM t", con)', sqlMessage('pd.read_sql'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_sql_query(q, engine, params={"d": day})\n`;
      return { code, errors: [error(SQL, code, 'pd.read_sql_query(q, engine, params={"d": day})', sqlMessage('pd.read_sql_query'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_sql_table("orders", "postgresql://u@h/db")\n`;
      return { code, errors: [error(SQL, code, 'pd.read_sql_table("orders", "postgresql://u@h/db")', sqlMessage('pd.read_sql_table'))], output: null };
    })(),
    (() => {
      const code = 'from pandas import read_sql\n\ndf = read_sql("SELECT 1", con)\n';
      return { code, errors: [error(SQL, code, 'read_sql("SELECT 1", con)', sqlMessage('read_sql'))], output: null };
    })(),
    (() => {
      const code = `${PD}import sqlite3\n\ncon = sqlite3.connect("shop.db")\ndf = pd.read_sql("SELECT * FROM orders", con, index_col="id")\n`;
      return { code, errors: [error(SQL, code, 'pd.read_sql("SELECT * FROM orders", con, index_col="id")', sqlMessage('pd.read_sql'))], output: null };
    })(),
    (() => {
      const code = `${PD}for chunk in pd.read_sql(q, con, chunksize=1000):\n    pass\n`;
      return { code, errors: [error(SQL, code, 'pd.read_sql(q, con, chunksize=1000)', sqlMessage('pd.read_sql'))], output: null };
    })(),
  ],
});

// ---- pandas-sql-chain ----
const CHAIN = 'pandas-sql-chain';
const chainMessage = (clauses: string) => `This pipeline is a SQL query (${clauses}): DuckDB runs it in one parallel pass on the frames as they are`;
const FRAMES = `${PD}orders = pd.read_parquet("o.parquet")\ncustomers = pd.read_parquet("c.parquet")\n`;

ruleTester(CHAIN, {
  valid: [
    `${FRAMES}x = orders.groupby("r")["a"].sum().sort_values()\n`,
    `${FRAMES}x = orders.merge(customers, on="id")\n`,
    `${FRAMES}x = orders[orders.a > 0].groupby("r")["a"].sum()\n`,
    'import polars as pl\n\no = pl.read_parquet("o.parquet")\nx = o.filter(pl.col("a") > 0).join(o, on="id").group_by("r").agg(pl.col("a").sum()).sort("a")\n',
    `${PD}def f(a, b):\n    return a[a.x > 0].merge(b, on="id").groupby("r")["x"].sum().sort_values()\n`,
    // Later steps on a reported pipeline are not reported again.
    `${FRAMES}x = orders[orders.a > 0].merge(customers, on="id").groupby("r")["a"].sum()  # pymodern: ignore[pandas-sql-chain]\ny = x.head(3)\n`,
  ],
  invalid: [
    (() => {
      const code = `${FRAMES}x = orders[orders.a > 0].merge(customers, on="id").groupby("r")["a"].sum()\n`;
      return { code, errors: [error(CHAIN, code, 'orders[orders.a > 0].merge(customers, on="id").groupby("r")["a"].sum()', chainMessage('JOIN, WHERE, GROUP BY'))], output: null };
    })(),
    (() => {
      const code = `${FRAMES}x = orders.merge(customers, on="id").groupby("r")["a"].sum().sort_values(ascending=False)\n`;
      return { code, errors: [error(CHAIN, code, 'orders.merge(customers, on="id").groupby("r")["a"].sum().sort_values(ascending=False)', chainMessage('JOIN, GROUP BY, ORDER BY'))], output: null };
    })(),
    (() => {
      const code = `${FRAMES}x = orders.query("a > 1").groupby("r").size().sort_values()\n`;
      return { code, errors: [error(CHAIN, code, 'orders.query("a > 1").groupby("r").size().sort_values()', chainMessage('WHERE, GROUP BY, ORDER BY'))], output: null };
    })(),
    (() => {
      const code = `${FRAMES}j = orders.merge(customers, on="id")\np = j[j.a > 0]\nx = p.groupby("r").agg(t=("a", "sum"))\n`;
      return { code, errors: [error(CHAIN, code, 'p.groupby("r").agg(t=("a", "sum"))', chainMessage('JOIN, WHERE, GROUP BY'))], output: null };
    })(),
    (() => {
      const code = `${FRAMES}x = (\n    orders[orders["s"] == "paid"]\n    .merge(customers, on="id")\n    .sort_values("a")\n)\n`;
      return { code, errors: [error(CHAIN, code, 'orders[orders["s"] == "paid"]\n    .merge(customers, on="id")\n    .sort_values("a")', chainMessage('JOIN, WHERE, ORDER BY'))], output: null };
    })(),
    (() => {
      const code = `${PD}def top(frame: pd.DataFrame, other: pd.DataFrame):\n    return frame.merge(other, on="k").groupby("g", as_index=False)["v"].sum().nlargest(3, "v")\n`;
      return { code, errors: [error(CHAIN, code, 'frame.merge(other, on="k").groupby("g", as_index=False)["v"].sum().nlargest(3, "v")', chainMessage('JOIN, GROUP BY, ORDER BY'))], output: null };
    })(),
  ],
});

// ---- pandas-index-loop ----
const INDEX_LOOP = 'pandas-index-loop';
const indexLoopMessage = (index: string, iteration: string, frame: string, lookup: string) =>
  `\`for ${index} in ${iteration}\` reads \`${frame}\` one row at a time (\`${lookup}\`): use column expressions`;

ruleTester(INDEX_LOOP, {
  valid: [
    `${PD}xs = [1, 2]\nfor i in range(len(xs)):\n    xs[i] += 1\n`,
    `${PD}df = pd.read_csv("a.csv")\nfor i in range(len(df)):\n    print(df.columns[i])\n`,
    `${PD}def f(rows):\n    for i in range(len(rows)):\n        rows.iloc[i]\n`,
    'import polars as pl\n\ndf = pl.read_csv("a.csv")\nfor i in range(len(df)):\n    df.row(i)\n',
    `${PD}df = pd.read_csv("a.csv")\nfor i in range(1, len(df)):\n    df.iloc[i]\n`,
    `${PD}df = pd.read_csv("a.csv")\nfor i in range(len(df)):\n    df.iloc[:, i]\n`.replace('df.iloc[:, i]', 'df.iloc[0]'),
    `${PD}df = pd.read_csv("a.csv")\nfor i in range(len(df)):  # pymodern: ignore[pandas-index-loop]\n    df.iloc[i]\n`,
  ],
  invalid: [
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nfor i in range(len(df)):\n    x = df.iloc[i]\n`;
      return { code, errors: [error(INDEX_LOOP, code, 'range(len(df))', indexLoopMessage('i', 'range(len(df))', 'df', 'df.iloc[i]'))], output: null };
    })(),
    (() => {
      const code = `${PD}def f(df: pd.DataFrame):\n    for k in df.index:\n        df.at[k, "b"] = df.at[k, "a"] * 2\n`;
      return { code, errors: [error(INDEX_LOOP, code, 'df.index', indexLoopMessage('k', 'df.index', 'df', 'df.at[k, "b"]'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nfor i in range(df.shape[0]):\n    df.iat[i, 0] = 1\n`;
      return { code, errors: [error(INDEX_LOOP, code, 'range(df.shape[0])', indexLoopMessage('i', 'range(df.shape[0])', 'df', 'df.iat[i, 0]'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\ntotal = 0\nfor i in range(0, len(df)):\n    total += df["a"][i]\n`;
      return { code, errors: [error(INDEX_LOOP, code, 'range(0, len(df))', indexLoopMessage('i', 'range(0, len(df))', 'df["a"]', 'df["a"][i]'))], output: null };
    })(),
    (() => {
      const code = `${PD}class M:\n    def __init__(self):\n        self.df = pd.read_csv("a.csv")\n\n    def run(self):\n        for i in range(len(self.df)):\n            self.df.loc[i, "x"] = i\n`;
      return { code, errors: [error(INDEX_LOOP, code, 'range(len(self.df))', indexLoopMessage('i', 'range(len(self.df))', 'self.df', 'self.df.loc[i, "x"]'))], output: null };
    })(),
    (() => {
      const code = `${PD}s = pd.Series([1])\nfor i in range(len(s)):\n    if s.iloc[i] > 0:\n        print(i)\n`;
      return { code, errors: [error(INDEX_LOOP, code, 'range(len(s))', indexLoopMessage('i', 'range(len(s))', 's', 's.iloc[i]'))], output: null };
    })(),
  ],
});

// ---- pandas-rolling-apply ----
const ROLLING = 'pandas-rolling-apply';
const rollingMessage = (window: string, func: string) => `\`.${window}(...).apply(${func})\` calls Python once per window: use a built-in window aggregation`;

ruleTester(ROLLING, {
  valid: [
    `${PD}s = pd.Series([1.0])\nx = s.rolling(3).mean()\n`,
    `${PD}s = pd.Series([1.0])\nx = s.rolling(3).apply(f, raw=True, engine="numba")\n`,
    `${PD}def f(s):\n    return s.rolling(3).apply(sum)\n`,
    'import polars as pl\nimport numpy as np\n\ns = pl.Series([1.0])\nx = s.rolling_map(np.mean, window_size=3)\n',
    `${PD}df = pd.read_csv("a.csv")\nx = df.apply(f, axis=1)\n`,
    `${PD}s = pd.Series([1.0])\nx = s.rolling(3).agg(["mean", "std"])\n`,
    `${PD}import numpy as np\n\ns = pd.Series([1.0])\nx = s.rolling(3).apply(np.mean)  # noqa: PD999\n`.replace('  # noqa: PD999', '  # pymodern: ignore[pandas-rolling-apply]'),
  ],
  invalid: [
    (() => {
      const code = `${PD}import numpy as np\n\ns = pd.Series([1.0])\nx = s.rolling(3).apply(np.mean)\n`;
      return { code, errors: [error(ROLLING, code, 's.rolling(3).apply(np.mean)', rollingMessage('rolling', 'np.mean'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nx = df.groupby("g")["v"].expanding().apply(lambda w: w[-1], raw=True)\n`;
      return { code, errors: [error(ROLLING, code, 'df.groupby("g")["v"].expanding().apply(lambda w: w[-1], raw=True)', rollingMessage('expanding', 'lambda ...'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nx = df.rolling(window=5)["v"].apply(lambda w: w.max())\n`;
      return { code, errors: [error(ROLLING, code, 'df.rolling(window=5)["v"].apply(lambda w: w.max())', rollingMessage('rolling', 'lambda ...'))], output: null };
    })(),
    (() => {
      const code = `${PD}def f(s: pd.Series):\n    return s.rolling(10).apply(score, raw=True)\n`;
      return { code, errors: [error(ROLLING, code, 's.rolling(10).apply(score, raw=True)', rollingMessage('rolling', 'score'))], output: null };
    })(),
    (() => {
      const code = `${PD}s = pd.Series([1.0])\nx = s.rolling(3).apply(f, engine="cython")\n`;
      return { code, errors: [error(ROLLING, code, 's.rolling(3).apply(f, engine="cython")', rollingMessage('rolling', 'f'))], output: null };
    })(),
    (() => {
      const code = `${PD}df = pd.read_csv("a.csv")\nx = df.groupby("g").rolling(2).apply(sum)\n`;
      return { code, errors: [error(ROLLING, code, 'df.groupby("g").rolling(2).apply(sum)', rollingMessage('rolling', 'sum'))], output: null };
    })(),
  ],
});
