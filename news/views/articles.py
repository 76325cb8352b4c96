from django.http import Http404
from django.shortcuts import render

from news.models import Article
from news.selectors import published_articles
from portal.core.cache import public_page
from portal.core.pagination import paginate


@public_page
def article_list(request):
    return render(
        request, "news/list.html", {"page": paginate(request, published_articles(), per_page=10)}
    )


@public_page
def article_detail(request, slug):
    try:
        article = published_articles().prefetch_related("themes").get(slug=slug)
    except Article.DoesNotExist:
        raise Http404("No article with that address.") from None
    return render(request, "news/detail.html", {"article": article})
