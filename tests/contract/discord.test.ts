/** The contract suite on Discord: the real discord.js client against the fake Discord. */
import { afterAll, beforeAll, describe } from 'vitest';
import { useTestDatabase } from '../helpers/test-database.js';
import { describeContract } from './contract-suite.js';
import { DiscordContractDriver } from './discord-driver.js';

describe('contract: discord', () => {
  const db = useTestDatabase('pglite');
  let driver: DiscordContractDriver | undefined;
  beforeAll(async () => {
    driver = await DiscordContractDriver.start(db().store);
  });
  afterAll(async () => {
    await driver?.stop();
  });
  describeContract({ db, driver: () => driver! });
});
