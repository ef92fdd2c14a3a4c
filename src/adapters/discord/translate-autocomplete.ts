import type { ApplicationCommandOptionChoiceData } from 'discord.js';
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

/** The suggestions for one focused option of /drill; empty for options we do not complete. */
export function autocompleteChoices(
  engine: DrillEngine,
  useCaseName: string,
  focused: { name: string; value: string },
): ApplicationCommandOptionChoiceData<string>[] {
  const source = engine.useCase(useCaseName)?.options.find((o) => o.name === focused.name)?.autocomplete;
  if (source === 'question') {
    return engine.suggestQuestions(focused.value, MAX_CHOICES).map((s) => ({
      name: shorten(s.label, MAX_CHOICE_LENGTH),
      value: s.id,
    }));
  }
  if (source === 'topics' || source === 'packs') {
    return engine
      .suggestChoices(source, focused.value, MAX_CHOICES)
      .map((v) => ({ name: shorten(v, MAX_CHOICE_LENGTH), value: v }));
  }
  if (source === 'timezone') {
    return suggestTimeZones(focused.value).map((zone) => ({ name: zone, value: zone }));
  }
  return [];
}
