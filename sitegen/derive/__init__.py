"""Stage 2: figures computed from figures (changes, shares, daily rates) and other reports of them."""
