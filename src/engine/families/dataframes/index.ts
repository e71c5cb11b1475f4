// The dataframes family: pandas where polars or DuckDB fits (rules/dataframes/).
import type { FamilyPackage } from '../../checks/context';
import { createPandasChainedAssignment } from './checks/pandas-chained-assignment';
import { createPandasConcatInLoop } from './checks/pandas-concat-in-loop';
import { createPandasDataframeAppend } from './checks/pandas-dataframe-append';
import { createPandasGroupbyApplyLambda } from './checks/pandas-groupby-apply-lambda';
import { createPandasIndexLoop } from './checks/pandas-index-loop';
import { createPandasInplace } from './checks/pandas-inplace';
import { createPandasIsnullAlias } from './checks/pandas-isnull-alias';
import { createPandasIterrowsLoop } from './checks/pandas-iterrows-loop';
import { createPandasIxIndexer } from './checks/pandas-ix-indexer';
import { createPandasMeltIdiom } from './checks/pandas-melt-idiom';
import { createPandasPivotIdiom } from './checks/pandas-pivot-idiom';
import { createPandasReadCsv } from './checks/pandas-read-csv';
import { createPandasReadFile } from './checks/pandas-read-file';
import { createPandasReadSql } from './checks/pandas-read-sql';
import { createPandasRemovedApi } from './checks/pandas-removed-api';
import { createPandasRollingApply } from './checks/pandas-rolling-apply';
import { createPandasRowApply } from './checks/pandas-row-apply';
import { createPandasSeriesApplyLambda } from './checks/pandas-series-apply-lambda';
import { createPandasSqlChain } from './checks/pandas-sql-chain';
import { DATAFRAMES_GUARDS } from './guards';

export const DATAFRAMES_FAMILY: FamilyPackage = {
  name: 'dataframes',
  checks: {
    'pandas-chained-assignment': createPandasChainedAssignment,
    'pandas-concat-in-loop': createPandasConcatInLoop,
    'pandas-dataframe-append': createPandasDataframeAppend,
    'pandas-groupby-apply-lambda': createPandasGroupbyApplyLambda,
    'pandas-index-loop': createPandasIndexLoop,
    'pandas-inplace': createPandasInplace,
    'pandas-isnull-alias': createPandasIsnullAlias,
    'pandas-iterrows-loop': createPandasIterrowsLoop,
    'pandas-ix-indexer': createPandasIxIndexer,
    'pandas-melt-idiom': createPandasMeltIdiom,
    'pandas-pivot-idiom': createPandasPivotIdiom,
    'pandas-read-csv': createPandasReadCsv,
    'pandas-read-file': createPandasReadFile,
    'pandas-read-sql': createPandasReadSql,
    'pandas-removed-api': createPandasRemovedApi,
    'pandas-rolling-apply': createPandasRollingApply,
    'pandas-row-apply': createPandasRowApply,
    'pandas-series-apply-lambda': createPandasSeriesApplyLambda,
    'pandas-sql-chain': createPandasSqlChain,
  },
  guards: DATAFRAMES_GUARDS,
};
