#!/usr/bin/env python3
"""Draws printoauth's app icon as an RGBA PNG, with only the standard library.

A rounded blue tile, a white printer (paper tray, body, paper sheet with an
envelope flap) and a small green check badge (mail sent, signed in).

    python3 icons/make-icon.py                 writes icons/icon.png (256x256, the UI's logo)
    python3 icons/make-icon.py 1024 FILE.png   writes a 1024x1024 drawing to FILE.png

icons/icon-1024.png, drawn at 1024x1024, is the source of every installer's icon
(scripts/icons.sh turns it into src-tauri/icons: PNG sizes, .ico and .icns).
"""

import math
import os
import struct
import sys
import zlib

SIZE = 256  # the drawing's own coordinates; other sizes scale it
SS = 4  # supersampling per axis, for smooth edges


def rounded_rect(x, y, x0, y0, x1, y1, r):
    """True when (x, y) lies in the rectangle [x0,x1]x[y0,y1] with corner radius r."""
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def seg_dist(px, py, ax, ay, bx, by):
    """Distance from point p to segment ab."""
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


BLUE_TOP = (37, 99, 235)
BLUE_BOTTOM = (29, 78, 216)
WHITE = (255, 255, 255)
SLOT = (30, 64, 175)
PAPER_LINE = (148, 163, 184)
GREEN = (22, 163, 74)


def sample(x, y):
    """Colour (r, g, b, a) of one sub-pixel sample; a is 0 or 255."""
    colour = None
    if rounded_rect(x, y, 8, 8, 248, 248, 48):
        t = (y - 8) / 240
        colour = tuple(round(a + (b - a) * t) for a, b in zip(BLUE_TOP, BLUE_BOTTOM))
    else:
        return (0, 0, 0, 0)
    # paper coming out of the top, with an envelope's flap drawn on it
    if rounded_rect(x, y, 84, 44, 172, 118, 6):
        colour = WHITE
        if min(seg_dist(x, y, 92, 56, 128, 84), seg_dist(x, y, 128, 84, 164, 56)) < 3.2:
            colour = PAPER_LINE
    # printer body
    if rounded_rect(x, y, 52, 104, 204, 184, 18):
        colour = WHITE
        if rounded_rect(x, y, 80, 150, 176, 160, 5):
            colour = SLOT
    # output tray
    if rounded_rect(x, y, 76, 176, 180, 210, 6):
        colour = WHITE
    # check badge
    if (x - 196) ** 2 + (y - 196) ** 2 <= 40 ** 2:
        colour = WHITE
        if (x - 196) ** 2 + (y - 196) ** 2 <= 34 ** 2:
            colour = GREEN
            if min(seg_dist(x, y, 180, 197, 191, 209), seg_dist(x, y, 191, 209, 213, 184)) < 5:
                colour = WHITE
    return colour + (255,)


def render(size=SIZE, ss=SS):
    rows = []
    n = ss * ss
    scale = SIZE / size
    for py in range(size):
        row = bytearray([0])  # filter type: none
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    r, g, b, a = sample((px + (sx + 0.5) / ss) * scale, (py + (sy + 0.5) / ss) * scale)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3] / n
            if acc[3]:
                row += bytes(round(c / acc[3]) for c in acc[:3])
            else:
                row += b"\0\0\0"
            row.append(round(alpha))
        rows.append(bytes(row))
    return b"".join(rows)


def png(width, height, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else SIZE
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")
    # Large drawings need fewer samples per pixel for the same smoothness.
    ss = max(1, SS * SIZE // size) if size > SIZE else SS
    with open(out, "wb") as f:
        f.write(png(size, size, render(size, ss)))
    print(out)
