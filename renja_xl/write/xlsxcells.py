"""Styles and cells of a package edited in place (see `xlsxpatch`).

`Styles` appends fonts, fills and cell formats to styles.xml as text (the kecamatan's own
entries and namespaces stay as they are); `mark_cells` changes the `s` attribute of the
marked cells of one sheet's XML, adding a cell (or a row) where the sheet has none, and
never parses the rows it does not touch — a sheet styled down to row 1,048,576 costs one
pass of a regular expression.
"""
from __future__ import annotations

import re

from ..report.issues import column_index, column_letter
from .xlsxpatch import PatchError, _attrs

__all__ = ["Styles", "mark_cells"]


def _block(text: str, prefix: str, name: str) -> tuple[int, int] | None:
    """(start of the content, start of the closing tag) of `<name …>…</name>`."""
    m = re.search(rf"<{prefix}{name}\b[^>]*?(/?)>", text)
    if not m:
        return None
    if m.group(1):
        return None
    end = text.find(f"</{prefix}{name}>", m.end())
    return (m.end(), end) if end >= 0 else None


class Styles:
    """styles.xml, edited by appending; `xf(...)` returns a cell format index."""

    def __init__(self, text: str):
        m = re.search(r"<(\w+:)?styleSheet\b", text)
        if not m:
            raise PatchError("styles.xml tidak terbaca")
        self.text, self.p = text, m.group(1) or ""
        self.cache: dict = {}

    def _append(self, name: str, item: str, element: str) -> int:
        """Append `element` to the `<name>` list; returns its index."""
        p = self.p
        span = _block(self.text, p, name)
        if span is None:
            empty = re.search(rf"<{p}{name}\b[^>]*/>", self.text)
            if not empty:
                raise PatchError(f"styles.xml tanpa <{name}>")
            self.text = (self.text[:empty.start()] + f'<{p}{name} count="0"></{p}{name}>'
                         + self.text[empty.end():])
            span = _block(self.text, p, name)
        start, end = span
        count = len(re.findall(rf"<{p}{item}[\s>/]", self.text[start:end]))
        self.text = self.text[:end] + element + self.text[end:]
        head = self.text[:start]
        tag_start = head.rfind(f"<{p}{name}")
        tag = re.sub(r'\scount="\d*"', "", head[tag_start:start])
        tag = tag[:-1].rstrip("/").rstrip() + f' count="{count + 1}">'
        self.text = head[:tag_start] + tag + self.text[start:]
        return count

    def _xfs(self) -> list[str]:
        p = self.p
        span = _block(self.text, p, "cellXfs")
        if span is None:
            return []
        return re.findall(rf"<{p}xf\b[^>]*?(?:/>|>.*?</{p}xf>)", self.text[span[0]:span[1]],
                          re.S)

    def fill(self, rgb: str) -> int:
        key = ("fill", rgb)
        if key not in self.cache:
            p = self.p
            self.cache[key] = self._append(
                "fills", "fill", f'<{p}fill><{p}patternFill patternType="solid"><{p}fgColor '
                f'rgb="FF{rgb}"/><{p}bgColor indexed="64"/></{p}patternFill></{p}fill>')
        return self.cache[key]

    def font(self, bold=False, link=False, size=11) -> int:
        key = ("font", bold, link, size)
        if key not in self.cache:
            p = self.p
            body = (f"<{p}b/>" if bold else "") + (f'<{p}u/>' if link else "")
            body += f'<{p}sz val="{size}"/>' + (f'<{p}color rgb="FF0000FF"/>' if link else "")
            body += f'<{p}name val="Calibri"/><{p}family val="2"/>'
            self.cache[key] = self._append("fonts", "font", f"<{p}font>{body}</{p}font>")
        return self.cache[key]

    def marked(self, base: int, rgb: str) -> int:
        """A copy of cell format `base` with a solid `rgb` fill."""
        key = ("marked", base, rgb)
        if key not in self.cache:
            xfs = self._xfs()
            xf = xfs[base] if 0 <= base < len(xfs) else f"<{self.p}xf/>"
            fill = self.fill(rgb)
            start = re.match(r"<[^>]*?(/?)>", xf)
            tag = start.group(0)
            tag = re.sub(r'\s(fillId|applyFill)="[^"]*"', "", tag)
            closing = "/>" if tag.endswith("/>") else ">"
            tag = (tag[:-len(closing)].rstrip() +
                   f' fillId="{fill}" applyFill="1"' + closing)
            if 'numFmtId="' not in tag:
                tag = tag.replace(" fillId=", ' numFmtId="0" fillId=', 1)
            for name in ("fontId", "borderId", "xfId"):
                if f'{name}="' not in tag:
                    tag = tag.replace(" fillId=", f' {name}="0" fillId=', 1)
            self.cache[key] = self._append("cellXfs", "xf", tag + xf[start.end():])
        return self.cache[key]

    def new(self, font=0, fill=0, num_fmt=0, wrap=False) -> int:
        """A new cell format for our own sheet."""
        key = ("new", font, fill, num_fmt, wrap)
        if key not in self.cache:
            p = self.p
            wrapping = ' wrapText="1"' if wrap else ""
            align = f'<{p}alignment vertical="top"{wrapping}/>'
            self.cache[key] = self._append(
                "cellXfs", "xf", f'<{p}xf numFmtId="{num_fmt}" fontId="{font}" '
                f'fillId="{fill}" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" '
                f'applyFill="1" applyAlignment="1">{align}</{p}xf>')
        return self.cache[key]


_ROW = r"<{p}row\b[^>]*?(/?)>"


def mark_cells(xml: bytes, marks: dict[tuple[int, int], str], style) -> bytes:
    """Set the style of each (row, 0-based col) cell to `style(base_xf, marks[cell])`.

    Cells missing from the sheet are added with the format the row or column gives them;
    rows missing are added in order. Rows are found by one forward scan of the bytes; only
    the marked rows are decoded, and the rest is copied once (a sheet styled down to row
    1,048,576 costs its size twice in memory)."""
    m = re.search(rb"<(\w+:)?sheetData\b[^>]*?(/?)>", xml)
    if not m:
        raise PatchError("sheet tanpa sheetData")
    p = (m.group(1) or b"").decode()
    if m.group(2):
        xml = xml[:m.start()] + f"<{p}sheetData></{p}sheetData>".encode() + xml[m.end():]
        m = re.search(rb"<(\w+:)?sheetData\b[^>]*?>", xml)
    col_styles = _col_styles(xml[:m.start()].decode("utf-8"), p)
    end_data = xml.find(f"</{p}sheetData>".encode(), m.end())
    by_row: dict[int, dict[int, str]] = {}
    for (row, col), severity in marks.items():
        by_row.setdefault(row, {})[col] = severity
    view = memoryview(xml)
    pieces, pos, scan, implicit = [view[:m.end()]], m.end(), m.end(), 0
    row_re = re.compile(_ROW.format(p=p).encode())
    row_end = f"</{p}row>".encode()
    for target in sorted(by_row):
        while True:                       # skip the rows before the target, unparsed
            found = row_re.search(xml, scan, end_data)
            if not found:
                number = None
                break
            r = _attrs(found.group(0).decode("utf-8")).get("r")
            number = int(r) if r else implicit + 1
            if number >= target:
                break
            implicit, scan = number, found.end()
        cells = by_row[target]
        if number == target:
            close = (found.end() if found.group(1) else
                     xml.find(row_end, found.end()) + len(row_end))
            pieces.append(view[pos:found.start()])
            pieces.append(_patch_row(xml[found.start():close].decode("utf-8"), p, target, cells,
                                     col_styles, style).encode("utf-8"))
            pos = scan = close
            implicit = target
        else:
            at = found.start() if found else end_data
            pieces.append(view[pos:at])
            pos = scan = at
            pieces.append((f'<{p}row r="{target}">' + "".join(
                _new_cell(p, target, col, style(col_styles.get(col, 0), sev))
                for col, sev in sorted(cells.items())) + f"</{p}row>").encode("utf-8"))
    pieces.append(view[pos:])
    return b"".join(pieces)


def _col_styles(head: str, p: str) -> dict[int, int]:
    styles = {}
    for tag in re.findall(rf"<{p}col\b[^>]*>", head):
        attrs = _attrs(tag)
        if "style" in attrs:
            low, high = int(attrs.get("min", 1)), int(attrs.get("max", 1))
            if high - low < 20_000:
                for c in range(low - 1, high):
                    styles[c] = int(attrs["style"])
    return styles


def _new_cell(p: str, row: int, col: int, s: int) -> str:
    return f'<{p}c r="{column_letter(col)}{row}" s="{s}"/>'


def _patch_row(row_xml: str, p: str, number: int, cells: dict[int, str], col_styles,
               style) -> str:
    start = re.match(r"<[^>]*?(/?)>", row_xml)
    attrs = _attrs(start.group(0))
    row_base = int(attrs.get("s", 0)) if attrs.get("customFormat") in ("1", "true") else None
    head = re.sub(r'\sspans="[^"]*"', "", start.group(0))
    if start.group(1):
        head, body = head[:-2].rstrip() + ">", ""
    else:
        body = row_xml[start.end():row_xml.rfind(f"</{p}row>")]
    out, pos, implicit = [], 0, -1
    todo = dict(cells)
    for cell in re.finditer(rf"<{p}c\b[^>]*?(?:/>|>.*?</{p}c>)", body, re.S):
        tag = re.match(r"<[^>]*>", cell.group(0)).group(0)
        ref = _attrs(tag).get("r")
        col = column_index(ref) if ref else implicit + 1
        implicit = col
        for c in sorted(k for k in todo if k < col):
            out.append(body[pos:cell.start()])
            pos = cell.start()
            out.append(_new_cell(p, number, c, style(_base(c, row_base, col_styles), todo.pop(c))))
        if col in todo:
            old = int(_attrs(tag).get("s", 0))
            new_tag = re.sub(r'\ss="\d*"', "", tag)
            closing = "/>" if new_tag.endswith("/>") else ">"
            new_tag = new_tag[:-len(closing)].rstrip() + f' s="{style(old, todo.pop(col))}"' + closing
            out.append(body[pos:cell.start()] + new_tag)
            pos = cell.start() + len(tag)
    out.append(body[pos:])
    for c in sorted(todo):
        out.append(_new_cell(p, number, c, style(_base(c, row_base, col_styles), todo[c])))
    return head + "".join(out) + f"</{p}row>"


def _base(col: int, row_base, col_styles) -> int:
    return row_base if row_base is not None else col_styles.get(col, 0)
