"""Text shown in another language than the page's is marked with lang for screen readers."""

import pytest

from tests.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice():
    # Written in English only: German readers get the English text.
    return GoodPracticeFactory(
        title_en="Open lab vouchers", summary_en="Vouchers for labs.", problem_en="SMEs lack labs."
    )


def test_names_in_lists_carry_the_language_they_are_in(client, practice):
    german = client.get("/de/good-practices/").content.decode()
    assert '<span lang="en">Open lab vouchers</span></a>' in german
    assert '<p lang="en">Vouchers for labs.</p>' in german
    english = client.get("/en/good-practices/").content.decode()
    assert ">Open lab vouchers</a>" in english
    assert '<span lang="en">' not in english


def test_long_text_shown_through_a_filter_is_marked_on_its_container(client, practice):
    html = client.get(f"/de/good-practices/{practice.slug}/").content.decode()
    assert '<div class="prose" lang="en"><p>SMEs lack labs.</p></div>' in html
    # Titles and meta stay plain text: markup there would show as characters.
    assert "<title>Open lab vouchers" in html
