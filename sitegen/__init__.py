"""sitegen: build the transparency site from Frictionless Data Packages."""


class SiteError(Exception):
    """A problem the user can fix (bad configuration, missing folder, ...).

    The CLI turns it into a one-line message; it never shows a traceback.
    Data problems are not raised: validation returns them in a Report.
    """
