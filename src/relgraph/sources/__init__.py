"""Readers for news as it comes: saved web pages, fetched URLs, feeds and web archives.

Each reader turns its input into `relgraph.articles.Article`s (or `ArticleError`s naming the file,
URL or record), so the rest of a build does not know where an article came from.
"""
