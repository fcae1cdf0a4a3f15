"""Song clock maths: song time from the audio position, and calibration arithmetic.

Nothing here reads a clock: wall times (perf_counter seconds) always arrive as arguments.
"""
