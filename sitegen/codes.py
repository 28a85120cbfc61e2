"""Every problem code with an example message and the fix, in both languages: the table in the maintainer's guide.

Add a code here when you add it to a check, or give the module that emits it
a `CODES` dict of the same shape at its top: `all_codes()` collects those of
the check modules, sitegen.read.changes, sitegen.read.checks.files, sitegen.read.checks.prose and sitegen.read.validation.
tests/test_codes.py fails when a code the sources can emit is registered
nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    example: str
    fix_en: str
    fix_ko: str


CODES: dict[str, Code] = {
    # the package files
    "no-packages": Code("datasets: no data package found", "Add a folder with a datapackage.json, or pass the right --datasets.",
                        "datapackage.json이 있는 폴더를 추가하거나 --datasets를 바르게 지정합니다."),
    "encoding-error": Code("datapackage.json: is not UTF-8 text", "Save the file as UTF-8 (in Excel: CSV UTF-8).",
                           "파일을 UTF-8로 저장합니다 (엑셀: CSV UTF-8)."),
    "invalid-json": Code("datapackage.json:8:3: is not valid JSON: Expecting ',' delimiter",
                         "Fix the JSON at that line and column; a missing comma, quote or bracket is the usual cause.",
                         "해당 줄·칸의 JSON을 고칩니다. 쉼표·따옴표·괄호 누락이 흔한 원인입니다."),
    "missing-resources": Code("datapackage.json:resources: has no list of resources",
                              "Copy the resources from a package that checks cleanly.", "문제없는 패키지에서 resources를 복사합니다."),
    "missing-resource": Code('datapackage.json:resources: has no resource named "sources"',
                             "Add the standard resource with its schema.", "표준 리소스와 스키마를 추가합니다."),
    "missing-path": Code("datapackage.json:resources.sources.path: resource has no path",
                         'Set "path", e.g. "data/sources.csv".', '"path"를 지정합니다 (예: "data/sources.csv").'),
    "missing-file": Code('datapackage.json:resources.sources.path: points to "data/sources.csv", which does not exist',
                         "Create the file or correct the path.", "파일을 만들거나 경로를 고칩니다."),
    "schema-not-standard": Code('datapackage.json:resources.observations.schema: the schema of "observations" differs from the standard one',
                                "Copy the schema from sitegen/read/standard.py.", "sitegen/read/standard.py의 스키마를 그대로 복사합니다."),
    # the tables
    "missing-column": Code('observations.csv:1:qualifier: has no column "qualifier"', "Add the column to the header row.",
                           "머리글 행에 열을 추가합니다."),
    "duplicate-column": Code('groups.csv:1:name_ko: has the column "name_ko" 2 times',
                             "Keep one column of that name; a copied column is the usual cause.",
                             "같은 이름의 열은 하나만 남깁니다. 열을 복사하다 생기는 일이 많습니다."),
    "extra-column": Code('observations.csv:1:note: has a column "note" that the schema does not define',
                         "Remove the column.", "그 열을 지웁니다."),
    "type-error": Code('observations.csv:6:value: "228명" is not a number',
                       "Digits only (1234): no commas, units, % or ~; a date as YYYY-MM-DD.",
                       "숫자만 씁니다 (1234). 쉼표·단위·%·~ 없이, 날짜는 YYYY-MM-DD."),
    "constraint-error": Code("sources.csv:5:publisher: is empty but required",
                             "Fill in the cell, or use one of the allowed values the hint lists.",
                             "칸을 채우거나 안내에 나온 허용 값 가운데 하나를 씁니다."),
    "foreign-key": Code('observations.csv:11:source_id: "asiae-2025-04-16" is not an id in the sources resource',
                        "Add the row it points to (e.g. the source), or correct the id.", "가리키는 행(예: 출처)을 추가하거나 id를 고칩니다."),
    "primary-key": Code("observations.csv:9: repeats the key of an earlier row", "Remove the duplicate row.",
                        "중복된 행을 지웁니다."),
    # our checks
    "end-before-start": Code("periods.csv:3:end: ends (2024-01-01) before it starts (2024-08-28)", "Correct the dates.",
                             "날짜를 고칩니다."),
    "no-dated-source": Code("sources.csv:published: no source has a publication date",
                            "Fill in the publication date (YYYY-MM-DD) of at least one source: the newest one dates the "
                            "release and its downloads.",
                            "출처 가운데 하나 이상에 발표일(YYYY-MM-DD)을 적습니다. 가장 최근 발표일이 배포판과 내려받기 파일의 날짜가 됩니다."),
    "unknown-period": Code('periods.csv:2:comparable_to: "window-2023" is not a period id',
                           "Use the id of a period in periods.csv, or leave it empty.", "periods.csv에 있는 기간 id를 쓰거나 비웁니다."),
    "not-a-count": Code("observations.csv:4:value: 10.5 is not a whole number but arrested counts persons",
                        "Write the count as a whole number.", "정수로 씁니다."),
    "missing-value": Code("observations.csv:16:value: is empty without a status code",
                          "Fill in the figure from the release, put c in status if it is suppressed, or delete the row.",
                          "발표의 수치를 채우거나, 비공개면 status에 c를 쓰거나, 행을 지웁니다."),
    "status-with-value": Code("observations.csv:3:status: marks the cell as suppressed but the value is filled in",
                              "Empty the value or the status.", "value나 status 가운데 하나를 비웁니다."),
    "two-published": Code("observations.csv:7:role: a second published figure for crackdown / arrested / total",
                          "Keep one row published, mark the others alternative.", "한 행만 published로, 나머지는 alternative로 둡니다."),
    "published-defined-differently": Code("observations.csv:9:flag: flags the published figure different_definition",
                                          "Put different_definition on the alternative row that counts something else.",
                                          "different_definition은 다른 것을 센 alternative 행에 답니다."),
    "one-language-only": Code("sources.csv:4:released_by_ko: is empty while released_by_en is given",
                              "Write the text in the other language too, or empty both: released_by_en/_ko of a source and "
                              "note_en/_ko of a period or figure are optional, but shown in both languages.",
                              "다른 언어로도 적거나 둘 다 비웁니다. 출처의 released_by_en/_ko, 기간·수치의 note_en/_ko는 선택 항목이지만 "
                              "두 언어로 함께 표시됩니다."),
    # the changelog
    "missing-changelog": Code("changelog.yml: the package has no changelog", "Create changelog.yml with a first release entry.",
                              "첫 release 항목이 있는 changelog.yml을 만듭니다."),
    "invalid-changelog": Code("changelog.yml:7: cannot be read: mapping values are not allowed here",
                              'Fix the YAML; put text containing ": " in quotes.', 'YAML을 고칩니다. ": "가 든 글은 따옴표로 감쌉니다.'),
    "changelog-incomplete": Code("changelog.yml:4:date: is empty", "Fill in version, date, kind, reason_en, reason_ko (and figures for a fix).",
                                 "version, date, kind, reason_en, reason_ko(정정·수정은 figures도)를 채웁니다."),
    "changelog-invalid": Code('changelog.yml:4:kind: "update" is not a kind of change', "Use release, revision or correction; dates as YYYY-MM-DD.",
                              "release, revision, correction 가운데 하나를 쓰고 날짜는 YYYY-MM-DD로 씁니다."),
    "version-bump": Code("changelog.yml:4:version: 1.2.0 does not follow 1.0.0 for a release",
                         "A correction bumps the last number (1.0.1), a release or revision the middle one (1.1.0).",
                         "정정은 끝자리(1.0.1), 공개·수정은 가운데 자리(1.1.0)를 올립니다."),
    "changelog-order": Code("changelog.yml:4:date: 2025-01-01 is older than the entry below it",
                            "Keep the newest entry at the top.", "최신 항목을 맨 위에 둡니다."),
    "version-mismatch": Code('datapackage.json:version: is "1.0.0" but the newest changelog entry is 1.1.0',
                             'Set "version" in datapackage.json to the newest entry.', 'datapackage.json의 "version"을 최신 항목과 같게 합니다.'),
    "snapshot-without-entry": Code("releases/1.1.0.csv: records version 1.1.0, which the changelog lacks",
                                   "Add the entry, or delete a snapshot that was never published.", "항목을 추가하거나 공개되지 않은 스냅숏을 지웁니다."),
    "unreleased-figure": Code("observations.csv:16:value: added crackdown-2025 / arrested / total: 1449 is new since the last release",
                              "Add a release entry at the top of changelog.yml.", "changelog.yml 맨 위에 release 항목을 추가합니다."),
    "unrecorded-change": Code("observations.csv:2:value: changed crackdown-2024-08-28 / arrested / total: 963 -> 970, without a changelog entry",
                              "Add a revision (new information) or correction (an error fixed) entry naming the figure, or restore the old value.",
                              "그 수치를 적은 revision(새 정보) 또는 correction(오류 정정) 항목을 추가하거나 원래 값으로 되돌립니다."),
}


def all_codes() -> dict[str, Code]:
    """This registry plus the CODES of every module that emits problems, sorted by code."""
    from .read import changes, validation
    from .read.checks import CHECKS, chart_addresses, files, prose

    found = dict(CODES)
    for module in [*CHECKS, chart_addresses, changes, files, prose, validation]:
        found.update(getattr(module, "CODES", {}))
    return dict(sorted(found.items()))
