"""The standard shape of a data package: six resources, their Table Schemas.

Every package under datasets/ has the resources below: sources, periods,
measures, groups, observations and quoted_figures (the derived figures a
release quotes, which the build recomputes and checks). Observations are tidy
(one number per row) so that provenance, qualifiers, suppression and conflicts
work the same way for every theme. `descriptor_resources()` is the single
source of these schemas: packages are checked against it and new packages are
scaffolded from it.
"""

from __future__ import annotations

import copy

QUALIFIERS = ["exact", "at_least", "approximately", "fewer_than"]
ROLES = ["published", "alternative"]
FLAGS = ["lower_confidence", "inconsistent_in_release", "different_definition"]
PERIOD_KINDS = ["crackdown", "comparison", "calendar_year", "snapshot", "partial_year", "rolling_year", "multi_year"]
DATE_PRECISIONS = ["month", "about"]
QUOTED_KINDS = ["change", "difference", "share", "daily_rate"]
# Units that count things (a count is a whole number; a running total of one never falls).
COUNT_UNITS = ["persons", "cases", "items", "victims", "reports", "services"]
STATUS_CODES = {"c": "confidential: suppressed by disclosure control"}
# The licence of a package that names none (and of the catalogue, the compilation).
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}


def _field(name, type_, en, ko, **constraints):
    field = {"name": name, "type": type_, "description": en, "description_ko": ko}
    if constraints:
        field["constraints"] = constraints
    return field


SCHEMAS = {
    "sources": {
        "fields": [
            _field(
                "id",
                "string",
                "Source identifier, referenced by source_id.",
                "출처 식별자 (source_id가 가리키는 값).",
                required=True,
                unique=True,
                pattern="[a-z0-9][a-z0-9-]*",
            ),
            _field(
                "publisher",
                "string",
                "Who reported the figure: the outlet (or the body itself when the release is its own page).",
                "수치를 보도한 곳: 언론 매체 (발표 기관의 자체 자료이면 그 기관).",
                required=True,
                maxLength=200,
            ),
            _field(
                "title",
                "string",
                "Title of the article or release, where recorded.",
                "기사 또는 보도자료 제목 (기록된 경우).",
                maxLength=300,
            ),
            _field(
                "url",
                "string",
                "Address of the article or release, where recorded.",
                "기사 또는 보도자료 주소 (기록된 경우).",
                maxLength=500,
                pattern="https://[^\\s\"'<>]+",
            ),
            _field(
                "published",
                "date",
                "Publication date (KST); empty when no date was recorded.",
                "게재일 (한국 시간). 기록되지 않은 경우 비어 있음.",
            ),
            _field("language", "string", "Language of the source.", "출처의 언어.", required=True, enum=["ko", "en"]),
            _field(
                "quote",
                "string",
                "The sentence quoted from the source, where recorded.",
                "출처에서 인용한 문장 (기록된 경우).",
                maxLength=1000,
            ),
            _field(
                "published_precision",
                "string",
                "Empty when the publication date is exact; month when only the month is known (the day is then 01); "
                "about when the date is approximate.",
                "게재일이 정확하면 비어 있음; 월만 알려진 경우 month (일자는 01); 대략적인 날짜이면 about.",
                enum=DATE_PRECISIONS,
            ),
            _field(
                "released_by_en",
                "string",
                "Who released the statistic (KNPA, KCSC, a ministry, a lawmaker giving police "
                "figures, ...), in English; empty when the source does not say.",
                "통계를 발표한 기관 (경찰청, 방송통신심의위원회, 부처, 경찰 자료를 받은 국회의원 등)의 영어 이름. 출처가 밝히지 "
                "않으면 비어 있음.",
                maxLength=200,
            ),
            _field(
                "released_by_ko",
                "string",
                "Who released the statistic, in Korean; given together with released_by_en.",
                "통계를 발표한 기관의 한국어 이름. released_by_en과 함께 씀.",
                maxLength=200,
            ),
            _field(
                "publisher_ko",
                "string",
                "The publisher's name in Korean, shown on the Korean pages; empty when it has "
                "none, and the Korean pages then show publisher.",
                "보도한 곳의 한국어 이름 (예: 연합뉴스). 한국어 페이지에 표시되며, 비어 있으면 publisher를 표시함.",
                maxLength=200,
            ),
        ],
        "primaryKey": ["id"],
    },
    "periods": {
        "fields": [
            _field(
                "id",
                "string",
                "Period identifier.",
                "기간 식별자.",
                required=True,
                unique=True,
                pattern="[a-z0-9][a-z0-9-]*",
            ),
            _field(
                "name_ko",
                "string",
                "Name of the period in Korean.",
                "기간 이름 (한국어).",
                required=True,
                maxLength=120,
            ),
            _field(
                "name_en", "string", "Name of the period in English.", "기간 이름 (영어).", required=True, maxLength=120
            ),
            _field(
                "start",
                "date",
                "First day of the period; empty when the source gives none (a count as of the end date).",
                "기간 첫날. 출처에 없으면 비어 있음 (종료일 기준 누적).",
            ),
            _field(
                "end",
                "date",
                "Last day of the period (for a snapshot: the as-of date).",
                "기간 마지막 날 (누적 집계는 기준일).",
                required=True,
            ),
            _field(
                "kind",
                "string",
                "Kind of period: crackdown, comparison (window before a crackdown), calendar_year, "
                "snapshot (cumulative count as of the end date), partial_year, rolling_year, multi_year (several years together).",
                "기간 종류: crackdown(집중단속), comparison(비교 기간), calendar_year(연간), snapshot(기준일 누적), "
                "partial_year(연중 일부), rolling_year(12개월), multi_year(여러 해 합계).",
                required=True,
                enum=PERIOD_KINDS,
            ),
            _field(
                "comparable_to",
                "string",
                "Period this one is compared with, if any.",
                "비교 대상 기간 (있는 경우).",
                pattern="[a-z0-9][a-z0-9-]*",
            ),
            _field("source_id", "string", "Release that announced the period.", "기간을 발표한 출처.", required=True),
            _field(
                "note_en",
                "string",
                "What readers should know about the dates (e.g. inferred, start unknown), in English; "
                "shown beside the period.",
                "기간 날짜에 대해 알아야 할 점 (추정한 날짜, 시작일 미상 등). 기간 옆에 표시.",
                maxLength=500,
            ),
            _field(
                "note_ko",
                "string",
                "The same note in Korean; given together with note_en.",
                "같은 설명의 한국어. note_en과 함께 씀.",
                maxLength=500,
            ),
        ],
        "primaryKey": ["id"],
        "foreignKeys": [
            {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["id"]}},
        ],
    },
    "measures": {
        "fields": [
            _field(
                "id",
                "string",
                "Measure identifier.",
                "측정 항목 식별자.",
                required=True,
                unique=True,
                pattern="[a-z0-9_]+",
            ),
            _field(
                "unit",
                "string",
                "Unit: persons, cases, items, victims, percent, per_day, services.",
                "단위: 명, 건, 개 등.",
                required=True,
                enum=["persons", "cases", "items", "victims", "percent", "per_day", "services", "reports"],
            ),
            _field("name_ko", "string", "Name in Korean.", "이름 (한국어).", required=True, maxLength=120),
            _field("name_en", "string", "Name in English.", "이름 (영어).", required=True, maxLength=120),
            _field("definition_ko", "string", "Definition in Korean.", "정의 (한국어).", required=True, maxLength=500),
            _field("definition_en", "string", "Definition in English.", "정의 (영어).", required=True, maxLength=500),
            _field(
                "at_most",
                "string",
                "The id of another measure that this one is part of, so it can never exceed it for the same period "
                "and group (detained: at_most arrested); empty when there is none.",
                "이 항목이 그 일부여서 같은 기간·집단에서 넘을 수 없는 다른 측정 항목의 id (구속 인원은 검거 인원 이하: "
                "at_most arrested). 없으면 비어 있음.",
                pattern="[a-z0-9_]+",
            ),
        ],
        "primaryKey": ["id"],
        "foreignKeys": [
            {"fields": ["at_most"], "reference": {"resource": "measures", "fields": ["id"]}},
        ],
    },
    "groups": {
        "fields": [
            _field(
                "id",
                "string",
                "Group identifier (total, an age band, ...).",
                "집단 식별자 (전체, 연령대 등).",
                required=True,
                unique=True,
                pattern="[a-z0-9_]+",
            ),
            _field("parent", "string", "Group this one is part of.", "상위 집단.", pattern="[a-z0-9_]+"),
            _field("name_ko", "string", "Name in Korean.", "이름 (한국어).", required=True, maxLength=120),
            _field("name_en", "string", "Name in English.", "이름 (영어).", required=True, maxLength=120),
            _field(
                "parts_sum",
                "string",
                "yes when the groups whose parent is this one divide it without overlap, so their figures add up to "
                "this group's (the age bands of all ages); empty otherwise.",
                "이 집단을 상위 집단으로 둔 하위 집단들이 이 집단을 겹치지 않게 나누어 그 수치의 합이 이 집단의 수치와 "
                "같으면 yes (예: 연령대별 합 = 전체). 그 외에는 비어 있음.",
                enum=["yes"],
            ),
        ],
        "primaryKey": ["id"],
        "foreignKeys": [
            {"fields": ["parent"], "reference": {"resource": "groups", "fields": ["id"]}},
        ],
    },
    "observations": {
        "fields": [
            _field("period_id", "string", "Period the figure covers.", "수치가 해당하는 기간.", required=True),
            _field("measure", "string", "What is counted.", "측정 항목.", required=True),
            _field(
                "group",
                "string",
                "Group counted (total or a breakdown).",
                "집계 대상 집단 (전체 또는 세부).",
                required=True,
            ),
            _field(
                "value",
                "number",
                "The figure (for a bound: the bound). Empty when suppressed (see status).",
                "수치. 비공개 처리된 경우 비어 있음 (status 참조).",
                minimum=0,
            ),
            _field(
                "qualifier",
                "string",
                "exact, at_least (a lower bound such as 'more than 10,000'), approximately, "
                "or fewer_than (an upper bound such as 'hundreds', recorded as fewer than 1,000).",
                "exact(정확한 수치), at_least(이상), approximately(약), fewer_than(미만, 예: '수백'은 1,000 미만).",
                required=True,
                enum=QUALIFIERS,
            ),
            _field(
                "status",
                "string",
                "Empty, or c when the cell is suppressed (confidential).",
                "비어 있거나, 비공개 처리된 경우 c.",
                enum=sorted(STATUS_CODES),
            ),
            _field(
                "role",
                "string",
                "published: the figure the site uses; alternative: another report of the same figure.",
                "published: 사이트가 사용하는 수치; alternative: 같은 수치에 대한 다른 보도.",
                required=True,
                enum=ROLES,
            ),
            _field("source_id", "string", "Source of the figure.", "수치의 출처.", required=True),
            _field(
                "disclosure_exemption",
                "string",
                "For a count below the disclosure threshold: the id of the official public release that already "
                "published it verbatim, which exempts it from suppression. Empty otherwise.",
                "공개 기준 미만의 수치를 공식 발표가 이미 그대로 공개한 경우 그 출처의 id. 그 외에는 비어 있음.",
                pattern="[a-z0-9][a-z0-9-]*",
            ),
            _field(
                "flag",
                "string",
                "Empty, or lower_confidence (found only in a repost, or doubtful: see note), inconsistent_in_release (the "
                "release's own numbers do not add up) or different_definition (an alternative report that counts "
                "something else, so it neither confirms nor conflicts with the published figure).",
                "비어 있거나, lower_confidence(재게시물에서만 확인되거나 의심스러움: note 참조), inconsistent_in_release(발표 "
                "자체의 수치가 맞지 않음) 또는 different_definition(다른 것을 센 보도라 공표 수치를 뒷받침하지도, 반박하지도 "
                "않음).",
                enum=FLAGS,
            ),
            _field(
                "note_en",
                "string",
                "Why the figure is flagged, or what it does not say (e.g. its base is unknown), in "
                "English; shown beside the figure.",
                "수치에 표시를 단 이유나 수치가 말하지 않는 점 (예: 기준이 알려지지 않음). 수치 옆에 표시.",
                maxLength=500,
            ),
            _field(
                "note_ko",
                "string",
                "The same note in Korean; given together with note_en.",
                "같은 설명의 한국어. note_en과 함께 씀.",
                maxLength=500,
            ),
        ],
        "primaryKey": ["period_id", "measure", "group", "source_id", "role"],
        "foreignKeys": [
            {"fields": ["period_id"], "reference": {"resource": "periods", "fields": ["id"]}},
            {"fields": ["measure"], "reference": {"resource": "measures", "fields": ["id"]}},
            {"fields": ["group"], "reference": {"resource": "groups", "fields": ["id"]}},
            {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["id"]}},
            {"fields": ["disclosure_exemption"], "reference": {"resource": "sources", "fields": ["id"]}},
        ],
    },
    "quoted_figures": {
        "fields": [
            _field(
                "id",
                "string",
                "Identifier of the quoted derived figure.",
                "인용된 파생 수치의 식별자.",
                required=True,
                unique=True,
                pattern="[a-z0-9][a-z0-9-]*",
            ),
            _field(
                "kind",
                "string",
                "change (percent vs base_period_id), difference (vs base_period_id), share (percent of "
                "of_group, or of the parent group), daily_rate (value per day of the period).",
                "change(기준 기간 대비 증감률 %), difference(기준 기간 대비 차이), share(비율 %), daily_rate(하루 평균).",
                required=True,
                enum=QUOTED_KINDS,
            ),
            _field("period_id", "string", "Period of the figure.", "수치의 기간.", required=True),
            _field(
                "base_period_id",
                "string",
                "For change and difference: the period compared with.",
                "change, difference의 비교 기준 기간.",
                pattern="[a-z0-9][a-z0-9-]*",
            ),
            _field("measure", "string", "What is counted.", "측정 항목.", required=True),
            _field(
                "group",
                "string",
                "Group, or several groups joined by + for a combined share (e.g. age_10_19+age_20_29).",
                "집단. 합산 비율은 +로 연결 (예: age_10_19+age_20_29).",
                required=True,
                pattern="[a-z0-9_]+(\\+[a-z0-9_]+)*",
            ),
            _field(
                "of_group",
                "string",
                "For share: the group it is a share of (empty: the parent group).",
                "share의 분모 집단 (비어 있으면 상위 집단).",
                pattern="[a-z0-9_]+",
            ),
            _field(
                "value",
                "number",
                "The figure as the release quotes it (260 for '260 percent').",
                "발표에 인용된 수치 (예: '260%'는 260).",
                required=True,
            ),
            _field(
                "decimals",
                "integer",
                "Decimals the release rounds to (-1: to the nearest ten). Ours must round to the "
                "same figure within half a unit of that place.",
                "발표의 반올림 자릿수 (-1은 십의 자리).",
                required=True,
                minimum=-3,
                maximum=4,
            ),
            _field("source_id", "string", "Release that quotes the figure.", "수치를 인용한 출처.", required=True),
        ],
        "primaryKey": ["id"],
        "foreignKeys": [
            {"fields": ["period_id"], "reference": {"resource": "periods", "fields": ["id"]}},
            {"fields": ["base_period_id"], "reference": {"resource": "periods", "fields": ["id"]}},
            {"fields": ["measure"], "reference": {"resource": "measures", "fields": ["id"]}},
            {"fields": ["of_group"], "reference": {"resource": "groups", "fields": ["id"]}},
            {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["id"]}},
        ],
    },
}

RESOURCE_NAMES = list(SCHEMAS)
MAY_BE_EMPTY = {"quoted_figures"}  # a package whose releases quote no derived figure has none


def descriptor_resources() -> list[dict]:
    """The resources part of a datapackage.json, in the standard order."""
    return [
        {
            "name": name,
            "path": f"data/{name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": copy.deepcopy(SCHEMAS[name]),
        }
        for name in RESOURCE_NAMES
    ]
