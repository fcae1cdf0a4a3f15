"""The bundled kit samples are found: every piece with its three velocity layers, soft to hard."""

from pathlib import Path

from game.audio.kit_files import find_layer_files
from game.chart.piece import KitPiece

KIT = Path(__file__).resolve().parents[1] / "assets" / "kit"


def test_every_piece_has_soft_medium_and_hard_samples():
    found = find_layer_files(KIT)
    assert set(found) == set(KitPiece)
    for piece, paths in found.items():
        assert [path.stem for path in paths] == [f"{piece.value}_{layer}" for layer in ("soft", "medium", "hard")]
