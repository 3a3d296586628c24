"""Console-script entry point (`qtlint`)."""
import sys

from .cli import main


def run() -> None:
    sys.exit(main())
