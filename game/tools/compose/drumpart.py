"""The Expert drum part of a session: grooves bar by bar, fills into sections, crashes on top.

Invariants of the result (what the chart and the drum stem rely on):
- hits are sorted by tick, one per (tick, piece);
- no tick holds more than two hand pieces, nor a tom and a cymbal of one colour (.chart cannot
  write those), nor a hi-hat or ride under a crash (the hand moved to the crash);
- kicks carry no dynamic (.chart cannot mark one on the kick lane);
- the same spec and style always give the same part (the only randomness is `random.Random`
  seeded from the spec).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from game.chart.model import PIECE_ORDER
from game.chart.piece import Dynamic, KitPiece, NoteFlag
from game.tools.compose.drumstyle import CHORUS_LIKE, DrumStyle
from game.tools.compose.pattern import Hit, hits_from
from game.tools.compose.spec import SessionSpec
from game.tools.compose.timeline import Bar, Timeline

_HAND_RANK = {  # who keeps their place when a chord has too many hands
    KitPiece.CRASH: 0,
    KitPiece.SNARE: 1,
    KitPiece.TOM_HIGH: 2,
    KitPiece.TOM_MID: 2,
    KitPiece.TOM_FLOOR: 2,
    KitPiece.RIDE: 3,
    KitPiece.HIHAT: 4,
}
# pieces that share a .chart colour: the first wins the tick
_SAME_COLOUR = (
    (KitPiece.CRASH, KitPiece.TOM_FLOOR),
    (KitPiece.TOM_HIGH, KitPiece.HIHAT),
    (KitPiece.TOM_MID, KitPiece.RIDE),
)
_STRENGTH = {Dynamic.GHOST: 0, Dynamic.NORMAL: 1, Dynamic.ACCENT: 2}


@dataclass(frozen=True, slots=True)
class DrumPart:
    hits: tuple[Hit, ...]
    fills: tuple[tuple[int, int], ...]  # (first tick of the fill, tick of the note it lands on)
    leads: tuple[tuple[int, int, int], ...] = ()  # duet: (start tick, end tick, player 1 or 2)


def compose_drums(spec: SessionSpec, timeline: Timeline, style: DrumStyle) -> DrumPart:
    rng = random.Random(f"{spec.seed}:drums")
    hits: list[Hit] = []
    fills: list[tuple[int, int]] = []
    leads: list[tuple[int, int, int]] = []
    for bar in timeline.bars:
        plan = spec.sections[bar.section]
        if not plan.drums:
            continue
        name = plan.groove or style.groove_for(plan.kind, plan.energy)
        variants = style.grooves[name]
        variant = _variant_index(bar, len(variants), name in style.progressive)
        odd_meter = bar.meter != spec.meter
        bar_hits = [] if odd_meter else hits_from(variants[variant], bar.start, bar.ticks)
        nxt = timeline.bars[bar.index + 1] if bar.index + 1 < len(timeline.bars) else None
        fill_beats = _fill_beats(spec, bar, nxt, odd_meter)
        if fill_beats:
            span = min(fill_beats * bar.beat_ticks, bar.ticks)
            lanes = rng.choice(style.fills[span // bar.beat_ticks])
            bar_hits = [h for h in bar_hits if h.tick < bar.end - span] + hits_from(lanes, bar.end - span, span)
            assert nxt is not None
            fills.append((bar.end - span, nxt.start))
        if _crash_here(spec, style, bar):
            bar_hits += [Hit(bar.start, KitPiece.CRASH, Dynamic.ACCENT), Hit(bar.start, KitPiece.KICK)]
        if name in style.players:
            leads.append((bar.start, bar.end, style.players[name][variant % len(style.players[name])]))
        hits.extend(bar_hits)
    return DrumPart(tuple(resolve(hits)), tuple(fills), tuple(leads))


def _variant_index(bar: Bar, count: int, progressive: bool) -> int:
    if progressive:
        return bar.bar_in_section * count // bar.bars_in_section
    return bar.bar_in_section % count


def _fill_beats(spec: SessionSpec, bar: Bar, nxt: Bar | None, odd_meter: bool) -> int:
    """How many beats of fill end this bar (0 = none). Bigger fills lead into bigger sections."""
    plan = spec.sections[bar.section]
    if odd_meter:
        return bar.beats
    if nxt is None or not bar.is_last_of_section or not plan.fill:
        return 0
    upcoming = spec.sections[nxt.section]
    if not upcoming.drums:
        return 0
    if upcoming.kind in CHORUS_LIKE:
        return bar.beats if upcoming.energy >= 0.9 else max(bar.beats // 2, 1)
    return 1


def _crash_here(spec: SessionSpec, style: DrumStyle, bar: Bar) -> bool:
    kind = spec.sections[bar.section].kind
    if bar.bar_in_section == 0:
        return kind in style.crash_kinds and bar.index > 0
    return kind in CHORUS_LIKE and bar.bar_in_section % style.crash_every == 0


def resolve(hits: list[Hit]) -> list[Hit]:
    """Apply the invariants in the module docstring: merge, clear clashes, cap the hands."""
    by_tick: dict[int, dict[KitPiece, Hit]] = {}
    for hit in hits:
        if hit.piece is KitPiece.KICK and hit.dynamic is not Dynamic.NORMAL:
            hit = replace(hit, dynamic=Dynamic.NORMAL)
        chord = by_tick.setdefault(hit.tick, {})
        old = chord.get(hit.piece)
        if old is None or _stronger(hit, old):
            chord[hit.piece] = hit
    resolved: list[Hit] = []
    for tick in sorted(by_tick):
        chord = by_tick[tick]
        if KitPiece.CRASH in chord:
            chord.pop(KitPiece.HIHAT, None)
            chord.pop(KitPiece.RIDE, None)
        for keep, drop in _SAME_COLOUR:
            if keep in chord:
                chord.pop(drop, None)
        hands = sorted((p for p in chord if p is not KitPiece.KICK), key=lambda p: _HAND_RANK[p])
        for piece in hands[2:]:
            del chord[piece]
        resolved.extend(sorted(chord.values(), key=lambda h: PIECE_ORDER[h.piece]))
    return resolved


def _stronger(new: Hit, old: Hit) -> bool:
    """A plain kick beats a double kick on one tick; otherwise the stronger dynamic wins."""
    if new.piece is KitPiece.KICK and (new.flags & NoteFlag.DOUBLE_KICK) != (old.flags & NoteFlag.DOUBLE_KICK):
        return not new.flags & NoteFlag.DOUBLE_KICK
    return _STRENGTH[new.dynamic] > _STRENGTH[old.dynamic]
