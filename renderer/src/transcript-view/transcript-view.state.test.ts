import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Compartment, EditorState, type TransactionSpec } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { history, undo } from '@codemirror/commands';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEditorSource } from '../../../shared/formats/episode';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { vttField, vttOf } from '../editor/cue-field';
import { layoutAt } from './layout';
import { plainTextOf } from './plain-text';
import { FIRST_BLOCKS, finishStructure, structureField } from './structure';
import { TimingChip } from './timing-chip';
import { qaRules } from '../editor/qa-rules';
import { viewModeCompartment, viewModeExtension, viewModeOf, transcriptView } from './view-mode';
import { noticeField } from './guard';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures');
const SAMPLE = [
  'WEBVTT - sample',
  '',
  'NOTE kept as it is',
  '',
  'intro',
  '00:00:01.000 --> 00:00:04.000 align:start',
  '<v Ann>Hello &amp; welcome',
  'to the show',
  '',
  '00:00:04.000 --> 00:00:06.500',
  '<v Bob>Thanks, <i>Ann</i>.',
  '',
  '00:00:07.000 --> 00:00:09.000',
  '<v Bob>Glad to be here.',
  '',
].join('\n');

const make = (doc: string, mode: 'transcript' | 'raw' = 'transcript') => EditorState.create({ doc, extensions: [vttField, history(), viewModeExtension(mode)] });
const timingLines = (s: EditorState) => vttOf(s).cues.map((c) => s.doc.sliceString(c.timingRange.from, c.timingRange.to));
const apply = (s: EditorState, spec: TransactionSpec) => s.update(spec).state;
const textStart = (s: EditorState, i: number) => vttOf(s).cues[i]!.textRange.from;

describe('transcript view structure', () => {
  it('hides each lead (header, note separators, id, timing line) behind one chip, and the text stays', () => {
    const s = make(SAMPLE);
    const ranges: [number, number][] = [];
    s.field(structureField).decorations.between(0, s.doc.length, (from, to) => void ranges.push([from, to]));
    // NOTE, then three cues: each lead ends where the cue text starts.
    expect(ranges).toHaveLength(4);
    expect(ranges[1]).toEqual([layoutAt(s, 1).hiddenFrom, textStart(s, 0)]);
    expect(s.doc.sliceString(ranges[1]![0], ranges[1]![1])).toBe('\nintro\n00:00:01.000 --> 00:00:04.000 align:start\n');
    expect(s.doc.sliceString(ranges[2]![0], ranges[2]![1])).toBe('\n00:00:04.000 --> 00:00:06.500\n');
  });

  it('colours a chip whose cue breaks the QA rules, and recolours every chip when the rules change', () => {
    const rules = new Compartment();
    let s = EditorState.create({ doc: SAMPLE, extensions: [vttField, rules.of(qaRules.of({ maxCps: 8 })), viewModeExtension('transcript')] });
    const chips = (st: EditorState) => {
      const out: TimingChip[] = [];
      st.field(structureField).decorations.between(0, st.doc.length, (_f, _t, d) => { if (d.spec.widget instanceof TimingChip) out.push(d.spec.widget); });
      return out;
    };
    // About 8.7, 4.8 and 8 characters per second.
    expect(chips(s).map((c) => c.level)).toEqual(['warn', 'ok', 'ok']);
    expect(chips(s)[0]!.details).toMatch(/^3\.00 s · \d+\.\d cps · id intro · settings align:start$/);
    s = s.update({ effects: rules.reconfigure(qaRules.of({ maxCps: 4 })) }).state;
    expect(chips(s).map((c) => c.level)).toEqual(['warn', 'warn', 'warn']);
  });

  it('keeps every chip when the settings hand over equal rules in a new object (the editor reconfigures them once it opens)', () => {
    const rules = new Compartment();
    const s = EditorState.create({ doc: SAMPLE, extensions: [vttField, rules.of(qaRules.of({ maxCps: 8 })), viewModeExtension('transcript')] });
    const same = s.update({ effects: rules.reconfigure(qaRules.of({ maxCps: 8 })) }).state;
    expect(same.facet(qaRules)).not.toBe(s.facet(qaRules));
    expect(same.field(structureField)).toBe(s.field(structureField));
    const other = s.update({ effects: rules.reconfigure(qaRules.of({ maxCps: 9 })) }).state;
    expect(other.field(structureField)).not.toBe(s.field(structureField));
  });

  it('keeps the decorations in step with edits (incremental equals a fresh build)', () => {
    let s = make(SAMPLE);
    s = apply(s, { changes: { from: textStart(s, 1), insert: 'Oh. ' }, userEvent: 'input.type' });
    s = apply(s, { changes: { from: vttOf(s).cues[2]!.startRange.from + 6, to: vttOf(s).cues[2]!.startRange.from + 8, insert: '08' }, userEvent: 'input.timing.nudge' });
    const list = (st: EditorState) => { const out: string[] = []; st.field(structureField).decorations.between(0, st.doc.length, (f, t) => void out.push(`${f}-${t}`)); return out; };
    expect(list(s)).toEqual(list(make(s.doc.toString())));
  });

  describe('a long file: the first blocks at once, the rest when the view asks (or anything could show them)', () => {
    const cues = FIRST_BLOCKS * 2 + 17;
    const LONG = ['WEBVTT', ''].concat(Array.from({ length: cues }, (_, i) => {
      const s = String(i % 60).padStart(2, '0');
      const m = String(Math.floor(i / 60)).padStart(2, '0');
      return `00:${m}:${s}.000 --> 00:${m}:${s}.900\n<v ${i % 7 < 3 ? 'Ann' : 'Bob'}>Cue ${i} says something &amp; more\n`;
    })).join('\n');
    const leads = (st: EditorState) => { const out: string[] = []; st.field(structureField).decorations.between(0, st.doc.length, (f, t) => void out.push(`${f}-${t}`)); return out; };
    const whole = leads(EditorState.create({ doc: LONG, extensions: [vttField, viewModeExtension('transcript')] }).update({ effects: finishStructure.of(null) }).state);

    it('decorates the first blocks, up to where it says, and finishes to exactly a whole build', () => {
      const s = make(LONG);
      const first = s.field(structureField);
      expect(first.whole).toBe(false);
      // The first lead not replaced starts right after the last decorated block's text; one block stands for the rest.
      expect(first.shownTo).toBe(vttOf(s).cues[FIRST_BLOCKS - 1]!.range.to + 1);
      expect(leads(s)).toEqual([...whole.slice(0, FIRST_BLOCKS), `${first.shownTo}-${s.doc.length}`]);
      expect(first.rest?.spec.block).toBe(true);
      // About the height the rest takes once decorated: one 28 px line per cue here, and the file's closing empty line.
      expect(first.rest?.spec.widget.estimatedHeight).toBe((cues - FIRST_BLOCKS + 1) * 28);
      const done = apply(s, { effects: finishStructure.of(null) });
      expect(done.field(structureField).whole).toBe(true);
      expect(whole).toHaveLength(cues);
      expect(leads(done)).toEqual(whole);
      // The first blocks' decorations are the same objects (CodeMirror redraws nothing there).
      const firstChip = (st: EditorState) => { let d: unknown; st.field(structureField).decorations.between(0, 1, (_f, _t, v) => void (d ??= v)); return d; };
      expect(firstChip(done)).toBe(firstChip(s));
    });

    it('an edit, a selection past the decorated part, or new QA rules decorate the whole file at once', () => {
      const s = make(LONG);
      const typed = apply(s, { changes: { from: textStart(s, 2), insert: 'Oh. ' }, userEvent: 'input.type' });
      expect(typed.field(structureField).whole).toBe(true);
      expect(leads(typed)).toEqual(leads(apply(make(typed.doc.toString()), { effects: finishStructure.of(null) })));
      const moved = apply(s, { selection: { anchor: s.doc.length } });
      expect(moved.field(structureField).whole).toBe(true);
      expect(leads(moved)).toEqual(whole);
      expect(apply(s, { selection: { anchor: textStart(s, 3) } }).field(structureField).whole).toBe(false);
      // Made with the cursor far down (a view toggled there): whole from the start.
      expect(EditorState.create({ doc: LONG, selection: { anchor: textStart(s, cues - 1) }, extensions: [vttField, viewModeExtension('transcript')] }).field(structureField).whole).toBe(true);
    });

    it('a file of FIRST_BLOCKS blocks or fewer is whole from the start', () => {
      const short = LONG.slice(0, vttOf(make(LONG)).cues[FIRST_BLOCKS - 1]!.range.to + 1);
      expect(make(short).field(structureField).whole).toBe(true);
    });
  });

  it('round trips byte for byte in both views, and toggling changes no byte', () => {
    for (const text of [SAMPLE, toEditorSource(readFileSync(join(FIXTURES, 'pages/djangochat-dev-environments-otter.txt'), 'utf8'), 'o.txt').vtt, readFileSync(join(FIXTURES, 'snippets/vtt_overlap_515.vtt'), 'utf8')]) {
      const t = make(text);
      expect(t.doc.toString()).toBe(text);
      expect(viewModeOf(t)).toBe('transcript');
      const raw = apply(t, { effects: viewModeCompartment.reconfigure([]) });
      expect(viewModeOf(raw)).toBe('raw');
      expect(raw.doc.toString()).toBe(text);
      expect(apply(raw, { effects: viewModeCompartment.reconfigure(transcriptView) }).doc.toString()).toBe(text);
    }
  });
});

describe('typing cannot break the structure', () => {
  it('Backspace at the start of a cue merges it into the previous one (as Merge does), one undo step', () => {
    const s = make(SAMPLE);
    const { hiddenFrom } = layoutAt(s, 2);
    // With the lead atomic, Backspace deletes the whole hidden lead; without, one line break.
    for (const from of [hiddenFrom, textStart(s, 1) - 1]) {
      const merged = apply(s, { changes: { from, to: textStart(s, 1) }, userEvent: 'delete.backward' });
      expect(vttOf(merged).cues).toHaveLength(2);
      expect(vttOf(merged).cues[0]!.text).toBe('<v Ann>Hello &amp; welcome\nto the show <v Bob>Thanks, <i>Ann</i>.');
      expect(timingLines(merged)[0]).toBe('00:00:01.000 --> 00:00:06.500 align:start');
      let back = merged;
      undo({ state: back, dispatch: (tr) => void (back = tr.state) });
      expect(back.doc.toString()).toBe(SAMPLE);
    }
  });

  it('Delete at the end of a cue merges the next one; next to a NOTE it is refused with a message', () => {
    const s = make(SAMPLE);
    const end = vttOf(s).cues[1]!.textRange.to;
    const merged = apply(s, { changes: { from: end, to: end + 1 }, userEvent: 'delete.forward' });
    expect(vttOf(merged).cues.map((c) => c.text)).toEqual(['<v Ann>Hello &amp; welcome\nto the show', '<v Bob>Thanks, <i>Ann</i>. <v Bob>Glad to be here.']);
    const first = textStart(s, 0);
    const refused = apply(s, { changes: { from: first - 1, to: first }, userEvent: 'delete.backward' });
    expect(refused.doc.toString()).toBe(SAMPLE);
    expect(refused.field(noticeField)).toMatch(/NOTE/);
  });

  it('a blank line typed or pasted inside cue text neither creates nor destroys cues; paragraphs stay in the cue', () => {
    const s = make(SAMPLE);
    const mid = textStart(s, 0) + '<v Ann>Hello'.length;
    const typed = apply(s, { changes: { from: mid, insert: '\n\n' }, userEvent: 'input.type' });
    expect(vttOf(typed).cues).toHaveLength(3);
    expect(vttOf(typed).cues[0]!.text).toBe('<v Ann>Hello\n &amp; welcome\nto the show');
    const pasted = apply(s, { changes: { from: mid, insert: ' one\n\n\ntwo --> three & <four>\n\n' }, userEvent: 'input.paste' });
    expect(vttOf(pasted).cues).toHaveLength(3);
    expect(vttOf(pasted).cues[0]!.text).toBe('<v Ann>Hello one\ntwo --&gt; three &amp; &lt;four&gt;\n &amp; welcome\nto the show');
    // Deleting the whole of a middle line would leave an empty one: the line goes with its break.
    const line = s.doc.line(s.doc.lineAt(textStart(s, 0)).number + 1);
    const emptied = apply(s, { changes: { from: line.from, to: line.to }, userEvent: 'delete.selection' });
    expect(vttOf(emptied).cues[0]!.text).toBe('<v Ann>Hello &amp; welcome');
  });

  it('typing where the structure is hidden goes into the cue text; a cue without text gets a text line', () => {
    let s = make('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n00:00:02.000 --> 00:00:03.000\nb\n');
    const timingEnd = vttOf(s).cues[0]!.timingRange.to;
    s = apply(s, { changes: { from: timingEnd, insert: 'a' }, userEvent: 'input.type', selection: { anchor: timingEnd + 1 } });
    expect(s.doc.toString()).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n\n00:00:02.000 --> 00:00:03.000\nb\n');
    expect(s.selection.main.head).toBe(timingEnd + 2);
    const inTiming = vttOf(s).cues[1]!.startRange.from + 3;
    s = apply(s, { changes: { from: inTiming, insert: 'x' }, userEvent: 'input.type' });
    expect(vttOf(s).cues[1]!.text).toBe('xb');
    expect(timingLines(s)).toEqual(['00:00:01.000 --> 00:00:02.000', '00:00:02.000 --> 00:00:03.000']);
  });

  it('text dragged from one cue into another moves as text: both cues and every timing line stay', () => {
    const s = make(SAMPLE);
    const from = SAMPLE.indexOf('to the show');
    const moved = apply(s, { changes: [{ from: from - 1, to: from + 11 }, { from: textStart(s, 2), insert: '\nto the show\n\n' }], userEvent: 'move.drop' });
    expect(vttOf(moved).cues.map((c) => c.text)).toEqual(['<v Ann>Hello &amp; welcome', '<v Bob>Thanks, <i>Ann</i>.', 'to the show\n<v Bob>Glad to be here.']);
    expect(timingLines(moved)).toEqual(timingLines(s));
  });

  it('typing on the empty line that ends the file adds a line to the last cue, as in the raw view', () => {
    const s = make(SAMPLE);
    const typed = apply(s, { changes: { from: SAMPLE.length, insert: '!' }, userEvent: 'input.type' });
    expect(typed.doc.toString()).toBe(SAMPLE + '!');
    expect(vttOf(typed).cues[2]!.text).toBe('<v Bob>Glad to be here.\n!');
  });

  it('copy gives plain text, one paragraph per cue (the view\u2019s clipboard filter), and only in the transcript view', () => {
    expect(plainTextOf(SAMPLE)).toBe('Hello & welcome\nto the show\n\nThanks, Ann.\n\nGlad to be here.');
    const copied = (s: EditorState, text: string) => s.facet(EditorView.clipboardOutputFilter).reduce((t, f) => f(t, s), text);
    const slice = SAMPLE.slice(SAMPLE.indexOf('welcome'), SAMPLE.indexOf('Thanks,') + 7);
    expect(copied(make(SAMPLE), slice)).toBe('welcome\nto the show\n\nThanks,');
    expect(copied(make(SAMPLE, 'raw'), slice)).toBe(slice);
  });

  it('property: random keystrokes, deletes and pastes never change a timing line (merges aside) and undo restores every byte', () => {
    const text = toEditorSource(readFileSync(join(FIXTURES, 'pages/djangochat-dev-environments-otter.txt'), 'utf8'), 'o.txt').vtt.slice(0, 6000).replace(/\n[^\n]*$/, '\n');
    const base = make(text);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: fc.constantFrom('a', ' ', '\n', '-', '>', '<', '&', '-->', 'é') }),
      fc.record({ kind: fc.constant('paste' as const), at: fc.nat(), text: fc.constantFrom('x\n\ny', '\n\n\n', 'a --> b', '<v Z>hi', '00:00:01.000 --> 00:00:02.000\nz\n\n') }),
      fc.record({ kind: fc.constantFrom('delete.backward' as const, 'delete.forward' as const, 'delete.selection' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 80 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        let s = base;
        for (const o of ops) {
          const at = o.at % (s.doc.length + 1);
          const before = timingLines(s);
          const spec: TransactionSpec =
            o.kind === 'type' || o.kind === 'paste'
              ? { changes: { from: at, insert: o.text }, userEvent: o.kind === 'type' ? 'input.type' : 'input.paste' }
              : o.kind === 'delete.backward'
                ? { changes: { from: Math.max(0, at - 1), to: at }, userEvent: o.kind }
                : { changes: { from: at, to: Math.min(s.doc.length, at + (o.kind === 'delete.forward' ? 1 : o.len)) }, userEvent: o.kind };
          const tr = s.update(spec);
          s = tr.state;
          const after = timingLines(s);
          if (tr.isUserEvent('input.cue.merge')) {
            expect(after.length).toBe(before.length - 1);
            const k = after.findIndex((t, i) => t !== before[i]);
            expect(after.slice(k + 1)).toEqual(before.slice(k + 2));
          } else expect(after).toEqual(before);
          expect(vttOf(s).blocks.some((b) => b.kind === 'ignored')).toBe(false);
          expect(s.doc.toString()).toBe(parseVtt(s.doc.toString()).text);
        }
        while (undo({ state: s, dispatch: (tr) => void (s = tr.state) }));
        expect(s.doc.toString()).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});
