#!/usr/bin/env python3
"""Entry point: python build_site.py COMMAND --help (see sitegen/commands/cli.py)."""

import sys

from sitegen.commands.cli import main

if __name__ == "__main__":
    sys.exit(main())
