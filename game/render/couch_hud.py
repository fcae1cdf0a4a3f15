"""Each player's HUD on the two-player play screen, in the player's colour (`PLAYER_COLOURS`).

Shared Kit: a tall panel per player down the side (P1 left, P2 right): name, score, live accuracy,
combo, multiplier and live tally. Versus: a card over each player's highway (name, difficulty,
score, accuracy, their own fever meter), the combo floating on their highway and the multiplier
badge in the margin beside it.

Still parts (cards, labels, names) are baked into the backdrop by `draw_*_still`; the `draw_*`
calls draw what changes, and are kept drawn on the screen's `CouchCanvas` while their state
(`panel_state`, `card_state`, `badge_state`: what they show of a view) stays the same. Each combo
pops with every hit, so it is drawn over the canvas every frame (`draw_side_combo`,
`draw_highway_combo`). Numbers are assembled from cached glyphs (`FontBook.run`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.engine.window import Judgement
from game.render.fonts import px
from game.render.hud import PlayLayout
from game.render.meter import RING_SEGMENTS, draw_fever_meter, draw_meter_slots, multiplier_badge
from game.render.popup import POPUP_LIFE_S, JudgementPopup, draw_judgements, popup_alpha
from game.render.tally import draw_tally, draw_tally_card
from game.render.theme import PLAYER_COLOURS, TEXT_DIM, VIOLET, WHITE, Color, Theme, mix
from game.render.widget import blit_centred, blit_faded, panel, pill

COMBO_POP_S = 0.16
COMBO_MIN = 2  # as on the single-player highway


@dataclass(frozen=True, slots=True)
class PlayerView:
    player: int  # 0 = player 1, 1 = player 2
    score: int
    combo: int
    multiplier: int
    accuracy: float  # percent, over the notes judged so far
    combo_age_s: float = 1.0
    multiplier_progress: float = 0.0
    fever_meter: float = 0.0  # versus: the player's own meter (a duet's is the team's)
    fever_active: bool = False
    difficulty: str = ""
    counts: Sequence[tuple[Judgement, int]] = ()


def player_colour(player: int) -> Color:
    return PLAYER_COLOURS[player]


def player_tag(theme: Theme, player: int, size: int) -> pygame.Surface:
    """The glowing "P1"/"P2" name in the player's colour."""
    colour = player_colour(player)
    return theme.fonts.glow_text("display", size, f"P{player + 1}", (WHITE, colour), colour, max(2, size // 4))


def _accent(theme: Theme, box: pygame.Rect, colour: Color, u: float) -> pygame.Surface:
    """A glass card with a bar of the player's colour along its top edge."""

    def make() -> pygame.Surface:
        card = panel(theme, box.size, round(14 * u)).copy()
        stripe = pygame.Rect(round(14 * u), 0, box.w - round(28 * u), max(3, round(4 * u)))
        pygame.draw.rect(card, (*colour, 255), stripe, border_radius=stripe.h // 2)
        return card

    return theme.cached(("couch_card", box.size, colour), make)


# -- Shared Kit: the side panels ------------------------------------------------------------------


def _panel_rows(box: pygame.Rect, u: float) -> dict[str, int]:
    """y of each row of a side panel (the tally card sits below the panel proper)."""
    y = box.y
    return {"head": y + round(14 * u), "score": y + round(78 * u), "accuracy": y + round(132 * u),
            "combo": y + round(212 * u), "badge": y + round(326 * u), "end": y + round(400 * u)}  # fmt: skip


def side_panel_tally(box: pygame.Rect, u: float) -> pygame.Rect:
    top = _panel_rows(box, u)["end"] + round(14 * u)
    return pygame.Rect(box.x, top, box.w, min(round(140 * u), box.bottom - top))


def draw_side_panel_still(surface: pygame.Surface, theme: Theme, box: pygame.Rect, player: int) -> None:
    h = surface.get_height()
    u, fonts, colour = h / 720, theme.fonts, player_colour(player)
    rows = _panel_rows(box, u)
    card = pygame.Rect(box.x, box.y, box.w, rows["end"] - box.y)
    surface.blit(_accent(theme, card, colour, u), card)
    inner = card.inflate(-round(36 * u), 0)
    tag = player_tag(theme, player, px(44, h))
    pad = max(2, px(44, h) // 4)
    surface.blit(tag, (inner.x - pad, rows["head"] - pad))
    name = fonts.text("bold", px(15, h), f"PLAYER {player + 1}", mix(colour, WHITE, 0.55))
    surface.blit(name, (inner.x + tag.get_width() - pad, rows["head"] + px(14, h)))
    for label, row in (("SCORE", "score"), ("ACCURACY", "accuracy")):
        surface.blit(fonts.text("bold", px(13, h), label, TEXT_DIM), (inner.x, rows[row] + px(12, h)))
    combo = fonts.text("bold", px(13, h), "C O M B O", TEXT_DIM)
    blit_centred(surface, combo, (card.centerx, rows["combo"] + px(44, h)))
    draw_tally_card(surface, theme, side_panel_tally(box, u))


def panel_state(view: PlayerView) -> tuple[object, ...]:
    """What `draw_side_panel` shows of a view: views with equal states draw identical panels."""
    return (view.player, view.score, view.accuracy, view.counts, *badge_state(view))


def draw_side_panel(surface: pygame.Surface, theme: Theme, box: pygame.Rect, view: PlayerView) -> None:
    """Score, accuracy, multiplier badge and tally (the combo is `draw_side_combo`'s)."""
    h = surface.get_height()
    u, fonts, colour = h / 720, theme.fonts, player_colour(view.player)
    rows = _panel_rows(box, u)
    right = box.right - round(18 * u)
    score = fonts.run("display", px(36, h), f"{view.score:,}", (WHITE, mix(colour, WHITE, 0.45)))
    surface.blit(score, (right - score.get_width(), rows["score"]))
    accuracy = fonts.run("bold", px(22, h), f"{view.accuracy:.2f}%", mix(colour, WHITE, 0.35))
    surface.blit(accuracy, (right - accuracy.get_width(), rows["accuracy"] + px(4, h)))
    badge = multiplier_badge(
        theme, view.multiplier, view.multiplier_progress, view.fever_active, round(min(box.w * 0.36, 92 * u))
    )
    blit_centred(surface, badge, (box.centerx, rows["badge"]))
    if view.counts:
        draw_tally(surface, theme, side_panel_tally(box, u), view.counts)


def draw_side_combo(surface: pygame.Surface, theme: Theme, box: pygame.Rect, view: PlayerView) -> None:
    """The player's combo in their side panel (over `draw_side_panel`'s rows, clear of them)."""
    rows = _panel_rows(box, surface.get_height() / 720)
    _draw_combo(surface, theme, (box.centerx, rows["combo"]), view, 52)


def _draw_combo(
    surface: pygame.Surface, theme: Theme, centre: tuple[float, float], view: PlayerView, size_at_720: int
) -> None:
    h = surface.get_height()
    colour = player_colour(view.player)
    pop = max(0.0, 1.0 - view.combo_age_s / COMBO_POP_S)
    size = px(size_at_720 * (1.0 + 0.25 * round(pop * 4) / 4), h)  # 5 pop sizes, each made once
    top = mix(colour, WHITE, 0.75)
    number = theme.fonts.run("display", size, f"{view.combo}", (top, colour), mix(colour, (20, 8, 50), 0.5), px(8, h))
    blit_faded(surface, number, (centre[0] - number.get_width() / 2, centre[1] - number.get_height() / 2), 235)


# -- Versus: the cards over the highways ----------------------------------------------------------


def _card_parts(box: pygame.Rect, u: float) -> tuple[int, int, pygame.Rect]:
    """x of the name column, x of the score column, and the fever meter's area."""
    meter = pygame.Rect(box.right - round(170 * u), box.y + round(22 * u), round(152 * u), round(56 * u))
    return box.x + round(16 * u), box.x + round(100 * u), meter


def draw_card_still(surface: pygame.Surface, theme: Theme, box: pygame.Rect, player: int, difficulty: str) -> None:
    h = surface.get_height()
    u, fonts = h / 720, theme.fonts
    surface.blit(_accent(theme, box, player_colour(player), u), box)
    name_x, score_x, meter = _card_parts(box, u)
    tag = player_tag(theme, player, px(40, h))
    pad = max(2, px(40, h) // 4)
    surface.blit(tag, (name_x - pad, box.y + px(12, h) - pad))
    if difficulty:
        chip = pill(theme, difficulty.upper(), "bold", px(11, h), WHITE, (*VIOLET, 220))
        surface.blit(chip, (name_x, box.bottom - chip.get_height() - px(12, h)))
    surface.blit(fonts.text("bold", px(12, h), "SCORE", TEXT_DIM), (score_x, box.y + px(16, h)))
    surface.blit(fonts.text("bold", px(12, h), "ACCURACY", TEXT_DIM), (score_x, box.bottom - px(30, h)))
    draw_meter_slots(surface, theme, meter)


def card_state(view: PlayerView) -> tuple[object, ...]:
    """What `draw_card` shows of a view: views with equal states draw identical cards."""
    return (view.player, view.score, view.accuracy, view.fever_meter, view.fever_active)


def badge_state(view: PlayerView) -> tuple[object, ...]:
    """What a multiplier badge shows of a view (its ring counts whole segments)."""
    return (view.multiplier, int(view.multiplier_progress * RING_SEGMENTS), view.fever_active)


def draw_card(surface: pygame.Surface, theme: Theme, box: pygame.Rect, view: PlayerView) -> None:
    h = surface.get_height()
    u, fonts, colour = h / 720, theme.fonts, player_colour(view.player)
    _, score_x, meter = _card_parts(box, u)
    score = fonts.run("display", px(34, h), f"{view.score:,}", (WHITE, mix(colour, WHITE, 0.45)))
    surface.blit(score, (score_x, box.y + px(32, h)))
    accuracy = fonts.run("bold", px(16, h), f"{view.accuracy:.2f}%", mix(colour, WHITE, 0.35))
    surface.blit(accuracy, (score_x + px(76, h), box.bottom - px(32, h)))
    draw_fever_meter(surface, theme, meter, view.fever_meter, view.fever_active)


def draw_highway_combo(surface: pygame.Surface, theme: Theme, highway: pygame.Rect, view: PlayerView) -> None:
    """The combo floating over the far part of a versus highway (from COMBO_MIN on)."""
    if view.combo < COMBO_MIN:
        return
    h = surface.get_height()
    centre = (highway.centerx, highway.y + highway.h * 0.13)
    _draw_combo(surface, theme, centre, view, 50)
    label = theme.fonts.text("bold", px(12, h), "C O M B O", mix(TEXT_DIM, WHITE, 0.3))
    blit_centred(surface, label, (centre[0], centre[1] + px(36, h)))


def draw_margin_badge(surface: pygame.Surface, theme: Theme, margin: pygame.Rect, view: PlayerView) -> None:
    u = surface.get_height() / 720
    diameter = round(min(margin.w * 0.84, 80 * u))
    badge = multiplier_badge(theme, view.multiplier, view.multiplier_progress, view.fever_active, diameter)
    blit_centred(surface, badge, (margin.centerx, margin.y + margin.h * 0.62))


def draw_player_popup(
    surface: pygame.Surface, theme: Theme, over: PlayLayout, popups: Sequence[JudgementPopup], player: int
) -> None:
    """The player's newest judgement centred on `over.highway`, tagged with their name."""
    draw_judgements(surface, theme, over, popups)
    live = [p.age_s for p in popups if 0 <= p.age_s < POPUP_LIFE_S]
    if not live:
        return
    h = surface.get_height()
    hx, _, hw, _ = over.highway
    colour = player_colour(player)
    tag = pill(theme, f"P{player + 1}", "bold", px(14, h), WHITE, (*mix(colour, (20, 8, 50), 0.15), 235))
    blit_faded(surface, tag, (hx + hw / 2 - tag.get_width() / 2, h * 0.43 - px(52, h)), popup_alpha(min(live)))
