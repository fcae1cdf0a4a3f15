"""Developer tools that build the game's bundled content; never imported by the game itself."""
