"""The EU emblem and the portal's icons, drawn from their geometry.

The emblem follows its published description: a blue rectangle one and a half times as
wide as it is high; twelve gold five-pointed stars, upright, placed like the hours on a
clock face on an invisible circle whose radius is a third of the height; each star's
points on a circle whose radius is an eighteenth of the height. Nothing is fetched.

`python manage.py make_icons` writes the files into static/ (the SVGs, and PNGs and the
.ico drawn with Pillow from the same shapes); they are committed, small as they are, so
neither collectstatic nor a deployment needs to draw anything.
"""

import io
import math
from pathlib import Path

EU_BLUE = "#003399"  # Reflex Blue
EU_GOLD = "#FFCC00"  # Yellow
PORTAL_BLUE = "#0b4f9c"  # the header's colour (static/css/portal.css, --accent)

# A regular five-pointed star's inner corners lie at this fraction of its outer radius.
STAR_INNER = math.cos(math.radians(72)) / math.cos(math.radians(36))


def star_points(cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    """The ten corners of an upright five-pointed star, clockwise from its top point."""
    points = []
    for k in range(10):
        r = radius if k % 2 == 0 else radius * STAR_INNER
        angle = math.radians(36 * k)
        points.append((cx + r * math.sin(angle), cy - r * math.cos(angle)))
    return points


def emblem_stars(height: float) -> list[list[tuple[float, float]]]:
    """The twelve stars of an emblem of this height, from twelve o'clock clockwise."""
    width = height * 3 / 2
    cx, cy = width / 2, height / 2
    circle, star = height / 3, height / 18
    return [
        star_points(
            cx + circle * math.sin(math.radians(30 * i)),
            cy - circle * math.cos(math.radians(30 * i)),
            star,
        )
        for i in range(12)
    ]


def _path(points) -> str:
    return "M" + "L".join(f"{x:.3f},{y:.3f}" for x, y in points) + "Z"


def eu_emblem_svg(height: int = 180) -> str:
    width = height * 3 // 2
    stars = "".join(_path(points) for points in emblem_stars(height))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">'
        "<title>Flag of the European Union</title>"
        f'<rect width="{width}" height="{height}" fill="{EU_BLUE}"/>'
        f'<path fill="{EU_GOLD}" d="{stars}"/></svg>\n'
    )


# The portal's mark on a 64-unit square: five partners joined through a hub, white on blue.
HUB = (32, 32)
NODES = [(16, 18), (46, 14), (50, 42), (30, 52), (12, 42)]
NODE_RADIUS, HUB_RADIUS, LINE_WIDTH, CORNER = 6, 7, 4, 12


def icon_svg() -> str:
    lines = "".join(f'<line x1="{HUB[0]}" y1="{HUB[1]}" x2="{x}" y2="{y}"/>' for x, y in NODES)
    nodes = "".join(f'<circle cx="{x}" cy="{y}" r="{NODE_RADIUS}"/>' for x, y in NODES)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="{CORNER}" fill="{PORTAL_BLUE}"/>'
        f'<g stroke="#fff" stroke-width="{LINE_WIDTH}" stroke-linecap="round">{lines}</g>'
        f'<g fill="#fff">{nodes}<circle cx="{HUB[0]}" cy="{HUB[1]}" r="{HUB_RADIUS}"/></g>'
        "</svg>\n"
    )


def icon_image(size: int, *, rounded: bool = True):
    """The mark as a Pillow image, drawn 8 times larger and scaled down for smooth edges."""
    from PIL import Image, ImageDraw

    scale = size * 8 / 64
    big = Image.new("RGBA", (size * 8, size * 8), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    box = (0, 0, size * 8 - 1, size * 8 - 1)
    if rounded:
        draw.rounded_rectangle(box, radius=CORNER * scale, fill=PORTAL_BLUE)
    else:
        # Phones round a touch icon themselves and fill transparency with black.
        draw.rectangle(box, fill=PORTAL_BLUE)

    def at(point):
        return point[0] * scale, point[1] * scale

    for node in NODES:
        draw.line([at(HUB), at(node)], fill="white", width=round(LINE_WIDTH * scale))
    for (x, y), r in [*((node, NODE_RADIUS) for node in NODES), (HUB, HUB_RADIUS)]:
        cx, cy = at((x, y))
        draw.ellipse((cx - r * scale, cy - r * scale, cx + r * scale, cy + r * scale), "white")
    return big.resize((size, size), Image.Resampling.LANCZOS)


def _png(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def icon_files() -> dict[str, bytes]:
    """Every file, by its path under static/."""
    ico = io.BytesIO()
    icon_image(48).save(ico, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    return {
        "img/eu-emblem.svg": eu_emblem_svg().encode(),
        "icons/icon.svg": icon_svg().encode(),
        "icons/favicon.ico": ico.getvalue(),
        "icons/apple-touch-icon.png": _png(icon_image(180, rounded=False)),
        "icons/icon-192.png": _png(icon_image(192)),
        "icons/icon-512.png": _png(icon_image(512)),
    }


def write_icons(static_dir: Path) -> list[Path]:
    written = []
    for name, content in icon_files().items():
        path = static_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written
