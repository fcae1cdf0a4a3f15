"""Drawing: pure functions and small caching painters that take a pygame Surface and plain view data.

Nothing here reads a clock, a device or a setting, and nothing decides a judgement: scenes fill the
view dataclasses (`HighwayView`, `HudView`, `ResultsView`, ...) from the engine's outputs and pass
the time values (`now_s`, ages in seconds) in. Every size is derived from the target surface or
rect, so the same code draws 960x540 up to 1920x1080. Expensive pictures (gradients, note sprites,
the highway body, text) are rendered once per size or value and cached on a `Theme` or a painter
that the scene keeps for its lifetime; there are no module-level caches.
"""
