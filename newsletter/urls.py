from django.urls import path

from . import feeds, views

app_name = "newsletter"

urlpatterns = [
    path("news/", views.news_list, name="news_list"),
    path("news/feed/rss/", feeds.NewsRssFeed(), name="news_feed_rss"),
    path("news/feed/atom/", feeds.NewsAtomFeed(), name="news_feed_atom"),
    path("news/mine/", views.my_news, name="my_news"),
    path("news/new/", views.news_edit, name="news_create"),
    path("news/<slug:slug>/", views.news_detail, name="news_detail"),
    path("news/<slug:slug>/image/", views.news_image, name="news_image"),
    path("news/<slug:slug>/edit/", views.news_edit, name="news_edit"),
    path("news/<slug:slug>/submit/", views.news_submit, name="news_submit"),
    path("newsletter/subscribe/", views.subscribe, name="subscribe"),
    path("newsletter/subscribe/sent/", views.subscribe_sent, name="subscribe_sent"),
    path("newsletter/confirm/<str:token>/", views.confirm, name="confirm"),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("newsletter/my-subscription/", views.my_subscription, name="my_subscription"),
]
