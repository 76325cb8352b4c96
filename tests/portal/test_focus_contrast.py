"""The focus ring stands out 3:1 against every background it is drawn on (WCAG 2.2,
2.4.13 and 1.4.11), computed from the colours in static/css/portal.css."""

import re

import pytest
from django.conf import settings

CSS = (settings.BASE_DIR / "static/css/portal.css").read_text()

# The backgrounds the ring sits on: page, bands and cards, the highlighted and state
# colours, the demo note; and, for the header's ring, the header's two blues.
LIGHT = ["#ffffff", "#f2f5f9", "#fff4d6", "#ffe58a", "#e6eef8", "#e7f5ec", "#fde8e8", "#eceff3"]
DARK = ["#0b4f9c", "#083b75"]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    high, low = sorted([_luminance(one), _luminance(other)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def _variable(name: str) -> str:
    return re.findall(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", CSS)[-1].lower()


def test_the_ring_uses_the_two_focus_colours():
    assert re.search(r":focus-visible \{ outline: 3px solid var\(--focus\)", CSS)
    header = ".site-header :focus-visible, .skip-link:focus-visible"
    assert f"{header} {{ outline-color: var(--focus-on-dark)" in CSS


@pytest.mark.parametrize("background", LIGHT)
def test_on_light_backgrounds(background):
    assert contrast(_variable("focus"), background) >= 3


@pytest.mark.parametrize("background", DARK)
def test_in_the_header(background):
    assert contrast(_variable("focus-on-dark"), background) >= 3


def test_the_old_amber_ring_would_fail_on_white():
    # The ring this replaced: about 2:1 on white, as the issue measured.
    assert contrast("#f5a700", "#ffffff") < 3
