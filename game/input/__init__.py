"""Input devices: stamping hits when they arrive, bindings, and routing hits to players."""
