from news.models.articles import Article, ArticleQuerySet
from news.models.newsletter import Delivery, DeliveryFailure, Issue, IssueItem, Subscriber

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Delivery",
    "DeliveryFailure",
    "Issue",
    "IssueItem",
    "Subscriber",
]
