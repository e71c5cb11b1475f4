// Precision and cost of the dataframes family as a whole: code that is polars, DuckDB,
// xarray or plain Python stays silent under every rule of the family at once; files that
// do not import pandas are never searched; the trend page lists every rule and its
// examples are valid Python that the rules judge as the page says.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/engine/engine';
import { CHECKS } from '../../src/engine/checks';
import { pandasPatternRules } from '../../src/engine/families/dataframes/pandas-query';
import { getEngine, REPO_ROOT } from '../helpers/engine';
import { FIXTURES_DIR, pythonSyntaxError } from '../helpers/fixtures';

const FAMILY = { select: ['dataframes'] };

const POLARS_AND_FRIENDS = `"""A modern analysis script: polars, DuckDB and xarray, no pandas."""
import duckdb
import numpy as np
import polars as pl
import xarray as xr

trades = pl.scan_parquet("trades.parquet")
daily = (
    trades.filter(pl.col("size") > 0)
    .with_columns((pl.col("price") * pl.col("size")).alias("notional"))
    .group_by("symbol", "day")
    .agg(pl.col("notional").sum(), pl.len().alias("fills"))
    .sort("notional", descending=True)
    .collect()
)
wide = daily.pivot(on="day", index="symbol", values="notional", aggregate_function="sum")
long = wide.unpivot(index="symbol")
values = daily["notional"].to_numpy()
for row in daily.iter_rows(named=True):
    print(row["symbol"])
daily = daily.with_columns(pl.col("symbol").map_elements(lambda s: s.lower(), return_dtype=pl.String))
report = duckdb.sql("SELECT symbol, sum(notional) AS n FROM daily GROUP BY symbol ORDER BY n DESC").pl()
grid = xr.open_dataset("t2m.nc")
celsius = grid["t2m"].values - 273.15
mask = np.isnan(celsius)
table = {"a": [1, 2]}
total = sum(table.values())
frames = []
for path in ["a.parquet", "b.parquet"]:
    frames.append(pl.read_parquet(path))
merged = pl.concat(frames)
`;

// pandas next to xarray, polars, SQLAlchemy and plain objects that have `.values`,
// `.isnull()`, `.notnull()` and `.pivot()` of their own: Ruff's pandas-vet rules (PD003,
// PD004, PD010, PD011) report seven of those; only the four pandas lines are real.
const MIXED = `"""Climate station QA: xarray for the gridded data, pandas for station tables, polars for the big join."""
import numpy as np
import pandas as pd
import polars as pl
import sqlalchemy as sa
import xarray as xr

stations = pd.read_csv("stations.csv")
grid = xr.open_dataset("era5_t2m.nc")

# xarray: .values, .isnull(), .notnull() are xarray methods here.
t2m = grid["t2m"]
kelvin = t2m.values
gaps = t2m.isnull().sum("time")
valid = t2m.notnull()
clim = t2m.groupby("time.month").mean()
anomaly = (t2m.groupby("time.month") - clim).values

# polars: pivot/unpivot/melt-style reshapes on polars frames.
obs = pl.read_parquet("observations.parquet")
wide = obs.pivot(on="variable", index=["station", "time"], values="value")
long = wide.unpivot(index=["station", "time"])
counts = obs.group_by("station").agg(pl.len())

# SQLAlchemy: .isnull() builds SQL.
engine = sa.create_engine("sqlite:///qa.db")
flags = sa.table("flags", sa.column("station"), sa.column("reason"))
open_flags = sa.select(flags).where(flags.c.reason.isnull())

# plain Python objects
class Reading:
    def __init__(self, values):
        self.values = values

    def isnull(self):
        return self.values is None


reading = Reading([1.0, 2.0])
mean = np.mean(reading.values)
missing = reading.isnull()
settings = {"threshold": 3.0}
thresholds = list(settings.values())

# pandas, for real.
stations.set_index("station_id", inplace=True)
coords = stations[["lat", "lon"]].values
stations["name"] = stations["name"].apply(lambda s: s.title())
`;

describe('dataframes: precision and cost', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  it('is silent on polars, DuckDB, xarray and NumPy code, under every rule of the family', () => {
    assert.deepEqual(engine.analyzeText(POLARS_AND_FRIENDS, FAMILY), []);
  });

  it('reports only the pandas objects in a file that mixes pandas, xarray, polars and SQLAlchemy', () => {
    const lines = MIXED.split('\n');
    const found = engine.analyzeText(MIXED, FAMILY).map((f) => `${f.rule} ${lines[f.range.start.line].trim()}`);
    assert.deepEqual(found, [
      'pandas-read-csv stations = pd.read_csv("stations.csv")',
      'pandas-inplace stations.set_index("station_id", inplace=True)',
      'pandas-values-attribute coords = stations[["lat", "lon"]].values',
      'pandas-series-apply-lambda stations["name"] = stations["name"].apply(lambda s: s.title())',
    ]);
  });

  it('is silent on pandas-looking code when pandas is not imported', () => {
    const text = POLARS_AND_FRIENDS.replace('import polars as pl', 'import polars as pl\nfrom mylib import pd')
      + 'df = pd.read_csv("a.csv")\ndf.dropna(inplace=True)\nx = df.values\nfor _, r in df.iterrows():\n    pass\n';
    assert.deepEqual(engine.analyzeText(text, FAMILY), []);
  });

  it('is silent, under every rule of the family, on each clean fixture of the family', () => {
    const folder = join(FIXTURES_DIR, 'dataframes');
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.py') && readFileSync(join(folder, n), 'utf8').startsWith('# pymodern-test: clean'))) {
      const findings = engine.analyzeText(readFileSync(join(folder, name), 'utf8'), FAMILY);
      assert.deepEqual(findings.map((f) => `${name}:${f.range.start.line + 1} ${f.rule}`), []);
    }
  });

  it('gates every rule on pandas: a guard that checks the imports, or the shared pandas-only query', () => {
    const family = engine.rules.filter((r) => r.family === 'dataframes');
    assert.ok(family.length >= 15, `${family.length} rules`);
    const shared = new Set(pandasPatternRules());
    for (const rule of family) {
      if (rule.check) {
        assert.ok(CHECKS[rule.check], rule.id);
        assert.ok(shared.has(rule.check), `${rule.id}: a check must register its patterns with pandasPatterns() (no YAML query: it would run on every file)`);
        assert.equal(rule.query, undefined, `${rule.id}: a check's YAML query would run in the engine's first pass over every file`);
      } else {
        assert.ok(rule.guards.some((g) => g.name === 'pandas-type' || g.name === 'imports-module' || g.name === 'resolves-to'), `${rule.id}: no pandas guard`);
      }
    }
  });

  it('costs nothing measurable on a large file that does not import pandas', () => {
    const text = Array.from({ length: 400 }, (_, i) => `def f${i}(rows, frame):\n    for r in rows:\n        frame.values[r] = frame.apply(lambda x: x * 2, axis=1)\n    return frame.isnull()\n`).join('\n');
    const time = (select: string[]) => {
      const start = performance.now();
      for (let i = 0; i < 3; i++) engine.analyzeText(text, { select });
      return performance.now() - start;
    };
    time(['dataframes']);
    const family = time(['dataframes']);
    const none = time(['blocking-sleep-in-async']);
    assert.deepEqual(engine.analyzeText(text, FAMILY), []);
    assert.ok(family < none * 1.5 + 50, `dataframes rules took ${family.toFixed(0)} ms, a single ungated rule ${none.toFixed(0)} ms`);
  });

  it('stays linear on a notebook that rebinds the same frame thousands of times', () => {
    const lines = ['import pandas as pd', 'df = pd.read_csv("a.csv")'];
    for (let i = 0; i < 3000; i++) lines.push(`df = df.rename(columns={"c${i}": "d${i}"})`);
    lines.push('x = df.values', '');
    const start = performance.now();
    const findings = engine.analyzeText(lines.join('\n'), FAMILY);
    const elapsed = performance.now() - start;
    assert.deepEqual(findings.filter((f) => f.rule === 'pandas-values-attribute').map((f) => f.range.start.line), [3002]);
    assert.ok(elapsed < 5000, `${elapsed.toFixed(0)} ms`);
  });

  describe('the trend page', () => {
    const page = readFileSync(join(REPO_ROOT, 'rules', 'trends', 'high-performance-dataframes.md'), 'utf8');
    const blocks = [...page.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]);

    it('lists every rule of the family', () => {
      for (const rule of engine.rules.filter((r) => r.family === 'dataframes')) assert.ok(page.includes(`\`${rule.id}\``), rule.id);
    });

    it('shows valid Python only', () => {
      assert.ok(blocks.length >= 4);
      for (const block of blocks) assert.equal(pythonSyntaxError(block), null, block);
    });

    it('its "before" example is reported by the rules it illustrates; its pandas "after" is a CSV read and a SQL-shaped pipeline', () => {
      const [before, after, polars, duckdb] = blocks;
      assert.deepEqual([...new Set(engine.analyzeText(before, FAMILY).map((f) => f.rule))].sort(), [
        'pandas-concat-in-loop', 'pandas-groupby-apply-lambda', 'pandas-inplace', 'pandas-iterrows-loop', 'pandas-read-csv',
      ]);
      assert.deepEqual(engine.analyzeText(after, FAMILY).map((f) => f.rule), ['pandas-read-csv', 'pandas-sql-chain']);
      assert.deepEqual(engine.analyzeText(polars, FAMILY), []);
      assert.deepEqual(engine.analyzeText(duckdb, FAMILY), []);
    });
  });
});
