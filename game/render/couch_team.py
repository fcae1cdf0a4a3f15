"""What the two players share on screen: the song, the duet's team banner and the versus lead.

Team banner (Shared Kit, top centre): the team score, the live sync meter (a pink-to-cyan bar
with a word: IN SYNC, STEADY or DRIFTING) and the shared fever meter. Lead strip (versus, between
the highways): the song, who leads right now and each player's share of a perfect run so far.
Still parts go into the backdrop through the `*_still` calls, as in `couch_hud`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.render.couch_hud import player_colour, player_tag
from game.render.fonts import px
from game.render.hud import clock_text
from game.render.meter import draw_fever_meter, draw_meter_slots
from game.render.theme import CYAN, GOLD, HOT_PINK, LIME, PEACH, TEXT, TEXT_DIM, VIOLET, WHITE, Color, Theme, mix
from game.render.widget import bar, blit_centred, glow_panel, panel, pill

SYNC_WORDS: tuple[tuple[float, str, Color], ...] = (
    (0.75, "IN SYNC", LIME),
    (0.45, "STEADY", WHITE),
    (0.0, "DRIFTING", PEACH),
)
TRACK = (46, 30, 96)


@dataclass(frozen=True, slots=True)
class SongView:
    title: str
    artist: str
    section: str = ""
    progress: float = 0.0  # 0..1
    elapsed_s: float = 0.0
    length_s: float = 0.0


@dataclass(frozen=True, slots=True)
class TeamView:
    score: int
    sync_level: float  # 0..1, the live sync meter
    fever_meter: float
    fever_active: bool = False


def sync_word(level: float) -> tuple[str, Color]:
    return next((word, colour) for floor, word, colour in SYNC_WORDS if level >= floor)


def _progress(surface: pygame.Surface, theme: Theme, x: int, y: int, width: int, share: float) -> None:
    h = surface.get_height()
    thick = max(3, px(5, h))
    surface.blit(bar(theme, (width, thick), TRACK, TRACK), (x, y))
    filled = round(width * min(max(share, 0.0), 1.0))
    if filled > thick:
        surface.blit(bar(theme, (width, thick), HOT_PINK, CYAN), (x, y), pygame.Rect(0, 0, filled, thick))


# -- Shared Kit -----------------------------------------------------------------------------------


def draw_song_card_still(surface: pygame.Surface, theme: Theme, box: pygame.Rect, song: SongView) -> None:
    h = surface.get_height()
    surface.blit(panel(theme, box.size, px(14, h)), box)
    inner = box.inflate(-px(28, h), -px(20, h))
    title = theme.fonts.fit("bold", px(19, h), song.title or "—", TEXT, inner.w)
    surface.blit(title, inner.topleft)
    artist = theme.fonts.fit("body", px(13, h), song.artist, TEXT_DIM, inner.w)
    surface.blit(artist, (inner.x, inner.y + title.get_height()))


def draw_song_card(surface: pygame.Surface, theme: Theme, box: pygame.Rect, song: SongView) -> None:
    h = surface.get_height()
    inner = box.inflate(-px(28, h), -px(20, h))
    _progress(surface, theme, inner.x, inner.bottom - px(22, h), inner.w, song.progress)
    stamp = theme.fonts.text("body", px(12, h), f"{clock_text(song.elapsed_s)} / {clock_text(song.length_s)}", TEXT_DIM)
    surface.blit(stamp, (inner.x, inner.bottom - stamp.get_height() + px(3, h)))
    if song.section:
        room = inner.w - stamp.get_width() - px(24, h)
        if room > px(30, h):
            text = theme.fonts.clip("bold", px(11, h), song.section, room)
            tag = pill(theme, text, "bold", px(11, h), WHITE, (*HOT_PINK, 200))
            surface.blit(tag, (inner.right - tag.get_width(), inner.bottom - tag.get_height() + px(5, h)))


def draw_mode_card_still(
    surface: pygame.Surface, theme: Theme, box: pygame.Rect, title: str, detail: str, difficulty: str
) -> None:
    h = surface.get_height()
    surface.blit(panel(theme, box.size, px(14, h)), box)
    inner = box.inflate(-px(28, h), -px(20, h))
    head = theme.fonts.glow_text("display", px(26, h), title, (WHITE, mix(HOT_PINK, CYAN, 0.5)), VIOLET, px(8, h))
    surface.blit(head, (inner.x - px(8, h), inner.y - px(8, h)))
    surface.blit(theme.fonts.text("bold", px(13, h), detail, TEXT_DIM), (inner.x, inner.bottom - px(18, h)))
    if difficulty:
        chip = pill(theme, difficulty.upper(), "bold", px(12, h), WHITE, (*VIOLET, 220))
        surface.blit(chip, (inner.right - chip.get_width(), inner.bottom - chip.get_height()))


def _banner_parts(box: pygame.Rect, u: float) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
    """The sync area (left), the team score area (middle) and the fever area (right)."""
    inner = box.inflate(-round(28 * u), -round(16 * u))
    side = round(inner.w * 0.3)
    sync = pygame.Rect(inner.x, inner.y + round(6 * u), side, inner.h - round(6 * u))
    fever = pygame.Rect(inner.right - side, inner.y + round(10 * u), side, inner.h - round(10 * u))
    return sync, pygame.Rect(sync.right, inner.y, inner.w - 2 * side, inner.h), fever


def draw_team_banner_still(surface: pygame.Surface, theme: Theme, box: pygame.Rect) -> None:
    h = surface.get_height()
    u = h / 720
    surface.blit(
        glow_panel(theme, box.size, px(16, h), VIOLET, fill=(34, 20, 80, 235)), (box.x - px(16, h), box.y - px(16, h))
    )
    sync, middle, fever = _banner_parts(box, u)
    surface.blit(theme.fonts.text("bold", px(13, h), "SYNC", TEXT_DIM), sync.topleft)
    surface.blit(bar(theme, (sync.w, px(12, h)), TRACK, TRACK), (sync.x, sync.y + px(24, h)))
    label = theme.fonts.text("bold", px(12, h), "T E A M   S C O R E", mix(TEXT_DIM, WHITE, 0.3))
    blit_centred(surface, label, (middle.centerx, middle.y + px(8, h)))
    draw_meter_slots(surface, theme, fever)


def draw_team_banner(surface: pygame.Surface, theme: Theme, box: pygame.Rect, view: TeamView) -> None:
    h = surface.get_height()
    u = h / 720
    sync, middle, fever = _banner_parts(box, u)
    word, colour = sync_word(view.sync_level)
    level = round(min(max(view.sync_level, 0.0), 1.0) * 48) / 48
    thick = px(12, h)
    filled = round(sync.w * level)
    if filled > thick:
        surface.blit(bar(theme, (sync.w, thick), HOT_PINK, CYAN), (sync.x, sync.y + px(24, h)), (0, 0, filled, thick))
    status = theme.fonts.glow_text("bold", px(17, h), word, colour, colour, px(5, h))
    surface.blit(status, (sync.x - px(5, h), sync.y + px(40, h) - px(5, h)))
    percent = theme.fonts.run("bold", px(13, h), f"{round(level * 100)}%", TEXT_DIM)
    surface.blit(percent, (sync.right - percent.get_width(), sync.y))
    fill = (mix(GOLD, WHITE, 0.4), GOLD) if view.fever_active else (WHITE, mix(HOT_PINK, CYAN, 0.5))
    score = theme.fonts.run("display", px(42, h), f"{view.score:,}", fill, VIOLET, px(8, h))
    blit_centred(surface, score, (middle.centerx, middle.centery + px(8, h)))
    draw_fever_meter(surface, theme, fever, view.fever_meter, view.fever_active)


# -- Versus ---------------------------------------------------------------------------------------


def draw_lead_strip_still(surface: pygame.Surface, theme: Theme, box: pygame.Rect, song: SongView) -> None:
    h = surface.get_height()
    inner = box.inflate(-px(12, h), 0)
    title = theme.fonts.fit("bold", px(15, h), song.title or "—", TEXT, inner.w)
    blit_centred(surface, title, (inner.centerx, inner.y + px(14, h)))
    artist = theme.fonts.fit("body", px(12, h), song.artist, TEXT_DIM, inner.w)
    blit_centred(surface, artist, (inner.centerx, inner.y + px(34, h)))
    blit_centred(surface, theme.fonts.text("bold", px(12, h), "L E A D", TEXT_DIM), (inner.centerx, _lead_y(box, h)))


def _lead_y(box: pygame.Rect, h: int) -> int:
    return box.y + px(160, h)


def draw_lead_strip(
    surface: pygame.Surface,
    theme: Theme,
    box: pygame.Rect,
    song: SongView,
    leader_side: int | None,
    shares: tuple[tuple[int, float], tuple[int, float]],
) -> None:
    """`leader_side`: the screen side (0 left, 1 right) of the player ahead, None when level;
    `shares`: per screen side, (player, percent of a perfect run so far)."""
    h = surface.get_height()
    inner = box.inflate(-px(12, h), 0)
    _progress(surface, theme, inner.x, inner.y + px(52, h), inner.w, song.progress)
    if song.section:
        text = theme.fonts.clip("bold", px(11, h), song.section, inner.w - px(12, h))
        blit_centred(
            surface, pill(theme, text, "bold", px(11, h), WHITE, (*HOT_PINK, 200)), (inner.centerx, inner.y + px(76, h))
        )
    y = _lead_y(box, h) + px(44, h)
    if leader_side is None:
        blit_centred(
            surface,
            theme.fonts.glow_text("display", px(36, h), "TIE", (WHITE, VIOLET), VIOLET, px(8, h)),
            (inner.centerx, y),
        )
    else:
        player = shares[leader_side][0]
        blit_centred(surface, player_tag(theme, player, px(44, h)), (inner.centerx, y))
        _arrow(surface, (inner.centerx, y + px(44, h)), leader_side, player_colour(player), px(14, h))
    _share_bars(surface, theme, pygame.Rect(inner.x, y + px(80, h), inner.w, box.bottom - y - px(120, h)), shares)


def _arrow(surface: pygame.Surface, centre: tuple[float, float], side: int, colour: Color, size: int) -> None:
    x, y = centre
    tip = -size if side == 0 else size
    for shift in (-size * 0.6, size * 0.6):
        points = [
            (x + shift + tip, y),
            (x + shift - tip * 0.6, y - size * 0.7),
            (x + shift - tip * 0.6, y + size * 0.7),
        ]
        pygame.draw.polygon(surface, colour, points)


def _share_bars(
    surface: pygame.Surface, theme: Theme, area: pygame.Rect, shares: tuple[tuple[int, float], ...]
) -> None:
    """Two upright bars, one per screen side, filled by the share (from 50 % at the bottom)."""
    h = surface.get_height()
    width = min(px(22, h), area.w // 4)
    for side, (player, share) in enumerate(shares):
        x = area.centerx + (-1 if side == 0 else 1) * area.w // 5 - width // 2
        column = pygame.Rect(x, area.y, width, area.h - px(24, h))
        surface.blit(panel(theme, column.size, width // 2, fill=(*TRACK, 220)), column)
        level = min(max((share - 50.0) / 50.0, 0.0), 1.0)
        lit = round(column.h * round(level * 64) / 64)
        if lit > width:
            colour = player_colour(player)
            glow = panel(theme, (width, lit), width // 2, fill=(*colour, 255), edge=(*mix(colour, WHITE, 0.5), 255))
            surface.blit(glow, (column.x, column.bottom - lit))
        text = theme.fonts.run("bold", px(12, h), f"{share:.1f}", mix(player_colour(player), WHITE, 0.4))
        blit_centred(surface, text, (column.centerx, column.bottom + px(12, h)))
