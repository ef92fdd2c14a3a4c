/**
 * Workaround for discord.js keeping a REST rate-limit handler per interaction.
 * @discordjs/rest keys the handler of a webhook route by the webhook's token,
 * and an interaction's edits and follow-ups (/webhooks/{application}/{token}/…)
 * carry the interaction's own token: every interaction answered leaves a
 * handler behind, swept only once idle at `handlerSweepInterval`, an hour by
 * default, so a busy bot held an hour of them. Idle ones go after a minute.
 *
 * Upstream: no upstream issue found. (discordjs/discord.js#8996 gave interaction
 * callbacks one shared handler; edits and follow-ups still get one each.)
 * Canary: tests/canaries/discord-rest-handler-sweep.test.ts.
 */
export const REST_HANDLER_SWEEP_INTERVAL_MS = 60_000;
