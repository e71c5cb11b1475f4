// `npm run snapshot`: rewrites the fixture findings snapshot from the current build.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, getEngine } from './engine';
import { SNAPSHOT_FILE, fixtureSnapshot } from './fixture-snapshot';

void getEngine().then((engine) => {
  writeFileSync(join(REPO_ROOT, SNAPSHOT_FILE), fixtureSnapshot(engine));
  console.log(`wrote ${SNAPSHOT_FILE}`);
});
