"""qtlint: the content validation and linting pipeline for QuickTakes articles."""
__version__ = "0.1.0"
