#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Draws the sample event's pictures: a logo, a hero band, and one picture for each partnership
and good practice in content/ (two cities joined by an arc over a skyline, in the colour of the
partnership's first theme). Made for Plaza and shipped with it; deterministic, so running it again
writes the same files. Python's standard library only.

    python3 content/images/generate.py        # writes the PNG files beside this script
"""
import csv
import math
import os
import random
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.dirname(HERE)


class Canvas:
    def __init__(self, width, height, colour):
        self.w, self.h = width, height
        self.rows = [bytearray(bytes(colour) * width) for _ in range(height)]

    def span(self, y, x0, x1, colour):
        if y < 0 or y >= self.h:
            return
        x0, x1 = max(0, int(round(x0))), min(self.w, int(round(x1)))
        if x1 > x0:
            self.rows[y][3 * x0:3 * x1] = bytes(colour) * (x1 - x0)

    def rect(self, x0, y0, x1, y1, colour):
        for y in range(max(0, int(y0)), min(self.h, int(y1))):
            self.span(y, x0, x1, colour)

    def disc(self, cx, cy, r, colour):
        for y in range(int(cy - r), int(cy + r) + 1):
            d = r * r - (y + 0.5 - cy) ** 2
            if d > 0:
                half = math.sqrt(d)
                self.span(y, cx - half, cx + half, colour)

    def ring(self, cx, cy, r, width, colour):
        for y in range(int(cy - r), int(cy + r) + 1):
            dy = (y + 0.5 - cy) ** 2
            outer = r * r - dy
            if outer <= 0:
                continue
            o = math.sqrt(outer)
            inner = (r - width) ** 2 - dy
            if inner <= 0:
                self.span(y, cx - o, cx + o, colour)
            else:
                i = math.sqrt(inner)
                self.span(y, cx - o, cx - i, colour)
                self.span(y, cx + i, cx + o, colour)

    def curve(self, p0, p1, lift, width, colour):
        """A quadratic arc from p0 to p1 bowed upwards by `lift`, `width` thick."""
        cx, cy = (p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2 - lift
        steps = int(math.dist(p0, p1) / (width / 3)) + 2
        for i in range(steps + 1):
            t = i / steps
            x = (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * cx + t * t * p1[0]
            y = (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * cy + t * t * p1[1]
            self.disc(x, y, width / 2, colour)

    def png(self, path):
        raw = b"".join(b"\x00" + bytes(r) for r in self.rows)

        def chunk(kind, data):
            c = kind + data
            return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

        data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
        with open(path, "wb") as f:
            f.write(data)


def hex_colour(text):
    return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))


def mix(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


WHITE = (255, 255, 255)
NIGHT = (16, 28, 48)


def bands(canvas, top, bottom, count):
    """A sky in `count` flat bands from `top` to `bottom`: flat colours keep the PNG small."""
    for i in range(count):
        canvas.rect(0, canvas.h * i / count, canvas.w, canvas.h * (i + 1) / count + 1,
                    mix(top, bottom, i / max(1, count - 1)))


def skyline(canvas, rng, base, colour, tallest):
    x = -rng.randint(0, 40)
    while x < canvas.w:
        w = rng.randint(canvas.w // 30, canvas.w // 12)
        h = rng.randint(tallest // 4, tallest)
        canvas.rect(x, base - h, x + w - 4, canvas.h, colour)
        if rng.random() < 0.3:  # a dome or a tower on top
            canvas.disc(x + w / 2 - 2, base - h, w / 3, colour)
        x += w


def partnership_picture(seed, colour, cities):
    rng = random.Random(seed)
    c = Canvas(960, 640, WHITE)
    bands(c, mix(colour, WHITE, 0.75), mix(colour, WHITE, 0.35), 8)
    # Sun or globe behind everything.
    c.disc(rng.randint(200, 760), rng.randint(150, 260), rng.randint(70, 120), mix(colour, WHITE, 0.85))
    skyline(c, rng, 560, mix(colour, NIGHT, 0.35), 260)
    skyline(c, rng, 640, mix(colour, NIGHT, 0.6), 200)
    # The cities as rings joined by arcs, in the order the partnership names them.
    xs = sorted(rng.sample(range(120, 840, 40), len(cities)))
    points = [(x, rng.randint(380, 470)) for x in xs]
    for a, b in zip(points, points[1:]):
        c.curve(a, b, rng.randint(120, 200), 14, WHITE)
    for p in points:
        c.disc(p[0], p[1], 30, WHITE)
        c.disc(p[0], p[1], 18, mix(colour, NIGHT, 0.2))
    return c


def practice_picture(seed, colour):
    rng = random.Random(seed)
    c = Canvas(960, 640, WHITE)
    bands(c, mix(colour, WHITE, 0.8), mix(colour, WHITE, 0.45), 8)
    skyline(c, rng, 640, mix(colour, NIGHT, 0.45), 300)
    # Ripples spreading from one city: a practice others copy.
    cx, cy = rng.randint(300, 660), rng.randint(200, 280)
    for i, r in enumerate((200, 150, 100)):
        c.ring(cx, cy, r, 18, mix(colour, WHITE, 0.15 + 0.25 * i))
    c.disc(cx, cy, 52, WHITE)
    c.disc(cx, cy, 34, mix(colour, NIGHT, 0.25))
    return c


def logo():
    c = Canvas(400, 400, WHITE)
    blue, teal, amber = (0, 84, 147), (0, 122, 110), (214, 137, 16)
    # Three overlapping rings: cities meeting.
    for (x, y), col in zip(((150, 165), (250, 165), (200, 250)), (blue, teal, amber)):
        c.ring(x, y, 95, 26, col)
    return c


def hero():
    rng = random.Random("hero")
    c = Canvas(1600, 560, WHITE)
    bands(c, (0, 60, 110), (0, 110, 150), 10)
    skyline(c, rng, 470, (0, 44, 82), 230)
    skyline(c, rng, 560, (0, 30, 60), 170)
    # Arcs between cities across the band.
    points = [(rng.randint(80 + i * 190, 180 + i * 190), rng.randint(230, 330)) for i in range(8)]
    for a, b in zip(points, points[1:]):
        c.curve(a, b, rng.randint(60, 140), 8, (120, 200, 230))
    for p in points:
        c.disc(p[0], p[1], 16, WHITE)
    return c


def main():
    themes = {r["id"]: hex_colour(r["colour"]) for r in csv.DictReader(open(os.path.join(CONTENT, "themes.csv")))}
    for row in csv.DictReader(open(os.path.join(CONTENT, "partnerships.csv"))):
        colour = themes[row["themes"].split(";")[0]]
        cities = [x for x in (row["lead"] + ";" + row["partners"]).split(";") if x]
        partnership_picture(row["id"], colour, cities).png(os.path.join(HERE, row["id"] + ".png"))
    for name in sorted(os.listdir(os.path.join(CONTENT, "practices"))):
        if name.count(".") != 1:
            continue  # translations share the original's picture
        slug = name[:-3]
        theme = "local-action"
        for line in open(os.path.join(CONTENT, "practices", name)):
            if line.startswith("themes:"):
                theme = line.split(":", 1)[1].strip().split(";")[0].strip()
        practice_picture(slug, themes[theme]).png(os.path.join(HERE, "practice-" + slug + ".png"))
    logo().png(os.path.join(HERE, "logo.png"))
    hero().png(os.path.join(HERE, "hero.png"))


if __name__ == "__main__":
    main()
