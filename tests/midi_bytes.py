"""Raw Standard MIDI File pieces for hand-assembled test files (what mido refuses to write)."""


def vlq(value: int) -> bytes:
    """A variable-length quantity, as SMF delta times and lengths are stored."""
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(out))


def chunk(tag: bytes, body: bytes) -> bytes:
    return tag + len(body).to_bytes(4, "big") + body
