#!/usr/bin/env python3
"""The mirror page as a reader sees it: swi-check writes the HTML page of
the sample delivery, headless Chromium renders it to a PNG, and the PNG
must be a real rendering: the right size, mostly white paper, and the
page's own colours (the bar blue, the heading navy) over a good share of
pixels. Exit 77 (skipped) without Chromium.

    mirror-screenshot.py SWI_CHECK SAMPLE_XML OUTDIR

The PNG stays in OUTDIR/mirror-screenshot.png for a human to look at.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

WIDTH, HEIGHT = 1200, 2700
BAR = (0x2F, 0x6D, 0xB5)      # .bar
HEADING = (0x0B, 0x3A, 0x6B)  # h1, h2, card numbers


def browser():
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def read_png(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB/RGBA PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, ctype, _, _, interlace = header
    assert depth == 8 and ctype in (2, 6) and interlace == 0, header
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def near(px, colour, tol=6):
    return all(abs(px[i] - colour[i]) <= tol for i in range(3))


def main():
    swi_check, sample, outdir = sys.argv[1:4]
    chromium = browser()
    if not chromium:
        print("chromium not found: skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "spiegelrapport.html")
        subprocess.run([swi_check, "--reference-date", "2026-10-15", "--html", page, sample],
                       check=True, stdout=subprocess.DEVNULL)
        png = os.path.join(outdir, "mirror-screenshot.png")
        if os.path.exists(png):
            os.unlink(png)
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--hide-scrollbars",
               "--no-first-run", "--user-data-dir=" + os.path.join(tmp, "profile"),
               "--window-size=%d,%d" % (WIDTH, HEIGHT), "--screenshot=" + png,
               "file://" + page]
        # A first start may lose the race with its own GPU/dbus probing and
        # paint an empty page; one retry, then it counts.
        for attempt in range(2):
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=120, env=dict(os.environ, HOME=tmp))
            if os.path.exists(png) and os.path.getsize(png) > 20000:
                break
    assert os.path.exists(png), "chromium wrote no screenshot"
    width, height, bpp, rows = read_png(png)
    assert (width, height) == (WIDTH, HEIGHT), (width, height)
    total = bar = heading = white = 0
    colours = set()
    for row in rows[::3]:
        for x in range(0, width * bpp, 3 * bpp):
            px = row[x:x + 3]
            total += 1
            colours.add(px)
            if px[0] > 245 and px[1] > 245 and px[2] > 245:
                white += 1
            elif near(px, BAR):
                bar += 1
            elif near(px, HEADING):
                heading += 1
    print("%s: %dx%d, %d bytes; white %.1f%%, bar blue %.2f%%, heading navy %.2f%%, %d colours"
          % (png, width, height, os.path.getsize(png), 100 * white / total, 100 * bar / total,
             100 * heading / total, len(colours)))
    assert white / total > 0.5, "not a page on white paper"
    assert white / total < 0.99, "an (almost) empty page"
    assert bar / total > 0.01, "no fill bars on the page"
    assert heading / total > 0.001, "no headings on the page"
    assert len(colours) > 50, "too few colours for rendered text"
    return 0


if __name__ == "__main__":
    sys.exit(main())
