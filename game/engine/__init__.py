"""The pure gameplay engine: judging, scoring, fever, autoplay and replays.

Time always arrives as an argument (song seconds); nothing here reads a clock or imports pygame.
"""
