"""The join screen: two split panels, player 1 in pink and player 2 in cyan.

An empty panel pulses "press any pad or key to join". A seated player's panel names their device,
lists their choices (a Shared Kit's team choices carry a TEAM tag: both panels show the same
values), says which part of the kit they play, and shows which of their own keys or pads move it.
A ready panel glows in the player's colour. Between the panels sits the mode's emblem.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.chart.piece import KitPiece
from game.render.fonts import CHEVRON_LEFT, CHEVRON_RIGHT, px
from game.render.theme import (
    GOLD,
    PANEL,
    PIECE_COLOURS,
    PIECE_LABELS,
    PLAYER_COLOURS,
    TEXT,
    TEXT_DIM,
    VIOLET,
    WHITE,
    Color,
    Theme,
    mix,
)
from game.render.widget import blit_centred, blit_faded, draw_screen_title, glow_panel, keycap, panel, pill

JOIN_POP_S = 0.3  # a new player's panel settles in this long


@dataclass(frozen=True, slots=True)
class ChoiceRow:
    label: str  # "DIFFICULTY"
    value: str  # "Expert"
    detail: str = ""  # "1,284 notes"
    focused: bool = False
    team: bool = False  # a Shared Kit's team choice: either player may change it


@dataclass(frozen=True, slots=True)
class JoinPanel:
    player: int  # 0 or 1: the colour and the "P1"/"P2" badge
    seated: bool = False
    device: str = ""  # "Keyboard (left half)", a MIDI port name...
    rows: Sequence[ChoiceRow] = ()
    ready: bool = False
    pieces: Sequence[KitPiece] = ()  # a Shared Kit split by pieces: what this player plays
    part: str = ""  # other splits: the player's part in words
    hints: Sequence[tuple[str, str]] = ()  # (key or pad, verb)
    keys: Sequence[tuple[str, KitPiece]] = ()  # a player on a half of the keyboard: (keys, piece)
    joined_age_s: float = 10.0


@dataclass(frozen=True, slots=True)
class JoinView:
    song_title: str
    artist: str
    mode: str  # "SHARED KIT · BY PIECES", "VERSUS"
    panels: Sequence[JoinPanel]  # in screen order, left first
    status: str = ""  # "waiting for player 2", "both ready!"
    versus: bool = False
    time_s: float = 0.0  # drives the "press to join" pulse
    footer: Sequence[tuple[str, str]] = ()


def player_colour(player: int) -> Color:
    return PLAYER_COLOURS[player]


def join_boxes(size: tuple[int, int]) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
    """The left panel, the right panel, and the emblem's place between them."""
    w, h = size
    m, gap = px(28, h), px(88, h)
    top, bottom = px(96, h), h - px(62, h)
    panel_w = (w - 2 * m - gap) // 2
    left = pygame.Rect(m, top, panel_w, bottom - top)
    right = pygame.Rect(w - m - panel_w, top, panel_w, bottom - top)
    emblem = pygame.Rect(left.right, top, right.x - left.right, bottom - top)
    return left, right, emblem


def draw_join(surface: pygame.Surface, theme: Theme, view: JoinView) -> None:
    size = surface.get_size()
    surface.blit(theme.background(size, "night"), (0, 0))
    _draw_header(surface, theme, view)
    left, right, emblem = join_boxes(size)
    for box, join_panel in zip((left, right), view.panels, strict=True):
        if join_panel.seated:
            _draw_seated(surface, theme, box, join_panel)
        else:
            _draw_empty(surface, theme, box, join_panel, view.time_s)
    _draw_emblem(surface, theme, emblem, view.versus)
    _draw_footer(surface, theme, view)


def _draw_header(surface: pygame.Surface, theme: Theme, view: JoinView) -> None:
    w, h = surface.get_size()
    fonts = theme.fonts
    x = draw_screen_title(surface, theme, "2 PLAYERS", "화이팅") + px(16, h)
    mode = pill(theme, view.mode, "bold", px(15, h), (30, 16, 50), (*GOLD, 255))
    surface.blit(mode, (w - px(28, h) - mode.get_width(), px(28, h)))
    room = w - x - mode.get_width() - px(60, h)
    title = fonts.fit("bold", px(21, h), view.song_title, TEXT, room)
    surface.blit(title, (x, px(20, h)))
    surface.blit(fonts.fit("body", px(14, h), view.artist, TEXT_DIM, room), (x, px(22, h) + title.get_height()))


def _panel_card(surface: pygame.Surface, theme: Theme, box: pygame.Rect, colour: Color, lit: bool) -> None:
    h = surface.get_height()
    if lit:
        fill = (*mix(PANEL, colour, 0.22), 235)
        surface.blit(glow_panel(theme, box.size, px(18, h), colour, fill=fill), box.move(-px(18, h), -px(18, h)))
    else:
        fill = (*mix(PANEL, colour, 0.08), 215)
        surface.blit(panel(theme, box.size, px(18, h), fill=fill, edge=(*mix(colour, VIOLET, 0.4), 190)), box)
    pygame.draw.rect(surface, colour, (box.x + px(24, h), box.y, box.w - px(48, h), max(3, px(4, h))), border_radius=2)


def _badge(surface: pygame.Surface, theme: Theme, box: pygame.Rect, player: int, device: str) -> None:
    """ "P1" in big letters with "PLAYER 1" and the device beside it."""
    h = surface.get_height()
    fonts = theme.fonts
    colour = player_colour(player)
    tag = fonts.glow_text("display", px(46, h), f"P{player + 1}", (mix(colour, WHITE, 0.45), colour), colour, px(8, h))
    surface.blit(tag, (box.x + px(14, h), box.y + px(8, h)))
    x = box.x + px(22, h) + tag.get_width()
    surface.blit(fonts.text("bold", px(18, h), f"PLAYER {player + 1}", WHITE), (x, box.y + px(22, h)))
    line = fonts.fit("body", px(14, h), device, mix(colour, WHITE, 0.55), box.right - x - px(130, h))
    surface.blit(line, (x, box.y + px(46, h)))


def _draw_empty(surface: pygame.Surface, theme: Theme, box: pygame.Rect, join_panel: JoinPanel, time_s: float) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    colour = player_colour(join_panel.player)
    _panel_card(surface, theme, box, colour, False)
    pulse = 0.5 + 0.5 * math.sin(time_s * 2 * math.pi / 1.4)
    ghost = fonts.glow_text(
        "display", px(120, h), f"P{join_panel.player + 1}", (mix(colour, WHITE, 0.3), colour), colour, px(18, h)
    )
    blit_faded(
        surface, ghost, ghost.get_rect(center=(box.centerx, box.centery - px(70, h))).topleft, round(70 + 80 * pulse)
    )
    press = fonts.text("bold", px(24, h), "PRESS ANY PAD OR KEY", mix(WHITE, colour, 0.25 * pulse))
    blit_centred(surface, press, (box.centerx, box.centery + px(34, h)))
    blit_centred(surface, fonts.text("bold", px(24, h), "TO JOIN", colour), (box.centerx, box.centery + px(66, h)))
    half = "left" if join_panel.player == 0 else "right"
    side = "hi-hat or snare side" if join_panel.player == 0 else "tom or ride side"
    for index, line in enumerate((f"keyboard: the {half} half of the keys", f"drum kit: a pad on its {side}")):
        text = fonts.text("body", px(14, h), line, TEXT_DIM)
        blit_centred(surface, text, (box.centerx, box.centery + px(112 + 22 * index, h)))


def _draw_seated(surface: pygame.Surface, theme: Theme, box: pygame.Rect, join_panel: JoinPanel) -> None:
    h = surface.get_height()
    colour = player_colour(join_panel.player)
    _panel_card(surface, theme, box, colour, join_panel.ready)
    _badge(surface, theme, box, join_panel.player, join_panel.device)
    _status_pill(surface, theme, box, join_panel)
    inner = box.inflate(-px(40, h), 0)
    y = box.y + px(84, h)
    row_h = px(70, h)
    for row in join_panel.rows:
        _draw_row(surface, theme, pygame.Rect(inner.x, y, inner.w, row_h - px(10, h)), row, colour)
        y += row_h
    free = pygame.Rect(inner.x, y + px(4, h), inner.w, box.bottom - y - px(70, h))
    if join_panel.ready:
        _ready_stamp(surface, theme, free, colour)
    else:
        y = _draw_part(surface, theme, free, join_panel)
        _draw_keys(surface, theme, pygame.Rect(free.x, y, free.w, free.bottom - y), join_panel.keys)
    _draw_hints(surface, theme, pygame.Rect(inner.x, box.bottom - px(52, h), inner.w, px(36, h)), join_panel.hints)
    if join_panel.joined_age_s < JOIN_POP_S:  # a flash of the player's colour as they sit down
        veil = pygame.Surface(box.size, pygame.SRCALPHA)
        veil.fill((*colour, round(120 * (1 - join_panel.joined_age_s / JOIN_POP_S))))
        surface.blit(veil, box, special_flags=pygame.BLEND_RGBA_ADD)


def _ready_stamp(surface: pygame.Surface, theme: Theme, area: pygame.Rect, colour: Color) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    face = fonts.glow_text("display", px(64, h), "READY!", (WHITE, mix(colour, WHITE, 0.3)), colour, px(14, h))
    blit_centred(surface, face, (area.centerx, area.centery - px(10, h)))
    if fonts.has("cjk"):
        blit_centred(
            surface,
            fonts.text("cjk", px(18, h), "준비", mix(colour, WHITE, 0.5)),
            (area.centerx, area.centery + px(40, h)),
        )


def _status_pill(surface: pygame.Surface, theme: Theme, box: pygame.Rect, join_panel: JoinPanel) -> None:
    h = surface.get_height()
    colour = player_colour(join_panel.player)
    if join_panel.ready:
        face = pill(theme, "READY!", "bold", px(18, h), (20, 10, 40), (*colour, 255))
    else:
        face = pill(theme, "CHOOSING", "bold", px(14, h), TEXT, (*mix(PANEL, colour, 0.3), 230))
    surface.blit(face, (box.right - px(22, h) - face.get_width(), box.y + px(26, h)))


def _draw_row(surface: pygame.Surface, theme: Theme, row: pygame.Rect, choice: ChoiceRow, colour: Color) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    if choice.focused:
        fill = (*mix(PANEL, colour, 0.35), 235)
        surface.blit(glow_panel(theme, row.size, px(10, h), colour, fill=fill), row.move(-px(10, h), -px(10, h)))
    else:
        surface.blit(panel(theme, row.size, px(10, h), fill=(30, 20, 70, 150), edge=(*VIOLET, 70)), row)
    x = row.x + px(16, h)
    label = fonts.text("bold", px(13, h), choice.label, mix(colour, WHITE, 0.5) if choice.focused else TEXT_DIM)
    surface.blit(label, (x, row.centery - label.get_height() // 2))
    if choice.team:
        team = pill(theme, "TEAM", "bold", px(10, h), (30, 16, 50), (*GOLD, 230))
        surface.blit(team, (x, row.centery + label.get_height() // 2 + px(3, h)))
    area = pygame.Rect(row.x + round(row.w * 0.3), row.y, round(row.w * 0.7) - px(8, h), row.h)
    arrow_w = px(30, h)
    value = fonts.fit("bold", px(22, h), choice.value, WHITE if choice.focused else TEXT, area.w - 2 * arrow_w)
    detail = fonts.fit("body", px(12, h), choice.detail, TEXT_DIM, area.w - 2 * arrow_w)
    top = area.centery - (value.get_height() + detail.get_height()) // 2
    blit_centred(surface, value, (area.centerx, top + value.get_height() // 2))
    blit_centred(surface, detail, (area.centerx, top + value.get_height() + detail.get_height() // 2))
    if choice.focused:
        for glyph, x in ((CHEVRON_LEFT, area.x), (CHEVRON_RIGHT, area.right - arrow_w)):
            face = fonts.text("bold", px(30, h), glyph, mix(colour, WHITE, 0.4))
            blit_centred(surface, face, (x + arrow_w / 2, area.centery - px(2, h)))


def _heading(surface: pygame.Surface, theme: Theme, pos: tuple[int, int], text: str) -> int:
    """A small section heading; returns the y under it."""
    h = surface.get_height()
    face = theme.fonts.text("bold", px(12, h), text, mix(VIOLET, WHITE, 0.5))
    surface.blit(face, pos)
    return pos[1] + face.get_height() + px(8, h)


def _draw_part(surface: pygame.Surface, theme: Theme, area: pygame.Rect, join_panel: JoinPanel) -> int:
    """What this player plays in a Shared Kit: piece chips, or their part in words; returns the y
    under what was drawn."""
    h = surface.get_height()
    if not join_panel.pieces and not join_panel.part:
        return area.y
    y = _heading(surface, theme, area.topleft, "YOUR PART")
    if join_panel.part:
        face = theme.fonts.fit("body", px(15, h), join_panel.part, TEXT, area.w)
        surface.blit(face, (area.x, y))
        return y + face.get_height() + px(16, h)
    chips = [_piece_chip(theme, piece, px(14, h)) for piece in join_panel.pieces]
    return _flow(surface, chips, pygame.Rect(area.x, y, area.w, area.bottom - y)) + px(16, h)


def _draw_keys(surface: pygame.Surface, theme: Theme, area: pygame.Rect, keys: Sequence[tuple[str, KitPiece]]) -> None:
    """A keyboard player's keys: a key cap and the piece's name for each piece they play."""
    h = surface.get_height()
    if not keys or area.h < px(60, h):
        return
    y = _heading(surface, theme, area.topleft, "YOUR KEYS")
    chips = []
    for label, piece in keys:
        cap = keycap(theme, label, px(22, h), PIECE_COLOURS[piece])
        name = theme.fonts.text("body", px(13, h), PIECE_LABELS[piece], TEXT)
        chip = pygame.Surface((cap.get_width() + px(6, h) + name.get_width(), cap.get_height()), pygame.SRCALPHA)
        chip.blit(cap, (0, 0))
        chip.blit(name, (cap.get_width() + px(6, h), (cap.get_height() - name.get_height()) // 2))
        chips.append(chip)
    _flow(surface, chips, pygame.Rect(area.x, y, area.w, area.bottom - y), gap=px(14, h))


def _flow(surface: pygame.Surface, chips: Sequence[pygame.Surface], area: pygame.Rect, gap: int = 0) -> int:
    """Chips left to right, wrapping to new lines, while they fit in `area`; returns the y under them."""
    h = surface.get_height()
    gap = gap or px(6, h)
    x, y = area.x, area.y
    line_h = 0
    for chip in chips:
        if x > area.x and x + chip.get_width() > area.right:
            x, y = area.x, y + line_h + px(6, h)
        if y + chip.get_height() > area.bottom:
            break
        surface.blit(chip, (x, y))
        x += chip.get_width() + gap
        line_h = max(line_h, chip.get_height())
    return y + line_h


def _piece_chip(theme: Theme, piece: KitPiece, size: int) -> pygame.Surface:
    colour = PIECE_COLOURS[piece]
    return pill(
        theme, f"\u25cf {PIECE_LABELS[piece]}", "bold", size, mix(colour, WHITE, 0.55), (*mix(PANEL, colour, 0.35), 235)
    )


def _draw_hints(surface: pygame.Surface, theme: Theme, area: pygame.Rect, hints: Sequence[tuple[str, str]]) -> None:
    """Key caps (or pad names) with their verbs, in one row that shrinks to fit."""
    if not hints:
        return
    h = surface.get_height()
    fonts = theme.fonts
    cap_h = px(24, h)
    parts = [
        (keycap(theme, key, cap_h, mix(VIOLET, WHITE, 0.3)), fonts.text("body", px(13, h), verb, TEXT_DIM))
        for key, verb in hints
    ]
    gap = px(14, h)
    total = sum(cap.get_width() + px(5, h) + text.get_width() for cap, text in parts) + gap * (len(parts) - 1)
    scale = min(1.0, area.w / max(total, 1))
    row = pygame.Surface((total, cap_h), pygame.SRCALPHA)
    x = 0
    for cap, text in parts:
        row.blit(cap, (x, 0))
        x += cap.get_width() + px(5, h)
        row.blit(text, (x, (cap_h - text.get_height()) // 2))
        x += text.get_width() + gap
    if scale < 1.0:
        row = pygame.transform.smoothscale_by(row, scale)
    blit_centred(surface, row, area.center)


def _draw_emblem(surface: pygame.Surface, theme: Theme, area: pygame.Rect, versus: bool) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    if versus:
        face = fonts.glow_text("display", px(44, h), "VS", (WHITE, GOLD), GOLD, px(10, h))
        blit_centred(surface, face, area.center)
        return
    radius = px(16, h)
    for index, colour in enumerate(PLAYER_COLOURS):
        pygame.draw.aacircle(
            surface, colour, (area.centerx + (2 * index - 1) * radius * 0.6, area.centery - px(14, h)), radius
        )
    blit_centred(surface, fonts.text("bold", px(13, h), "DUET", WHITE), (area.centerx, area.centery + px(20, h)))


def _draw_footer(surface: pygame.Surface, theme: Theme, view: JoinView) -> None:
    w, h = surface.get_size()
    fonts = theme.fonts
    y = h - px(44, h)
    if view.status:
        status = fonts.text("bold", px(17, h), view.status, mix(GOLD, WHITE, 0.3))
        blit_centred(surface, status, (w // 2, y + px(16, h)))
    x = px(28, h)
    for key, action in view.footer:
        cap = keycap(theme, key, px(26, h), mix(VIOLET, WHITE, 0.3))
        surface.blit(cap, (x, y + px(3, h)))
        x += cap.get_width() + px(8, h)
        text = fonts.text("body", px(14, h), action, TEXT_DIM)
        surface.blit(text, (x, y + px(3, h) + (cap.get_height() - text.get_height()) // 2))
        x += text.get_width() + px(24, h)
