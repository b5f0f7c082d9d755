"""The boilerplate vocabulary: page furniture that news sites print around articles.

Rules are data. Each names a family and a pattern that must match the whole
(repaired) line; phrases are written with ``.*`` around them. Only lines of at
most ``max_words`` words are dropped, so that a long paragraph that merely
mentions a privacy policy survives. Besides:
* ``opens``: the line heads a block (related links, partner content) whose
  following headline-like lines belong to the same block. Such blocks often
  interrupt an article ("Related coverage" between paragraphs), so they
  separate text without ending it.
* ``gate``: words (lower case) one of which must occur before the pattern is
  tried; a cheap test that keeps long paragraphs fast. A gate is a speed device,
  never a rule: every way the pattern can match contains one of its words
  (tests/property/test_vocabulary.py checks that on real pages). Phrase rules
  must have one; whole-line rules anchored at the start need none.
* ``teaser``: the line before this one is an excerpt of another page (the text
  above a "Read more" link), not article text, however long it is. Opening as
  well, such a link lists only the next teaser's head (a few lines) after it.
* ``ends``: nothing after this line is article text unless it is far heavier
  than what came before (comment forms). Copyright lines do not end an
  article: mid-article they are photo credits.

The vocabulary comes from what many sites print (newsletter and donation
appeals, cookie notices, share bars, comment forms, related and sponsored
blocks, print-edition footers), not from any one page. The validator reuses it
to find boilerplate residue in records.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import ahocorasick_rs


@dataclass(frozen=True, slots=True)
class Furniture:
    rule: str
    pattern: re.Pattern[str]
    max_words: int = 40
    opens: bool = False
    ends: bool = False
    search: bool = False
    gate: tuple[str, ...] = ()
    teaser: bool = False


def _rule(
    rule: str,
    pattern: str,
    *,
    max_words: int = 40,
    opens: bool = False,
    ends: bool = False,
    gate: tuple[str, ...] = (),
    teaser: bool = False,
) -> Furniture:
    # ".*phrase.*" under fullmatch backtracks from every position; searching
    # for the phrase means the same on a single line and is linear.
    search = pattern.startswith(".*") and pattern.endswith(".*") and "|" not in _top_level(pattern)
    core = pattern[2:-2] if search else pattern
    return Furniture(rule, re.compile(core, re.IGNORECASE), max_words, opens, ends, search, gate, teaser)


def _top_level(pattern: str) -> str:
    """The pattern with every group's contents removed (to see top-level alternation)."""
    out, depth, escaped = [], 0, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


# An article's tool bar, each tool a word of its own: share, print and send, in the languages of many sites
# ("Share Print Email", "Weiterempfehlen Drucken", "Facebook Twitter Mail", "Partager Imprimer").
_ARTICLE_TOOLS = (
    r"(?:share|facebook|twitter|x|linkedin|whatsapp|email|e-mail|mail|reddit|pinterest|telegram|messenger|flipboard"
    r"|xing|print|pdf|copy link|sms|embed|teilen|weiterempfehlen|empfehlen|drucken|versenden|partager|imprimer|envoyer"
    r"|compartir|imprimir|enviar|condividi|stampa|delen|afdrukken|mailen|partilhar)"
)
# Languages by their own names, as a site's language menu lists them
_LANGUAGE_NAMES = (
    "english", "deutsch", "français", "español", "italiano", "português", "nederlands", "polski", "türkçe",
    "русский", "українська", "svenska", "dansk", "norsk", "suomi", "čeština", "magyar", "română", "ελληνικά",
    "עברית", "العربية", "हिन्दी", "日本語", "中文", "简体中文", "繁體中文", "한국어", "bahasa indonesia",
    "tiếng việt", "ไทย", "català", "hrvatski", "slovenčina", "български", "eesti", "latviešu", "lietuvių",
)  # fmt: skip
_LANGUAGE_NAME = rf"(?:{'|'.join(_LANGUAGE_NAMES)})(?:\s*\([^()]{{1,20}}\))?"
# What a page says once a link or an embed code is on the clipboard ("Link copied!", "Code embed copié dans le
# presse-papier", "Link kopiert")
_COPIED = (
    r"(?:(?:link|lien|code|enlace|url)(?: (?:embed|code))? )?(?:copied|copi[ée]|kopiert|copiado|copiato)"
    r"(?: (?:to (?:the )?clipboard|dans le presse-papiers?|in die zwischenablage|al portapapeles|negli appunti))?!?"
)
RUNNING_TIME = r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"  # a video's or an audio's length: "02:17", "1:02:03"
_MINUTES = r"[0-9]{1,3}\s*[-–]?\s*(?:minutes?|minuten|minutos?|minuti|mins?)\.?"
_READING_TIME = (
    r"(?:(?:estimated )?(?:reading|read) time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura|"
    r"tempo de leitura|leestijd|lecture|lectura|lettura|leitura)"
)

_SIGN_UP = (
    r"(?:abonnieren|abonniere|anmelden|bestellen|melden sie sich|melde dich|inscrivez-vous|abonnez-vous|inscris-toi|"
    r"suscr[íi]bete|suscr[íi]base|iscriviti|schrijf (?:je|u) in|aanmelden|abonneer|assine|inscreva-se)"
)
_NEWSLETTER = r"(?:newsletter|nieuwsbrief|bolet[íi]n|infolettre)s?"
_NEWSLETTER_WORDS = ("newsletter", "nieuwsbrief", "boletin", "boletín", "infolettre")

# Chinese, Japanese and Korean pages print their furniture in their own words.
_CJK_ACCOUNT = (
    "ログイン", "ログアウト", "新規会員登録", "無料会員登録", "会員登録", "会員の方はこちら", "今すぐ登録", "マイページ",
    "電子版トップ", "登录", "注册", "首页", "返回首页", "返回顶部", "로그인", "로그아웃", "회원가입", "맨 위로",
)  # fmt: skip
_CJK_TOOLS = (
    "記事保存", "保存", "共有", "印刷", "シェア", "ツイート", "收藏", "打印", "分享", "评论", "스크랩", "인쇄", "공유", "댓글",
    "글자크기",
)  # fmt: skip
_CJK_RELATED = (
    "関連記事", "関連キーワード", "関連ニュース", "あわせて読みたい", "おすすめ記事", "人気記事", "アクセスランキング",
    "相关新闻", "相关阅读", "相关文章", "热门推荐", "推荐阅读", "延伸阅读", "관련기사", "관련 기사", "많이 본 뉴스",
    "인기기사", "추천기사",
)  # fmt: skip
_CJK_MORE = ("続きを読む", "もっと見る", "詳しくはこちら", "阅读全文", "查看更多", "더보기", "기사 더보기")
# notices, not the words they use: "会員限定" (members only) alone is said of events and offers in articles
_CJK_PAYWALL = (
    "記事は会員限定", "会員限定記事", "有料会員限定", "有料会員の方のみ", "会員登録が必要です", "続きをお読みいただけます",
    "付费阅读",
)  # fmt: skip
_CJK_COPYRIGHT = (
    "無断転載",
    "転載・複製",
    "版权所有",
    "版權所有",
    "무단전재",
    "무단 전재",
    "재배포 금지",
    "재배포금지",
)
_CJK_NOTICE = r"(?=.{0,60}$).*"
"""Where a CJK notice's words may stand: anywhere in a line of at most 60 characters (see the rules)."""
_CJK_EDITOR = ("纠错", "糾錯", "责任编辑", "責任編輯")
_THAI_RELATED = ("เรื่องที่เกี่ยวข้อง", "ข่าวที่เกี่ยวข้อง", "ข่าวล่าสุด", "อ่านเพิ่มเติม")
# a network's name before the page's address or handle on it ("Facebook: https://fb.me/x", "LINE ไอดี = @x")
_NETWORKS = (
    "facebook", "fb", "twitter", "x", "instagram", "youtube", "tiktok", "linkedin", "line", "telegram", "threads",
    "mastodon", "bluesky", "whatsapp", "เฟซบุ๊ก", "ทวิตเตอร์", "ยูทูบ", "อินสตาแกรม", "微博", "微信",
)  # fmt: skip


# Text browsers' stand-ins (the "placeholder" rule): a form field (blank, or its prompt padded with
# spaces, which the line's text holds as one, or with underscores), a picture's file name (a letter and
# a digit or a joining mark, or five digits; no spaces), a picture's name in lower case, a control, an
# empty insertion or deletion mark; a button is any short bracketed label, counted only beside a field.
# (A field's label goes before it: a label after "[ ]" is a check box's, "- [ ] item" a Markdown task.)
_FIELD = r"\[(?!\s)[^\[\]]*?(?:\s|_{2,})\]|\[\s*\]"
_IMAGE_NAME = r"\[(?=[^\[\]\s]*[^\W\d_])[^\[\]\s]*(?:[_./=?&0-9]|\w-\w)[^\[\]\s]*\]|\[[0-9]{5,}\]|\[(?-i:[a-z]+)\]"
_WIDGET = rf"{_IMAGE_NAME}|\[(?:->|x|\*|\+|(?:ins|del):\s*:(?:ins|del))\]"
_BUTTON = r"\[[^\[\]]{1,40}\]"
# the words of a pager's controls (the "navigation" rule of "Prev Next"; also its gate)
_PAGER_WORDS = (
    "prev", "next", "older", "newer", "vorherige", "nächste", "nachste", "zurück", "zuruck", "weiter", "vorige",
    "volgende", "précédent", "precedent", "suivant", "anterior", "siguiente", "precedente", "successiv", "poprzedni",
    "następny",
)  # fmt: skip
# a comment form's link that cancels a reply (en, de, fr, es, it, nl, pt)
_CANCEL_REPLY = (
    "cancel reply", "antwort abbrechen", "antworten abbrechen", "annuler la réponse", "cancelar la respuesta",
    "cancelar respuesta", "annulla risposta", "reactie annuleren", "cancelar resposta", "antworten abzubrechen",
)  # fmt: skip
# the words a comment thread's head counts its comments in (the gate of its "comment-form" rule, and with the
# stems of the other languages' words, of an empty thread's place holder)
_THREAD_WORDS = (
    "comment", "response", "replies", "thought", "kommentar", "antworten", "reaktionen", "gedanken", "réponse",
    "reponse", "comentario", "respuesta", "commenti", "risposte", "reactie",
)  # fmt: skip


def _one_of(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + ")"


# a pager's control: one of its words (or a longer form: "previous", "vorheriges", "précédente"), with its arrow
_PAGER = rf"(?:[«‹<←]\s*)?{_one_of(_PAGER_WORDS)}\w*(?:\s*[»›>→])?"


VOCABULARY: Final[tuple[Furniture, ...]] = (
    # donation and subscription banners
    _rule(
        "donation-banner",
        r"(?:please )?(?:support|donate to|fund) (?:us|our (?:journalism|work|reporting)|independent journalism|quality journalism|[0-9]+ years of [a-z ]*journalism)\b.*",
        max_words=25,
    ),
    _rule(
        "donation-banner",
        r".*\b(?:make a (?:one-off |monthly )?(?:donation|contribution)|donate (?:now|today)|become an? (?:member|supporter|subscriber|patron|friend)|support (?:us|our journalism|independent journalism) (?:from|for|today)|a contribution (?:of|from)|every contribution)\b.*",
        gate=("make a", "donate", "become a", "support us", "support our", "support independent", "contribution"),
        max_words=60,
    ),
    _rule(
        "subscription-banner",
        r".*\b(?:subscribe (?:now|today|for|to (?:read|continue|unlock))|start your (?:free )?trial|unlimited (?:digital )?access|already a (?:subscriber|member)|subscribers? only|for subscribers|this (?:article|story|content) is (?:only )?(?:available|reserved|exclusive) (?:to|for) (?:subscribers|members)|you have (?:reached|used) (?:your|all)|free articles? (?:left|remaining)|log ?in to (?:read|continue)|sign in to (?:read|continue|comment))\b.*",
        gate=(
            "subscribe",
            "start your",
            "unlimited",
            "already a",
            "this article",
            "this story",
            "this content",
            "you have",
            "free article",
            "login to",
            "log in to",
            "sign in to",
        ),
        max_words=50,
    ),
    # the pitch beside a paywall ("Guter Journalismus kostet Geld. Deshalb ...") and its meter
    _rule(
        "subscription-banner",
        r".*\b(?:(?:good|quality|independent|serious) journalism (?:costs|takes|needs|requires|is not free)|"
        r"(?:guter|unabhängiger|seriöser) journalismus (?:kostet|braucht|ist nicht (?:umsonst|gratis|kostenlos))|"
        r"qualitätsjournalismus (?:kostet|braucht)|noch [0-9]+ (?:gratis|kostenlose|freie)[- ]artikel)\b.*",
        gate=("journalism", "gratis-artikel", "gratis artikel", "kostenlose artikel", "freie artikel"),
        max_words=50,
    ),
    # the same offers in German ("Jetzt Abo sichern", "Abo-Angebote", "Diese Ausgabe jetzt digital lesen")
    _rule(
        "subscription-banner",
        r"(?:jetzt )?(?:abo|abonnement|probeabo)s? (?:sichern|abschlie(?:ß|ss)en|bestellen|testen|verschenken)!?|"
        r"abo-?angebote?|jetzt (?:abonnieren|gratis testen|kostenlos testen)!?|"
        r"(?:abonnez-vous|suscr[íi]bete|suscr[íi]base|abbonati|abon(?:neer|eer) nu)(?: (?:maintenant|ahora|ora|nu))?[.!]?|"
        r"(?:diese|die neue|die aktuelle) ausgabe (?:jetzt )?(?:digital |online )?lesen|(?:heft|e-paper|epaper) lesen",
        max_words=8,
    ),
    # newsletter sign-ups
    _rule(
        "newsletter-signup",
        r".*\b(?:newsletters?|sign ?up|signup|subscribe)\b.*\b(?:inbox|newsletters?|your e-?mail)\b.*",
        gate=("inbox", "newsletter", "your email", "your e-mail"),
        max_words=90,
    ),
    _rule(  # "Get the latest news delivered to your inbox"; "Want more stories like this? Sign up here."
        "newsletter-signup",
        r".*\b(?:delivered|sent|straight|direct(?:ly)?) (?:to|in(?:to)?) your inbox\b.*|(?:[^.?!]{1,60}\?\s*)?sign ?up (?:here|now|today)[.!]?",
        gate=("inbox", "sign up", "signup"),
        max_words=30,
    ),
    _rule(
        "newsletter-signup",
        r".*\b(?:your e-?mail|inbox)\b.*\b(?:newsletters?|sign ?up|subscribe)\b.*",
        gate=("your email", "your e-mail", "inbox"),
        max_words=90,
    ),
    _rule(
        "newsletter-signup",
        r"(?:select and )?enter your e-?mail(?: address)?.*|thank you for (?:subscribing|signing up).*|(?:you(?:'|’)re |you are )?(?:now )?(?:subscribed|signed up) (?:to|for) (?:receive|our|the)\b.*|you(?:'|’)re (?:now )?(?:subscribed|signed up).*|by (?:signing up|subscribing|clicking)\b.*",
        gate=("enter your", "thank you for", "subscribed", "signed up", "by signing", "by subscribing", "by clicking"),
        max_words=90,
    ),
    # the same sign-ups in German, French, Spanish, Italian, Dutch and Portuguese, in either order
    *(
        _rule("newsletter-signup", rf".*\b{first}\b.*\b{then}\b.*", gate=_NEWSLETTER_WORDS, max_words=60)
        for first, then in ((_SIGN_UP, _NEWSLETTER), (_NEWSLETTER, _SIGN_UP))
    ),
    # privacy and cookie notices: site-directed wording, not a mention in a story
    _rule(
        "privacy-notice",
        r".*\b(?:we|our|you|your|this (?:site|website))\b.*\b(?:privacy (?:policy|notice|statement)|cookie (?:policy|settings|preferences|notice)|use of cookies|uses cookies)\b.*",
        gate=("privacy", "cookie"),
        max_words=80,
    ),
    _rule(
        "privacy-notice",
        r".*\b(?:privacy (?:policy|notice|statement)|cookie (?:policy|settings|preferences|notice)|use of cookies|uses cookies)\b.*\b(?:we|our|you|your)\b.*",
        gate=("privacy", "cookie"),
        max_words=80,
    ),
    _rule(  # "We use cookies to improve your experience": a site speaking of its own cookies
        "privacy-notice",
        r".*\b(?:we|this (?:web)?site) (?:use|uses) cookies\b.*",
        gate=("cookie",),
        max_words=60,
    ),
    _rule(  # the same notice in German, French, Spanish, Italian, Dutch and Portuguese
        "privacy-notice",
        r".*\b(?:(?:diese|unsere) (?:web)?(?:seite|site|website) (?:verwendet|nutzt|benutzt)|wir (?:verwenden|nutzen|benutzen)|"
        r"ce site(?: web)? utilise|nous utilisons|(?:este|nuestro) (?:sitio(?: web)?|site|web) (?:utiliza|usa)|utilizamos|"
        r"questo sito(?: web)? (?:utilizza|usa)|utilizziamo|deze (?:web)?site (?:gebruikt|maakt gebruik van)|wij gebruiken|we gebruiken)\b"
        r".*\bcookies?\b.*",
        gate=("cookie",),
        max_words=80,
    ),
    _rule(
        "privacy-notice",
        r"(?:accept|reject|allow|manage|customi[sz]e) (?:all )?cookies|cookie (?:policy|settings|preferences)|privacy (?:policy|settings)|terms (?:of (?:use|service)|and conditions)|do not sell my (?:personal )?(?:info|information)",
        gate=("privacy", "cookie", "terms", "sell my"),
    ),
    # share prompts and social follow bars
    _rule(
        "share-prompt",
        r"(?:like and )?share (?:(?:this|the) )?(?:post|article|story|page|video)\b.*|share (?:on|via|to|with) .*|click to share .*|share(?: this)?:?|shares?|tweet|pin it|"
        + _COPIED
        + "|"
        + _ARTICLE_TOOLS
        + r"(?:[ ,|/·•:]+"
        + _ARTICLE_TOOLS
        + r")*:?|follow (?:us|@\S+)\b.*|(?:[0-9,.]+[km]? )?(?:shares|likes|views)|permalink(?::\s*\S+)?|weitersagen(?: abbrechen)?",
        max_words=12,
    ),
    # the link back to the home page that news sites print where an article ends ("Zur Startseite")
    _rule(
        "navigation",
        r"(?:zur(?:ück zur)? startseite|back to (?:the )?home ?page|return to (?:the )?home ?page|retour à l'accueil|"
        r"volver a la portada|torna alla home(?:page)?)",
        max_words=5,
        ends=True,
    ),
    # comment-form furniture
    _rule(
        "comment-form",
        r"(?:leave|post|add|write) a (?:reply|comment|response)|reply|(?:[0-9]+ )?(?:comments?|responses|replies)(?: \([0-9]+\))?|comments? (?:are|is) (?:now )?(?:closed|disabled)(?: for this (?:article|story|post))?\.?|(?:readers?(?:'|’)? |user )comments|view (?:all )?comments|show comments|(?:log ?in|sign in)\W+(?:or )?register to (?:add|post|leave) (?:your )?comments?!?|join the (?:discussion|conversation|debate)|cancel reply|(?:you must be )?logged in to post a comment.*|your email address will not be published.*|required fields are marked.*|(?:name|email|website|comment)\s*\*?|save my name, email.*|notify me of (?:follow-up comments|new posts).*|post comment|submit comment",
        max_words=40,
        ends=True,
    ),
    # the head of a comment thread naming the post ("9 comments to Storm closes the road", "One thought on
    # “Ear Candy!”", "12 Kommentare zu „Mandelplätzchen“", "3 réponses à « ... »"): a count, then the
    # post's title, which ends in no full stop (a sentence: "One comment on the bill came from the minister.")
    _rule(
        "comment-form",
        r"(?:[0-9]+|one|ein|eine|un|une|uno|una|één)\s+(?:comments?|responses?|replies|"
        r"thoughts?|kommentare?|antworten|reaktionen|gedanken|commentaires?|r[ée]ponses?|comentarios?|respuestas?|"
        r"commenti|risposte|reacties?)\s+(?:to|on|for|zu|auf|[àa]|sur|en|para|su|per|op|bij)\s+\S.*(?<![.,;:])",
        max_words=40,
        ends=True,
        gate=_THREAD_WORDS,
    ),
    # a comment form's heading with its hidden "cancel reply" link run in, as a scrape that keeps hidden
    # links prints WordPress's ("Leave a Reply Cancel reply", "Kommentar verfassen Antwort abbrechen"), and
    # the link's own sentence ("Click here to cancel reply.", "Hier klicken, um das Antworten abzubrechen.")
    _rule(
        "comment-form",
        rf".{{0,60}}\b{_one_of(_CANCEL_REPLY)}\.?",
        max_words=14,
        ends=True,
        gate=_CANCEL_REPLY,
    ),
    # an empty comment section's place holder, under the article ("No comments yet", "Be the first to comment")
    _rule(
        "comment-form",
        r"(?:(?:there are )?no (?:comments|responses|replies)(?: yet| so far)?|be the first to (?:comment|leave a (?:comment|reply))|"
        r"(?:es (?:wurden|gibt) )?noch keine kommentare(?: (?:geschrieben|vorhanden|abgegeben))?|"
        r"aucun commentaire(?: pour (?:le moment|l['’]instant))?|soyez (?:le|la) premi(?:er|[èe]re) [àa] commenter|"
        r"(?:sin|(?:todav[íi]a )?no hay) comentarios|s[ée] el primero en comentar|"
        r"(?:nessun commento|non ci sono (?:ancora )?commenti)|sii il primo a commentare|"
        r"(?:nog )?geen reacties|wees de eerste (?:om te reageren|die reageert)|"
        r"(?:sem|nenhum) coment[áa]rios?|seja o primeiro a comentar"
        r")\s*[.!]?",
        max_words=8,
        ends=True,
        gate=(*_THREAD_WORDS, "coment", "reage"),
    ),
    # the rules printed over a comment section ("The views expressed in the comments below do not reflect
    # those of ...", "Please read our community guidelines"), and the same in German and Arabic; one phrase
    # each, so that each is searched for rather than matched from every position
    *(
        _rule("comment-form", pattern, max_words=80, gate=gate)
        for pattern, gate in (
            (
                r".*\bcomments\b.{0,60}\b(?:do not|don't|does not|doesn't|are not)\b.{0,40}\b(?:reflect|represent)\b.*",
                ("comments",),
            ),
            (
                r".*\b(?:read|review|follow|see) our (?:community|comment(?:ing)?|discussion) (?:guidelines|rules|policy|standards)\b.*",
                ("our community", "our comment", "our discussion"),
            ),
            (r".*\bkommentare\b.{0,60}\b(?:geben nicht|spiegeln nicht)\b.*", ("kommentare",)),
            (r".*(?:الآراء|التعليقات).{0,40}(?:أدناه|الواردة).{0,40}لا (?:تعبر|تعكس).*", ("الآراء", "التعليقات")),
            (r".*التعليقات.{0,80}إرشادات.*", ("التعليقات",)),
        )
    ),
    # the same families as other languages print them (de, fr, es, it, nl, pt)
    _rule(
        "comment-form",
        r"(?:(?:(?:[0-9]+ )?kommentare?\s+)?(?:schreibe(?:n sie)? einen kommentar|kommentar (?:verfassen|schreiben|hinterlassen|abgeben))|kommentar(?:funktion ist|e sind) (?:geschlossen|deaktiviert)\.?|les commentaires sont (?:ferm[ée]s|d[ée]sactiv[ée]s)\.?|comentarios cerrados\.?|i commenti sono chiusi\.?|(?:[0-9]+ )?kommentare?|kommentieren|antworten|commenter|comentar|commenta|"
        r"(?:laisser|[ée]crire|ajouter|poster|publier|r[ée]diger) un commentaire|(?:[0-9]+ )?commentaires?|r[ée]pondre|"
        r"(?:deja|dejar|escribe|escribir|a[ñn]ade|a[ñn]adir) un comentario|(?:[0-9]+ )?comentarios?|responder|"
        r"(?:lascia|scrivi|aggiungi) un commento|(?:[0-9]+ )?commenti|rispondi|"
        r"(?:[0-9]+ )?reacties?|(?:plaats|schrijf) een reactie|laat een reactie achter|"
        r"(?:deixe|escreva|adicione) (?:um|o seu|seu) coment[aá]rio)",
        max_words=6,
        ends=True,
    ),
    _rule(
        "share-prompt",
        r"(?:teilen|artikel teilen|jetzt teilen|gef[äa]llt mir:?.*|partager(?: (?:sur|cet article).*)?|"
        r"compartir(?: en .*)?|condividi(?: su .*)?|delen|compartilhe|partilhar|"
        r"(?:この(?:ニュース|記事)を)?シェア(?:する)?|分享(?:到)?|공유(?:하기)?)",
        max_words=8,
    ),
    _rule(
        "related-block",
        r"(?:mehr zum thema|weitere artikel|(?:zusammenh[äa]ngende|[äa]hnliche|verwandte) (?:posts|beitr[äa]ge|artikel)|(?:das|dies(?:e[rs]?)?)(?: thema| artikel| beitr[äa]ge?)? k[öo]nnten? (?:sie|dich|euch) (?:auch |ebenfalls )?interessieren|"
        r"auch interessant|weitere (?:interessante |spannende )?themen|(?:weitere )?interessante (?:artikel|beitr[äa]ge)|redaktionstipps?|lesetipps?|empfehlungen? der redaktion|"
        r"lesen sie (?:auch|hier|dazu|mehr|weiter)\b|weiterlesen|meistgelesen(?:e[n]?)?(?: artikel| beitr[äa]ge)?|"
        r"die beliebtesten (?:produkte|artikel|beitr[äa]ge|themen|videos)|das k[öo]nnte (?:dir|dich|ihnen|sie|euch) (?:auch )?gefallen|"
        r"les plus lus|lo m[áa]s le[íi]do|i pi[ùu] letti|"
        r"[àa] lire aussi|lire aussi|sur le m[êe]me sujet|voir aussi|"
        r"te puede interesar|leer m[áa]s|m[áa]s noticias|noticias relacionadas|le[ea] tambi[ée]n|leer tambi[ée]n|ver tambi[ée]n|"
        r"leggi anche|potrebbe interessarti|lees ook|leia tamb[ée]m)\s*:?.*",
        max_words=20,
        opens=True,
    ),
    # a link under a teaser: "Read more", as blogs and section pages print it
    _rule(
        "read-more",
        r"(?:(?:click|tap) here to )?(?:read (?:more|on|the rest(?: of (?:this|the) (?:entry|post|article|story))?)|continue reading|"
        r"mehr (?:erfahren|lesen|dazu)|weiter ?lesen|zum (?:artikel|beitrag)|lire la suite|en savoir plus|lire plus|"
        r"seguir leyendo|leer m[áa]s|ver m[áa]s|leggi (?:tutto|di pi[ùu])|continua a leggere|lees (?:meer|verder)|"
        r"leia mais|ler mais|saiba mais)\s*(?:\.{2,3}|…|[»›→>]+|\[?\.\.\.\]?)?",
        max_words=12,
        opens=True,
        teaser=True,
    ),
    # what a page prints when scripts or the browser fall short
    _rule(
        "browser-notice",
        r".*\b(?:please|bitte|veuillez|por favor|per favore|enable|activate|turn on|aktivieren|aktiveren|activer|activez|"
        r"habilite|habilitar|attiva|attivare|inschakelen)\b.*\bjavascript\b.*|"
        r".*\bjavascript (?:is |ist |est |es |[èe] |must be |muss )?(?:disabled|turned off|not enabled|deaktiviert|"
        r"d[ée]sactiv[ée]|desactivado|disattivato|required|erforderlich|n[ée]cessaire|necesario)\b.*|"
        r".*\byour (?:web )?browser (?:is (?:out of date|outdated|not supported)|does not support)\b.*|"
        r".*\b(?:update|upgrade) your (?:web )?browser\b.*|"
        # a player's fallback line: the browser cannot play or show the medium ("Dein Browser kann dieses
        # Video nicht abspielen", "Votre navigateur ne prend pas en charge la vidéo")
        r".*\byour (?:web )?browser (?:can ?not|can't|doesn't|does not|is unable to) (?:play|display|show)\b.*|"
        r".*\b(?:dein|ihr) browser (?:kann|unterst[üu]tzt) (?:dieses|das|den|diese|die|kein|keine|keinen)\s+"
        r"(?:\S+\s+)?(?:video|audio|html5|inhalt|element|format|medium)s?\b.*\bnicht\b.*|"
        r".*\b(?:votre|ton) navigateur ne (?:prend pas en charge|supporte pas|peut pas (?:lire|afficher))\b.*|"
        r".*\b(?:tu|su) navegador no (?:soporta|admite|es compatible con|puede reproducir)\b.*|"
        r".*\bil tuo browser non (?:supporta|pu[òo] riprodurre)\b.*|"
        r".*\b(?:je|uw) browser ondersteunt (?:\S+\s+){0,3}(?:niet|geen)\b.*",
        gate=("javascript", "browser", "navigateur", "navegador"),
        max_words=25,
    ),
    # the longer apology of a site for an old or unsupported browser ("You are using a browser version with
    # limited support for CSS. ... we recommend you use a more up to date browser ...")
    _rule(
        "browser-notice",
        r".*\byou(?: are|'re) using an? (?:[\w-]+ ){0,3}browser\b.*\b(?:support|recommend|update|upgrade)\w*\b.*",
        gate=("browser",),
        max_words=70,
    ),
    # the link to the story before or after this one, with its arrow
    _rule(
        "navigation",
        r"(?:[«‹<←]\s*)?(?:(?:next|previous|prev\.?) (?:article|story|post)|(?:article|billet) (?:pr[ée]c[ée]dent|suivant)|"
        r"(?:vorheriger|n[äa]chster) (?:artikel|beitrag)|(?:art[íi]culo|entrada) (?:anterior|siguiente)|"
        r"(?:articolo|post) (?:precedente|successivo))(?:\s*[»›>→])?\s*:?",
        max_words=4,
        gate=_PAGER_WORDS,
    ),
    # the same link with the other story's headline run into its label, as a browser's copy of the page
    # prints the two ("Nation-State Actors Go All-In on Mobile MalwarePrevious article")
    _rule(
        "navigation",
        r".{8,}(?-i:[a-z0-9.!?)’'\"”])(?-i:Next|Previous) (?:article|story|post)",
        max_words=30,
        gate=("next article", "next story", "next post", "previous article", "previous story", "previous post"),
    ),
    _rule(
        "navigation",
        r"(?:impressum|datenschutz(?:erkl[äa]rung)?|kontakt|startseite|suche(?: nach)?:?|anmelden|abmelden|"
        r"mentions l[ée]gales|accueil|rechercher|se connecter|aviso legal|inicio|buscar|"
        r"privacy|contatti|cerca|zoeken|vorheriger beitrag|n[äa]chster beitrag|(?:artikel )?auf einer seite lesen|"
        r"[«‹][^»›]{1,40}|[^«‹]{1,40}[»›])",
        max_words=8,
    ),
    # review widgets and "source link" footers of aggregators
    _rule(
        "source-link",
        r"(?:source link|original (?:source|article)|read the (?:original|full) (?:article|story)(?: here| at .*)?|source|via)",
    ),
    _rule(
        "review-widget",
        r"review overview|user rating:?.*|(?:our|overall|final) (?:rating|score|verdict):?.*|(?:summary|pros|cons)"
        # a reader's rating widget ("Rate this article:", "Valorar:", "Bewerten:")
        r"|(?:rate|valorar|bewerten|noter|votar|vota)(?: (?:this|el|den|cet|questo) (?:article|story|post|art[íi]culo"
        r"|artikel|beitrag|articolo))?\s*:?",
        max_words=8,
    ),
    # related links, inline and as blocks
    _rule(
        "related-link",
        r"(?:read more|read next|read also|also read|see also|more on this(?: story)?|related(?: article| story| post| content)?|recommended|watch|listen|explainer|analysis|live|opinion)\s*[:|>»-]\s*\S.*|"
        # the same in other languages, where sites print it without a colon ("Lire aussi Martine Bulard, « En Corée ... »")
        r"(?:(?:[àa] )?lire aussi|lesen sie auch|le[ea] tambi[ée]n|leggi anche|lees ook|leia tamb[ée]m)\s*[:|>»-]?\s*\S.*",
        max_words=30,
    ),
    _rule(
        "related-block",
        r"(?:related(?: articles?| stories| posts| content| coverage| topics| reading| news)?|read (?:this )?next|more (?:from|on|in|stories|news|like this)(?: .{0,40})?|recommended(?: for you| stories| reading)?|[\w.'’ -]{1,30} recommends|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|most (?:read|popular|viewed|shared|commented)|trending(?: now| stories)?|top stories|latest (?:news|stories|articles)|what to read next|don(?:'|’)t miss|editor(?:'|’)?s picks|popular (?:now|stories|articles)|in (?:other|case you missed)(?: news)?|further reading|explore further|other stories|read more|keep reading|more headlines|next up in .{1,40}|(?:more )?must[- ]reads?(?: from .{1,40})?|see also|(?:picture|photo|image|quote|video|chart|word) of the day|(?:recent|latest) (?:comments|posts))\s*:?",
        max_words=10,
        opens=True,
    ),
    # sponsored and partner blocks
    _rule(
        "sponsored",
        r"(?:content from our partners|from our partners|sponsored(?: content| stories| links| by .*)?|promoted(?: stories| content| links| by .*)?|paid (?:content|post|partner content|for by .*)|partner content|in partnership with .*|ads by .*|recommended by .*|around the web|from the web|more from our network)\s*:?",
        max_words=12,
        opens=True,
    ),
    _rule(
        "advertisement",
        r"[-–—\s]*(?:advertisement|advertising|advert|ad|sponsored|anzeige|werbung|publicit[ée]|publicidad|pubblicit[àa]|advertentie|story continues below(?: this)? (?:advertisement|ad)|article continues below|continue reading below|scroll to continue(?: with content)?|skip (?:advert|ad))\s*[:.]?[-–—\s]*",
    ),
    # print-edition (e-paper kiosk) footers
    _rule(
        "print-footer",
        r"(?:newspapers|magazines|publications) (?:in|from) [a-z][a-z .'-]*|printed and distributed by .*|pressreader.*|copyright and protected by applicable law.*|digital (?:newspaper|edition) .*subscriptions?",
        max_words=12,
    ),
    # site chrome
    _rule(
        "copyright",
        r"(?:©|\(c\))\s*.*|copyright\s*(?:©|\(c\))?\s*(?:[0-9]{4}|by\b).*|all rights reserved.*|.*\ball rights reserved\.?",
        max_words=30,
        gate=("©", "(c)", "copyright", "rights reserved"),
    ),
    # an agency's pledge, printed under each story ("Our Standards: The Thomson Reuters Trust Principles.")
    _rule(
        "copyright",
        r"(?:our standards:\s*)?the thomson reuters trust principles\.?",
        max_words=10,
        gate=("trust principles",),
    ),
    # the same notice in other languages ("Alle Rechte vorbehalten", "Vervielfältigung nur mit Genehmigung")
    _rule(
        "copyright",
        r".*\b(?:alle rechte vorbehalten|tous droits r[ée]serv[ée]s|todos los derechos reservados|"
        r"tutti i diritti riservati|alle rechten voorbehouden|todos os direitos reservados)\.?|"
        r"(?:nachdruck|vervielf[äa]ltigung|weiterverbreitung|reproduction|reproducci[óo]n|riproduzione)"
        r"(?: \w+){0,3} nur mit (?:schriftlicher |ausdr[üu]cklicher )?genehmigung.*|"
        r"(?:reproduction|reproducci[óo]n|riproduzione) (?:interdite|prohibida|vietata|riservata).*",
        max_words=30,
        gate=(
            "rechte vorbehalten",
            "droits r",
            "derechos reservados",
            "diritti riservati",
            "rechten voorbehouden",
            "direitos reservados",
            "genehmigung",
            "interdite",
            "prohibida",
            "vietata",
            "riservata",
        ),
    ),
    # a publisher's legal notice under the text ("This document is subject to copyright. Apart from any fair
    # dealing ..., no part may be reproduced without the written permission.")
    _rule(
        "copyright",
        r".*\bthis (?:document|article|story|page|publication|material|content|text|website|site) (?:is|are) "
        r"(?:subject to|protected by) copyright\b.*",
        max_words=80,
        gate=("copyright",),
    ),
    _rule(
        "copyright",
        r".*\bno part (?:of (?:this|these|the) [\w ]{1,30})?may be (?:reproduced|copied)\b.*\bwithout\b.*",
        max_words=80,
        gate=("reproduced", "copied"),
    ),
    # what lynx -dump prints for links: a link's number alone (an image link), and the list of the page's
    # addresses at the end ("References", "Visible links:", "  12. https://example.com/world/")
    _rule("link-number", r"(?:\[[0-9]{1,5}\]\s*)+", max_words=8),
    _rule(
        "link-list",
        r"(?:visible|hidden) links:?|[0-9]{1,5}\.\s+(?:https?|ftp|file|mailto|javascript|data|tel):\S*",
        max_words=2,
    ),
    # a Markdown line of nothing but images and empty links ("![](/logo.png)", "[![](/icon.svg)](/)")
    _rule("markdown-image", r"(?:!?\[(?:!\[[^\]]*\]\([^)]*\)|[^\]]*)\]\([^)]*\)\s*)+", max_words=12),
    # a site's small print: the terms a visitor agrees to, an affiliate disclosure, the licence the site is
    # published under ("By using this site, you agree to ...", "As an Amazon Associate we earn from qualifying
    # purchases", "... is published under a Creative Commons license except where otherwise noted")
    _rule(
        "legal-notice",
        r".*\b(?:by (?:using|continuing to use|accessing|visiting|browsing) (?:this|our|the) (?:web ?)?(?:site|website|service)|"
        r"you agree to (?:our|the|these|its) (?:terms|rules|conditions|use of cookies))\b.*",
        max_words=60,
        gate=("by using", "by continuing", "by accessing", "by visiting", "by browsing", "you agree to"),
    ),
    _rule(
        "legal-notice",
        r".*\b(?:(?:a )?participant in the amazon (?:services llc )?associates program|as an amazon associate|"
        r"affiliate (?:advertising|marketing) program|(?:this|the) (?:post|article|page|story|site) (?:may )?contains? affiliate links?|"
        r"(?:we|i) (?:may )?(?:earn|receive|get) (?:a )?(?:small )?(?:commission|share of (?:the )?(?:sales|revenue)|fees?)\b.{0,60}\b"
        r"(?:links?|purchases?|buy))\b.*",
        max_words=60,
        gate=("amazon", "affiliate", "commission", "share of", "fee"),
    ),
    _rule(
        "legal-notice",
        r".*\b(?:(?:is|are) (?:published|licensed|available|distributed) under (?:a|the) creative commons|"
        r"this (?:work|article|post|story|content|site|page) is licensed under)\b.*",
        max_words=40,
        gate=("creative commons", "licensed under"),
    ),
    _rule(
        "comment-form",
        r".*\bour (?:forum|comment(?:ing)?|discussion) (?:rules|guidelines|policy)\b.*",
        max_words=40,
        gate=("our forum", "our comment", "our discussion"),
    ),
    _rule(
        "navigation",
        r"(?:home|menu|search|skip to (?:main )?(?:content|navigation)|jump to .*|(?:open|close|toggle)(?: (?:the )?(?:navigation|search|main))?(?: menu)?|(?:close|dismiss)(?: this)? (?:alert|dialog|banner|pop-?up|overlay|notification)|back to top|go to top|top|next|previous|prev|(?:read|view) (?:the (?:whole |full )?article )?on (?:one|a single) page|view (?:as )?(?:a )?single page|(?:older|newer) (?:posts|entries|articles)|(?:load|show|see|view) more(?: (?:videos|photos|articles|stories|news|posts))?|more|continue reading|print(?: this)?(?: page| article)?|log ?in|log ?out|sign ?in|sign ?out|register|forg[eo]t(?:ten)? (?:your )?(?:[\w-]+ )?(?:(?:username|user ?name|login|e-?mail)(?: or |/| and ))?(?:password|username|user ?name|login)\??|need help\??|remember me|(?:not a (?:member|subscriber)|new to [^?]{1,40}|(?:don't|do not) have an account)\?\s*(?:sign ?up|register|join(?: now)?|create (?:an|one|your) account|subscribe)(?: now| today| for free)?|my account|subscribe|contact(?: us)?|about(?: us)?|advertise(?: with us)?|jobs|careers|sitemap|rss(?: feeds?)?|faqs?|help|newsletters?|podcasts?|video|videos|photos|more videos|tags?(?:\s*:.*)?|topics?(?:\s*:.*)?|filed under\b.*|categories(?:\s*:.*)?)",
        max_words=12,
    ),
    # the site's tagline under its name, the name written as its address ("example.de - Das Online-Magazin
    # für ...", "ZDNet.de – Nachrichten & Tests für IT-Profis")
    _rule(
        "site-tagline",
        r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\s+[-–—|:]\s+\S.*",
        max_words=25,
        gate=(" - ", " – ", " — ", " | ", ": "),
    ),
    # a gallery's or a pager's controls run together ("Prev Next", "« Zurück Weiter »", "Précédent Suivant")
    _rule(
        "navigation",
        rf"{_PAGER}(?:\s*[|/·•]?\s*{_PAGER}){{1,2}}",
        max_words=8,
        gate=_PAGER_WORDS,
    ),
    # a credit in brackets ("(Foto: Christian Charisius/dpa)", "(AP Photo/Evan Vucci)"), and a caption
    # ending in its picture's credit ("Auch Herbert Grönemeyer gehört zu den Unterstützern. Bild: dpa")
    _rule(
        "image-credit",
        r"[(\[](?:(?:photo|image|picture|foto|bild|quelle|credit)s?(?: credits?)?\s*[:/|]\s*[^()\[\]]{1,80}|"
        r"(?:ap|afp|dpa|epa|reuters|getty images)(?: photo| foto|(?: photo| foto)?/[^()\[\]]{1,60}))[)\]]|"
        r".{10,}[.!?)»“”\"]\s+(?:photo|foto|bild|image|picture)s?\s*:\s*[^.!?:]{1,60}|"
        r".{10,}[.!?»“”\"]\s+\((?:the associated press|ap photo|getty images)\b[^()]{0,40}\)",
        max_words=40,
        gate=(
            "photo",
            "image",
            "picture",
            "foto",
            "bild",
            "quelle",
            "credit",
            # an agency's credit in brackets, past its opening bracket: "epa" alone is in "prepare"
            "(ap/",
            "[ap/",
            "(afp",
            "[afp",
            "(dpa",
            "[dpa",
            "(epa",
            "[epa",
            "(reuters",
            "[reuters",
            "(getty",
            "[getty",
            "associated press",
        ),
    ),
    # a picture's credit in scripts of other languages ("Фото: ...", "写真＝ロイター", "사진=연합뉴스", "ဓာတ်ပုံ မူပိုင် ...")
    _rule(
        "image-credit",
        r"(?:фото|снимок|صورة|图片|照片|摄影|写真|사진|ဓာတ်ပုံ(?:\s*မူပိုင်)?)\s*[:：=＝/|]?\s*[^.!?。]{1,80}",
        max_words=12,
        gate=("фото", "снимок", "صورة", "图片", "照片", "摄影", "写真", "사진", "ဓာတ်ပုံ"),
    ),
    # a link to advertise with the site ("Advertise with The Roe", "Werben bei uns", "ลงโฆษณากับประชาไท")
    _rule(
        "advertisement",
        r"(?:advertise (?:with|on|in) \S+(?: \S+){0,3}|werben (?:sie )?(?:bei|mit|auf) \S+(?: \S+){0,2}|"
        r"annoncer (?:sur|avec|chez) \S+(?: \S+){0,2}|anunciarse en \S+(?: \S+){0,2}|ลงโฆษณา.{0,30})",
        max_words=6,
        gate=("advertise", "werben sie", "werben bei", "werben mit", "werben auf", "annoncer", "anunciarse", "ลงโฆษณา"),
    ),
    # what a text browser prints in place of a picture, a form field or a button: w3m and lynx put an image
    # with no alternative text as its file name in brackets ("[img_6686-287x161]", "[logo]"), a text field
    # as brackets around blanks or underscores ("[          ]", "[Search____]") after its label, if any
    # ("Search: [ ]"), a button as its label beside a field ("[ ] [Subscribe]"), an empty insertion as
    # "[INS::INS]". A bracketed word alone ("[Chorus]", "[Werbung]") and a bracketed number (a footnote, a
    # link number) are not matched.
    _rule(
        "placeholder",
        rf"(?:[^\[\]]{{1,40}}?\s*)?(?:{_BUTTON}\s*)*(?:{_FIELD})(?:\s*{_BUTTON})*|(?:{_WIDGET})(?:\s*(?:{_WIDGET}))*|"
        # w3m prints a form's label after its field ("[          ] Name *", "[       ] Website"): a required
        # field's star, or a form's usual field (a checklist's item "[ ] Buy the tickets" is the article's)
        rf"(?:{_FIELD})\s+(?:[^\[\]]{{1,30}}?\s*\*|(?:your )?(?:name|e-?mail|website|webseite|site web|url|homepage|"
        rf"password|passwort|username|benutzername)\b[^\[\]]{{0,20}})",
        gate=("[",),
    ),
    # lynx prints a text field as underscores and a button as "(BUTTON)" and its label ("____ (BUTTON) Search",
    # "(BUTTON) Save (BUTTON) Remove", "(BUTTON) Close Alert")
    _rule(
        "placeholder",
        r"(?:(?:[^\[\]()_]{1,40}?\s*)?_{3,}\s*)?(?:\(button\)(?:\s+[^()\s][^()]{0,30}?)?\s*)+|_{3,}",
        gate=("(button)", "___"),
    ),
    # lynx prints an inline frame (a video player, an ad slot) as its label and address ("IFRAME:
    # https://www.youtube.com/embed/KPnmmIrD0oc", "IFRAME: about:blank"), the address wrapped onto the next
    # line when it is long; a player's address alone on its line is that next line
    _rule("placeholder", r"i?frame:(?:\s+\S+)?", max_words=2, gate=("frame:",)),
    _rule(
        "placeholder",
        r"(?:https?:)?//[^\s/]+/\S*(?:embed|player|video)\S*|(?:https?:)?//(?:player|embed)\.\S+",
        max_words=1,
        gate=("embed", "player", "video"),
    ),
    # an image's file name printed in place of the picture ("google.JPG")
    _rule(
        "image-credit",
        r"[\w.-]{1,60}\.(?:jpe?g|png|gif|webp|svg|tiff?)",
        max_words=1,
        gate=(".jp", ".png", ".gif", ".webp", ".svg", ".tif"),
    ),
    _rule(
        "image-credit",
        r"(?:photo|image|picture|photograph|illustration|video|graphic|foto|bild|quelle|credit|caption)s?(?: credits?| caption)?\s*[:/|]\s*.*|"
        r"(?:photo|photograph|image|picture|illustration|screenshot|foto|bild)s?(?: by| courtesy(?: of)?| von| de| di| via)\s[^.!?]{1,80}|image caption\b.*|bild vergr[öo](?:ß|ss)ern|beitragsbild\b.*|"
        r"(?!by\s).*(?:/|\||©|credit:|(?<=\w)—)\s*(?:getty(?: images)?|reuters|ap|afp|pa(?: wire| media)?|epa|shutterstock|alamy|bloomberg"
        r"|efe|dpa|europa press|ansa|apa|xinhua|kyodo|yonhap|anadolu|imago|picture alliance|sipa|belga|anp|tass|aap)\.?|(?:getty images|reuters|afp|ap photo|pa media|shutterstock)(?:/.*)?",
        max_words=30,
        gate=(
            "photo",
            "image",
            "foto",
            "bild",
            "quelle",
            "credit",
            "caption",
            "picture",
            "illustration",
            "screenshot",
            "video",
            "graphic",
            "/",
            "|",
            "©",
            "credit:",
            "getty",
            "reuters",
            "afp",
            "pa media",
            "shutterstock",
        ),
    ),
    # a video player's label, with its running time
    _rule(
        "video-widget",
        r"(?:(?:watch|play)(?: the)? video|video (?:ansehen|abspielen)|regarder la vid[ée]o|ver (?:el )?v[íi]deo|"
        rf"guarda il video)(?:\s*\(?{RUNNING_TIME}\)?)?|video(?: duration)?\s*[0-9]{{1,2}}:[0-9]{{2}}",
        max_words=6,
        gate=("video", "vidéo", "vídeo"),
    ),
    # what an embedded social post prints around itself: the embed's label, and the post's credit line
    # ("A post shared by Jane (@jane) on Jun 16, 2019 at 7:30am PDT", "— Jane Doe (@jane) June 16, 2019")
    _rule(
        "social-embed",
        r"view this (?:post|profile|photo|video|reel) on (?:instagram|facebook|twitter|x|tiktok|threads)"
        r"|an? (?:post|photo|video|reel) shared by .{1,120}"
        r"|[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s*(?:on\s+)?[a-z]{3,9}\.? [0-9]{1,2},? [0-9]{4}",
        max_words=30,
        gate=("view this", "shared by", "(@"),
    ),
    # the same, as Instagram prints it in German, French, Spanish, Italian, Dutch and Portuguese
    _rule(
        "social-embed",
        r"(?:diesen beitrag auf|voir cette publication sur|ver esta publicaci[óo]n en|visualizza questo post su"
        r"|dit bericht bekijken op|ver essa publica[çc][ãa]o no) instagram(?: ansehen)?"
        r"|(?:ein beitrag geteilt von|une publication partag[ée]e par|una publicaci[óo]n compartida (?:de|por)"
        r"|un post condiviso da|een bericht gedeeld door|uma publica[çc][ãa]o compartilhada (?:por|de)) .{1,120}",
        max_words=30,
        gate=(
            "instagram",
            "geteilt von",
            "partagée par",
            "partagee par",
            "compartida",
            "condiviso da",
            "gedeeld door",
            "compartilhada",
        ),
    ),
    # a player's playlist: a running time alone on its line ("03:29"), "Now playing", "Up next"
    _rule(
        "video-widget",
        rf"{RUNNING_TIME}|now playing|up next|ad feedback|video ad feedback",
        max_words=3,
    ),
    # a video card's running time and source ("02:12 - Source: CNN")
    _rule(
        "video-widget",
        rf"{RUNNING_TIME}\s*[-–—|]\s*(?:source|quelle|fuente|fonte)\s*:\s*[^.!?]{{1,40}}",
        max_words=8,
        gate=("source", "quelle", "fuente", "fonte"),
    ),
    # a reading list's buttons and prompts ("Save", "Save for later", "Artikel merken", "View saved stories")
    _rule(
        "save-prompt",
        r"(?:save|saved|merken|artikel merken|sauvegarder|guardar|salva)(?: (?:this )?(?:article|story|for later))?"
        r"|(?:add to|remove from) (?:my |your |the )?(?:reading list|saved (?:articles|stories)|bookmarks|wish ?list)"
        r"|(?:auf|zur) (?:den|die)? ?(?:wunschzettel|wunschliste|merkliste|vergleichsliste)(?: hinzuf[üu]gen)?"
        r"|(?:to revi\w* this (?:article|story),? (?:visit|go to) [^.]{1,40}(?:, )?then )?(?:view|see) (?:your )?saved (?:stories|articles)\.?",
        max_words=16,
    ),
    # a reading-time estimate ("7 minute read", "Reading time: 3 minutes", "Lesezeit: 4 Min.", "3 min de lecture")
    _rule(
        "reading-time",
        rf"(?:{_READING_TIME}\s*:?\s*(?:ca\.\s*|~\s*)?{_MINUTES}"
        rf"|{_MINUTES}\s*(?:read|reading time|lesezeit|lesedauer|leestijd|(?:de|di) (?:lecture|lectura|lettura|leitura)))",
        max_words=6,
    ),
    # where the story was taken from, as a label ("Source: Reuters", "来源： 中国日报网", "Fuente: EFE")
    _rule(
        "source-credit",
        r"(?:source|fuente|fonte|来源|來源|出典|출처)\s*[:：]\s*[^.!?。]{1,60}|courtesy(?:\s+of|\s*:)\s+[^.!?。]{1,60}",
        max_words=10,
        gate=("source", "fuente", "fonte", "来源", "來源", "出典", "출처", "courtesy"),
    ),
    # a request to report a mistake in the text ("Spotted a typo? Select it and press Ctrl+Enter")
    _rule(
        "error-report",
        r".*\bctrl\s*\+\s*enter\b.*",
        max_words=40,
        gate=("ctrl",),
    ),
    # ... and the same in other languages ("Fehler gefunden?", "Kļūda rakstā?")
    _rule(
        "error-report",
        r"(?:(?:found|spotted|see|notice)(?: an?)? (?:error|mistake|typo)(?: in (?:this|the) (?:article|text|story))?\??|"
        r"report an? (?:error|typo|mistake|correction)|"
        r"fehler (?:gefunden|im (?:artikel|text)|melden)|signaler une erreur|vous avez (?:rep[ée]r[ée]|trouv[ée]) une erreur|"
        r"¿?(?:has visto|encontraste) un error|(?:reportar|comunicar|notificar) (?:un )?error|segnala(?:re)? un errore|"
        r"kļūda rakstā|ziņot par kļūdu|нашли ошибку)\s*[?!.]?",
        max_words=8,
        gate=("error", "mistake", "typo", "correction", "fehler", "erreur", "kļūd", "ошибк"),
    ),
    # the instruction that goes with it ("Highlight the text and press the report button"), when it names
    # the report: a how-to's "Select the text and press Ctrl+B" stays
    _rule(
        "error-report",
        r".*\b(?:highlight|select|markieren sie|iezīmējiet|выделите)\b.{0,20}\b(?:text|tekstu|текст)\b.{0,20}"
        r"\b(?:and (?:press|click)|und (?:drücken|klicken)|un spiediet|и нажмите)\b.{0,80}"
        r"\b(?:report|error|mistake|typo|fehler|kļūd\w*|ошибк\w*).*",
        max_words=40,
        gate=("and press", "and click", "und drücken", "und klicken", "un spiediet", "и нажмите"),
    ),
    # a menu printed on one line: four or more short items between bars, none a number or a byline
    # (a line of up to five items led by "Home" is a breadcrumb, read as one with the head)
    _rule(
        "navigation",
        r"(?!(?:home|start|startseite|accueil|inicio|homepage)\s*\|(?:[^|]*\|){0,3}[^|]*$)(?:(?!by\s)[^|\d\s][^|\d]{0,40}\|\s*){3,}[^|\d]{1,40}",
        max_words=60,
        gate=("|",),
    ),
    # Chinese, Japanese and Korean: an account's links ("＞ ログイン", "登录 / 注册", "회원가입"), an article's
    # tool buttons ("保存 共有 その他", "스크랩 인쇄"), the openers of related blocks ("関連記事", "相关新闻",
    # "많이 본 뉴스"), "read more" links, a paywall's notice ("この記事は会員限定です"), a reprint notice
    # ("무단 전재-재배포 금지", "版权所有") and the desk's editor ("【纠错】 【责任编辑:张樵苏 】")
    _rule(
        "navigation",
        rf"[>＞»›]?\s*{_one_of(_CJK_ACCOUNT)}(?:\s*[/|・]\s*{_one_of(_CJK_ACCOUNT)})*",
        max_words=6,
        gate=_CJK_ACCOUNT,
    ),
    _rule(
        "share-prompt",
        rf"(?:evernote)?{_one_of(_CJK_TOOLS)}(?:\s+(?:evernote)?(?:{_one_of(_CJK_TOOLS)}|その他))*",
        max_words=8,
        gate=_CJK_TOOLS,
    ),
    _rule("related-block", rf"{_one_of(_CJK_RELATED)}\s*[:：]?", max_words=4, opens=True, gate=_CJK_RELATED),
    _rule(
        "read-more",
        rf"[>＞»›]?\s*{_one_of(_CJK_MORE)}\s*[>＞»›]*",
        max_words=4,
        opens=True,
        teaser=True,
        gate=_CJK_MORE,
    ),
    # A notice is a short line: CJK text has few spaces, so a whole paragraph counts as a few "words"; 60
    # characters keep these from a sentence that quotes the words ("版权所有者", the copyright holder, is no notice).
    _rule(
        "subscription-banner",
        rf"{_CJK_NOTICE}{_one_of(_CJK_PAYWALL)}.*",
        max_words=30,
        ends=True,
        gate=_CJK_PAYWALL,
    ),
    _rule(
        "copyright",
        rf"{_CJK_NOTICE}{_one_of(_CJK_COPYRIGHT)}(?![者人]).*",
        max_words=30,
        gate=_CJK_COPYRIGHT,
    ),
    _rule(
        "editor-credit",
        rf"(?:[【\[(（]?\s*{_one_of(_CJK_EDITOR)}\s*(?:[:：]\s*[^】\])）]{{1,12}})?\s*[】\])）]?\s*){{1,2}}",
        max_words=6,
        gate=_CJK_EDITOR,
    ),
    # Thai: a related block's opener, run into its first headline ("เรื่องที่เกี่ยวข้องลืออุ้ม ...")
    _rule("related-block", rf"{_one_of(_THAI_RELATED)}.{{0,400}}", max_words=40, opens=True, gate=_THAI_RELATED),
    # where else the site is: a network and the site's address or handle on it, alone on a line
    _rule(
        "social-follow",
        rf"(?:(?:follow us on|find us on|folge uns auf|suivez-nous sur|s[íi]guenos en)\s+)?{_one_of(_NETWORKS)}"
        r"\s*(?:page|account|id|ไอดี)?\s*[:=：]?\s*(?:https?://\S+|@[\w.]+)",
        max_words=6,
        gate=("http", "@"),
    ),
    # a post's tags and categories, as a list after a label ("Schlagwörter: FAZ, Sprache, ...", "Mots-clés : ...")
    _rule(
        "navigation",
        r"(?:tags?(?=:)|schlagw[öo]rter|schlagworte|stichw[öo]rter|stichworte|mots[- ]cl[ée]s|etiquetas|argomenti|trefwoorden"
        r"|palavras-chave|ver[öo]ffentlicht in|filed under|categor(?:y|ies)|kategorien?|cat[ée]gories?|categor[íi]as?)"
        r"\s*:\s*[^\s.!?][^.!?]*",  # the label alone ("Schlagworte:") stays free: it bounds the article
        max_words=60,
        gate=(
            "tag:",
            "tags:",
            "schlagw",
            "stichw",
            "mots-cl",
            "mots cl",
            "etiquetas",
            "argomenti",
            "trefwoorden",
            "palavras-chave",
            "veröffentlicht in",
            "veroffentlicht in",
            "filed under",
            "categor",
            "kategorie",
            "catégorie",
        ),
    ),
    # a rating widget's state ("Currently rated 4 out of 5 stars", "Actualmente puntuada con 1 estrella(s) sobre 5")
    _rule(
        "review-widget",
        r"(?:currently |actualmente )?(?:rated|puntuad[oa]|bewertet mit|notée?)(?: con)? [0-9](?:[.,][0-9])?"
        r" ?(?:stars?|estrellas?(?:\(s\))?|sternen?|[ée]toiles?)? (?:out of|sobre|von|sur) [0-9]{1,2}(?: stars?| sternen)?",
        max_words=14,
        gate=("rated", "puntuad", "bewertet", "noté"),
    ),
    # a menu's label ("Main navigation", "Hauptnavigation", "Sidebarnavigation", "Menu principal", "Search form")
    _rule(
        "navigation",
        r"(?:main |primary |secondary |sidebar ?|footer |mobile |site )?(?:navigation|nav)(?: menu)?"
        r"|(?:haupt|seiten|sidebar|footer|mobile)(?:navigation|menü)|menü|menu principal|navegaci[óo]n(?: principal)?"
        r"|navigazione(?: principale)?|search form|suchformular|sprungmarken",
        max_words=3,
    ),
    # a site's greeting in its header, naming the site by its address ("Welcome to Sott.net"; a headline may
    # be "Welcome to Hell")
    _rule(
        "navigation",
        r"(?:welcome to|welcome back to|willkommen (?:bei|auf|im)|bienvenue (?:sur|à|chez)|bienvenid[oa]s? a"
        r"|benvenut[oi] (?:su|a|in))\s+[\w-]+(?:\.[\w-]+)+\s*!?",
        max_words=6,
        gate=("welcome", "willkommen", "bienvenue", "bienvenid", "benvenut"),
    ),
    # how to reach the author, under the story ("Write to Jane Roe at jane.roe@example.com")
    _rule(
        "author-contact",
        r"(?:[^.?!]{1,40}\?\s*)?(?:write to|e-?mail|contact|reach)\b.{0,60}?(?:\bat|\bvia|:)\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?"
        r"(?:\s+(?:or|and)\s+.{1,60})?",
        max_words=20,
        gate=("@",),
    ),
    # a link to write to the writer ("Contact the author", "Email the reporter")
    _rule(
        "author-contact",
        r"(?:contact|e-?mail|message|follow) (?:the )?(?:author|reporter|writer|journalist)s?",
        max_words=4,
        gate=("author", "reporter", "writer", "journalist"),
    ),
    # an audio player's prompt ("Listen to this article", "Artikel vorlesen", "Écouter cet article")
    _rule(
        "video-widget",
        rf"(?:listen to (?:this|the) (?:article|story)|(?:artikel|beitrag) (?:vorlesen|anh[öo]ren)|"
        rf"[ée]couter (?:cet|l['’])article|escuchar (?:este|el) art[íi]culo)(?:\s*\(?{RUNNING_TIME}\)?)?",
        max_words=8,
        gate=("listen", "vorlesen", "anhören", "anhoren", "couter", "escuchar"),
    ),
    # what a picture leaves in the text: its buttons ("Enlarge this image", "toggle caption", "hide caption"), a
    # gallery's link, or its kind alone where it stood ("Image", "Photo")
    _rule(
        "image-credit",
        r"enlarge (?:this )?(?:image|photo|picture)|(?:toggle|hide|show) caption|(?:photo|image|picture) gallery|"
        r"(?:view|open|see) (?:the )?(?:full )?(?:gallery|slideshow)|image|photo|picture|foto|bild",
        max_words=4,
        gate=("image", "photo", "picture", "caption", "gallery", "slideshow", "foto", "bild"),
    ),
    # a social network's follow button, left alone on its line
    _rule(
        "social-follow",
        r"(?:follow|following|unfollow|folgen|abonniert|suivre|seguir)",
        max_words=1,
        gate=("follow", "folgen", "abonniert", "suivre", "seguir"),
    ),
    # a prompt to read in the site's app ("Open in app", "Download our app", "Get the app")
    _rule(
        "app-prompt",
        r"(?:open|read|continue) in (?:the )?app|(?:download|get|install) (?:our|the) (?:free )?(?:[\w.'’-]+ )?app|"
        r"(?:in der|zur) app (?:öffnen|lesen)|app (?:herunterladen|laden)|ouvrir dans l['’]app(?:lication)?|"
        r"t[ée]l[ée]charge[rz] (?:notre|l['’])app(?:lication)?|abrir en la app|descarga(?:r)? (?:nuestra|la) app",
        max_words=8,
        gate=("app",),
    ),
    # a payment link asking for donations ("โอนเงิน PayPal คลิกที่นี่ https://paypal.me/x", "PromptPay 0993000060423"):
    # PromptPay with the account number to pay to, not a sentence that names the payment system
    _rule(
        "donation-banner",
        r".*(?:paypal\.me/|promptpay\b.*(?<![0-9])[0-9](?:[ -]?[0-9]){8,}(?![0-9])).*",
        max_words=40,
        gate=("paypal.me/", "promptpay"),
    ),
    # a teaser's age ("2 hours ago", "Veröffentlicht/Aktualisiert: vor 51 Minuten", "hace 3 días")
    _rule(
        "relative-date",
        r"(?:(?:updated|published|posted|ver[öo]ffentlicht|aktualisiert|publi[ée]|mis [àa] jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt)(?:/\w+)?:?\s+)?"
        r"(?:(?:[0-9]+|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago"
        r"|vor (?:[0-9]+|einer?) (?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?)"
        r"|il y a (?:[0-9]+|une?) (?:secondes?|minutes?|heures?|jours?|semaines?|mois)"
        r"|(?:hace|há) (?:[0-9]+|una?|um|uma) (?:segundos?|minutos?|horas?|d[íi]as?|semanas?|mes(?:es)?)"
        r"|(?:[0-9]+|una?) (?:second[oi]|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]) fa"
        r"|(?:[0-9]+|een) (?:seconden|minuut|minuten|uur|dag|dagen|weken|week|maanden|maand) geleden)",
    ),
    # a menu of the languages a site is in, each by its own name ("Deutsch · English (US) · Türkçe · Español")
    _rule(
        "language-menu",
        rf"{_LANGUAGE_NAME}(?:\s*[·|/•,]?\s*{_LANGUAGE_NAME})+",
        max_words=40,
        gate=_LANGUAGE_NAMES,
    ),
    # a form's message about a field left empty ("Field input is required", "Please fill out this field.")
    _rule(
        "form-message",
        r"(?:this )?field(?: input)? is required\.?|(?:please )?fill (?:in|out) this field\.?|required field\.?",
        max_words=8,
        gate=("field",),
    ),
    # a shop's buttons beside a product a page shows ("In den Warenkorb", "Add to cart")
    _rule(
        "shop-button",
        r"(?:in den warenkorb(?: legen)?|(?:add to|zum) (?:cart|basket|bag|warenkorb)|ajouter au panier"
        r"|a[ñn]adir al carrito|aggiungi al carrello|buy now|jetzt kaufen)",
        max_words=4,
    ),
    # the author box's link to the author's page, alone or after the author's name ("Marcus De Guzman View More
    # Articles", a text browser running the two together: "Marcus De GuzmanView More Articles"; "More articles by
    # Jane Roe", "Alle Artikel des Autors", "Tous les articles de Jean Dupont")
    _rule(
        "author-box",
        r"(?:(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*?\s*){0,4}(?:view|see|read|show) (?:all|more) (?:articles|stories|posts)"
        r"(?: (?:by|from) [\w.'’-]+(?: [\w.'’-]+){0,3})?"
        r"|(?:all|more) (?:articles|stories|posts) (?:by|from) [\w.'’-]+(?: [\w.'’-]+){0,3}"
        r"|(?:alle|weitere|mehr) (?:artikel|beitr[äa]ge|texte) (?:des autors|der autorin|von (?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*(?: [\w.'’-]+){0,3})"
        r"|mehr (?:vom autor|von der autorin|von (?:diesem autor|dieser autorin))"
        r"|tous les articles (?:de l'auteur|de (?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*(?: [\w.'’-]+){0,3})",
        max_words=10,
        gate=(
            "articles",
            "stories",
            "posts",
            "artikel",
            "beiträge",
            "beitrage",
            "texte",
            "vom autor",
            "von der autorin",
            "von diesem autor",
            "von dieser autorin",
        ),
    ),
)

_LONGEST = max(furniture.max_words for furniture in VOCABULARY)
_Matcher = Callable[[str], object]


@dataclass(frozen=True, slots=True)
class _Bucket:
    """The rules that may drop a line of a given word count, in vocabulary order.

    Most lines are article text that no rule drops. Two scans prove that: no
    ungated rule's whole-line pattern matches (one union) and no gate word
    occurs (one Aho-Corasick pass over the line for all gate words). Both
    read the lower-cased line: the union is compiled case-sensitive, so the
    engine skips an alternative at its first letter, which under IGNORECASE
    it cannot (twice as fast on article text). A line
    that passes either is tried only against the rules it can meet (the
    ungated ones, if their union matched, and those with a gate word in the
    line), in vocabulary order, so the first rule still wins.
    """

    rules: tuple[tuple[Furniture, _Matcher], ...]
    ungated: frozenset[int]
    gated: dict[str, frozenset[int]]  # gate word -> the rules it lets through
    any_ungated: re.Pattern[str] | None  # of the lower-cased line


def _bucket(rules: tuple[Furniture, ...]) -> _Bucket:
    ungated = [furniture.pattern.pattern for furniture in rules if not furniture.gate]
    assert all(not furniture.search for furniture in rules if not furniture.gate), (
        "a phrase rule needs a gate: the gate words are its prefilter"
    )
    assert not any(_UPPER_CASE.search(pattern) for pattern in ungated), (
        "an ungated pattern is matched case-sensitive against the lower-cased line: write it in lower case"
    )
    gated: dict[str, set[int]] = {}
    for index, furniture in enumerate(rules):
        for word in furniture.gate:
            gated.setdefault(word, set()).add(index)
    return _Bucket(
        tuple(
            (furniture, furniture.pattern.search if furniture.search else furniture.pattern.fullmatch)
            for furniture in rules
        ),
        frozenset(index for index, furniture in enumerate(rules) if not furniture.gate),
        {word: frozenset(indices) for word, indices in gated.items()},
        re.compile("|".join(f"(?:{pattern})" for pattern in ungated)) if ungated else None,
    )


_UPPER_CASE = re.compile(r"(?<!\\)[A-Z]")  # an upper-case letter that is not an escape's (\S, \W, \B)


def _gate_words() -> ahocorasick_rs.AhoCorasick:
    words = sorted({word for furniture in VOCABULARY for word in furniture.gate})
    # A DFA: a few hundred gate words make a small one, and it scans every line 2-3x faster than the NFA
    # the library picks by default.
    return ahocorasick_rs.AhoCorasick(
        words, matchkind=ahocorasick_rs.MatchKind.Standard, implementation=ahocorasick_rs.Implementation.DFA
    )


def _buckets() -> tuple[_Bucket, ...]:
    """One bucket per word count; counts with the same rules share one."""
    made: dict[tuple[Furniture, ...], _Bucket] = {}
    buckets = []
    for count in range(_LONGEST + 1):
        rules = tuple(furniture for furniture in VOCABULARY if count <= furniture.max_words)
        if rules not in made:
            made[rules] = _bucket(rules)
        buckets.append(made[rules])
    return tuple(buckets)


_BY_WORDS: Final = _buckets()
_GATE_WORDS: Final = _gate_words()


def word_count(text: str) -> int:
    """``len(text.split())``, counted without building the list when the text is single-spaced.

    Every white-space character but the ASCII space is unprintable, so a printable text with no
    space at either end and no two together has one word more than it has spaces.

    >>> word_count("Read more:  here"), word_count("Read\u00a0more: here"), word_count("Read more: here"), word_count("")
    (3, 3, 3, 0)
    """
    if text and text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return text.count(" ") + 1
    return len(text.split())


def classify(text: str) -> Furniture | None:
    """The first vocabulary rule that drops this (repaired) line, or None.

    >>> classify("Like and share this post:").rule
    'share-prompt'
    >>> classify("Your email address will not be published. Required fields are marked *").rule
    'comment-form'
    >>> classify("The minister said the privacy policy was unlawful.") is None
    True
    """
    words = word_count(text)
    if words > _LONGEST:
        return None
    bucket = _BY_WORDS[words]
    candidates: set[int] = set()
    lowered = text.lower()
    if bucket.any_ungated is not None and bucket.any_ungated.fullmatch(lowered) is not None:
        candidates.update(bucket.ungated)
    for word in _GATE_WORDS.find_matches_as_strings(lowered, overlapping=True):
        candidates.update(bucket.gated.get(word, ()))
    for index in sorted(candidates):
        furniture, matcher = bucket.rules[index]
        if matcher(text):
            return furniture
    return None
