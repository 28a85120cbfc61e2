"""Stage 1: find, load and check data packages (their files, tables, changelogs and declared views)."""
