// Hovers of the dataframes family: the modern form is built from the user's own code —
// renamed arguments, notes for what has no equivalent, polars and DuckDB — and says so
// when the file already uses polars.
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import type { Finding } from '../../src/engine/types';
import { getEngine } from '../helpers/engine';

describe('dataframes: hovers', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const hover = (text: string, rule: string, index = 0): string => {
    const findings: Finding[] = engine.analyzeText(text, { select: [rule] });
    assert.ok(findings[index], `no finding #${index} of ${rule}`);
    return findings[index].suggestion ?? '';
  };
  const PD = 'import pandas as pd\n\n';

  describe('pandas-read-csv', () => {
    it('renames the arguments and pushes the column selection into a lazy scan', () => {
      const text = hover(`${PD}sales = pd.read_csv("sales.csv", sep=";", usecols=["a", "b"])\n`, 'pandas-read-csv');
      assert.ok(text.includes('sales = pl.scan_csv("sales.csv", separator=";").select("a", "b").collect()'), text);
      assert.ok(text.includes('import polars as pl'), text);
      assert.ok(text.includes(`sales = duckdb.sql("SELECT a, b FROM read_csv('sales.csv', delim = ';')").df()`), text);
    });

    it('reads eagerly when nothing can be pushed down, and notes what has no equivalent', () => {
      const text = hover(`${PD}df = pd.read_csv(path, index_col="id", dtype={"qty": "int64"}, thousands=",")\n`, 'pandas-read-csv');
      assert.ok(text.includes('df = pl.read_csv(path, schema_overrides={"qty": pl.Int64})'), text);
      assert.match(text, /`index_col="id"`: polars has no index/);
      assert.match(text, /`thousands=","`: polars has no thousands separator/);
      assert.doesNotMatch(text, /duckdb/, 'no DuckDB form when an argument does not translate');
    });

    it('joins a filter on the next line into the scan', () => {
      const text = hover(`${PD}orders = pd.read_csv("o.csv")\npaid = orders[(orders["status"] == "paid") & (orders.amount > 0)]\n`, 'pandas-read-csv');
      assert.ok(text.includes('.filter((pl.col("status") == "paid") & (pl.col("amount") > 0))'), text);
      assert.ok(text.includes('paid = ('), text);
      assert.ok(text.includes(`WHERE (status = 'paid') AND (amount > 0)`), text);
    });

    it('maps headers, names and read_table', () => {
      const text = hover(`${PD}t = pd.read_table(p, header=None, names=["a", "b"], nrows=10)\n`, 'pandas-read-csv');
      // Longer than 88 columns: one step per line.
      assert.ok(text.includes('t = (\n    pl.scan_csv(p, separator="\\t", has_header=False, new_columns=["a", "b"])\n    .head(10)\n    .collect()\n)'), text);
    });

    it('says so, and uses the file\'s alias, when the file already imports polars', () => {
      const text = hover('import pandas as pd\nimport polars as plr\n\ndf = pd.read_csv("a.csv")\n', 'pandas-read-csv');
      assert.match(text, /already imports polars \(`plr`\)/);
      assert.ok(text.includes('df = plr.read_csv("a.csv")'), text);
      assert.doesNotMatch(text, /import polars as pl\n/);
    });
  });

  it('pandas-read-file: parquet columns and pyarrow filters become a lazy scan', () => {
    const text = hover(`${PD}t = pd.read_parquet("t.parquet", columns=["sym", "px"], filters=[("sym", "in", ["A"]), ("px", ">", 0)])\n`, 'pandas-read-file');
    assert.ok(text.includes('pl.scan_parquet("t.parquet")'), text);
    assert.ok(text.includes('.filter(pl.col("sym").is_in(["A"]) & (pl.col("px") > 0))'), text);
    assert.ok(text.includes('.select("sym", "px")'), text);
  });

  it('pandas-read-file: an Excel sheet number becomes the 1-based sheet_id', () => {
    const text = hover(`${PD}x = pd.read_excel("b.xlsx", sheet_name=0)\n`, 'pandas-read-file');
    assert.ok(text.includes('x = pl.read_excel("b.xlsx", sheet_id=1)'), text);
  });

  it('pandas-read-sql: a connection string selects read_database_uri; a SQLite file gets DuckDB ATTACH', () => {
    assert.ok(hover(`${PD}t = pd.read_sql_table("orders", "postgresql://u@h/db")\n`, 'pandas-read-sql').includes('t = pl.read_database_uri("SELECT * FROM orders", uri="postgresql://u@h/db")'));
    const text = hover(`${PD}import sqlite3\n\ncon = sqlite3.connect("shop.db")\nx = pd.read_sql("SELECT 1", con, params=[1])\n`, 'pandas-read-sql');
    assert.ok(text.includes('x = pl.read_database("SELECT 1", connection=con, execute_options={"parameters": [1]})'), text);
    assert.ok(text.includes(`duckdb.sql("ATTACH 'shop.db' AS src (TYPE sqlite)")`), text);
  });

  it('pandas-iterrows-loop: loop bodies become column expressions', () => {
    const total = hover(`${PD}df = pd.read_csv("a.csv")\nt = 0\nfor _, r in df.iterrows():\n    t += r["q"] * r["p"]\n`, 'pandas-iterrows-loop');
    assert.ok(total.includes('t += (df["q"] * df["p"]).sum()'), total);
    assert.ok(total.includes('t += df.select((pl.col("q") * pl.col("p")).sum()).item()'), total);
    const column = hover(`${PD}df = pd.read_csv("a.csv")\nfor i, r in df.iterrows():\n    df.at[i, "n"] = r.q * 2\n`, 'pandas-iterrows-loop');
    assert.ok(column.includes('df["n"] = df["q"] * 2'), column);
    const count = hover(`${PD}df = pd.read_csv("a.csv")\nn = 0\nfor _, r in df.iterrows():\n    if r["q"] > 1 and r.side == "buy":\n        n += 1\n`, 'pandas-iterrows-loop');
    assert.ok(count.includes('n += int(((df["q"] > 1) & (df["side"] == "buy")).sum())'), count);
  });

  it('pandas-row-apply: the polars expression of a vectorisable lambda', () => {
    const text = hover(`${PD}df = pd.read_csv("a.csv")\nx = df.apply(lambda r: abs(r["a"] - r.b) / r["c"], axis=1)\n`, 'pandas-row-apply');
    assert.ok(text.includes('(df["a"] - df["b"]).abs() / df["c"]'), text);
    assert.ok(text.includes('(pl.col("a") - pl.col("b")).abs() / pl.col("c")'), text);
  });

  it('pandas-rolling-apply: names the built-in aggregation, with NumPy\'s ddof and the polars expression', () => {
    const mean = hover(`${PD}import numpy as np\ns = pd.Series([1.0])\nx = s.rolling(20).apply(np.mean)\n`, 'pandas-rolling-apply');
    assert.ok(mean.includes('s.rolling(20).mean()'), mean);
    assert.ok(mean.includes('pl.col("x").rolling_mean(20)'), mean);
    const std = hover(`${PD}s = pd.Series([1.0])\nx = s.rolling(5).apply(lambda w: w.std(), raw=True)\n`, 'pandas-rolling-apply');
    assert.ok(std.includes('s.rolling(5).std(ddof=0)'), std);
    assert.ok(std.includes('rolling_std(5, ddof=0)'), std);
    const custom = hover(`${PD}s = pd.Series([1.0])\nx = s.expanding().apply(lambda w: w.iloc[-1] / w.iloc[0])\n`, 'pandas-rolling-apply');
    assert.ok(custom.includes('engine="numba"'), custom);
  });

  it('pandas-sql-chain: statements rebinding one name make the same query as the chained form', () => {
    const code = `${PD}o = pd.read_csv("o.csv")\nc = pd.read_csv("c.csv")\nt = o[o["amount"] > 0]\nt = t.merge(c, on="k")\nt = t.groupby("region")["amount"].sum()\n`;
    const text = hover(code, 'pandas-sql-chain');
    assert.ok(text.includes('FROM o'), text);
    assert.ok(text.includes('JOIN c'), text);
    assert.ok(text.includes('GROUP BY region'), text);
    assert.ok(text.includes('.join(c, on="k")'), text);
  });

  it('pandas-index-loop: column expressions, then NumPy arrays as the fallback', () => {
    const text = hover(`${PD}df = pd.read_csv("a.csv")\nfor i in range(len(df)):\n    df.iloc[i]\n`, 'pandas-index-loop');
    assert.ok(text.includes('`.shift()` for the previous row'), text);
    assert.ok(text.includes('`.to_numpy()`'), text);
  });

  it('pandas-series-apply-lambda: string methods map to .str (pandas) and to_lowercase (polars)', () => {
    const text = hover(`${PD}df = pd.read_csv("a.csv")\nx = df["e"].map(lambda s: s.strip().lower())\n`, 'pandas-series-apply-lambda');
    assert.ok(text.includes('df["e"].str.strip().str.lower()'), text);
    assert.ok(text.includes('pl.col("e").str.strip_chars().str.to_lowercase()'), text);
  });

  it('pandas-groupby-apply-lambda: a weighted mean is one polars expression', () => {
    const text = hover(`${PD}df = pd.read_csv("a.csv")\nw = df.groupby("k").apply(lambda g: (g.p * g.q).sum() / g.q.sum())\n`, 'pandas-groupby-apply-lambda');
    assert.ok(text.includes('.agg(((pl.col("p") * pl.col("q")).sum() / pl.col("q").sum()).alias("value"))'), text);
  });

  it('pandas-concat-in-loop: the loop rewritten with a list and one concat', () => {
    const text = hover(`${PD}acc = pd.DataFrame()\nfor p in paths:\n    acc = pd.concat([acc, pd.read_csv(p)], ignore_index=True)\n`, 'pandas-concat-in-loop');
    assert.ok(text.includes('pieces = []\nfor p in paths:\n    ...\n    pieces.append(pd.read_csv(p))\nacc = pd.concat(pieces, ignore_index=True)'), text);
  });

  it('pandas-sql-chain: the pipeline as one DuckDB query and one polars chain', () => {
    const text = hover(
      `${PD}o = pd.read_parquet("o.parquet")\nc = pd.read_parquet("c.parquet")\nr = o[o["s"] == "paid"].merge(c, on="id", how="left").groupby("region")["amount"].sum().sort_values(ascending=False)\n`,
      'pandas-sql-chain',
    );
    assert.ok(text.includes(`SELECT region, sum(amount) AS amount`), text);
    assert.ok(text.includes('FROM o'), text);
    assert.ok(text.includes('LEFT JOIN c USING (id)'), text);
    assert.ok(text.includes(`WHERE s = 'paid'`), text);
    assert.ok(text.includes('GROUP BY region'), text);
    assert.ok(text.includes('ORDER BY amount DESC'), text);
    assert.ok(text.includes('.join(c, on="id", how="left")'), text);
    assert.ok(text.includes('.sort("amount", descending=True)'), text);
  });

  it('pandas-sql-chain: says which step does not translate', () => {
    const text = hover(`${PD}o = pd.read_parquet("o.parquet")\nr = o[o.a > 0].merge(o, on="id").groupby("k")["a"].sum().round(2)\n`, 'pandas-sql-chain');
    assert.match(text, /the step `round\(2\)`/);
  });

  it('pandas-pivot-idiom: pivot_table arguments renamed for polars, and DuckDB PIVOT', () => {
    const text = hover(`${PD}df = pd.read_csv("a.csv")\nw = df.pivot_table(index="r", columns="m", values="v", aggfunc="count", fill_value=0, margins=True)\n`, 'pandas-pivot-idiom');
    assert.ok(text.includes('df.pivot(on="m", index="r", values="v", aggregate_function="len")'), text);
    assert.ok(text.includes('.fill_null(0)'), text);
    assert.match(text, /`margins=True` has no polars equivalent/);
    assert.match(text, /"len"` counts rows including nulls/);
    assert.ok(text.includes('PIVOT df ON m USING count(v) GROUP BY r'), text);
  });

  it('pandas-melt-idiom: melt arguments renamed for polars unpivot', () => {
    const text = hover(`${PD}df = pd.read_csv("a.csv")\nl = df.melt(id_vars=["id"], value_vars=["a", "b"], var_name="q", value_name="ans")\n`, 'pandas-melt-idiom');
    assert.ok(text.includes('df.unpivot(index=["id"], on=["a", "b"], variable_name="q", value_name="ans")'), text);
    assert.ok(text.includes('UNPIVOT df ON a, b INTO NAME q VALUE ans'), text);
  });
});
