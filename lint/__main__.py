"""`python -m lint` is `qtlint`."""
import sys

from .cli import main

sys.exit(main())
