"""Short-lived text over the highway: judgement popups and the count-in.

Animations are functions of an age in seconds that the scene passes in. Sizes are quantised to a
few steps so each (word, size) is rendered with its glow only once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.engine.window import Judgement
from game.render.backdrop import shade_disc
from game.render.fonts import px
from game.render.hud import PlayLayout
from game.render.theme import CYAN, HOT_PINK, JUDGEMENT_COLOURS, PEACH, VIOLET, WHITE, Theme, mix
from game.render.widget import blit_centred, blit_faded, pill

POPUP_LIFE_S = 0.5
POP_IN_S = 0.08
FADE_FROM_S = 0.3
WORDS = {
    Judgement.PERFECT: "PERFECT",
    Judgement.GREAT: "GREAT",
    Judgement.GOOD: "GOOD",
    Judgement.MISS: "MISS",
    Judgement.OVERHIT: "OVERHIT",
}


@dataclass(frozen=True, slots=True)
class JudgementPopup:
    judgement: Judgement
    age_s: float  # seconds since the judgement
    early: bool | None = None  # True early, False late, None: no tag (perfects, misses)


def popup_alpha(age_s: float) -> int:
    """Opaque, then a linear fade to nothing at POPUP_LIFE_S."""
    if age_s <= FADE_FROM_S:
        return 255
    return max(0, round(255 * (1 - (age_s - FADE_FROM_S) / (POPUP_LIFE_S - FADE_FROM_S))))


def draw_judgements(
    surface: pygame.Surface, theme: Theme, layout: PlayLayout, popups: Sequence[JudgementPopup]
) -> None:
    """Draw the newest live popup (older ones would only stack up noise)."""
    live = [p for p in popups if 0 <= p.age_s < POPUP_LIFE_S]
    if not live:
        return
    popup = min(live, key=lambda p: p.age_s)
    h = layout.size[1]
    hx, _, hw, _ = layout.highway
    grow = max(0.0, 1.0 - popup.age_s / POP_IN_S)
    size = px(40 * (1.0 + 0.3 * round(grow * 3) / 3), h)
    colour = JUDGEMENT_COLOURS[popup.judgement]
    word = theme.fonts.glow_text(
        "display", size, WORDS[popup.judgement], (mix(colour, WHITE, 0.55), colour), colour, px(12, h)
    )
    centre = (hx + hw / 2, h * 0.43 - px(10, h) * min(popup.age_s / POPUP_LIFE_S, 1.0))
    alpha = popup_alpha(popup.age_s)
    blit_faded(surface, word, (centre[0] - word.get_width() / 2, centre[1] - word.get_height() / 2), alpha)
    if popup.early is not None:
        text, tint = ("EARLY", CYAN) if popup.early else ("LATE", PEACH)
        tag = pill(theme, text, "bold", px(13, h), WHITE, (*mix(tint, (20, 10, 50), 0.35), 230))
        blit_faded(surface, tag, (centre[0] - tag.get_width() / 2, centre[1] + word.get_height() * 0.36), alpha)


def draw_count_in(surface: pygame.Surface, theme: Theme, layout: PlayLayout, label: str, beat_phase: float) -> None:
    """A big "3", "2", "1" or "GO!" that punches in at the start of its beat and fades by the end.

    `beat_phase` is 0 at the beat and 1 at the next one.
    """
    phase = min(max(beat_phase, 0.0), 1.0)
    h = layout.size[1]
    hx, _, hw, _ = layout.highway
    centre = (hx + hw / 2, h * 0.42)
    step = round((1.0 - phase) * 4) / 4  # 5 sizes, each rendered once
    size = px(150 * (0.9 + 0.25 * step), h)
    top, bottom = (WHITE, HOT_PINK) if label != "GO!" else (WHITE, CYAN)
    face = theme.fonts.glow_text("display", size, label, (top, bottom), mix(HOT_PINK, VIOLET, 0.5), px(22, h))
    disc_r = px(130, h)
    disc = theme.cached(("countdisc", disc_r), lambda: shade_disc(disc_r, (8, 4, 24), 200))
    surface.blit(disc, (centre[0] - disc_r, centre[1] - disc_r))
    alpha = 255 if phase < 0.6 else round(255 * (1 - (phase - 0.6) / 0.4))
    rect = face.get_rect(center=(round(centre[0]), round(centre[1])))
    blit_faded(surface, face, rect.topleft, alpha)
    if label != "GO!":
        ring_r = round(px(110, h) * (1 + round(phase * 8) / 16))  # 9 sizes
        ring_alpha = max(0, round(200 * (1 - phase)))
        ring = theme.cached(("countring", ring_r), lambda: _ring(ring_r, px(4, h)))
        blit_faded(surface, ring, (centre[0] - ring_r, centre[1] - ring_r), ring_alpha)
    ready = theme.fonts.text("bold", px(18, h), "GET READY", WHITE)
    blit_centred(surface, ready, (centre[0], centre[1] + px(120, h)))


def _ring(radius: int, width: int) -> pygame.Surface:
    s = 2
    big = pygame.Surface((radius * 2 * s, radius * 2 * s), pygame.SRCALPHA)
    pygame.draw.circle(big, (*mix(HOT_PINK, WHITE, 0.4), 255), (radius * s, radius * s), radius * s, width * s)
    return pygame.transform.smoothscale(big, (radius * 2, radius * 2))
