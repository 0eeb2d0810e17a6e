"""Transcribed tables of the Renja Kecamatan Kejobong 2025 (seed PDF text).

Plain lists of tuples, one module per table; see ../build_kejobong.py and ../KEJOBONG.md.
Values are kept as printed in the seed, real errors included.
"""
