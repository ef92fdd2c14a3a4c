import type { Client } from 'discord.js';
import type { Logger } from '../../logger.js';

/**
 * discord.js turns a gateway packet into an Interaction synchronously, and a
 * malformed packet throws inside @discordjs/ws's unawaited message handler,
 * which surfaces as an unhandled rejection. Discord itself never sends such
 * packets, but one must not take the bot down: drop it and log it.
 */
export function dropUnreadablePackets(client: Client, logger: Logger): void {
  const ws = client.ws as unknown as { handlePacket(packet?: unknown, shard?: unknown): boolean };
  const handle = ws.handlePacket.bind(ws);
  ws.handlePacket = (packet, shard) => {
    try {
      return handle(packet, shard);
    } catch (error) {
      logger.warn(
        { err: error, event: (packet as { t?: unknown } | undefined)?.t },
        'discord: dropped an unreadable packet',
      );
      return true;
    }
  };
}
