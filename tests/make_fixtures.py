"""Write tests/fixtures/<case>/: the shipped special-crackdown-2024 package with one fault each.

Every fixture starts from the same base, so all of them have the current
standard shape (sitegen.read.standard.descriptor_resources(): six resources, a
changelog.yml and the record of each version published before the newest) and differ from a valid package only by the fault the case
names. When the standard or the shipped package changes, run

    .venv/bin/python tests/make_fixtures.py

and commit the result; tests/unit/read/test_safety.py fails while the committed
fixtures differ from what this script writes.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.read.standard import descriptor_resources  # noqa: E402  (after the project is on the path)

BASE = ROOT / "datasets" / "special-crackdown-2024"
FIXTURES = ROOT / "tests" / "fixtures"
FOLDER = "crackdown"  # the package folder inside each fixture

# Text that would run, link or template itself if any page printed it raw.
MARKUP = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
LINKS = (
    '[click](javascript:alert(3)) {: onclick="alert(4)" } <a href="javascript:alert(5)">a</a> '
    "</title></textarea><svg onload=alert(6)> {{ 7*7 }}"
)


# ---- the base package -------------------------------------------------------------------------------------------


def base_files() -> dict[str, bytes]:
    """relative path -> bytes of a valid package: the shipped data with the standard descriptor."""
    files = {f"data/{p.name}": p.read_bytes() for p in sorted((BASE / "data").glob("*.csv"))}
    files["changelog.yml"] = (BASE / "changelog.yml").read_bytes()
    newest = json.loads((BASE / "datapackage.json").read_text(encoding="utf-8"))["version"]
    for record in sorted((BASE / "releases").glob("*.csv")):  # the versions published before the newest
        if record.stem != newest:
            files[f"releases/{record.name}"] = record.read_bytes()
    descriptor = json.loads((BASE / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = descriptor_resources()
    files["datapackage.json"] = _json(descriptor)
    return files


def _json(descriptor: dict) -> bytes:
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def _csv(rows: list[dict], fields: list[str] | None = None) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fields or list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


# ---- one fault each ---------------------------------------------------------------------------------------------


def replace(path: str, old: str, new: str, count: int = 1):
    def apply(files):
        text = files[path].decode("utf-8")
        assert text.count(old) >= count, f"{path} has no {old!r}: the base changed, adapt this case"
        files[path] = text.replace(old, new, count).encode("utf-8")

    return apply


def cells(path: str, change):
    """Rewrite a table row by row: change(row) edits the dict in place."""

    def apply(files):
        rows = _rows(files[path])
        for row in rows:
            change(row)
        files[path] = _csv(rows)

    return apply


def resource_path(resource: str, new: str):
    def apply(files):
        descriptor = json.loads(files["datapackage.json"])
        (entry,) = [r for r in descriptor["resources"] if r["name"] == resource]
        entry["path"] = new
        files["datapackage.json"] = _json(descriptor)

    return apply


def field_type(resource: str, field: str, new: str):
    def apply(files):
        descriptor = json.loads(files["datapackage.json"])
        (entry,) = [r for r in descriptor["resources"] if r["name"] == resource]
        (column,) = [f for f in entry["schema"]["fields"] if f["name"] == field]
        column["type"] = new
        files["datapackage.json"] = _json(descriptor)

    return apply


def columns(path: str, drop: str = "", add: str = ""):
    def apply(files):
        rows = _rows(files[path])
        fields = [f for f in rows[0] if f != drop] + ([add] if add else [])
        files[path] = _csv([{f: row.get(f, "") for f in fields} for row in rows], fields)

    return apply


def only_header(path: str):
    def apply(files):
        files[path] = files[path].splitlines(keepends=True)[0]

    return apply


def empty(path: str):
    def apply(files):
        files[path] = b""

    return apply


def move(path: str, new: str, keep_link: bool = False):
    """Move a file (optionally leaving a symlink to it at the old place)."""

    def apply(files):
        files[new] = files.pop(path)
        if keep_link:
            files[path] = Link(str(Path("../" * path.count("/")) / new))

    return apply


def cp949(path: str):
    def apply(files):
        files[path] = files[path].decode("utf-8").replace("\u2013", "-").encode("cp949")

    return apply


def bom_and_crlf(files):
    for path in list(files):
        if path.endswith((".csv", ".json")):
            files[path] = b"\xef\xbb\xbf" + files[path].replace(b"\n", b"\r\n")


def hostile(files):
    def groups(row):
        row["name_ko"] += " " + LINKS[:100]
        row["name_en"] += " " + MARKUP

    def measures(row):
        row.update(
            name_ko=row["name_ko"] + "</script><script>alert(7)</script>",
            name_en=row["name_en"] + MARKUP,
            definition_ko=MARKUP,
            definition_en=LINKS,
        )

    def periods(row):
        row["name_ko"] += " " + LINKS[:60]
        row["name_en"] += " <b onmouseover=alert(8)>x</b>"

    def sources(row):
        row.update(publisher=row["publisher"] + MARKUP, title=LINKS, quote="</blockquote><script>alert(9)</script>")

    for name, change in (("groups", groups), ("measures", measures), ("periods", periods), ("sources", sources)):
        cells(f"data/{name}.csv", change)(files)
    descriptor = json.loads(files["datapackage.json"])
    descriptor.update(
        title="Hostile </title><script>alert(10)</script> " + LINKS,
        title_ko='적대적 "><script>alert(11)</script>\n---\nhide: [navigation]\n' + MARKUP,
        description=LINKS + MARKUP,
        description_ko="<iframe src=javascript:alert(12)></iframe> " + LINKS,
    )
    files["datapackage.json"] = _json(descriptor)


class Link(str):
    """A symlink target instead of file contents."""


OBS = "data/observations.csv"
FIFTY_PLUS = "crackdown-2024-08-28,arrested,age_50_plus,4,exact,,published,joongang-daily-2025-04-17,"
TEENS = "crackdown-2024-08-28,arrested,age_10_19,669,exact,,published,joongang-daily-2025-04-17,,,,\n"
OUTSIDE = [lambda files: files.__setitem__("../outside.csv", files[OBS])]

CASES = {
    # unsafe resource paths
    "path-absolute": [resource_path("observations", "/etc/hostname")],
    "path-traversal": [*OUTSIDE, resource_path("observations", "../outside.csv")],
    "path-url": [resource_path("observations", "https://example.org/observations.csv")],
    "path-hidden": [move(OBS, ".cache/observations.csv"), resource_path("observations", ".cache/observations.csv")],
    "path-symlink": [*OUTSIDE, lambda files: files.__setitem__(OBS, Link("../../outside.csv"))],
    # files that are not plain, complete UTF-8 tables
    "encoding-cp949": [cp949("data/groups.csv")],
    "bom-crlf": [bom_and_crlf],  # valid: read exactly like the shipped package
    "empty-file": [empty(OBS)],
    "header-only": [only_header(OBS)],
    "invalid-json": [replace("datapackage.json", '"version": "1.0.2",', '"version": "1.0.2"')],
    "unknown-field-type": [field_type("observations", "value", "numbr")],
    "missing-column": [columns(OBS, drop="qualifier")],
    "text-in-count": [replace(OBS, "age_20_29,228,", "age_20_29,228명,")],
    "duplicate-key": [lambda files: files.__setitem__(OBS, files[OBS] + TEENS.encode("utf-8"))],
    "unresolved-source": [
        replace(OBS, "10535,exact,,published,asiae-en-2025-04-16", "10535,exact,,published,asiae-2025-04-16")
    ],
    # disclosure control
    "disclosive-count": [replace(OBS, FIFTY_PLUS + "joongang-daily-2025-04-17,", FIFTY_PLUS + ",")],
    "exemption-not-verbatim": [replace(OBS, FIFTY_PLUS + "joongang-daily-2025-04-17,", FIFTY_PLUS + "vop-2025-04-17,")],
    "recoverable-suppression": [
        replace(
            OBS,
            "age_50_plus,4,exact,,published,joongang-daily-2025-04-17,joongang-daily-2025-04-17,",
            "age_50_plus,,exact,c,published,joongang-daily-2025-04-17,,",
        )
    ],
    "suppressed-cell-revealed": [
        replace(
            OBS,
            "crackdown-2024-08-28,detained,total,59,exact,,published,vop-2025-04-17,,,,\n",
            "crackdown-2024-08-28,detained,total,,exact,c,published,vop-2025-04-17,,,,\n"
            "crackdown-2024-08-28,detained,total,59,exact,,alternative,joongang-daily-2025-04-17,,,,\n",
        )
    ],
    # personal data and injection
    "personal-data-field": [columns(OBS, add="suspect_phone")],
    "formula-injection": [
        replace(
            "data/groups.csv",
            "age_20_29,total,20대,20s",
            'age_20_29,total,20대,"=HYPERLINK(""https://example.org"",""20s"")"',
        )
    ],
    "resident-registration-number": [
        replace("data/sources.csv", "with most arrests involving", "with most arrests (900101-1234567) involving")
    ],
    "phone-number": [replace("data/groups.csv", "total,,전체,", "total,,전체 (문의 010-1234-5678),")],
    "email-address": [
        replace(
            "data/measures.csv",
            'whether or not they were detained."',
            'whether or not they were detained; ask kim@example.com."',
        )
    ],
    "messenger-link": [
        replace("data/sources.csv", "https://vop.co.kr/A00001669823.html", "https://t.me/deepfake_room")
    ],
    "messenger-handle": [
        replace("data/periods.csv", "Deepfake sex crime crackdown (", "Deepfake sex crime crackdown @deepfake_room (")
    ],
    "person-name": [replace("data/groups.csv", "50대 이상,", "50대 이상 김민수(17),")],
    "street-address": [replace("data/groups.csv", "40대,40s", "40대 (종로구 세종대로 209),40s")],
    "birth-date": [replace("data/groups.csv", "30대,30s", "30대,30s (born on 2 May 1994)")],
    "school-name": [replace("data/groups.csv", "10대,", "10대 (서울중앙중학교),")],
    "hostile-metadata": [hostile],  # valid: every text carries markup that must stay inert
}


def fixture_files(case: str) -> dict[str, bytes]:
    """relative path (from the fixture folder) -> bytes or Link."""
    files = base_files()
    for fault in CASES[case]:
        fault(files)
    return {(name[3:] if name.startswith("../") else f"{FOLDER}/{name}"): data for name, data in files.items()}


def write_fixture(case: str, target: Path) -> None:
    if target.exists() or target.is_symlink():
        shutil.rmtree(target)
    for name, data in fixture_files(case).items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, Link):
            path.symlink_to(data)
        else:
            path.write_bytes(data)


def snapshot(folder: Path) -> dict[str, object]:
    """Every file under folder: bytes, or ("link", target) for a symlink; for comparing fixtures."""
    return {
        str(p.relative_to(folder)): ("link", str(p.readlink())) if p.is_symlink() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_symlink() or p.is_file()
    }


if __name__ == "__main__":
    for case in sorted(CASES):
        write_fixture(case, FIXTURES / case)
    print(f"wrote {len(CASES)} fixtures under {FIXTURES}")
