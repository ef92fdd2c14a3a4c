import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type {
  ConfirmView,
  HelpView,
  NoticeView,
  PacksView,
  ScheduleView,
  TopicsView,
} from '../../core/views.js';
import { confirmId } from './custom-ids.js';
import { COLORS } from './embed-style.js';
import { shorten } from './text-split.js';

export function renderTopics(view: TopicsView): APIEmbed[] {
  return view.packs.map((p) => ({
    color: COLORS.info,
    title: `${p.name} — ${p.total} questions`,
    description: `${p.description}\n\n${p.topics.map((t) => `**${t.topic}**: ${t.count}`).join(' · ')}`,
    footer: { text: `pack: ${p.id}` },
  }));
}

export function renderPacks(view: PacksView): APIEmbed {
  return {
    color: COLORS.info,
    title: 'Question packs',
    // An embed holds at most 25 fields, each name 256 and value 1024 characters.
    fields: view.packs.slice(0, 25).map((p) => ({
      name: shorten(`${p.name} (${p.id})`, 256),
      value: shorten(
        `${p.total} questions · ${p.origin === 'team' ? "this server's own" : 'bundled'} · ${p.license}\nTopics: ${p.topics.join(', ')}`,
        1024,
      ),
    })),
  };
}

export function renderSchedule(view: ScheduleView): APIEmbed {
  const s = view.schedule;
  if (!s) {
    return {
      color: COLORS.info,
      title: 'No daily question here yet',
      description:
        'Someone with Manage Server can start one: `/drill schedule set time:09:00 timezone:Europe/Berlin`',
    };
  }
  const title =
    view.changed === 'set'
      ? 'Daily question scheduled'
      : view.changed === 'off'
        ? 'Daily posts turned off'
        : 'Daily question schedule';
  const fields = [
    { name: 'Time', value: `${s.time} ${s.timezone}`, inline: true },
    { name: 'Days', value: s.days, inline: true },
    { name: 'Filter', value: [s.topic, s.difficulty].filter(Boolean).join(', ') || 'any', inline: true },
    { name: 'Packs', value: s.packs?.join(', ') ?? 'all', inline: true },
    {
      name: s.enabled ? 'Next post' : 'State',
      value: s.enabled ? (s.nextPost ?? 'soon') : `Off${s.disabledReason ? ` (${s.disabledReason})` : ''}`,
    },
  ];
  return { color: view.changed === 'off' ? COLORS.info : COLORS.success, title, fields };
}

export function renderHelp(view: HelpView): APIEmbed {
  return {
    color: COLORS.info,
    title: 'Interview Drill — /drill',
    description: 'Pick a subcommand from the menu; options are offered as you type.',
    fields: view.commands.map((c) => ({ name: c.usage, value: c.description })),
  };
}

export function renderConfirm(view: ConfirmView): {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
} {
  return {
    embeds: [{ color: COLORS.error, title: 'Are you sure?', description: view.prompt }],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            label: view.button,
            custom_id: confirmId(view.useCase),
          },
        ],
      },
    ],
  };
}

const NOTICE_ICON = { info: 'ℹ️', success: '✅', error: '⚠️' } as const;

/** Notices are plain content: short, and the text may quote what the user typed. */
export function renderNotice(view: NoticeView): string {
  return `${NOTICE_ICON[view.tone]} ${view.text}`;
}
