#!/usr/bin/env python3
"""Entry point: python build_site.py COMMAND --help (see sitegen/cli.py)."""

import sys

from sitegen.cli import main

if __name__ == "__main__":
    sys.exit(main())
