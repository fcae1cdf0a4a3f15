"""`python -m game.tools.compose [--out charts] [--only NAME] [--charts-only] [--kit]`"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from game.tools.compose.build import compose_charts, render_audio, write_audio, write_charts
from game.tools.compose.fluid import DEFAULT_SOUNDFONT, RenderError
from game.tools.compose.sessions import SESSIONS


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.tools.compose", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("charts"), help="folder for the song folders")
    parser.add_argument("--only", action="append", metavar="NAME", help="only this session folder (repeatable)")
    parser.add_argument("--charts-only", action="store_true", help="write notes.chart and song.ini, no audio")
    parser.add_argument("--kit", action="store_true", help="write the virtual kit's hit samples to assets/kit")
    parser.add_argument("--kit-out", type=Path, default=Path("assets/kit"))
    parser.add_argument("--soundfont", type=Path, default=DEFAULT_SOUNDFONT)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    known = {spec.folder for spec in SESSIONS}
    unknown = set(args.only or ()) - known
    if unknown:
        print(
            f"error: unknown session {', '.join(sorted(unknown))}; choose from {', '.join(sorted(known))}",
            file=sys.stderr,
        )
        return 2
    try:
        if args.kit:
            from game.tools.compose.kitexport import export_kit

            export_kit(args.kit_out, args.soundfont)
            print(f"kit samples written to {args.kit_out}")
            return 0
        for spec in SESSIONS:
            if args.only and spec.folder not in args.only:
                continue
            composed = compose_charts(spec)
            folder = args.out / spec.folder
            write_charts(composed, folder)
            line = f"{spec.folder}: {composed.timeline.length_s:.1f} s"
            if not args.charts_only:
                mastered = render_audio(composed, args.soundfont)
                write_audio(mastered, composed, folder)
                line += f", {mastered.lufs:.2f} LUFS, peak {mastered.peak_db:.2f} dBFS"
            print(line)
    except RenderError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
