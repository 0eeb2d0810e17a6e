"""Cell comments of a package edited in place: the comments part and its VML drawing.

The sheet's own comments stay (a marked cell that has one gets our text above its own); our
notes are added to the comments part (created when missing) and shapes for them appended to
the sheet's VML drawing (created when missing), so form controls in that drawing stay.
"""
from __future__ import annotations

import re

from ..report.issues import column_letter
from .xlsxpatch import CT_COMMENTS, CT_VML, MAIN, REL, Package, xml_text, _attrs

__all__ = ["add_comments", "insert_child"]

# children of <worksheet> that come after <legacyDrawing>, in schema order
AFTER_LEGACY = {"legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
                "webPublishItems", "tableParts", "extLst", "AlternateContent"}
SHAPE_TYPE = ('<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
              'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
              '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>')


def add_comments(pkg: Package, sheet_part: str, notes: dict[tuple[int, int], str],
                 author: str, idmap: int) -> None:
    """Put `notes` ((row, 0-based col) -> text) on the sheet as comments."""
    rels = pkg.relationships(sheet_part)
    comments = next((r["Target"] for r in rels if r.get("Type", "").endswith("/comments")), None)
    vml = next((r["Target"] for r in rels if r.get("Type", "").endswith("/vmlDrawing")), None)
    if comments and pkg.exists(comments):
        fresh = _merge_comments(pkg, comments, notes, author)
    else:
        comments = pkg.free_name("xl/comments%d.xml")
        pkg.put(comments, _comments_part(notes, author))
        pkg.add_content_type(comments, CT_COMMENTS)
        pkg.add_relationship(sheet_part, "comments", comments)
        fresh = set(notes)
    shapes = "".join(_shape(row, col, notes[(row, col)], idmap * 1024 + k + 1)
                     for k, (row, col) in enumerate(sorted(fresh)))
    if vml and pkg.exists(vml):
        data = pkg.read(vml).decode("utf-8", "surrogateescape")
        if 'id="_x0000_t202"' not in data:
            shapes = SHAPE_TYPE + shapes
        end = data.rfind("</xml>")
        data = data[:end] + shapes + data[end:] if end >= 0 else data
        pkg.put(vml, data.encode("utf-8", "surrogateescape"))
        return
    vml = pkg.free_name("xl/drawings/vmlDrawing%d.vml")
    pkg.put(vml, '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-'
            'com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout '
            f'v:ext="edit"><o:idmap v:ext="edit" data="{idmap}"/></o:shapelayout>'
            + SHAPE_TYPE + shapes + "</xml>")
    pkg.ensure_default("vml", CT_VML)
    rid = pkg.add_relationship(sheet_part, "vmlDrawing", vml)
    sheet = pkg.read(sheet_part)
    prefix = _prefix(sheet[:2000].decode("utf-8", "replace"), "worksheet")
    pkg.put(sheet_part, insert_child(sheet, f'<legacyDrawing xmlns:r="{REL}" r:id="{rid}"/>',
                                     AFTER_LEGACY, prefix=prefix))


def _prefix(text: str, root: str) -> str:
    m = re.search(rf"<(\w+:)?{root}\b", text)
    return (m.group(1) or "") if m else ""


_TAG = re.compile(rb"<(/?)([\w:]+)[^>]*?(/?)>")


def insert_child(xml: bytes, element: str, after: set[str], prefix: str = "") -> bytes:
    """Insert `element` as a child of the root, before its first child named in `after`
    (looked for after </sheetData>: the rows are never scanned nor copied twice)."""
    if prefix:
        element = element.replace("<", f"<{prefix}", 1)
    end = xml.rfind(f"</{prefix}sheetData>".encode())
    start = end + len(f"</{prefix}sheetData>") if end >= 0 else 0
    at, depth = None, 0
    for tag in _TAG.finditer(xml, start):
        closing, name, empty = tag.group(1), tag.group(2).decode(), tag.group(3)
        if closing:
            depth -= 1
            if depth < 0:                          # the root's end
                at = tag.start()
                break
            continue
        if depth == 0 and name.split(":")[-1] in after:
            at = tag.start()
            break
        if not empty:
            depth += 1
    if at is None:
        at = xml.rfind(b"</")
    view = memoryview(xml)
    return b"".join([view[:at], element.encode("utf-8"), view[at:]])


def _comment(p: str, ref: str, author_id: int, text: str) -> str:
    return (f'<{p}comment ref="{ref}" authorId="{author_id}"><{p}text><{p}t xml:space="preserve">'
            f"{xml_text(text)}</{p}t></{p}text></{p}comment>")


def _comments_part(notes, author: str) -> str:
    body = "".join(_comment("", f"{column_letter(c)}{r}", 0, notes[(r, c)])
                   for r, c in sorted(notes))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="{MAIN}">'
            f"<authors><author>{xml_text(author)}</author></authors>"
            f"<commentList>{body}</commentList></comments>")


def _plain(xml: str) -> str:
    texts = re.findall(r"<(?:\w+:)?t\b[^>]*>(.*?)</(?:\w+:)?t>", xml, re.S)
    return (("".join(texts)).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def _merge_comments(pkg: Package, part: str, notes, author: str) -> set:
    """Our notes into an existing comments part; returns the cells that had no comment."""
    text = pkg.text(part)
    p = _prefix(text, "comments")
    authors = re.search(rf"<{p}authors\b[^>]*?(/?)>", text)
    if authors.group(1):
        text = text[:authors.start()] + f"<{p}authors></{p}authors>" + text[authors.end():]
    end = text.find(f"</{p}authors>")
    author_id = len(re.findall(rf"<{p}author\b", text[:end]))
    text = text[:end] + f"<{p}author>{xml_text(author)}</{p}author>" + text[end:]
    fresh = set(notes)
    by_ref = {f"{column_letter(c)}{r}": (r, c) for r, c in notes}

    def replace(m):
        ref = _attrs(m.group(0)[:m.group(0).find(">") + 1]).get("ref", "").replace("$", "")
        if ref not in by_ref:
            return m.group(0)
        cell = by_ref[ref]
        fresh.discard(cell)
        return _comment(p, ref, author_id, notes[cell] + "\n\n" + _plain(m.group(0)))
    text = re.sub(rf"<{p}comment\b[^>]*?(?:/>|>.*?</{p}comment>)", replace, text, flags=re.S)
    empty = re.search(rf"<{p}commentList\s*/>", text)
    if empty:
        text = text[:empty.start()] + f"<{p}commentList></{p}commentList>" + text[empty.end():]
    end = text.find(f"</{p}commentList>")
    added = "".join(_comment(p, f"{column_letter(c)}{r}", author_id, notes[(r, c)])
                    for r, c in sorted(fresh))
    pkg.put(part, text[:end] + added + text[end:])
    return fresh


def _shape(row: int, col: int, text: str, shape_id: int) -> str:
    """A hidden note box beside the cell, tall enough for the text (Excel's own layout)."""
    lines = text.count("\n") + 1 + len(text) // 50
    bottom = row + min(30, 2 + lines)
    return (f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t202" style="position:absolute;'
            f'margin-left:60pt;margin-top:2pt;width:300pt;height:{min(450, 20 + 13 * lines)}pt;'
            'z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">'
            '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>'
            '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto">'
            '<div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note">'
            f'<x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{col + 1}, 15, {max(0, row - 2)}, 2, '
            f'{col + 6}, 15, {bottom}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>'
            f'<x:Row>{row - 1}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>')
