"""The data files of `schemas/` (rules, tables, words, units, template), each parsed once.

Every stage reads them through `schema_toml`, so this sits in the base folder."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

__all__ = ["schema_toml", "schema_text"]


def schema_text(name: str) -> str:
    """A file of `schemas/` as text ('nomenklatur_kecamatan.csv')."""
    return resources.files("renja_xl.schemas").joinpath(name).read_text("utf-8")


@lru_cache(maxsize=None)
def schema_toml(name: str) -> dict:
    """A TOML file of `schemas/` ('tables.toml', 'words.toml', 'satuan.toml'), parsed once."""
    return tomllib.loads(schema_text(name))
