// The VS Code adapter's entry point. It reads the compiled rules packaged beside it
// (dist/rules.json: settings, hovers, trend pages), starts the analysis worker
// (dist/analysis-worker.js, which loads the WASM engine off the host thread) and registers
// each feature; activation does not wait for the worker: the first analyses are answered as
// soon as it is ready. The features live in their own modules and the engine knows nothing
// of VS Code.
import * as vscode from 'vscode';
import { catalogOf } from '../engine/config';
import { AnalysisClient } from '../node/analysis-client';
import { RuleMetadata } from '../node/rule-metadata';
import { Analyzer, type AnalysisEvent } from './analysis';
import { registerCodeActions } from './code-actions';
import { Configs, timeBudgetMs } from './config';
import { registerHover } from './hover';
import { registerProjectFiles } from './project-files';
import { registerScan, WorkspaceScan } from './scan';
import { registerStatusBar } from './status-bar';
import { registerTrends } from './trends';

/** What activate() returns: timings and events, for the integration tests and benchmarks. */
export interface PymodernApi {
  /** activate() on the host: reading the rules, starting the worker, registering the features. */
  activationMs: number;
  /** The worker's engine load (reading the WASM and rules, compiling the grammar and the rule queries), in its own thread; NaN until `engineReady`. */
  readonly engineMs: number;
  /** Resolves when the analysis worker has loaded its engine. */
  engineReady: Promise<void>;
  onDidAnalyze: vscode.Event<AnalysisEvent>;
  /** Fires when an analysis is asked of the worker; the host is free until the matching onDidAnalyze. */
  onWillAnalyze: vscode.Event<{ uri: vscode.Uri }>;
}

export function activate(context: vscode.ExtensionContext): PymodernApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('pymodern', { log: true });
  context.subscriptions.push(log, vscode.commands.registerCommand('pymodern.showOutput', () => log.show()));
  const distDir = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;

  const metadata = RuleMetadata.load(distDir);
  // The analyzer is made below; the client asks it for texts only after a worker restart.
  let analyzer: Analyzer | undefined;
  const client = new AnalysisClient({
    distDir,
    reopen: (key) => analyzer?.currentText(key),
    onRestart: () => analyzer?.restarted(),
    log: (message) => log.warn(message),
    timeBudgetMs: timeBudgetMs(),
  });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('pymodern.timeBudget')) client.setTimeBudget(timeBudgetMs());
    }),
  );
  const configs = new Configs(catalogOf(metadata.rules), log);
  analyzer = new Analyzer(client, metadata, configs, log);
  registerCodeActions(context, analyzer);
  registerHover(context, analyzer);
  registerTrends(context, metadata, log);
  registerScan(context, new WorkspaceScan(distDir, analyzer, configs, log));
  registerStatusBar(context, analyzer);
  registerProjectFiles(context, metadata, configs);
  // Disposed in this order: the analyzer closes its documents before the worker goes.
  context.subscriptions.push(configs, analyzer, { dispose: () => client.dispose() });

  const activationMs = performance.now() - started;
  const version = (context.extension.packageJSON as { version?: string }).version ?? '?';
  log.info(`pymodern ${version} activated in ${activationMs.toFixed(0)} ms (${metadata.rules.length} rules, ${metadata.trends.size} trend pages, from ${distDir})`);
  let engineMs = Number.NaN;
  const engineReady = client.ready.then(
    (ms) => {
      engineMs = ms;
      log.info(`analysis worker ready: engine loaded in ${ms.toFixed(0)} ms`);
    },
    (error: unknown) => log.error(String((error as Error).message ?? error)),
  );
  return {
    activationMs,
    get engineMs() {
      return engineMs;
    },
    engineReady,
    onDidAnalyze: analyzer.onDidAnalyze,
    onWillAnalyze: analyzer.onWillAnalyze,
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
