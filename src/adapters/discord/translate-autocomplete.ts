import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { TeamRef } from '../../core/team-banks.js';
import type { DrillEngine } from '../../runtime/engine.js';
import { shorten } from './text-split.js';

/** Discord shows at most 25 suggestions, each name and value at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/** Every IANA zone this runtime knows, plus UTC (which supportedValuesOf leaves out). */
function allTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
}

/** Zones whose name contains what was typed ("berl", "new york"), prefix matches first. */
export function suggestTimeZones(typed: string, zones: readonly string[] = allTimeZones()): string[] {
  const needle = typed.trim().toLowerCase().replace(/\s+/g, '_');
  if (!needle) return zones.slice(0, MAX_CHOICES);
  const starts: string[] = [];
  const contains: string[] = [];
  for (const zone of zones) {
    const name = zone.toLowerCase();
    const city = name.slice(name.lastIndexOf('/') + 1);
    if (name.startsWith(needle) || city.startsWith(needle)) starts.push(zone);
    else if (name.includes(needle)) contains.push(zone);
  }
  return [...starts, ...contains].slice(0, MAX_CHOICES);
}

/** The suggestions for one focused option of /drill, from the team's bank; empty for options we do not complete. */
export async function autocompleteChoices(
  engine: DrillEngine,
  team: TeamRef,
  useCaseName: string,
  focused: { name: string; value: string },
): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const option = engine.useCase(useCaseName)?.options.find((o) => o.name === focused.name);
  const source = option?.autocomplete;
  if (source === 'question') {
    return (await engine.suggestQuestions(team, focused.value, MAX_CHOICES)).map((s) => ({
      name: shorten(s.label, MAX_CHOICE_LENGTH),
      value: s.id,
    }));
  }
  if (source === 'topics' || source === 'packs') {
    const values = await engine.suggestChoices(team, source, focused.value, MAX_CHOICES, option?.list);
    // A longer comma list than Discord can carry as a value is not suggested.
    return values.filter((v) => v.length <= MAX_CHOICE_LENGTH).map((v) => ({ name: v, value: v }));
  }
  if (source === 'timezone') {
    return suggestTimeZones(focused.value).map((zone) => ({ name: zone, value: zone }));
  }
  return [];
}
