"""The drum kit screen: the settings rows on the left, a live kit diagram on the right, and the
learn-mode prompt card that takes the rows' place while the player is teaching the game the kit.

The diagram is a drummer's-eye view of a full kit: each piece is a pad in its own colour that
flashes when hit, brighter and larger for a harder stroke, with the last velocity printed on it.
A filtered-out hit flashes as a grey ring instead. Under it: the last note heard and the hi-hat
pedal's openness (CC 4) against the closed threshold.

The scene owns the state and its timing: a pad's `glow` (0 dark .. 1 a full-velocity hit just now)
arrives ready; this module only draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.chart.piece import KitPiece
from game.render.backdrop import glow
from game.render.fonts import px
from game.render.settings import SettingsView, draw_setting_rows
from game.render.theme import (
    CYAN,
    GOLD,
    LIME,
    MISSED,
    PANEL,
    PEACH,
    PIECE_COLOURS,
    TEXT,
    TEXT_DIM,
    TEXT_FAINT,
    VIOLET,
    WHITE,
    Theme,
    mix,
)
from game.render.widget import blit_centred, draw_screen_title, glow_panel, panel, pill

P = KitPiece
GLOW_STEPS = 10  # flashes are quantised so each glow picture is made once
# Where each piece sits in the diagram: (x, y) as fractions of the area, radius as a fraction of
# its height. Hi-hat open above hi-hat closed: the top cymbal lifted off the bottom one.
_PLACES: dict[KitPiece, tuple[float, float, float]] = {
    P.HIHAT_OPEN: (0.09, 0.28, 0.10),
    P.HIHAT: (0.09, 0.58, 0.11),
    P.HIHAT_PEDAL: (0.13, 0.88, 0.06),
    P.CRASH_LEFT: (0.27, 0.12, 0.11),
    P.SNARE: (0.29, 0.56, 0.13),
    P.TOM_HIGH: (0.43, 0.28, 0.11),
    P.TOM_MID: (0.61, 0.28, 0.11),
    P.CRASH: (0.75, 0.10, 0.11),
    P.RIDE: (0.91, 0.32, 0.13),
    P.TOM_FLOOR: (0.78, 0.62, 0.14),
    P.KICK: (0.53, 0.74, 0.15),
}


@dataclass(frozen=True, slots=True)
class PadLight:
    piece: KitPiece
    label: str
    glow: float = 0.0  # 0 dark .. 1 a full-velocity hit just now (brightness and size)
    velocity: int | None = None  # the last velocity, printed on the pad
    dropped: bool = False  # the last hit was filtered out
    asked: bool = False  # learn mode: the piece the player is asked to hit


@dataclass(frozen=True, slots=True)
class KitPanelView:
    pads: Sequence[PadLight]
    readout: str  # the last note heard: "Note 38 · velocity 96 · Snare"
    detail: str = ""  # its port, or why it was dropped
    detail_warns: bool = False  # the detail says a hit was dropped
    pedal: int | None = None  # CC 4 (0 open .. 127 closed); None = the pedal has not reported
    closed_at: int | None = 64  # None: CC 4 is not used
    live: bool = False  # pads test the kit instead of driving the menu
    caption: str = "TEST YOUR KIT"


@dataclass(frozen=True, slots=True)
class LearnCard:
    step: int  # 0-based index of the piece asked for
    pieces: Sequence[tuple[KitPiece, bool | None]]  # every piece: learned, skipped (False), to come (None)
    asked: str  # "snare", "hi-hat, closed (foot down)"
    piece: KitPiece
    heard: Sequence[int] = ()  # notes heard so far for this piece
    lines: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class DrumKitView:
    rows: SettingsView  # the rows card (title and footer too)
    panel: KitPanelView
    status: str  # one line: the ports listened to, or why no kit can be heard
    status_ok: bool = False
    learn: LearnCard | None = None  # shown instead of the rows


def drum_kit_boxes(size: tuple[int, int]) -> dict[str, pygame.Rect]:
    w, h = size
    m, top = px(28, h), px(92, h)
    left_w = round((w - 3 * m) * 0.54)
    height = h - top - px(104, h)
    return {
        "rows": pygame.Rect(m, top, left_w, height),
        "kit": pygame.Rect(2 * m + left_w, top, w - 3 * m - left_w, height),
    }


def draw_drum_kit(surface: pygame.Surface, theme: Theme, view: DrumKitView) -> None:
    w, h = surface.get_size()
    fonts = theme.fonts
    surface.blit(theme.background((w, h), "night"), (0, 0))
    draw_screen_title(surface, theme, view.rows.title)
    boxes = drum_kit_boxes((w, h))
    _draw_status(surface, theme, view, pygame.Rect(boxes["kit"].x, px(30, h), boxes["kit"].w, px(36, h)))
    if view.learn is not None:
        _draw_learn(surface, theme, boxes["rows"], view.learn)
    else:
        draw_setting_rows(surface, theme, boxes["rows"], view.rows, inset=40)
    draw_kit_panel(surface, theme, boxes["kit"], view.panel)
    rows = view.rows
    if view.learn is None and 0 <= rows.selected < len(rows.rows) and rows.rows[rows.selected].hint:
        hint = fonts.fit("body", px(16, h), rows.rows[rows.selected].hint, TEXT, w - px(56, h))
        blit_centred(surface, hint, (w // 2, boxes["rows"].bottom + px(34, h)))
    if rows.footer:
        footer = fonts.fit("body", px(14, h), rows.footer, TEXT_DIM, w - px(40, h))
        blit_centred(surface, footer, (w // 2, h - px(26, h)))


def _draw_status(surface: pygame.Surface, theme: Theme, view: DrumKitView, box: pygame.Rect) -> None:
    h = surface.get_height()
    colour = LIME if view.status_ok else GOLD
    face = theme.fonts.fit("body", px(15, h), view.status, TEXT, box.w - px(22, h))
    x = box.right - face.get_width()
    pygame.draw.aacircle(surface, colour, (x - px(12, h), box.centery), max(2, px(5, h)))
    surface.blit(face, (x, box.centery - face.get_height() // 2))


def _draw_learn(surface: pygame.Surface, theme: Theme, card: pygame.Rect, learn: LearnCard) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    colour = PIECE_COLOURS[learn.piece]
    surface.blit(glow_panel(theme, card.size, px(18, h), CYAN), (card.x - px(18, h), card.y - px(18, h)))
    inner = card.inflate(-px(56, h), -px(48, h))
    surface.blit(fonts.text("bold", px(14, h), "LEARN YOUR KIT", mix(VIOLET, WHITE, 0.5)), inner.topleft)
    step = fonts.text("bold", px(14, h), f"PIECE {learn.step + 1} OF {len(learn.pieces)}", TEXT_DIM)
    surface.blit(step, (inner.right - step.get_width(), inner.y))
    y = inner.y + px(40, h)
    surface.blit(fonts.text("bold", px(20, h), "Hit your", TEXT), (inner.x, y))
    big = fonts.gradient_text("display", px(48, h), learn.asked.upper(), WHITE, mix(colour, WHITE, 0.2))
    if big.get_width() > inner.w:
        big = pygame.transform.smoothscale_by(big, inner.w / big.get_width())
    surface.blit(big, (inner.x, y + px(30, h)))
    y += px(36, h) + big.get_height()
    surface.blit(fonts.text("bold", px(20, h), "now", TEXT), (inner.x, y))
    y += px(52, h)
    surface.blit(fonts.text("bold", px(13, h), "HEARD", mix(VIOLET, WHITE, 0.5)), (inner.x, y))
    x = inner.x + px(70, h)
    for note in learn.heard or ():
        tag = pill(theme, f"note {note}", "bold", px(16, h), WHITE, (*colour, 200))
        if x + tag.get_width() > inner.right:
            break
        surface.blit(tag, (x, y - px(6, h)))
        x += tag.get_width() + px(8, h)
    if not learn.heard:
        surface.blit(fonts.text("body", px(15, h), "nothing yet", TEXT_FAINT), (x, y - px(2, h)))
    y += px(46, h)
    for line in learn.lines:
        face = fonts.fit("body", px(16, h), line, TEXT_DIM, inner.w)
        surface.blit(face, (inner.x, y))
        y += face.get_height() + px(6, h)
    _draw_learn_dots(surface, pygame.Rect(inner.x, inner.bottom - px(14, h), inner.w, px(14, h)), learn)


def _draw_learn_dots(surface: pygame.Surface, box: pygame.Rect, learn: LearnCard) -> None:
    """One dot per piece: learned in its colour, skipped faint, the current one ringed."""
    h = surface.get_height()
    radius = max(3, px(7, h))
    gap = min(px(34, h), box.w // max(len(learn.pieces), 1))
    for index, (piece, learned) in enumerate(learn.pieces):
        centre = (box.x + radius + index * gap, box.centery)
        colour = PIECE_COLOURS[piece] if learned else (TEXT_FAINT if learned is False else (70, 56, 120))
        pygame.draw.aacircle(surface, colour, centre, radius)
        if index == learn.step:
            pygame.draw.aacircle(surface, CYAN, centre, radius + max(2, px(4, h)), max(1, px(2, h)))


def draw_kit_panel(surface: pygame.Surface, theme: Theme, card: pygame.Rect, view: KitPanelView) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    if view.live:
        surface.blit(glow_panel(theme, card.size, px(18, h), CYAN), (card.x - px(18, h), card.y - px(18, h)))
    else:
        surface.blit(panel(theme, card.size, px(18, h)), card)
    inner = card.inflate(-px(40, h), -px(36, h))
    surface.blit(fonts.text("bold", px(14, h), view.caption, mix(VIOLET, WHITE, 0.5)), inner.topleft)
    if view.live:
        tag = pill(theme, "LIVE", "bold", px(13, h), WHITE, (*CYAN, 200))
        surface.blit(tag, (inner.right - tag.get_width(), inner.y - px(4, h)))
    foot = px(112, h)
    area = pygame.Rect(inner.x, inner.y + px(30, h), inner.w, inner.h - px(30, h) - foot)
    for pad in sorted(view.pads, key=lambda pad: pad.glow):  # the freshest flash on top
        _draw_pad(surface, theme, area, pad)
    y = area.bottom + px(14, h)
    surface.blit(fonts.fit("bold", px(18, h), view.readout, WHITE, inner.w), (inner.x, y))
    detail_colour = PEACH if view.detail_warns else TEXT_DIM
    surface.blit(fonts.fit("body", px(14, h), view.detail, detail_colour, inner.w), (inner.x, y + px(26, h)))
    _draw_pedal(surface, theme, pygame.Rect(inner.x, inner.bottom - px(40, h), inner.w, px(40, h)), view)


def _draw_pad(surface: pygame.Surface, theme: Theme, area: pygame.Rect, pad: PadLight) -> None:
    h = surface.get_height()
    fx, fy, fr = _PLACES[pad.piece]
    centre = (round(area.x + fx * area.w), round(area.y + fy * area.h))
    level = round(min(max(pad.glow, 0.0), 1.0) * GLOW_STEPS) / GLOW_STEPS
    radius = round(fr * area.h * (1 + 0.18 * level))
    colour = PIECE_COLOURS[pad.piece]
    if level and not pad.dropped:
        burst = theme.cached(
            ("kit_glow", radius, pad.piece, level), lambda: glow(radius * 2, mix((0, 0, 0), colour, level * 0.8), 1.8)
        )
        surface.blit(burst, burst.get_rect(center=centre), None, pygame.BLEND_RGB_ADD)
    lit = 0.0 if pad.dropped else level
    fill = mix(mix(PANEL, colour, 0.22), mix(colour, WHITE, 0.35), lit)
    edge_w = max(2, px(3, h))
    if pad.piece is P.HIHAT_PEDAL:
        body = pygame.Rect(0, 0, radius * 2, round(radius * 1.2))
        body.center = centre
        pygame.draw.rect(surface, fill, body, border_radius=body.h // 3)
        pygame.draw.rect(surface, colour, body, edge_w, border_radius=body.h // 3)
    else:
        pygame.draw.aacircle(surface, fill, centre, radius)
        pygame.draw.aacircle(surface, mix(colour, WHITE, 0.2 * lit), centre, radius, edge_w)
        if pad.piece.is_cymbal and pad.velocity is None:  # a bell and a groove: cymbal, not drum
            pygame.draw.aacircle(surface, mix(fill, colour, 0.6), centre, max(2, radius // 4))
            pygame.draw.aacircle(surface, mix(fill, PANEL, 0.35), centre, round(radius * 0.68), max(1, px(1, h)))
    if pad.dropped and level:
        pygame.draw.aacircle(surface, MISSED, centre, radius + edge_w * 2, edge_w)
    if pad.asked:
        pygame.draw.aacircle(surface, CYAN, centre, radius + edge_w * 3, edge_w + 1)
    if pad.velocity is not None:
        number = theme.fonts.text("display", max(8, round(radius * 0.62)), str(pad.velocity), WHITE if lit else TEXT)
        blit_centred(surface, number, (centre[0], centre[1] + px(2, h)))
    label = theme.fonts.text("bold", px(12, h), pad.label, WHITE if lit or pad.asked else TEXT_DIM)
    blit_centred(surface, label, (centre[0], centre[1] + radius + px(12, h)))


def _draw_pedal(surface: pygame.Surface, theme: Theme, box: pygame.Rect, view: KitPanelView) -> None:
    """The hi-hat pedal as a bar from closed (left) to open (right), with the closed threshold."""
    h = surface.get_height()
    fonts = theme.fonts
    surface.blit(fonts.text("bold", px(13, h), "HI-HAT PEDAL (CC 4)", mix(VIOLET, WHITE, 0.5)), box.topleft)
    state = _pedal_text(view)
    face = fonts.text("bold", px(13, h), state, TEXT if view.pedal is not None else TEXT_FAINT)
    surface.blit(face, (box.right - face.get_width(), box.y))
    track = pygame.Rect(box.x, box.bottom - px(14, h), box.w, px(12, h))
    pygame.draw.rect(surface, (50, 36, 100), track, border_radius=track.h // 2)
    if view.pedal is not None:
        openness = 1.0 - view.pedal / 127
        fill = track.copy()
        fill.w = max(track.h, round(track.w * openness))
        pygame.draw.rect(surface, PIECE_COLOURS[P.HIHAT], fill, border_radius=track.h // 2)
    if view.closed_at is not None:
        x = track.x + round(track.w * (1.0 - view.closed_at / 127))
        pygame.draw.line(surface, WHITE, (x, track.y - px(5, h)), (x, track.bottom + px(4, h)), max(2, px(2, h)))


def _pedal_text(view: KitPanelView) -> str:
    if view.pedal is None:
        return "no pedal heard yet"
    if view.closed_at is None:
        return f"{view.pedal} (not used)"
    return f"{view.pedal}: {'closed' if view.pedal >= view.closed_at else 'open'}"
