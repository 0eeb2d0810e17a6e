"""Editing an .xlsx package in place of a round trip: every part copied byte for byte except
the few we change.

A round trip through openpyxl drops every formula's cached value, sparklines, slicers, 2010
data bars and anything else it does not model, and it is slow and huge on sheets styled down
to row 1,048,576. Here a sheet keeps its XML: only the `s` (style) attribute of the marked
cells changes (new `cellXfs` entries appended to styles.xml copy the cell's own format and
add a fill), comments go into the sheet's comments part (created when missing, with its VML
drawing), and a new sheet part is added. The zip is written with fixed times, in the
original order, so the same inputs give the same bytes.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from xml.sax.saxutils import escape

__all__ = ["Package", "PatchError", "xml_text", "REL"]

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')


class PatchError(Exception):
    """The package is not laid out as expected; nothing is written."""


def xml_text(text: str) -> str:
    return escape(_ILLEGAL.sub("", str(text)), {'"': "&quot;"})


def _attrs(tag: str) -> dict:
    return dict(_ATTR.findall(tag))


class Package:
    """An xlsx zip read once; `parts` holds the changed and new parts (name -> bytes)."""

    def __init__(self, path):
        try:
            self.zip = zipfile.ZipFile(path)
            self.names = [i.filename for i in self.zip.infolist()]
        except (zipfile.BadZipFile, OSError) as exc:
            raise PatchError(f"bukan paket xlsx ({exc})") from None
        self.parts: dict[str, bytes] = {}
        self.added: list[str] = []

    # -- parts -------------------------------------------------------------------------------
    def read(self, name: str) -> bytes:
        if name in self.parts:
            return self.parts[name]
        try:
            data = self.zip.read(name)
            if name.endswith(".xml") and "worksheets/" in name:
                self.parts[name] = data           # read again when marked: keep it once
            return data
        except KeyError:
            raise PatchError(f"bagian {name} tidak ada") from None

    def text(self, name: str) -> str:
        return self.read(name).decode("utf-8")

    def put(self, name: str, data: bytes | str) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        if name not in self.names and name not in self.added:
            self.added.append(name)
        self.parts[name] = data

    def exists(self, name: str) -> bool:
        return name in self.parts or name in self.names

    def free_name(self, pattern: str) -> str:
        """The first `pattern % k` (k = 1, 2 …) not in the package."""
        k = 1
        while self.exists(pattern % k):
            k += 1
        return pattern % k

    def save(self, target) -> None:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for name in self.names + self.added:
                info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                data = self.read(name)
                # big parts (sheets styled to the last row) compressed fast
                out.writestr(info, data, compresslevel=1 if len(data) > 2**23 else 6)

    def close(self) -> None:
        self.zip.close()

    # -- relationships -----------------------------------------------------------------------
    @staticmethod
    def rels_name(part: str) -> str:
        folder, base = posixpath.split(part)
        return posixpath.join(folder, "_rels", base + ".rels")

    def relationships(self, part: str) -> list[dict]:
        """[{Id, Type, Target (resolved part name), TargetMode}] of a part."""
        name = self.rels_name(part)
        if not self.exists(name):
            return []
        rels = []
        for tag in re.findall(r"<(?:\w+:)?Relationship\b[^>]*>", self.text(name)):
            attrs = _attrs(tag)
            target = attrs.get("Target", "")
            if attrs.get("TargetMode") != "External":
                target = (target.lstrip("/") if target.startswith("/") else
                          posixpath.normpath(posixpath.join(posixpath.dirname(part), target)))
            rels.append({**attrs, "Target": target})
        return rels

    def add_relationship(self, part: str, rel_type: str, target: str) -> str:
        """Add a relationship from `part` to the part `target`; returns its new id."""
        name = self.rels_name(part)
        text = (self.text(name) if self.exists(name) else
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                'relationships"></Relationships>')
        ids = set(re.findall(r'\bId="([^"]*)"', text))
        n = len(ids) + 1
        while f"rId{n}" in ids:
            n += 1
        rid = f"rId{n}"
        relative = posixpath.relpath(target, posixpath.dirname(part))
        end = text.rfind("</")
        text = (text[:end] + f'<Relationship Id="{rid}" Type="{REL}/{rel_type}" '
                f'Target="{xml_text(relative)}"/>' + text[end:])
        self.put(name, text)
        return rid

    def add_content_type(self, part: str, content_type: str) -> None:
        text = self.text("[Content_Types].xml")
        end = text.rfind("</")
        self.put("[Content_Types].xml", text[:end] + f'<Override PartName="/{part}" '
                 f'ContentType="{content_type}"/>' + text[end:])

    def ensure_default(self, extension: str, content_type: str) -> None:
        text = self.text("[Content_Types].xml")
        if re.search(rf'Extension="{extension}"', text, re.I):
            return
        end = text.rfind("</")
        self.put("[Content_Types].xml", text[:end] + f'<Default Extension="{extension}" '
                 f'ContentType="{content_type}"/>' + text[end:])

    def workbook_part(self) -> str:
        for rel in self.relationships(""):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel["Target"]
        raise PatchError("workbook.xml tidak ditemukan")

    def sheets(self) -> list[dict]:
        """[{name, state, rid, part, tag}] in workbook order."""
        book = self.workbook_part()
        targets = {r["Id"]: r["Target"] for r in self.relationships(book)}
        sheets = []
        for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", self.text(book)):
            attrs = _attrs(tag)
            rid = next((v for k, v in attrs.items() if k.endswith(":id")), None)
            sheets.append({"name": _unescape(attrs.get("name", "")),
                           "state": attrs.get("state", "visible"), "rid": rid,
                           "part": targets.get(rid), "tag": tag})
        return sheets


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))
