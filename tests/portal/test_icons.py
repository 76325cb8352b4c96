"""The EU emblem as its published geometry describes it, and the committed icon files
as portal/icons.py draws them (run `python manage.py make_icons` after changing it)."""

import io
import math
import re

from django.conf import settings
from PIL import Image

from portal import icons

STATIC = settings.BASE_DIR / "static"


def _points(path: str) -> list[list[tuple[float, float]]]:
    return [
        [tuple(map(float, pair.split(","))) for pair in star.split("L")]
        for star in re.findall(r"M([^Z]+)Z", path)
    ]


def test_the_emblem_has_twelve_upright_stars_on_a_circle_a_third_of_its_height():
    svg = (STATIC / "img/eu-emblem.svg").read_text()
    width, height = map(int, re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).groups())
    assert width / height == 1.5
    assert f'<rect width="{width}" height="{height}" fill="#003399"/>' in svg
    stars = _points(re.search(r'<path fill="#FFCC00" d="([^"]+)"', svg).group(1))
    assert len(stars) == 12
    for hour, star in enumerate(stars):
        outer = star[::2]
        cx = sum(x for x, _ in outer) / 5
        cy = sum(y for _, y in outer) / 5
        # Each star's five points lie on a circle an eighteenth of the height...
        for x, y in outer:
            assert math.isclose(math.hypot(x - cx, y - cy), height / 18, abs_tol=0.01)
        # ...one of them straight up...
        assert math.isclose(outer[0][0], cx, abs_tol=0.01) and outer[0][1] < cy
        # ...and the stars sit like the hours of a clock on a circle a third of the height.
        angle = math.radians(30 * hour)
        assert math.isclose(cx, width / 2 + height / 3 * math.sin(angle), abs_tol=0.01)
        assert math.isclose(cy, height / 2 - height / 3 * math.cos(angle), abs_tol=0.01)


def test_the_committed_files_are_what_the_generator_draws():
    for name, content in icons.icon_files().items():
        committed = (STATIC / name).read_bytes()
        if name.endswith(".svg"):
            assert committed == content, f"static/{name} is stale: run manage.py make_icons"
            continue
        # Pixels rather than bytes: another Pillow may compress the same image otherwise.
        drawn, stored = Image.open(io.BytesIO(content)), Image.open(io.BytesIO(committed))
        assert stored.size == drawn.size, name
        assert stored.convert("RGBA").tobytes() == drawn.convert("RGBA").tobytes(), name


def test_the_touch_icon_is_opaque_and_the_favicon_has_the_small_sizes():
    touch = Image.open(STATIC / "icons/apple-touch-icon.png")
    assert touch.size == (180, 180)
    # Phones fill transparency with black: every corner pixel is the portal's blue.
    rgba = touch.convert("RGBA")
    assert {rgba.getpixel(corner)[3] for corner in [(0, 0), (179, 0), (0, 179)]} == {255}
    ico = Image.open(STATIC / "icons/favicon.ico")
    assert {(16, 16), (32, 32), (48, 48)} <= set(ico.info["sizes"])
