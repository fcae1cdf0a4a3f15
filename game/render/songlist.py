"""The song list: a scrolling column of song cards, a details card, a search box and a sort label.

Scrolling is a pure function of (selected, count, rows that fit): the selected row is kept in view
near the middle, so the scene stores only the selection.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.render.backdrop import gradient, with_alpha
from game.render.fonts import CHEVRON_RIGHT, px
from game.render.hud import clock_text
from game.render.theme import CYAN, GOLD, GRADE_COLOURS, HOT_PINK, TEXT, TEXT_DIM, TEXT_FAINT, VIOLET, WHITE, Theme, mix
from game.render.widget import draw_screen_title, glow_panel, panel, pill

MAX_PIPS = 6


@dataclass(frozen=True, slots=True)
class SongRow:
    title: str
    artist: str
    bpm: float
    length_s: float
    difficulty: int  # 0..MAX_PIPS pips
    best_score: int | None = None
    best_grade: str | None = None


@dataclass(frozen=True, slots=True)
class SongListView:
    rows: Sequence[SongRow]
    selected: int
    search: str = ""
    searching: bool = False  # the search box has the keyboard
    sort_label: str = "Title"
    footer: str = ""


def scroll_top(selected: int, count: int, visible: int) -> int:
    """First row to show so `selected` is on screen, centred where possible."""
    if count <= visible:
        return 0
    return min(max(selected - visible // 2, 0), count - visible)


def song_list_boxes(size: tuple[int, int]) -> dict[str, pygame.Rect]:
    w, h = size
    m = px(28, h)
    top = px(92, h)
    list_w = round(w * 0.56)
    return {
        "list": pygame.Rect(m, top, list_w, h - top - px(58, h)),
        "detail": pygame.Rect(2 * m + list_w, top, w - 3 * m - list_w, h - top - px(58, h)),
        "search": pygame.Rect(w - m - round(w * 0.3), px(24, h), round(w * 0.3), px(40, h)),
    }


def draw_song_list(surface: pygame.Surface, theme: Theme, view: SongListView) -> None:
    w, h = surface.get_size()
    surface.blit(theme.background((w, h), "night"), (0, 0))
    boxes = song_list_boxes((w, h))
    _draw_header(surface, theme, view, boxes["search"])
    row_h = px(74, h)
    visible = max(1, boxes["list"].h // row_h)
    first = scroll_top(view.selected, len(view.rows), visible)
    for slot, index in enumerate(range(first, min(first + visible, len(view.rows)))):
        row = pygame.Rect(boxes["list"].x, boxes["list"].y + slot * row_h, boxes["list"].w, row_h - px(10, h))
        _draw_row(surface, theme, row, view.rows[index], index == view.selected)
    if not view.rows:
        empty = theme.fonts.text("body", px(18, h), "No songs match your search", TEXT_DIM)
        surface.blit(empty, (boxes["list"].x + px(20, h), boxes["list"].y + px(20, h)))
    draw_scrollbar(surface, boxes["list"], first, visible, len(view.rows))
    if 0 <= view.selected < len(view.rows):
        _draw_detail(surface, theme, boxes["detail"], view.rows[view.selected])
    if view.footer:
        text = theme.fonts.fit("body", px(14, h), view.footer, TEXT_DIM, w - px(56, h))
        surface.blit(text, ((w - text.get_width()) // 2, h - px(38, h)))


def _draw_header(surface: pygame.Surface, theme: Theme, view: SongListView, search: pygame.Rect) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    x = draw_screen_title(surface, theme, "SONG SELECT", "선곡")
    sort = pill(theme, f"Sort: {view.sort_label}", "bold", px(13, h), WHITE, (*VIOLET, 200))
    if x + sort.get_width() < search.x - px(12, h):
        surface.blit(sort, (search.x - sort.get_width() - px(14, h), search.centery - sort.get_height() // 2))
    colour = CYAN if view.searching else VIOLET
    surface.blit(
        panel(
            theme, search.size, search.h // 2, fill=(20, 12, 50, 230), edge=(*colour, 230 if view.searching else 120)
        ),
        search,
    )
    text = view.search + ("|" if view.searching else "") if view.search or view.searching else "Search songs or artists"
    face = fonts.fit(
        "body", px(16, h), text, TEXT if view.search or view.searching else TEXT_FAINT, search.w - px(56, h)
    )
    pygame.draw.aacircle(surface, colour, (search.x + px(22, h), search.centery - px(2, h)), px(7, h), max(1, px(2, h)))
    pygame.draw.line(
        surface,
        colour,
        (search.x + px(27, h), search.centery + px(3, h)),
        (search.x + px(32, h), search.centery + px(8, h)),
        max(1, px(2, h)),
    )
    surface.blit(face, (search.x + px(42, h), search.centery - face.get_height() // 2))


def _draw_row(surface: pygame.Surface, theme: Theme, row: pygame.Rect, song: SongRow, selected: bool) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    if selected:
        surface.blit(
            glow_panel(theme, row.size, px(12, h), HOT_PINK, fill=(90, 30, 130, 235)),
            (row.x - px(12, h), row.y - px(12, h)),
        )
    else:
        surface.blit(panel(theme, row.size, px(12, h), fill=(28, 18, 66, 190)), row)
    right_w = px(150, h)
    text_w = row.w - right_w - px(36, h)
    title = fonts.fit("bold", px(20, h), song.title, WHITE if selected else TEXT, text_w)
    surface.blit(title, (row.x + px(18, h), row.y + px(9, h)))
    meta = f"{song.artist}  ·  {song.bpm:.0f} BPM  ·  {clock_text(song.length_s)}"
    surface.blit(
        fonts.fit("body", px(14, h), meta, TEXT_DIM, text_w),
        (row.x + px(18, h), row.y + px(11, h) + title.get_height()),
    )
    draw_pips(surface, (row.right - right_w, row.y + px(16, h)), song.difficulty, px(12, h))
    if song.best_grade:
        top, _ = GRADE_COLOURS.get(song.best_grade, GRADE_COLOURS["D"])
        grade = fonts.text("display", px(24, h), song.best_grade, top)
        surface.blit(grade, (row.right - px(14, h) - grade.get_width(), row.y + px(10, h)))
    best = f"{song.best_score:,}" if song.best_score is not None else "no play yet"
    score = fonts.fit("body", px(13, h), best, GOLD if song.best_score is not None else TEXT_FAINT, right_w - px(14, h))
    surface.blit(score, (row.right - right_w, row.bottom - score.get_height() - px(9, h)))


def draw_pips(surface: pygame.Surface, topleft: tuple[int, int], level: int, size: int) -> None:
    """Difficulty pips: filled up to `level`, ramping from cyan to hot pink."""
    x, y = topleft
    for i in range(MAX_PIPS):
        colour = mix(CYAN, HOT_PINK, i / (MAX_PIPS - 1)) if i < level else (70, 56, 120)
        pygame.draw.aacircle(surface, colour, (x + size // 2, y + size // 2), size // 2)
        x += size + max(2, size // 3)


def draw_scrollbar(surface: pygame.Surface, area: pygame.Rect, first: int, visible: int, count: int) -> None:
    if count <= visible:
        return
    h = surface.get_height()
    track = pygame.Rect(area.right + px(8, h), area.y, max(2, px(4, h)), area.h - px(10, h))
    pygame.draw.rect(surface, (50, 36, 100), track, border_radius=track.w)
    thumb_h = max(track.w * 3, round(track.h * visible / count))
    thumb_y = track.y + round((track.h - thumb_h) * first / max(count - visible, 1))
    pygame.draw.rect(surface, mix(HOT_PINK, WHITE, 0.3), (track.x, thumb_y, track.w, thumb_h), border_radius=track.w)


def _draw_detail(surface: pygame.Surface, theme: Theme, box: pygame.Rect, song: SongRow) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    surface.blit(panel(theme, box.size, px(18, h)), box)
    inner = box.inflate(-px(44, h), -px(40, h))
    art = pygame.Rect(inner.x, inner.y, inner.w, round(inner.h * 0.38))
    surface.blit(_cover(theme, art.size, song.title), art)
    y = art.bottom + px(16, h)
    for text, role, size, colour in ((song.title, "bold", 26, WHITE), (song.artist, "body", 17, TEXT_DIM)):
        face = fonts.fit(role, px(size, h), text, colour, inner.w)
        surface.blit(face, (inner.x, y))
        y += face.get_height() + px(2, h)
    y += px(12, h)
    for label, value in (
        ("BPM", f"{song.bpm:.0f}"),
        ("LENGTH", clock_text(song.length_s)),
        ("BEST", f"{song.best_score:,}" if song.best_score is not None else "—"),
    ):
        name = fonts.text("bold", px(13, h), label, TEXT_FAINT)
        value_face = fonts.fit("bold", px(18, h), value, TEXT, inner.w - px(120, h))
        surface.blit(name, (inner.x, y + px(3, h)))
        surface.blit(value_face, (inner.x + px(100, h), y))
        y += value_face.get_height() + px(8, h)
    draw_pips(surface, (inner.x + px(100, h), y + px(4, h)), song.difficulty, px(14, h))
    surface.blit(fonts.text("bold", px(13, h), "LEVEL", TEXT_FAINT), (inner.x, y + px(3, h)))
    if song.best_grade:
        top, bottom = GRADE_COLOURS.get(song.best_grade, GRADE_COLOURS["D"])
        grade = fonts.glow_text("display", px(64, h), song.best_grade, (mix(top, WHITE, 0.3), bottom), top, px(10, h))
        surface.blit(grade, (inner.right - grade.get_width() + px(10, h), art.bottom + px(4, h)))
    play = pygame.Rect(inner.x, inner.bottom - px(44, h), inner.w, px(44, h))
    if play.y > y + px(30, h):
        surface.blit(
            glow_panel(theme, play.size, px(10, h), HOT_PINK, fill=(150, 40, 150, 240)),
            (play.x - px(10, h), play.y - px(10, h)),
        )
        label = fonts.text("bold", px(18, h), f"PLAY  {CHEVRON_RIGHT}", WHITE)
        surface.blit(label, label.get_rect(center=play.center))


def _cover(theme: Theme, size: tuple[int, int], title: str) -> pygame.Surface:
    """A stand-in album cover: two hues picked from the title, light rings, and its initials."""

    def make() -> pygame.Surface:
        seed = sum(map(ord, title))
        first = COVER_HUES[seed % len(COVER_HUES)]
        second = COVER_HUES[(seed % len(COVER_HUES) + 1 + (seed // 7) % (len(COVER_HUES) - 1)) % len(COVER_HUES)]
        art = with_alpha(gradient(size, first, second, horizontal=True))
        w, h = size
        for ring in range(1, 6):  # a vinyl-like sheen of thin rings off to one side
            pygame.draw.aacircle(
                art,
                mix(second, WHITE, 0.25),
                (round(w * 0.78), round(h * 0.5)),
                round(h * 0.16 * ring),
                max(1, h // 80),
            )
        mask = pygame.Surface(size, pygame.SRCALPHA)
        pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=max(4, h // 12))
        art.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        initials = "".join(word[0] for word in title.split()[:2]).upper() or "?"
        face = theme.fonts.text("display", max(8, h // 2), initials, WHITE)
        art.blit(face, (round(w * 0.08), h - face.get_height() - round(h * 0.04)))
        return art

    return theme.cached(("cover", size, title), make)


COVER_HUES = (HOT_PINK, VIOLET, CYAN, GOLD, (255, 110, 110), (90, 230, 170), (90, 120, 255))
