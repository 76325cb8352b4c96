"""What a visitor types finds what the portal holds: the examples of the search issue.

Each runs on the real PostgreSQL with the portal's text-search configurations, pg_trgm and
unaccent, through the search page a visitor uses.
"""

import html as html_text
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import translation

from portal.core.models import Document
from portal.core.search.query import parse
from portal.core.search.store import vocabulary_refresh
from portal.demo.placeholder import placeholder_pdf
from portal.search.results import search
from portal.tasks import document_text_index
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.search]


def titles(client, words, language="en", kind=""):
    """The result titles of the search page, in order."""
    url = f"/{language}/search/?q={words}" + (f"&kind={kind}" if kind else "")
    html = client.get(url).content.decode()
    found = re.findall(r'<h2 class="card__title"><a href="[^"]*">([^<]*)</a>', html)
    return [html_text.unescape(title) for title in found]


def kinds(words, language="en"):
    with translation.override(language):
        results = search(parse(words), language)
        return [(hit.kind.slug, hit.title) for hit in results.hits[0:50]]


# --- places, venues, milestones (the demo content) ---------------------------------------


def test_a_city_finds_the_event_held_there_and_the_organisation_based_there(client, demo):
    found = titles(client, "Bologna")
    assert "INNO INFRA SHARE kick-off meeting" in found
    assert "ASTER consortium" in found


def test_a_milestone_is_found_by_its_place_and_leads_to_its_place_on_the_timeline(client, demo):
    html = client.get("/en/search/?q=Hingene").content.decode()
    assert "First ministerial summit" in html
    link = re.search(r'href="(/en/cooperations/[-\w]+/)#(milestone-\d+)"', html)
    assert '<span class="badge">Milestone</span>' in html
    page = client.get(link.group(1)).content.decode()
    assert f'<li id="{link.group(2)}">' in page


def test_a_word_inside_a_dutch_compound_finds_the_milestone(client, demo):
    # The English text says "the Delta region", the Dutch one "de Deltaregio".
    assert "Eerste ministeriële topontmoeting" in titles(client, "Delta", "nl")
    assert "First ministerial summit" in titles(client, "Delta")


# --- typos, accents, case ----------------------------------------------------------------


def test_a_typo_in_a_name_still_finds_it_and_suggests_the_right_word(client, demo):
    html = client.get("/en/search/?q=Lombrady").content.decode()
    assert '<h2 class="card__title"><a href="/en/regions/lombardy/">Lombardy</a>' in html
    assert 'Did you mean <a href="?q=lombardy">lombardy</a>?' in html


def test_a_misspelt_two_word_query_finds_the_plan_it_means(demo):
    found = kinds("Lombardia chemestry")
    assert ("plan", "Action plan of Lombardy for S3Chem (demo)") in found


def test_a_typo_in_an_organisations_name_finds_it_first(client, demo):
    assert titles(client, "Flandres Make")[0] == "Flanders Make"


def test_accents_and_case_are_ignored(client, demo):
    assert titles(client, "Skane")[0] == "Skåne"
    assert "ACCIÓ – Catalan agency for business competitiveness" in titles(client, "accio")
    assert titles(client, "SKÅNE")[0] == "Skåne"


def test_a_word_the_portal_does_not_hold_is_not_forced_onto_another(client, demo):
    html = client.get("/en/search/?q=xylophone").content.decode()
    assert "Nothing found" in html
    assert "Did you mean" not in html


# --- languages: stemming, compounds, cross-language --------------------------------------


def test_dutch_and_german_compounds_are_found_by_their_first_word(client):
    f.ArticleFactory(title="Regional news", title_nl="Nieuws uit de chemieregio's")
    f.ArticleFactory(title="Strategy news", title_nl="Een nieuwe innovatiestrategie")
    f.ArticleFactory(title="German news", title_de="Die Innovationsstrategie des Landes")
    assert titles(client, "chemie", "nl") == ["Nieuws uit de chemieregio's"]
    # The German compound starts alike: found too, after the Dutch one.
    assert titles(client, "innovatie", "nl")[0] == "Een nieuwe innovatiestrategie"
    assert titles(client, "Innovation", "de")[0] == "Die Innovationsstrategie des Landes"


def test_stemming_finds_other_forms_of_a_word(client):
    f.EventFactory(title="Regions meet", summary="Partners compare their strategies.")
    f.EventFactory(title="Ghent", title_nl="Gent", summary_nl="Een ontmoeting van de regio's.")
    assert titles(client, "strategy") == ["Regions meet"]
    assert titles(client, "ontmoeten", "nl") == ["Gent"]


def test_content_in_another_language_is_found_after_the_readers_own(client):
    english = f.ArticleFactory(title="Biobased plastics", summary="About biobased plastics.")
    dutch = f.ArticleFactory(
        title="", title_nl="Biobased kunststoffen", summary_nl="Over biobased kunststoffen."
    )
    assert english and dutch
    # Each reader sees the match in their language first, the other one after it.
    assert titles(client, "biobased", "en") == ["Biobased plastics", "Biobased kunststoffen"]
    assert titles(client, "biobased", "nl") == ["Biobased kunststoffen", "Biobased plastics"]


def test_a_region_is_found_by_its_name_in_any_language_its_code_and_its_priorities(client, demo):
    assert titles(client, "Lombardije")[0] == "Lombardy"
    assert titles(client, "ITC4") == ["Lombardy"]
    assert "Saxony-Anhalt" in titles(client, "key enabling technologies", kind="region")


# --- documents: the text of their PDFs -----------------------------------------------------


def test_a_document_is_found_by_the_words_inside_its_pdf(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    region = f.RegionFactory(name="Zeeland")
    document = Document(
        title="Annual report",
        kind=Document.Kind.REPORT,
        content_type=ContentType.objects.get_for_model(region),
        object_id=region.pk,
    )
    pdf = placeholder_pdf("Annual report", "The hydrogen backbone reaches Vlissingen in 2027.")
    document.file.save("report.pdf", ContentFile(pdf), save=False)
    document.save()
    assert titles(client, "Vlissingen") == []  # the text is read by a task, after the upload
    assert document_text_index(document.pk) is True
    html = client.get("/en/search/?q=Vlissingen").content.decode()
    assert '<span class="badge">Document</span>' in html
    assert 'href="/media/documents/' in html
    assert "<mark>Vlissingen</mark>" in html
    assert document_text_index(document.pk) is False  # read once; a second run changes nothing


def test_an_upload_is_searchable_once_the_worker_has_read_it(celery_worker, client):
    # The worker stores and reads files under the default MEDIA_ROOT, as the portal does.
    project = f.ProjectFactory()
    document = Document(
        title="Final report",
        kind=Document.Kind.REPORT,
        content_type=ContentType.objects.get_for_model(project),
        object_id=project.pk,
    )
    pdf = placeholder_pdf("Final report", "Pilot lines for recycled polyamide.")
    document.file.save("final.pdf", ContentFile(pdf), save=False)
    document.save()  # committed: the task is dispatched, and the worker reads the file
    try:
        celery_worker.wait_for(lambda: titles(client, "polyamide") == ["Final report"])
    finally:
        document.file.delete(save=False)


# --- ranking and the suggestion ------------------------------------------------------------


def test_an_exact_title_comes_first(client):
    f.ArticleFactory(
        title="Smart specialisation in smart regions",
        summary="Smart specialisation, smart regions: smart specialisation again.",
    )
    f.EventFactory(title="Smart specialisation")
    f.ArticleFactory(title="Regions", summary="On smart specialisation.")
    assert titles(client, "smart specialisation")[0] == "Smart specialisation"


def test_words_typed_exactly_rank_above_typo_corrections(client):
    f.EventFactory(title="Brussels summit")
    f.EventFactory(title="Brussel summit")
    vocabulary_refresh()
    query = parse("brusels summit")
    assert query.corrections == {"brusels": ["brussels", "brussel"]}
    assert query.suggestion == "brussels summit"
    assert titles(client, "brussel summit")[0] == "Brussel summit"
