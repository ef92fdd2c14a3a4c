/** The contract suite on the console: its line-by-line input. */
import { afterAll, beforeAll, describe } from 'vitest';
import { useTestDatabase } from '../helpers/test-database.js';
import { ConsoleContractDriver } from './console-driver.js';
import { describeContract } from './contract-suite.js';

describe('contract: console', () => {
  const db = useTestDatabase('pglite');
  let driver: ConsoleContractDriver | undefined;
  beforeAll(() => {
    driver = ConsoleContractDriver.start(db().store);
  });
  afterAll(async () => {
    await driver?.stop();
  });
  describeContract({ db, driver: () => driver! });
});
