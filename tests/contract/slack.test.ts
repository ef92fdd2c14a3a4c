/** The contract suite on Slack: the real Bolt app against the fake Slack. */
import { afterAll, beforeAll, describe } from 'vitest';
import { useTestDatabase } from '../helpers/test-database.js';
import { describeContract } from './contract-suite.js';
import { SlackContractDriver } from './slack-driver.js';

describe('contract: slack', () => {
  const db = useTestDatabase('pglite');
  let driver: SlackContractDriver | undefined;
  beforeAll(async () => {
    driver = await SlackContractDriver.start(db().store);
  });
  afterAll(async () => {
    await driver?.stop();
  });
  describeContract({ db, driver: () => driver! });
});
