"""The play-screen HUD around and over the highway: song card, score, accuracy, multiplier, fever
meter, combo. Judgement popups and the count-in live in `popup`; overlays in `overlay`.

`play_layout(size, columns)` places the highway and the two side columns for a screen size; the
scene builds the `HighwayGeometry` from `PlayLayout.highway` and passes the same layout here. All
animation is driven by ages the scene passes in (`combo_age_s`), never by a clock.

The HUD comes in three layers: the still parts (`draw_play_backdrop`), the cards that change only
on a hit, a second of clock or a pixel of progress (`draw_hud_cards`, keyed by `card_state` so a
caller can keep them drawn, see `PlayCanvas`), and the parts that move every frame (`draw_hud_live`:
the popping combo, and the fever meter while fever drains it). `draw_hud` draws the last two.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from operator import attrgetter

import pygame

from game.engine.window import Judgement
from game.render.fonts import px
from game.render.meter import draw_fever_meter, draw_meter_slots, multiplier_badge
from game.render.tally import draw_tally, draw_tally_card
from game.render.theme import CYAN, HOT_PINK, TEXT, TEXT_DIM, VIOLET, WHITE, Theme, mix
from game.render.widget import bar, blit_centred, panel, pill

Box = tuple[int, int, int, int]
COMBO_POP_S = 0.16
COMBO_MIN = 2  # shorter runs are not worth a number in the middle of the highway


@dataclass(frozen=True, slots=True)
class PlayLayout:
    size: tuple[int, int]
    highway: Box
    left: Box  # side column for song info, multiplier, fever
    right: Box  # side column for score and accuracy

    def rect(self, box: Box) -> pygame.Rect:
        return pygame.Rect(box)

    @property
    def unit(self) -> float:
        """Pixels per design pixel (layouts are designed at 720 px high)."""
        return self.size[1] / 720


def play_layout(size: tuple[int, int], columns: int = 4) -> PlayLayout:
    w, h = size
    hw = min(round(w * 0.56), round(h * (0.5 + 0.07 * min(columns, 9))))
    x = (w - hw) // 2
    margin = round(h * 0.04)
    side = max(x - 2 * margin, 1)
    return PlayLayout(
        size, (x, 0, hw, h), (margin, margin, side, h - 2 * margin), (x + hw + margin, margin, side, h - 2 * margin)
    )


@dataclass(frozen=True, slots=True)
class HudView:
    score: int
    combo: int
    multiplier: int  # x1..x4, doubled in fever
    accuracy: float  # percent
    fever_meter: float  # 0..1
    fever_active: bool = False
    progress: float = 0.0  # 0..1 through the song
    combo_age_s: float = 1.0  # seconds since the combo last changed (drives the pop)
    multiplier_progress: float = 0.0  # 0..1 toward the next multiplier step
    section: str = ""
    title: str = ""
    artist: str = ""
    difficulty: str = ""
    elapsed_s: float = 0.0
    length_s: float = 0.0
    counts: Sequence[tuple[Judgement, int]] = ()  # live tally; the card shows only when given


# HudView fields the cards do not show, or show coarser than they change (see `card_state`).
_NOT_CARD_FIELDS = {"combo", "combo_age_s", "progress", "elapsed_s", "accuracy", "fever_meter"}
_card_fields = attrgetter(*(field.name for field in fields(HudView) if field.name not in _NOT_CARD_FIELDS))


def draw_play_backdrop(
    surface: pygame.Surface, theme: Theme, layout: PlayLayout, view: HudView, skip_highway: bool = True
) -> None:
    """The backdrop with the HUD's still parts baked in (cards, labels, song title, meter slots).

    One opaque copy instead of a dozen alpha blends: draw this first, then the highway, then
    `draw_hud` for the parts that change. With `skip_highway` the highway's box is left alone,
    because `draw_highway` covers it with its own opaque stage (copying those pixels twice would
    cost a third of the frame)."""
    key = ("play_backdrop", layout, view.title, view.artist, view.difficulty, bool(view.counts))
    backdrop = theme.cached(key, lambda: _render_backdrop(theme, layout, view))
    if not skip_highway:
        surface.blit(backdrop, (0, 0))
        return
    # Two strip surfaces of their own: pygame blits a sub-area of a big surface several times
    # slower than a whole small surface.
    x, _, hw, _ = layout.highway
    w, h = layout.size
    for side, box in (("left", (0, 0, x, h)), ("right", (x + hw, 0, w - x - hw, h))):
        if box[2] > 0:
            strip = theme.cached((*key, side), lambda box=box: backdrop.subsurface(box).copy())
            surface.blit(strip, box[:2])


def _render_backdrop(theme: Theme, layout: PlayLayout, view: HudView) -> pygame.Surface:
    out = theme.background(layout.size, "play").copy()
    h, u, fonts = layout.size[1], layout.unit, theme.fonts
    song, inner = _song_card(layout)
    out.blit(panel(theme, song.size, round(14 * u)), song)
    title = fonts.fit("bold", px(22, h), view.title or "—", TEXT, inner.w)
    out.blit(title, inner.topleft)
    out.blit(fonts.fit("body", px(15, h), view.artist, TEXT_DIM, inner.w), (inner.x, inner.y + title.get_height()))
    out.blit(
        bar(theme, (inner.w, max(4, round(6 * u))), (60, 44, 120), (60, 44, 120)), (inner.x, inner.y + round(70 * u))
    )
    tag = _difficulty_pill(theme, layout, view.difficulty)
    if tag:
        out.blit(tag, (inner.right - tag.get_width(), inner.y + round(80 * u)))
    score, inner = _score_card(layout)
    out.blit(panel(theme, score.size, round(14 * u)), score)
    out.blit(fonts.text("bold", px(13, h), "SCORE", TEXT_DIM), inner.topleft)
    label = fonts.text("bold", px(13, h), "ACCURACY", TEXT_DIM)
    out.blit(label, (inner.x, inner.bottom - label.get_height() - round(4 * u)))
    left = layout.rect(layout.left)
    label = fonts.text("bold", px(13, h), "MULTIPLIER", TEXT_DIM)
    blit_centred(out, label, (left.centerx, left.y + 330 * u + _badge_size(layout) / 2 + 8 * u))
    draw_meter_slots(out, theme, _meter_area(layout))
    if view.counts:
        draw_tally_card(out, theme, tally_box(layout))
    return out.convert() if pygame.display.get_surface() is not None else out


def draw_hud(surface: pygame.Surface, theme: Theme, layout: PlayLayout, view: HudView) -> None:
    """The HUD's changing parts; `draw_play_backdrop` must have drawn the still ones."""
    draw_hud_cards(surface, theme, layout, view)
    draw_hud_live(surface, theme, layout, view)


def card_state(layout: PlayLayout, view: HudView) -> tuple[object, ...]:
    """What `draw_hud_cards` shows of the view: views with equal states draw identical cards.

    Continuous values count as what the cards can show of them (a pixel of progress, a second of
    clock, two decimals of accuracy; the fever meter moves on hits only outside fever); what
    only `draw_hud_live` shows is left out. Between hits a song's state repeats for dozens of
    frames, so the cards can be drawn once and kept. Fields added to `HudView` count in full."""
    _, inner = _song_card(layout)
    return (
        _card_fields(view),
        _progress_px(inner.w, view.progress),
        max(0, int(view.elapsed_s)),
        f"{view.accuracy:.2f}",
        None if view.fever_active else view.fever_meter,
    )


def draw_hud_cards(surface: pygame.Surface, theme: Theme, layout: PlayLayout, view: HudView) -> None:
    """Song progress and section, score and accuracy, multiplier badge, live tally; the fever
    meter too, outside fever."""
    h, u, fonts = layout.size[1], layout.unit, theme.fonts
    _, inner = _song_card(layout)
    y = inner.y + round(70 * u)
    filled = _progress_px(inner.w, view.progress)
    thickness = max(4, round(6 * u))
    if filled > thickness:  # one cached full-length bar, shown up to the fill (not a bar per width)
        surface.blit(
            bar(theme, (inner.w, thickness), HOT_PINK, CYAN), (inner.x, y), pygame.Rect(0, 0, filled, thickness)
        )
    stamp_w = 0
    if view.length_s:
        stamp = fonts.text("body", px(13, h), f"{clock_text(view.elapsed_s)} / {clock_text(view.length_s)}", TEXT_DIM)
        surface.blit(stamp, (inner.x, y + round(12 * u)))
        stamp_w = fonts.font("body", px(13, h)).size(f"{clock_text(view.length_s)} / {clock_text(view.length_s)}")[0]
    if view.section:
        difficulty = _difficulty_pill(theme, layout, view.difficulty)
        right = inner.right - (difficulty.get_width() + px(6, h) if difficulty else 0)
        room = right - (inner.x + stamp_w + px(8, h)) - px(14, h)  # the pill's own padding
        if room >= px(30, h):  # too narrow for a readable name: leave it out
            text = fonts.clip("bold", px(12, h), view.section, room)
            tag = pill(theme, text, "bold", px(12, h), WHITE, (*HOT_PINK, 200))
            surface.blit(tag, (right - tag.get_width(), y + round(10 * u)))
    _draw_score(surface, theme, layout, view)
    left = layout.rect(layout.left)
    badge = multiplier_badge(theme, view.multiplier, view.multiplier_progress, view.fever_active, _badge_size(layout))
    blit_centred(surface, badge, (left.centerx, left.y + 330 * u))
    if view.counts:
        draw_tally(surface, theme, tally_box(layout), view.counts)
    if not view.fever_active:
        draw_fever_meter(surface, theme, _meter_area(layout), view.fever_meter, False)


def draw_hud_live(surface: pygame.Surface, theme: Theme, layout: PlayLayout, view: HudView) -> None:
    """The parts that move every frame: the combo, and the fever meter while fever drains it."""
    if view.fever_active:
        draw_fever_meter(surface, theme, _meter_area(layout), view.fever_meter, True)
    _draw_combo(surface, theme, layout, view)


def _progress_px(width: int, progress: float) -> int:
    return round(width * min(max(progress, 0.0), 1.0))


def clock_text(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def _difficulty_pill(theme: Theme, layout: PlayLayout, difficulty: str) -> pygame.Surface | None:
    if not difficulty:
        return None
    h = layout.size[1]
    return pill(theme, difficulty.upper(), "bold", px(12, h), WHITE, (*VIOLET, 220))


def _song_card(layout: PlayLayout) -> tuple[pygame.Rect, pygame.Rect]:
    """The card and its content area."""
    left, u = layout.rect(layout.left), layout.unit
    card = pygame.Rect(left.x, left.y, left.w, round(150 * u))
    return card, card.inflate(-round(32 * u), -round(28 * u))


def _score_card(layout: PlayLayout) -> tuple[pygame.Rect, pygame.Rect]:
    right, u = layout.rect(layout.right), layout.unit
    card = pygame.Rect(right.x, right.y, right.w, round(150 * u))
    return card, card.inflate(-round(32 * u), -round(24 * u))


def tally_box(layout: PlayLayout) -> pygame.Rect:
    """Where the live tally card goes (under the score card); key hints fit below it."""
    right, u = layout.rect(layout.right), layout.unit
    return pygame.Rect(right.x, right.y + round(166 * u), right.w, round(136 * u))


def _badge_size(layout: PlayLayout) -> int:
    return round(min(layout.left[2] * 0.6, 124 * layout.unit))


def _meter_area(layout: PlayLayout) -> pygame.Rect:
    left, u = layout.rect(layout.left), layout.unit
    return pygame.Rect(left.x, round(left.y + 470 * u), left.w, round(110 * u))


def _draw_score(surface: pygame.Surface, theme: Theme, layout: PlayLayout, view: HudView) -> None:
    h, u, fonts = layout.size[1], layout.unit, theme.fonts
    _, inner = _score_card(layout)
    text = f"{view.score:,}"
    size = px(46, h)
    while fonts.font("display", size).size(text)[0] > inner.w and size > 8:  # huge scores in narrow windows
        size -= max(1, size // 10)
    score = fonts.run("display", size, text, (WHITE, mix(HOT_PINK, WHITE, 0.4)))
    surface.blit(score, (inner.right - score.get_width(), inner.y + round(14 * u)))
    text = f"{view.accuracy:.2f}%"
    room = inner.w - fonts.font("bold", px(13, h)).size("ACCURACY")[0] - px(10, h)
    size = px(22, h)
    while fonts.font("bold", size).size(text)[0] > room and size > 8:
        size -= 1
    accuracy = fonts.run("bold", size, text, mix(CYAN, WHITE, 0.3))
    surface.blit(accuracy, (inner.right - accuracy.get_width(), inner.bottom - accuracy.get_height()))


def _draw_combo(surface: pygame.Surface, theme: Theme, layout: PlayLayout, view: HudView) -> None:
    if view.combo < COMBO_MIN:
        return
    h = layout.size[1]
    hx, _, hw, _ = layout.highway
    pop = max(0.0, 1.0 - view.combo_age_s / COMBO_POP_S)
    size = px(64 * (1.0 + 0.28 * round(pop * 4) / 4), h)  # 5 pop sizes, each rendered once
    top, bottom = (
        (mix(GOLD_FEVER, WHITE, 0.3), GOLD_FEVER) if view.fever_active else (WHITE, mix(HOT_PINK, VIOLET, 0.3))
    )
    text = f"{view.combo}"
    # Slightly see-through, baked into the cached picture: the combo floats over notes that must
    # stay readable, and a surface alpha on top of per-pixel alpha makes every blit slower.
    number = theme.cached(
        ("combo", text, size, view.fever_active),
        lambda: see_through(theme.fonts.run("display", size, text, (top, bottom), (90, 30, 140), px(10, h)), 225),
    )
    centre = (hx + hw / 2, h * 0.27)
    surface.blit(number, (centre[0] - number.get_width() / 2, centre[1] - number.get_height() / 2))
    label = theme.fonts.text("bold", px(13, h), "C O M B O", mix(TEXT_DIM, WHITE, 0.3))
    blit_centred(surface, label, (centre[0], centre[1] + px(44, h)))


def see_through(sprite: pygame.Surface, alpha: int) -> pygame.Surface:
    """A copy of a per-pixel-alpha sprite with every pixel's alpha scaled by alpha / 255."""
    out = sprite.copy()
    out.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
    return out


GOLD_FEVER = (255, 200, 70)
