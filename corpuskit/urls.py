"""What makes a URL usable as a record's ``url``: one test shared by the converters and rule R013."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from corpuskit import patterns

_HTTP_URL = re.compile(patterns.HTTP_URL)


def url_problem(url: str) -> str | None:
    """Why the URL cannot serve as a record's ``url`` (it cannot be parsed, or its host or port is not valid), or None.

    >>> url_problem("https://www.example.com/news/1") is None
    True
    >>> url_problem("http://[::1/a")
    'URL cannot be parsed: Invalid IPv6 URL'
    >>> url_problem("http://example.com:99999/")
    'URL cannot be parsed: Port out of range 0-65535'
    >>> url_problem("https://news..example.com/")
    "URL host 'news..example.com' is not valid"
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        return f"URL cannot be parsed: {error}"
    host = parts.hostname or ""
    labels = host.split(".")
    if not host or (not host.startswith("[") and any(not label or len(label) > 63 for label in labels)) or port == 0:
        return f"URL host {host!r} is not valid"
    return None


def joined(base: str | None, url: str) -> str | None:
    """``url`` resolved against ``base`` (a page's capture URI), or None when either cannot be parsed.

    >>> joined("https://example.com/a/b", "../c"), joined("http://[::1/a", "/x")
    ('https://example.com/c', None)
    """
    try:
        return urljoin(base or "", url)
    except ValueError:
        return None


def usable_url(url: str) -> bool:
    """An http(s) URL of the schema's shape that :func:`url_problem` finds nothing wrong with.

    >>> usable_url("https://news.example.com/a"), usable_url("ftp://example.com/a"), usable_url("http://[::1/a")
    (True, False, False)
    """
    return bool(_HTTP_URL.match(url)) and url_problem(url) is None


def registrable_domain(url: str) -> str | None:
    """The registrable domain of a URL's host (public suffix list), lower case, IDNs as xn--.

    >>> registrable_domain("https://www.bbc.co.uk/news/x"), registrable_domain("http://10.0.0.1/")
    ('bbc.co.uk', None)
    """
    from tld import get_fld

    if url_problem(url):
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    domain = get_fld(host, fix_protocol=True, fail_silently=True)
    if not isinstance(domain, str):
        return None
    try:
        domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    return domain if re.fullmatch(patterns.DOMAIN, domain) else None
