"""Every screen draws at 960x540, 1280x720 and 1920x1080, and text stays inside its box."""

import itertools

import numpy as np
import pygame
import pytest

from game.chart.layout import FOUR_LANE_PRO, KIT
from game.chart.model import Note
from game.chart.piece import Dynamic, KitPiece
from game.engine.result import Result
from game.engine.window import Judgement
from game.render.cache import SurfaceCache
from game.render.calibration import CalibrationView, draw_calibration
from game.render.fonts import CJK_PHRASES, FONT_FILES, FontBook
from game.render.geometry import HighwayGeometry
from game.render.highway import HighwayView, draw_highway
from game.render.hud import HudView, draw_hud, draw_play_backdrop, play_layout
from game.render.menu import ChoiceOption, ChooserView, TitleView, draw_chooser, draw_title
from game.render.overlay import draw_key_hints, draw_notice, draw_paused
from game.render.popup import JudgementPopup, draw_count_in, draw_judgements, popup_alpha
from game.render.results import ResultsView, draw_results
from game.render.settings import SettingRow, SettingsView, draw_settings
from game.render.skin import HighwaySkin
from game.render.songlist import SongListView, SongRow, draw_song_list, scroll_top
from game.render.theme import Theme, default_font_dir

SIZES = [(960, 540), (1280, 720), (1920, 1080)]
LONG = "An Extraordinarily Long Song Title That Would Never Fit In Any Reasonable Box (Remix)"


@pytest.fixture(scope="module")
def theme():
    pygame.init()
    return Theme()


def result(errors=(-10.0, 2.0, 5.0, 30.0, -60.0)) -> Result:
    counts = {j.value: 0 for j in Judgement} | {"perfect": 3, "great": 1, "good": 1, "miss": 1}
    return Result(
        score=123_456_789,
        accuracy=88.5,
        grade="B",
        notes=6,
        max_combo=4,
        full_combo=False,
        judgements=counts,
        hit_errors_ms=tuple(errors),
        early=2,
        late=3,
        per_piece={p.value: {"notes": 2, "hit": 2, "accuracy": 90.0, "early": 1, "late": 1} for p in KitPiece},
        dynamics={},
        fever_activations=1,
        fever_phrases_completed=2,
        late_inputs=0,
    )


def hud_view(**changes) -> HudView:
    values = dict(
        score=9_876_543,
        combo=321,
        multiplier=8,
        accuracy=99.12,
        fever_meter=0.75,
        fever_active=True,
        progress=0.4,
        combo_age_s=0.05,
        multiplier_progress=0.3,
        section="Chorus",
        title=LONG,
        artist=LONG,
        difficulty="Expert",
        elapsed_s=61,
        length_s=245,
    )
    return HudView(**(values | changes))


def draw_play(surface, theme, layout=FOUR_LANE_PRO):
    play = play_layout(surface.get_size(), layout.columns)
    geometry = HighwayGeometry.fit(play.rect(play.highway), layout)
    notes = tuple(
        Note(1.0 + i * 0.05, piece, dynamic=dynamic)
        for i, (piece, dynamic) in enumerate([(p, d) for p in KitPiece for d in Dynamic])
    )
    hud = hud_view()
    draw_play_backdrop(surface, theme, play, hud)
    draw_highway(surface, geometry, HighwayView(1.2, 1.0, notes, {0}, {1}, (), True, {0: 1.0}, 0.5), HighwaySkin(theme))
    draw_hud(surface, theme, play, hud)
    draw_judgements(surface, theme, play, [JudgementPopup(Judgement.GOOD, 0.1, early=True)])
    draw_count_in(surface, theme, play, "GO!", 0.3)
    draw_key_hints(surface, theme, play.rect(play.right), [("Space", KitPiece.KICK), ("F", KitPiece.SNARE)])
    draw_notice(surface, theme, "No audio device: playing silently")
    draw_paused(surface, theme, ["Resume", "Quit"], 1, "Esc: resume")


SCREENS = {
    "play": draw_play,
    "play_kit": lambda s, t: draw_play(s, t, KIT),
    "results": lambda s, t: draw_results(
        s,
        t,
        ResultsView(
            result(),
            LONG,
            LONG,
            "Expert",
            new_best=True,
            hints=[("Enter", "continue"), ("O", "use suggested offset (+12 ms)")],
        ),
    ),
    "results_empty": lambda s, t: draw_results(s, t, ResultsView(result(()), "", age_s=0.0)),
    "title": lambda s, t: draw_title(s, t, TitleView(3.7, ["Play", "Settings", "Quit"], 1, "Enter: select")),
    "songs": lambda s, t: draw_song_list(
        s, t, SongListView([SongRow(LONG, LONG, 120, 200, 4, 10**9, "SS")] * 30, 17, LONG, True, "Title", "Enter: play")
    ),
    "songs_empty": lambda s, t: draw_song_list(s, t, SongListView([], 0, "zzz")),
    "chooser": lambda s, t: draw_chooser(
        s, t, ChooserView(LONG, [ChoiceOption("Expert", LONG)] * 4, 3, [ChoiceOption(LONG)] * 4, 0, 1, "Enter")
    ),
    "settings": lambda s, t: draw_settings(
        s, t, SettingsView([SettingRow(LONG, LONG, LONG, "Group")] * 25, 20, True, footer="Esc")
    ),
    "calibration": lambda s, t: draw_calibration(
        s, t, CalibrationView(0.1, 5, 16, -12.5, 8.0, (10.0, -150.0), [LONG, "Esc"])
    ),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", SCREENS)
def test_every_screen_draws_at_every_size(theme, name, size):
    surface = pygame.Surface(size)
    SCREENS[name](surface, theme)
    pixels = pygame.surfarray.array3d(surface)
    assert pixels.std() > 10  # a picture, not a blank fill


def test_fit_never_returns_text_wider_than_asked():
    book = FontBook(default_font_dir())
    for role in FONT_FILES:
        if role == "cjk":
            continue
        for width in (30, 80, 200, 600):
            for text in ("", "x", "Chorus", LONG, "W" * 200):
                assert book.fit(role, 24, text, (255, 255, 255), width).get_width() <= max(
                    width, book.fit(role, 24, text[:1] + "…", (255, 255, 255), 10**6).get_width()
                )
                clipped = book.clip(role, 24, text, width)
                assert book.font(role, 24).size(clipped)[0] <= width or len(clipped) <= 2


def test_a_missing_font_falls_back_to_the_default(tmp_path):
    book = FontBook(tmp_path)
    assert not book.has("display")
    assert book.text("display", 20, "hello", (255, 255, 255)).get_width() > 0


def changed_outside(draw_a, draw_b, size, box) -> bool:
    """Whether two drawings differ anywhere outside `box`."""
    a, b = pygame.Surface(size), pygame.Surface(size)
    draw_a(a)
    draw_b(b)
    diff = np.abs(pygame.surfarray.array3d(a).astype(int) - pygame.surfarray.array3d(b).astype(int)).sum(axis=2) > 0
    diff[box.x : box.right, box.y : box.bottom] = False
    return bool(diff.any())


@pytest.mark.parametrize("columns", [4, 9])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_long_hud_texts_stay_inside_their_cards(theme, size, columns):
    play = play_layout(size, columns)

    def hud(view):
        return lambda s: (draw_play_backdrop(s, theme, play, view, skip_highway=False), draw_hud(s, theme, play, view))

    short = hud_view(title="Hi", artist="Me", score=1, combo=0, section="A")
    long = hud_view(title=LONG, artist=LONG, score=999_999_999_999, combo=0, section=LONG)
    left, right = play.rect(play.left), play.rect(play.right)
    cards = pygame.Rect(left.x, left.y, right.right - left.x, round(150 * play.unit))
    assert not changed_outside(hud(short), hud(long), size, cards.inflate(0, 2))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_long_song_rows_stay_inside_the_list(theme, size):
    from game.render.songlist import song_list_boxes

    boxes = song_list_boxes(size)

    def songs(title):
        return lambda s: draw_song_list(s, theme, SongListView([SongRow(title, title, 128, 201, 3)] * 3, 0))

    listing = boxes["list"].inflate(px := round(size[1] / 720 * 30), px)
    detail = boxes["detail"]
    union = listing.union(detail)
    assert not changed_outside(songs("A"), songs(LONG), size, union)


def test_scroll_keeps_the_selection_visible():
    for count in (0, 3, 10, 50):
        for visible in (1, 5, 8):
            for selected in range(count):
                top = scroll_top(selected, count, visible)
                assert 0 <= top <= max(count - visible, 0)
                assert top <= selected < top + visible


def test_popups_fade_out():
    alphas = [popup_alpha(age) for age in np.linspace(0, 0.6, 30)]
    assert alphas[0] == 255 and alphas[-1] == 0
    assert all(a >= b for a, b in itertools.pairwise(alphas))


def test_the_cjk_subset_has_every_phrase_the_screens_use():
    book = FontBook(default_font_dir())
    assert book.has("cjk")
    font = book.font("cjk", 20)
    for phrase in CJK_PHRASES:
        assert all(metric is not None for metric in font.metrics(phrase)), phrase


def test_the_surface_cache_drops_the_least_recently_used():
    cache = SurfaceCache(8)
    surfaces = [pygame.Surface((1, 1)) for _ in range(9)]
    for key in range(8):
        cache.put(key, surfaces[key])
    assert cache.get(0) is surfaces[0]  # touched: now the most recent
    cache.put(8, surfaces[8])  # full: the oldest quarter (keys 1 and 2) goes
    assert cache.get(1) is None and cache.get(2) is None
    assert cache.get(0) is surfaces[0] and cache.get(8) is surfaces[8]
