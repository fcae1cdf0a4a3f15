"""Everything the game keeps on disk: settings, scores, replays. Writes are atomic."""
