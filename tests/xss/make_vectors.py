#!/usr/bin/env python3
"""Writes the hostile-markdown corpus of tests/xss.rs: one file a vector class, each a valid
document (tests/xss/documents/) or news item (tests/xss/news/) whose body and/or front matter
carry XSS payloads. Every payload that could run calls alert('XSS-<id>'), sets
document.title = 'XSS' or logs 'XSS' to the console, so the test can tell which one ran.

Every file ends its body with the sentence MARKER, which the test finds on the rendered page:
the document is still shown. Run from the repository root: python3 tests/xss/make_vectors.py
"""
import json, os, shutil

MARKER = "Đoạn kiểm chứng: nội dung vẫn hiển thị."
HERE = os.path.dirname(os.path.abspath(__file__))

def s(v):
    """A TOML basic string (JSON escapes are TOML escapes for these characters)."""
    return json.dumps(v, ensure_ascii=False)

# (id, slug words, what, body, front-matter overrides)
DOCS = [
    ("01", "the-script", "script elements, plain, with attributes, nested, uppercase",
     "<script>alert('XSS-01')</script>\n\n<SCRIPT type=\"text/javascript\">document.title='XSS'</SCRIPT>\n\n<script src=\"data:text/javascript,alert('XSS-01b')\"></script>\n\nChữ sau thẻ script.", {}),
    ("02", "lien-ket-javascript", "javascript: links in markdown, autolinks and reference links",
     "[Bấm vào đây](javascript:alert('XSS-02'))\n\n<javascript:alert('XSS-02b')>\n\n[tham chiếu][x]\n\n[x]: javascript:document.title='XSS'\n\n[hoa thường](JaVaScRiPt:alert('XSS-02c'))", {}),
    ("03", "the-a-javascript", "raw <a> with javascript:, whitespace, control characters and entities in the scheme",
     "<a href=\"javascript:alert('XSS-03')\">a</a> <a href=\" javascript:alert('XSS-03b')\">b</a> "
     "<a href=\"java\tscript:alert('XSS-03c')\">c</a> <a href=\"java&#x09;script:alert('XSS-03d')\">d</a> "
     "<a href=\"&#106;avascript&#58;alert('XSS-03e')\">e</a> <a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert('XSS-03f')\">f</a> "
     "<a href=\"javascript&colon;alert('XSS-03g')\">g</a> <a href=\"\x01javascript:alert('XSS-03h')\">h</a> "
     "<a href=\"javasc\x03\x03ript:alert('XSS-03i')\">i</a> <a href=\"&#106;avasc&#3;ript&#58;alert('XSS-03j')\">j</a>", {}),
    ("04", "thuoc-tinh-su-kien", "event-handler attributes on allowed tags",
     "<b onclick=\"alert('XSS-04')\">đậm</b> <i onmouseover=\"alert('XSS-04b')\">nghiêng</i> "
     "<p onpointerenter=\"document.title='XSS'\">đoạn</p> <span onfocus=\"alert('XSS-04c')\" tabindex=\"0\" autofocus>tiêu điểm</span> "
     "<div onanimationstart=\"alert('XSS-04d')\" style=\"animation: x 1s\">hoạt hình</div> <td ONCLICK=alert('XSS-04e')>ô</td> "
     "<a href=\"https://example.vn/\" onclick=\"alert('XSS-04f')\">liên kết</a>", {}),
    ("05", "anh-onerror", "images with onerror, javascript: and data: sources, srcset",
     "<img src=x onerror=\"alert('XSS-05')\">\n\n<img src=\"javascript:alert('XSS-05b')\">\n\n"
     "<img src=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>\">\n\n<img srcset=\"x 1x\" onerror=\"alert('XSS-05c')\">\n\n"
     "![ảnh](javascript:alert('XSS-05d'))\n\n![ảnh](x \"\\\" onerror=\\\"alert('XSS-05e')\")", {}),
    ("06", "svg-onload", "inline SVG with onload, script inside SVG, SVG links",
     "<svg onload=\"alert('XSS-06')\"><circle r=\"10\"/></svg>\n\n<svg><script>alert('XSS-06b')</script></svg>\n\n"
     "<svg><a xlink:href=\"javascript:alert('XSS-06c')\"><text x=\"0\" y=\"10\">x</text></a></svg>\n\n"
     "<svg><animate onbegin=\"alert('XSS-06d')\" attributeName=\"x\" dur=\"1s\"/></svg>\n\n<svg><set attributeName=\"onmouseover\" to=\"alert('XSS-06e')\"/></svg>", {}),
    ("07", "url-data", "data: URLs in links, frames, objects and embeds",
     "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTLTA3Jyk8L3NjcmlwdD4=\">a</a>\n\n"
     "[b](data:text/html,<script>alert('XSS-07b')</script>)\n\n<iframe src=\"data:text/html,<script>alert('XSS-07c')</script>\"></iframe>\n\n"
     "<object data=\"data:text/html,<script>alert('XSS-07d')</script>\"></object>\n\n<embed src=\"data:text/html,<script>alert('XSS-07e')</script>\">", {}),
    ("08", "the-hong", "broken and split tags",
     "<img src=x onerror=alert('XSS-08')//\n\n<scr<script>ipt>alert('XSS-08b')</script>\n\n<<script>alert('XSS-08c');//<</script>\n\n"
     "<a href=\"https://example.vn/\" <b onclick=alert('XSS-08d')>x</a>\n\n<img \"\"\"><script>alert('XSS-08e')</script>\">\n\n<svg/onload=alert('XSS-08f')>\n\n<img/src/onerror=alert('XSS-08g')>", {}),
    ("09", "ma-thuc-the", "entity tricks: escaped markup stays text, entities in attribute values",
     "&lt;script&gt;alert('XSS-09')&lt;/script&gt;\n\n&#x3C;img src=x onerror=alert('XSS-09b')&#x3E;\n\n&#60;svg onload=alert('XSS-09c')&#62;\n\n"
     "<a href=\"javas&#99;ript:alert('XSS-09d')\">x</a> <a href=\"jav&#x0A;ascript:alert('XSS-09e')\">y</a> <a title=\"&quot;&gt;&lt;script&gt;alert('XSS-09f')&lt;/script&gt;\">z</a>", {}),
    ("10", "kieu-css", "style elements and style attributes",
     "<style>@import 'javascript:alert(\"XSS-10\")'; body { background: url(javascript:alert('XSS-10b')) }</style>\n\n"
     "<div style=\"background:url(javascript:alert('XSS-10c'))\">nền</div> <p style=\"width: expression(alert('XSS-10d'))\">rộng</p> "
     "<span style=\"behavior: url(x.htc)\">hành vi</span>\n\n| a |\n|:--|\n| <td style=\"background:url(javascript:alert('XSS-10e'))\">ô</td> |", {}),
    ("11", "iframe-srcdoc", "iframes with srcdoc and javascript: sources, frames",
     "<iframe srcdoc=\"<script>alert('XSS-11')</script>\"></iframe>\n\n<iframe src=\"javascript:alert('XSS-11b')\"></iframe>\n\n"
     "<frameset><frame src=\"javascript:alert('XSS-11c')\"></frameset>\n\n<portal src=\"javascript:alert('XSS-11d')\"></portal>", {}),
    ("12", "bieu-mau", "forms, buttons with formaction, autofocus inputs",
     "<form action=\"javascript:alert('XSS-12')\"><button>gửi</button></form>\n\n<form><button formaction=\"javascript:alert('XSS-12b')\">x</button></form>\n\n"
     "<input autofocus onfocus=\"alert('XSS-12c')\">\n\n<select autofocus onfocus=alert('XSS-12d')></select> <textarea autofocus onfocus=alert('XSS-12e')></textarea>\n\n"
     "<isindex type=image src=1 onerror=alert('XSS-12f')>", {}),
    ("13", "meta-base", "meta refresh, base href, link import",
     "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('XSS-13')\">\n\n<base href=\"javascript:alert('XSS-13b')//\">\n\n"
     "<link rel=\"import\" href=\"data:text/html,<script>alert('XSS-13c')</script>\">\n\n<link rel=stylesheet href=\"javascript:alert('XSS-13d')\">", {}),
    ("14", "mxss-math", "mutation XSS through MathML and SVG namespace confusion",
     "<math><mtext><table><mglyph><style><img src=x onerror=\"alert('XSS-14')\"></style></mglyph></table></mtext></math>\n\n"
     "<math><mi><table><mglyph><svg><mtext><textarea><path id=\"</textarea><img src=x onerror=alert('XSS-14b')>\"></path></textarea></mtext></svg></mglyph></table></mi></math>\n\n"
     "<svg></p><style><a id=\"</style><img src=1 onerror=alert('XSS-14c')>\">", {}),
    ("15", "mxss-noscript", "mutation XSS through noscript, textarea, title, xmp, noembed, template",
     "<noscript><p title=\"</noscript><img src=x onerror=alert('XSS-15')>\"></noscript>\n\n<textarea></textarea><script>alert('XSS-15b')</script></textarea>\n\n"
     "<title><img src=x onerror=alert('XSS-15c')></title>\n\n<xmp><img src=x onerror=alert('XSS-15d')></xmp>\n\n"
     "<noembed><img title=\"</noembed><img src=x onerror=alert('XSS-15e')>\"></noembed>\n\n<template><script>alert('XSS-15f')</script></template>", {}),
    ("16", "chu-thich-cdata", "comments and CDATA sections that end early",
     "<!--><img src=x onerror=alert('XSS-16')>-->\n\n<!-- --!><img src=x onerror=alert('XSS-16b')> -->\n\n<![CDATA[><img src=x onerror=alert('XSS-16c')>]]>\n\n"
     "<!--[if gte IE 4]><script>alert('XSS-16d')</script><![endif]-->\n\n<? ><img src=x onerror=alert('XSS-16e')> ?>", {}),
    ("17", "ma-nguon", "code spans and code blocks show payloads as text",
     "`<script>alert('XSS-17')</script>`\n\n```html\n<img src=x onerror=\"alert('XSS-17b')\">\n<svg onload=alert('XSS-17c')>\n```\n\n    <iframe src=javascript:alert('XSS-17d')></iframe>", {}),
    ("18", "tieu-de-lien-ket", "link titles and destinations that try to close the attribute",
     "[x](https://example.vn/ \"\\\"><script>alert('XSS-18')</script>\")\n\n[y](<https://example.vn/\"onmouseover=\"alert('XSS-18b')>)\n\n"
     "[z](https://example.vn/'onmouseover='alert(`XSS-18c`)')\n\n<https://example.vn/\"><script>alert('XSS-18d')</script>>", {}),
    ("19", "chu-thich-cuoi", "footnotes and ids with markup in labels",
     "Câu có chú thích[^<img src=x onerror=alert('XSS-19')>].\n\n[^<img src=x onerror=alert('XSS-19')>]: Chú thích <script>alert('XSS-19b')</script>.\n\n"
     "Thêm[^a\"onmouseover=\"alert('XSS-19c')].\n\n[^a\"onmouseover=\"alert('XSS-19c')]: Chú thích hai.\n\n<a id=\"x\" name=\"y\" href=\"#\" onclick=\"alert('XSS-19d')\">neo</a>", {}),
    ("20", "the-khac", "other elements that run script: details ontoggle, media, marquee, object, applet, keygen",
     "<details open ontoggle=\"alert('XSS-20')\"><summary>x</summary>y</details>\n\n<video><source onerror=\"alert('XSS-20b')\"></video>\n\n"
     "<audio src=x onerror=\"alert('XSS-20c')\"></audio>\n\n<marquee onstart=\"alert('XSS-20d')\">m</marquee>\n\n"
     "<object type=\"text/x-scriptlet\" data=\"https://example.vn/x\"></object> <applet code=\"x\"></applet> <body onload=\"alert('XSS-20e')\"> <keygen autofocus onfocus=alert('XSS-20f')>", {}),
    ("21", "vbscript-ky-tu-la", "vbscript: and other schemes, full-width and NUL characters",
     "<a href=\"vbscript:msgbox('XSS-21')\">vb</a> <a href=\"livescript:alert('XSS-21b')\">ls</a> <a href=\"mocha:alert('XSS-21c')\">mo</a>\n\n"
     "＜script＞alert('XSS-21d')＜/script＞\n\n<scr\u0000ipt>alert('XSS-21e')</scr\u0000ipt>\n\n<a href=\"java\u0000script:alert('XSS-21f')\">nul</a>\n\n<a href=\"java\u200bscript:alert('XSS-21g')\">zw</a>", {}),
    # Front matter: every field that reaches the page, its <title>, its <meta> attributes, lists,
    # feeds, the search index and the JSON data island.
    ("22", "trich-yeu-the", "trich_yeu closing <title> and opening a script",
     "Nội dung bình thường.", {"trich_yeu": "</title><script>document.title='XSS';alert('XSS-22')</script><title>"}),
    ("23", "trich-yeu-thuoc-tinh", "trich_yeu breaking out of the meta description attribute",
     "Nội dung bình thường.", {"trich_yeu": "\" onmouseover=\"alert('XSS-23')\" x=\"' autofocus onfocus='alert(`XSS-23b`)' \"><svg onload=alert('XSS-23c')>"}),
    ("24", "noi-nhan", "noi_nhan list items with markup",
     "Nội dung bình thường.", {"noi_nhan": ["<img src=x onerror=alert('XSS-24')>", "</li></ul><script>alert('XSS-24b')</script>", "Lưu Văn phòng"]}),
    ("25", "nguoi-ky-co-quan", "issuer, place, signer and position with markup",
     "Nội dung bình thường.", {"co_quan_ban_hanh": "<svg onload=alert('XSS-25')>", "noi_ban_hanh": "'><img src=x onerror=alert('XSS-25b')>",
                               "nguoi_ky": "<script>alert('XSS-25c')</script>", "chuc_vu": "\"><iframe src=javascript:alert('XSS-25d')>"}),
    ("26", "so-ky-hieu", "so_ky_hieu with markup after the type (it is the page title and a link text)",
     "Nội dung bình thường.", {"so_ky_hieu": "926-CV/\"><script>alert('XSS-26')</script>"}),
    ("27", "trich-yeu-json", "trich_yeu closing the JSON data islands and an XML feed CDATA",
     "Nội dung bình thường.", {"trich_yeu": "</script><script>alert('XSS-27')</script><!--<script> ]]><img src=x onerror=alert('XSS-27b')>"}),
]

NEWS = [
    ("28", "tieu-de-script", "news tieu_de with a script and a title breakout",
     "Tin bình thường.", {"tieu_de": "<script>alert('XSS-28')</script></title><img src=x onerror=alert('XSS-28b')>"}),
    ("29", "tom-tat-thuoc-tinh", "news tom_tat breaking out of the meta description and og:description",
     "Tin bình thường.", {"tom_tat": "\"><img src=x onerror=alert('XSS-29')> ' onfocus='alert(`XSS-29b`)' autofocus '"}),
    ("30", "than-tin", "a news body mixing markdown and raw HTML payloads",
     "## Tiêu đề <img src=x onerror=alert('XSS-30')>\n\n> Trích dẫn <a href=\"javascript:alert('XSS-30b')\">x</a>\n\n- mục <svg onload=alert('XSS-30c')>\n- [liên kết](javascript:alert('XSS-30d'))\n\n"
     "<div class=\"prose\" id=\"noi-dung\"><script>alert('XSS-30e')</script></div>", {}),
    ("31", "than-tin-bang", "a news body with tables, footnotes and strikethrough carrying payloads",
     "| Cột <b onclick=alert('XSS-31')>1</b> | Cột 2 |\n|---|---:|\n| <img src=x onerror=alert('XSS-31b')> | ~~<svg onload=alert('XSS-31c')>~~ |\n\nChú thích[^1].\n\n[^1]: <a href=\"javascript:alert('XSS-31d')\">nguồn</a>", {}),
    ("32", "dom-clobbering", "DOM clobbering: ids and names that shadow what the app reads",
     "<div id=\"quota-data\">{\"bad\": true}</div> <a id=\"search-index\" name=\"search-index\" href=\"https://example.vn/\">x</a> "
     "<form id=\"chon-nam\" name=\"chon-nam\"></form> <img name=\"getElementById\"> <a id=\"app-status\">y</a> <div id=\"noi-dung\">z</div>", {}),
]

DOC_BASE = {
    "loai": "CV", "noi_ban_hanh": "Bình An", "co_quan_ban_hanh": "Ban Thường vụ Đảng ủy Khối",
    "nguoi_ky": "Trần Minh Quang", "chuc_vu": "Phó Bí thư Thường trực", "noi_nhan": ["Các chi, đảng bộ cơ sở", "Lưu Văn phòng"],
}

def toml_value(v):
    if isinstance(v, list):
        return "[" + ", ".join(s(x) for x in v) + "]"
    return s(v)

def main():
    for sub in ("documents", "news"):
        shutil.rmtree(os.path.join(HERE, sub), ignore_errors=True)
        os.makedirs(os.path.join(HERE, sub))
    for i, (vid, words, what, body, over) in enumerate(DOCS):
        day = 1 + i
        fields = dict(DOC_BASE)
        fields["so_ky_hieu"] = f"9{vid}-CV/ĐUK"
        fields["ngay_ban_hanh"] = None
        fields["trich_yeu"] = f"Văn bản kiểm thử XSS số {vid}: {what}"
        fields.update(over)
        lines = ["+++", f"# vector XSS-{vid}: {what}"]
        for k in ["so_ky_hieu", "loai", "ngay_ban_hanh", "noi_ban_hanh", "co_quan_ban_hanh", "trich_yeu", "nguoi_ky", "chuc_vu", "noi_nhan"]:
            lines.append(f"{k} = 2025-08-{day:02d}" if k == "ngay_ban_hanh" else f"{k} = {toml_value(fields[k])}")
        lines += ["+++", "", body, "", MARKER, ""]
        name = f"2025-08-{day:02d}-9{vid}-cv-xss-{vid}-{words}.md"
        with open(os.path.join(HERE, "documents", name), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines))
    for i, (vid, words, what, body, over) in enumerate(NEWS):
        day = 1 + i
        fields = {"tieu_de": f"Tin kiểm thử XSS số {vid}: {what}", "tom_tat": f"Tóm tắt tin kiểm thử XSS số {vid}."}
        fields.update(over)
        lines = ["+++", f"# vector XSS-{vid}: {what}", f"tieu_de = {s(fields['tieu_de'])}", f"ngay = 2025-09-{day:02d}", f"tom_tat = {s(fields['tom_tat'])}", "+++", "", body, "", MARKER, ""]
        name = f"2025-09-{day:02d}-xss-{vid}-{words}.md"
        with open(os.path.join(HERE, "news", name), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines))
    print(f"{len(DOCS)} documents, {len(NEWS)} news items")

main()
