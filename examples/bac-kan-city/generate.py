#!/usr/bin/env python3
"""Generate the synthetic Bắc Kạn city datasets: 2024 (eight wards and communes) and 2026
(after the mergers of 1 July 2025: two wards of Thái Nguyên province).

Everything here is invented except the administrative names and codes: the villages and
residential groups, the households and their members, the clans, the units and every piece
of evidence are drawn from a seeded random generator, so the same script always writes the
same bytes. Counts that are the result of other recognitions — the learning citizens of a
household, the learning families of a village or clan, the learning citizens among a unit's
staff — are not drawn: they are counted from the evaluation of the lower level with the
criteria sets in force (as the commune does), so every level of the data agrees.

    python examples/bac-kan-city/generate.py            # writes 2024/, 2026/, 2024-with-errors/
    python examples/bac-kan-city/generate.py --out DIR  # somewhere else
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

try:
    import learning_models as lm
    from learning_models._catalog.catalog import Catalog
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    import learning_models as lm
    from learning_models._catalog.catalog import Catalog

HERE = Path(__file__).resolve().parent

SEED = 387          # Programme 387
YES, NO = "có", "không"

# --- the areas ----------------------------------------------------------------------------

PROVINCE_2024 = ("06", "Tỉnh Bắc Kạn")
CITY_2024 = ("058", "Thành phố Bắc Kạn")
PROVINCE_2026 = ("19", "Tỉnh Thái Nguyên")
MERGED_ON = "2025-07-01"


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    kind: str             # "central" ward, "outer" ward, rural "commune"
    households: int       # the census count, every household
    villages: int
    quality: float        # how well the movement runs here: drives every yes/no
    ward_2026: str        # the ward it belongs to since 1 July 2025 (see README)


COMMUNES = (
    Commune("01834", "Phường Nguyễn Thị Minh Khai", "central", 1750, 14, 0.95, "01840"),
    Commune("01837", "Phường Sông Cầu", "central", 1500, 12, 0.90, "01843"),
    Commune("01840", "Phường Đức Xuân", "central", 2050, 16, 0.97, "01840"),
    Commune("01843", "Phường Phùng Chí Kiên", "central", 1700, 13, 0.93, "01843"),
    Commune("01846", "Phường Huyền Tụng", "outer", 1450, 15, 0.88, "01843"),
    Commune("01849", "Xã Dương Quang", "commune", 820, 11, 0.84, "01843"),
    Commune("01852", "Xã Nông Thượng", "commune", 830, 12, 0.86, "01840"),
    Commune("01855", "Phường Xuất Hóa", "outer", 1300, 10, 0.91, "01840"),
)
WARDS_2026 = {"01840": "Phường Đức Xuân", "01843": "Phường Bắc Kạn"}

# Tày place-name parts: nà (field), khuổi (stream), phiêng (flat), bản (village), pác (mouth),
# cốc (foot), pò (hill), lủng (valley), khau (pass), nặm (water), còn (mound).
PLACE_HEADS = ("Nà", "Khuổi", "Phiêng", "Bản", "Pác", "Cốc", "Pò", "Lủng", "Khau", "Nặm",
               "Còn")
PLACE_TAILS = ("Pài", "Vèn", "Cạu", "Làng", "Mật", "Chang", "Ỏi", "Dì", "Mò", "Hán", "Thoi",
               "Đeng", "Chúa", "Thác", "Rả", "Khét", "Piêng", "Nưa", "Phặc", "Lìa", "Mạ",
               "Cuồng", "Tông", "Quang", "Bó", "Slao", "Kẹn", "Đồn")

# Family names of the region (Tày, Nùng, Dao and Kinh), with rough weights per area kind.
SURNAMES_RURAL = {"Hoàng": 16, "Nông": 12, "Triệu": 9, "Lục": 7, "Ma": 7, "Hà": 6, "Đàm": 5,
                  "Bế": 5, "Lý": 5, "Nguyễn": 9, "Hứa": 3, "Lường": 2, "Dương": 3, "Chu": 2,
                  "Trần": 3, "Lâm": 2, "Vi": 2, "Đinh": 2}
SURNAMES_URBAN = {"Nguyễn": 18, "Hoàng": 12, "Nông": 7, "Trần": 7, "Lê": 5, "Phạm": 4,
                  "Triệu": 4, "Lục": 4, "Ma": 4, "Hà": 5, "Đàm": 3, "Bế": 3, "Lý": 3,
                  "Vũ": 3, "Đỗ": 2, "Dương": 3, "Bùi": 2, "Hứa": 2, "Ngô": 2, "Đặng": 2}
MIDDLE_M = ("Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Ngọc", "Xuân")
MIDDLE_F = ("Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Minh")
GIVEN_M = ("Minh", "Hùng", "Dũng", "Tuấn", "Thắng", "Long", "Hải", "Sơn", "Cường", "Nam",
           "Bình", "Phong", "Quân", "Trung", "Hiếu", "Toàn", "Chiến", "Thành", "Khánh", "Tú",
           "Hưng", "Vượng", "Lâm", "Kiên", "Tiến", "Đạt")
GIVEN_F = ("Lan", "Hoa", "Hương", "Mai", "Hà", "Thảo", "Hằng", "Nga", "Nhung", "Thủy",
           "Linh", "Trang", "Phương", "Yến", "Huyền", "Liên", "Dung", "Loan", "Vân", "Ngân",
           "Hạnh", "Chinh", "Xuân", "Nguyệt")
CLAN_MIN_FAMILIES = 40   # a surname with fewer households in a commune has no registered clan


# --- the population -----------------------------------------------------------------------

@dataclass
class Person:
    id: str
    age: int
    worker: bool
    group: str                 # target group of the self-assessment form
    unit: str | None = None
    drive: float = 0.0         # how much the person learns: drives the self-ratings


@dataclass
class Family:
    id: str
    head: str
    surname: str
    village: str
    commune: str
    children: int              # of universal-education age (6–14)
    adults: list[Person] = field(default_factory=list)   # aged 19–60: the citizens
    clan: str | None = None


@dataclass
class Village:
    code: str
    name: str
    commune: str
    households: int            # census: every household, registered or not
    quality: float


@dataclass
class Unit:
    id: str
    name: str
    commune: str
    kind: str
    size: int
    staff: list[Person] = field(default_factory=list)


@dataclass
class Population:
    villages: list[Village]
    families: list[Family]
    clans: dict[str, tuple[str, str]]          # id → (name, commune)
    units: list[Unit]


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in plain if not unicodedata.combining(c)).upper()


def _village_names(rng: random.Random, commune: Commune) -> list[str]:
    if commune.kind == "central":
        return [f"Tổ {k}" for k in range(1, commune.villages + 1)]
    names: list[str] = []
    while len(names) < commune.villages:
        name = f"{rng.choice(PLACE_HEADS)} {rng.choice(PLACE_TAILS)}"
        if name not in names:
            names.append(name)
    prefix = "Thôn" if commune.kind == "commune" else "Tổ"
    return [f"{prefix} {n}" for n in names]


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    shares = [int(total * w / sum(weights)) for w in weights]
    shares[-1] += total - sum(shares)
    return shares


def _weighted(rng: random.Random, table: Mapping[str, int]) -> str:
    return rng.choices(list(table), weights=list(table.values()))[0]


def _name(rng: random.Random, surname: str, male: bool) -> str:
    middle = rng.choice(MIDDLE_M if male else MIDDLE_F)
    return f"{surname} {middle} {rng.choice(GIVEN_M if male else GIVEN_F)}"


def build_population(seed: int = SEED) -> Population:
    """Villages, households with their adults, clans and units: the same for every year."""
    rng = random.Random(seed)
    villages: list[Village] = []
    families: list[Family] = []
    clans: dict[str, tuple[str, str]] = {}
    units: list[Unit] = []
    for commune in COMMUNES:
        names = _village_names(rng, commune)
        sizes = _split(rng, commune.households, commune.villages)
        surnames = SURNAMES_RURAL if commune.kind == "commune" else SURNAMES_URBAN
        for k, (name, census) in enumerate(zip(names, sizes, strict=True), start=1):
            code = f"{commune.code}{k:02d}"
            quality = min(0.995, max(0.5, rng.gauss(commune.quality, 0.03)))
            villages.append(Village(code, name, commune.code, census, quality))
            registered = census - round(census * rng.uniform(0.02, 0.05))
            for n in range(1, registered + 1):
                families.append(_family(rng, f"H{code}{n:03d}", code, commune, surnames))
        _clans(commune, [f for f in families if f.commune == commune.code], clans)
        units += _units(rng, commune, [f for f in families if f.commune == commune.code])
    return Population(villages, families, clans, units)


def _family(rng: random.Random, ident: str, village: str, commune: Commune,
            surnames: Mapping[str, int]) -> Family:
    surname = _weighted(rng, surnames)
    adults_n = rng.choices((0, 1, 2, 3, 4), weights=(4, 14, 58, 17, 7))[0]
    children = rng.choices((0, 1, 2, 3), weights=(42, 31, 23, 4))[0] if adults_n else 0
    male_head = rng.random() < 0.8
    family = Family(ident, _name(rng, surname, male_head), surname, village, commune.code,
                    children)
    for m in range(1, adults_n + 1):
        age = rng.randint(19, 60) if m > 2 else rng.randint(24, 60)
        if m > 2 and rng.random() < 0.6:
            age = rng.randint(19, 26)          # a grown child living at home
        student = age <= 22 and rng.random() < 0.45
        worker = not student and rng.random() < 0.9
        if student or not worker:
            group = "other"         # the form: a pupil's or student's, else a rural worker's
        elif commune.kind == "commune":
            group = rng.choices(("farmer", "worker", "official"), weights=(70, 20, 10))[0]
        elif commune.kind == "outer":
            group = rng.choices(("farmer", "worker", "official"), weights=(35, 40, 25))[0]
        else:
            group = rng.choices(("farmer", "worker", "official"), weights=(5, 50, 45))[0]
        family.adults.append(Person(f"{ident}-{m}", age, worker, group))
    return family


def _clans(commune: Commune, families: Sequence[Family],
           clans: dict[str, tuple[str, str]]) -> None:
    counts = Counter(f.surname for f in families)
    for surname, n in sorted(counts.items()):
        if n < CLAN_MIN_FAMILIES:
            continue
        ident = f"DH-{commune.code}-{_slug(surname)}"
        place = commune.name.split(" ", 1)[1]
        clans[ident] = (f"Dòng họ {surname} ({place})", commune.code)
        for family in families:
            if family.surname == surname:
                family.clan = ident


def _units(rng: random.Random, commune: Commune, families: Sequence[Family]) -> list[Unit]:
    place = commune.name.split(" ", 1)[1]
    level = "phường" if commune.kind != "commune" else "xã"
    wanted = [("UBND", f"Ủy ban nhân dân {level} {place}", rng.randint(18, 24)),
              ("TYT", f"Trạm Y tế {level} {place}", rng.randint(6, 9)),
              ("MN", f"Trường Mầm non {place}", rng.randint(16, 28)),
              ("TH", f"Trường Tiểu học {place}", rng.randint(20, 34)),
              ("THCS", f"Trường THCS {place}", rng.randint(18, 30))]
    cooperatives = {"commune": 3, "outer": 2, "central": 1}[commune.kind]
    trades = ("Nông nghiệp", "Dịch vụ tổng hợp", "Miến dong", "Chè", "Nấm", "Mây tre đan")
    for k in range(1, cooperatives + 1):
        trade = trades[(int(commune.code) + k) % len(trades)]
        wanted.append((f"HTX{k}", f"Hợp tác xã {trade} {place}", rng.randint(7, 15)))
    pool = [p for f in families for p in f.adults if p.worker and 22 <= p.age <= 58]
    rng.shuffle(pool)
    units = []
    for kind, name, size in wanted:
        unit = Unit(f"{kind}-{commune.code}", name, commune.code, kind, size)
        public = not kind.startswith("HTX")
        for person in pool:
            if len(unit.staff) == size:
                break
            if person.unit is None and (person.group == "official") == public:
                person.unit = unit.id
                unit.staff.append(person)
        units.append(unit)
    return units


# --- evidence -----------------------------------------------------------------------------

#: The learning citizen's ten indicators, each awarded at most 10 points on the form.
POINTS = ("plan_points", "new_learning_points", "reading_points", "applying_points",
          "language_points", "digital_use_points", "information_points",
          "online_learning_points", "relations_points", "community_points")


def _yes(rng: random.Random, p: float) -> str:
    return YES if rng.random() < p else NO


def _points(rng: random.Random, drive: float, learner: bool = False) -> int:
    x = rng.random()
    if learner:                     # a learner leaves no competency below 7
        return rng.choice((9, 10)) if x < drive else rng.choice((7, 8))
    if x < drive:
        return rng.choice((8, 9, 10))
    return rng.choice((5, 6, 7)) if x < drive + (1 - drive) * 0.75 else rng.choice((0, 3, 4))


def _form(person: Person) -> str:
    """The target group whose form the person fills in: their own, or for one neither
    working nor in the groups drawn, a pupil's or student's (22 or younger) or a rural
    worker's."""
    if person.group != "other":
        return person.group
    return "student" if person.age <= 22 else "farmer"


def citizen_evidence(rng: random.Random, pop: Population, year: int,
                     ) -> dict[str, dict[str, str]]:
    """Each adult's self-assessment: a learner rates high and has a plan; staff of units
    are mostly learners (the unit's own plan requires it)."""
    quality = {v.code: v.quality for v in pop.villages}
    lift = 0.04 if year >= 2026 else 0.0
    records: dict[str, dict[str, str]] = {}
    weak_units = {u.id for u in pop.units if rng.random() < 0.08}
    for family in pop.families:
        q = quality[family.village] + lift
        for person in family.adults:
            if person.unit is not None:
                learner = rng.random() < (0.85 if person.unit in weak_units else 0.9995)
                drive = rng.uniform(0.88, 0.99) if learner else rng.uniform(0.15, 0.45)
            else:
                learner = rng.random() < 0.12 + 0.55 * q
                drive = rng.uniform(0.7, 0.95) if learner else rng.uniform(0.15, 0.45)
            record = {"group": _form(person), "age": str(person.age)}
            for name in POINTS:
                value = _points(rng, drive, learner)
                if name == "plan_points" and not learner and rng.random() < 0.35:
                    value = max(value, 5)   # a plan, if not much else
                if name == "language_points" and not learner:
                    value = max(value, 5) if rng.random() > 0.03 * (1.2 - q) else 0
                if name in ("digital_use_points", "online_learning_points") and person.age > 50:
                    value = min(value, _points(rng, drive - 0.3, learner))
                record[name] = str(value)
            if rng.random() < 0.004 and person.unit is None:   # a point left blank
                record[rng.choice(POINTS)] = ""
            records[person.id] = record
    return records


def _at_least(form: Mapping[str, str], name: str, points: float) -> bool:
    """Whether the form gives `name` at least `points` (a blank is not)."""
    value = form.get(name, "")
    return value != "" and float(value) >= points


def family_evidence(rng: random.Random, pop: Population, year: int,
                    citizens: Mapping[str, Mapping[str, str]],
                    recognised: set[str]) -> dict[str, dict[str, str]]:
    quality = {v.code: v.quality for v in pop.villages}
    lift = 0.02 if year >= 2026 else 0.0
    records = {}
    for family in pop.families:
        q = min(0.995, quality[family.village] + lift)
        adults = family.adults
        forms = [citizens[p.id] for p in adults]
        in_school = family.children
        if family.children and rng.random() < (1 - q) * 0.25:
            in_school -= 1                                  # a child dropped out
        # Members exempted (Decision 448/QĐ-KHVN): a child too ill or disabled to attend,
        # an adult unable to learn — counted out of the shares.
        children_exempted = 1 if family.children and rng.random() < 0.01 else 0
        in_school = min(in_school, family.children - children_exempted)
        adults_exempted = 1 if adults and rng.random() < 0.005 else 0
        record = {
            "school_age_children": str(family.children),
            "children_in_school": str(in_school),
            "children_exempted": str(children_exempted),
            "adults_exempted": str(adults_exempted),
            "children_results_ok": _yes(rng, 0.6 + 0.4 * q) if family.children else "",
            "children_conduct_ok": _yes(rng, 0.7 + 0.3 * q) if family.children else "",
            "adults": str(len(adults)),
            "adults_literate": str(sum(_at_least(f, "language_points", 5) for f in forms)),
            "adults_learning": str(sum(_at_least(f, "new_learning_points", 5) for f in forms)),
            "learning_citizens": str(sum(p.id in recognised for p in adults)),
            "adults_digital": str(sum(_at_least(f, "digital_use_points", 8) for f in forms)),
            "online_learners": str(sum(_at_least(f, "online_learning_points", 5)
                                       for f in forms)),
            "study_corner": _yes(rng, 0.25 + 0.75 * q),
            "study_fund": _yes(rng, 0.1 + 0.75 * q),
            "internet_device": _yes(rng, 0.75 + 0.2 * q),
            "income": rng.choices(("lower", "stable", "higher"),
                                  weights=(0.25 - 0.2 * q, 0.5, 0.25 + 0.2 * q))[0],
            "cultural_family": _yes(rng, 0.35 + 0.65 * q),
        }
        if rng.random() < 0.006:   # the village meeting has not confirmed this yet
            record[rng.choice(("cultural_family", "study_fund", "income"))] = ""
        records[family.id] = record
    return records


def _sums(families: Iterable[Family], citizens: set[str], learning: set[str],
          family_records: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    chosen = list(families)
    return {
        "learning_families": str(sum(f.id in learning for f in chosen)),
        "members": str(sum(len(f.adults) for f in chosen)),
        "learning_citizens": str(sum(p.id in citizens for f in chosen for p in f.adults)),
        "school_age_children": str(sum(f.children for f in chosen)),
        "children_in_school": str(sum(int(family_records[f.id]["children_in_school"])
                                      for f in chosen)),
    }


def community_evidence(rng: random.Random, pop: Population, year: int,
                       citizens: set[str], learning: set[str],
                       family_records: Mapping[str, Mapping[str, str]],
                       ) -> dict[str, dict[str, str]]:
    by_village: dict[str, list[Family]] = {}
    for family in pop.families:
        by_village.setdefault(family.village, []).append(family)
    digital = 0.25 if year >= 2026 else 0.0
    records = {}
    for village in pop.villages:
        q = village.quality
        record = {"households": str(village.households),
                  **_sums(by_village[village.code], citizens, learning, family_records),
                  "yearly_plan": _yes(rng, 0.2 + 0.8 * q),
                  "communication": _yes(rng, 0.3 + 0.7 * q),
                  "lifelong_learning_week": _yes(rng, 0.2 + 0.8 * q),
                  "study_fund": _yes(rng, 0.1 + 0.9 * q),
                  "coordination": _yes(rng, 0.3 + 0.7 * q),
                  "centre_classes": _yes(rng, 0.2 + 0.8 * q),
                  "cultural_house_learning": _yes(rng, 0.2 + 0.8 * q),
                  "digital_channel": _yes(rng, 0.3 + digital + 0.4 * q),
                  "evidence_digitised": _yes(rng, 0.2 + digital + 0.4 * q)}
        if rng.random() < 0.02:
            record["study_fund"] = ""          # the fund's books are not in yet
        records[village.code] = record
    return records


def clan_evidence(rng: random.Random, pop: Population, year: int, citizens: set[str],
                  learning: set[str], family_records: Mapping[str, Mapping[str, str]],
                  ) -> dict[str, dict[str, str]]:
    quality = {c.code: c.quality for c in COMMUNES}
    digital = 0.25 if year >= 2026 else 0.0
    records = {}
    for ident, (_, commune) in pop.clans.items():
        q = min(0.995, max(0.5, rng.gauss(quality[commune], 0.04)))
        members = [f for f in pop.families if f.clan == ident]
        record = {"households": str(len(members)),
                  **_sums(members, citizens, learning, family_records),
                  "has_board": _yes(rng, 0.5 + 0.5 * q),
                  "has_fund": _yes(rng, 0.4 + 0.6 * q),
                  "rules_encourage_learning": _yes(rng, 0.5 + 0.5 * q),
                  "awards_held": _yes(rng, 0.4 + 0.6 * q),
                  "review_held": _yes(rng, 0.4 + 0.6 * q),
                  "digital_channel": _yes(rng, 0.3 + digital + 0.4 * q),
                  "records_digitised": _yes(rng, 0.2 + digital + 0.4 * q)}
        records[ident] = record
    return records


def unit_evidence(rng: random.Random, units: Sequence[Unit], year: int,
                  citizens: Mapping[str, Mapping[str, str]], recognised: set[str],
                  ) -> dict[str, dict[str, str]]:
    digital = 0.2 if year >= 2026 else 0.0
    records = {}
    for unit in units:
        staff = unit.staff
        n = len(staff)
        records[unit.id] = {
            "level": "commune",             # the plan's target counts commune-level units
            "study_plan": _yes(rng, 0.97),
            "learning_rules": _yes(rng, 0.9),
            "learning_resources": _yes(rng, 0.85),
            "staff": str(n),
            "staff_with_plan": str(sum(_at_least(citizens[p.id], "plan_points", 5)
                                       for p in staff)),
            "staff_disciplined": str(1 if rng.random() < 0.05 else 0),
            "staff_trained": str(n - (1 if rng.random() < 0.2 else 0)),
            "staff_advanced_workers": str(n - rng.choice((0, 0, 1, 2))),
            "staff_learning_citizens": str(sum(p.id in recognised for p in staff)),
            "staff_online_learning": str(sum(
                _at_least(citizens[p.id], "online_learning_points", 5) for p in staff)),
            "tasks_completed_well": _yes(rng, 0.92),
            "initiatives": _yes(rng, 0.6),
            "records_digitised": _yes(rng, 0.5 + digital),
        }
    return records


# --- one year -----------------------------------------------------------------------------

def _recognised(model: str, year: int, records: Mapping[str, Mapping[str, str]],
                catalog: Catalog) -> set[str]:
    """Who the set in force recognises: counted, as the commune counts, for the level above."""
    spec = catalog.for_year(model, year)
    columns = {"id": list(records), **{n: [r.get(n, "") for r in records.values()]
                                       for n in spec.inputs}}
    results = lm.evaluate(spec, pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String)),
                          year=year)
    if results.errors:
        raise SystemExit(f"generated {model} records were rejected: "
                         f"{results.errors[0].format()}")
    frame = results.scored
    return set(frame.filter(frame["status"] == "recognised")["id"].to_list())


#: Units above the communes (Circular 22/2020 in 2021–2025, Circular 24/2023 from 2026):
#: (id, name, level, 2024 area, 2026 area or None when the unit is gone). In 2024 the city
#: is a district: its offices and its continuing-education centre report to it (level
#: "district", seated in the city's area). The July 2025 reform abolished the districts: the
#: city's offices are gone (their work went to the wards and the province), and the centre
#: became the province's ("province"), seated in the ward Đức Xuân. A unit's level is the
#: level of the body it reports to; "district" no longer occurs after the reform.
HIGHER_UNITS = (
    ("PGD-058", "Phòng Giáo dục và Đào tạo thành phố Bắc Kạn", "district", "058", None),
    ("VHTT-058", "Phòng Văn hóa và Thông tin thành phố Bắc Kạn", "district", "058", None),
    ("GDNN-058", "Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên thành phố Bắc Kạn",
     "district", "058", "01840"),
)
GDNN_2026 = "Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên Bắc Kạn"


def higher_units(year: int) -> list[tuple[str, str, str, str]]:
    """The units above the communes in `year`: (id, name, level, area)."""
    if year < 2026:
        return [(i, name, level, area) for i, name, level, area, _ in HIGHER_UNITS]
    return [(i, GDNN_2026, "province", later) for i, _, _, _, later in HIGHER_UNITS
            if later is not None]


def higher_unit_evidence(rng: random.Random, year: int) -> dict[str, dict[str, str]]:
    """Points awarded under Circular 22/2020 (2024), or the conditions of Circular 24/2023's
    levels (2026): drawn, the units being few and their staff not among the citizens."""
    records = {}
    for ident, _, level, _ in higher_units(year):
        if year < 2026:
            full = {"plan_points": 10, "rules_points": 10, "resources_points": 10,
                    "self_study_points": 10, "discipline_points": 5, "training_points": 10,
                    "advanced_worker_points": 5, "citizen_points": 25,
                    "unit_title_points": 10, "sharing_points": 5}
            records[ident] = {"level": level, **{k: f"{max(0, v - rng.choice((0, 0, 1, 2, 5)))}"
                                                 for k, v in full.items()}}
        else:
            staff = rng.randint(30, 60)
            records[ident] = {"level": level, "staff": str(staff),
                              "staff_learning_citizens": str(staff - rng.randint(0, 3)),
                              "emulation_title": "advanced", "digital_level": "basic"}
    return records


def _units_2026(units: Sequence[Unit]) -> list[Unit]:
    """The eight commune offices and health stations become the two new wards' ones."""
    ward_of = {c.code: c.ward_2026 for c in COMMUNES}
    merged: dict[str, Unit] = {}
    kept = []
    for unit in units:
        ward = ward_of[unit.commune]
        place = WARDS_2026[ward].replace("Phường", "phường")
        if unit.kind == "UBND":
            name = f"Ủy ban nhân dân {place}"
        elif unit.kind == "TYT":
            name = f"Trạm Y tế {place}"
        else:
            kept.append(Unit(unit.id, unit.name, ward, unit.kind, unit.size, list(unit.staff)))
            continue
        ident = f"{unit.kind}-{ward}"
        whole = merged.setdefault(ident, Unit(ident, name, ward, unit.kind, 0))
        whole.staff += unit.staff
    return [*merged.values(), *kept]


def generate(out: Path, seed: int = SEED, catalog: Catalog | None = None) -> None:
    """Write 2024/, 2026/ and 2024-with-errors/ under `out`."""
    catalog = catalog or Catalog.default()
    pop = build_population(seed)
    _write_year(out / "2024", pop, 2024, seed, catalog)
    _write_year(out / "2026", pop, 2026, seed, catalog)
    _write_errors(out / "2024-with-errors", pop, seed, catalog)


def _write_year(folder: Path, pop: Population, year: int, seed: int, catalog: Catalog) -> None:
    rng = random.Random(seed * 10_000 + year)
    units = pop.units if year < 2026 else _units_2026(pop.units)
    unit_of = {p.id: u.id for u in units for p in u.staff}
    citizens = citizen_evidence(rng, pop, year)
    learning_citizens = _recognised("citizen", year, citizens, catalog)
    families = family_evidence(rng, pop, year, citizens, learning_citizens)
    learning_families = _recognised("family", year, families, catalog)
    communities = community_evidence(rng, pop, year, learning_citizens, learning_families,
                                     families)
    clans = clan_evidence(rng, pop, year, learning_citizens, learning_families, families)
    unit_records = unit_evidence(rng, units, year, citizens, learning_citizens)

    folder.mkdir(parents=True, exist_ok=True)
    inputs = {m: _inputs(catalog, m, year) for m in
              ("citizen", "family", "clan", "community", "unit")}
    higher = higher_unit_evidence(random.Random(seed * 10_000 + year + 1), year)
    _write(folder / "citizen.csv", ["id", "family", "unit", "worker"], inputs["citizen"],
           ({"id": p.id, "family": f.id, "unit": unit_of.get(p.id, ""),
             "worker": YES if p.worker else NO, **citizens[p.id]}
            for f in pop.families for p in f.adults))
    _write(folder / "family.csv", ["id", "name", "community", "clan"], inputs["family"],
           ({"id": f.id, "name": f.head, "community": f.village, "clan": f.clan or "",
             **families[f.id]} for f in pop.families))
    _write(folder / "community.csv", ["id", "name", "area"], inputs["community"],
           ({"id": v.code, "name": v.name, "area": v.code, **communities[v.code]}
            for v in pop.villages))
    ward_of = {c.code: c.ward_2026 for c in COMMUNES}
    _write(folder / "clan.csv", ["id", "name", "area"], inputs["clan"],
           ({"id": k, "name": name, "area": commune if year < 2026 else ward_of[commune],
             **clans[k]} for k, (name, commune) in pop.clans.items()))
    _write(folder / "unit.csv", ["id", "name", "area"], inputs["unit"],
           [*({"id": u.id, "name": u.name, "area": u.commune, **unit_records[u.id]}
              for u in units),
            *({"id": i, "name": name, "area": area, **higher[i]}
              for i, name, _, area in higher_units(year))])
    _write(folder / "areas.csv", ["code", "name", "level", "parent", "households", "clans",
                                  "communities", "units", "higher_units"], [],
           _areas(pop, units, year, seed))
    if year >= 2026:
        _write(folder / "crosswalk.csv", ["old_code", "new_code", "since"], [],
               ({"old_code": c.code, "new_code": c.ward_2026, "since": MERGED_ON}
                for c in COMMUNES))


def _areas(pop: Population, units: Sequence[Unit], year: int, seed: int,
           ) -> Iterable[dict[str, Any]]:
    """The area list with census totals: every household, not only those in the data; a
    few clans and units that did not take part are counted too. Units are counted in two
    columns: ``units``, the commune-level units (what the plans' targets count), and
    ``higher_units``, the units above the communes, each in the area it is seated in (the
    city's own offices in 2024, the provincial centre in its ward in 2026); every level's
    figures add up to its children's and its own."""
    rng = random.Random(seed + year)
    merged = year >= 2026
    seated = {area: sum(1 for *_, at in higher_units(year) if at == area)
              for *_, area in higher_units(year)}
    if merged:
        top = [{"code": PROVINCE_2026[0], "name": PROVINCE_2026[1], "level": "province"}]
        communes = [(code, name, [c for c in COMMUNES if c.ward_2026 == code])
                    for code, name in WARDS_2026.items()]
        parent = PROVINCE_2026[0]
    else:
        top = [{"code": PROVINCE_2024[0], "name": PROVINCE_2024[1], "level": "province"},
               {"code": CITY_2024[0], "name": CITY_2024[1], "level": "district",
                "parent": PROVINCE_2024[0]}]
        communes = [(c.code, c.name, [c]) for c in COMMUNES]
        parent = CITY_2024[0]
    below: list[dict[str, Any]] = []
    for code, name, old in communes:
        olds = {c.code for c in old}
        villages = [v for v in pop.villages if v.commune in olds]
        clans = sum(1 for _, commune in pop.clans.values() if commune in olds)
        below.append({"code": code, "name": name, "level": "commune", "parent": parent,
                      "households": sum(v.households for v in villages),
                      "clans": clans + sum(rng.choice((0, 1, 1, 2)) for _ in old),
                      "communities": len(villages),
                      "units": sum(1 for u in units if u.commune == code)
                      + (1 if rng.random() < 0.5 else 0),
                      "higher_units": seated.get(code, 0)})
        for village in villages:
            label = village.name
            if merged:
                before = next(c.name for c in COMMUNES if c.code == village.commune)
                label = f"{village.name} ({before.split(' ', 1)[1]} cũ)"
            below.append({"code": village.code, "name": label, "level": "village",
                          "parent": code, "households": village.households})
    if not merged:
        top[1]["units"] = sum(a["units"] for a in below if a["level"] == "commune")
        top[1]["higher_units"] = seated.get(CITY_2024[0], 0)
    yield from top
    yield from below


def _inputs(catalog: Catalog, model: str, year: int) -> list[str]:
    """The inputs of the sets in force for `model` in `year`: of each of its variants (the
    units' commune-level set and Circular 22/2020's, say), the first's first."""
    names: list[str] = []
    for spec in catalog.variants(model, year):
        names += [n for n in spec.inputs if n not in names]
    return names


def _write(path: Path, fixed: Sequence[str], inputs: Sequence[str],
           rows: Iterable[Mapping[str, Any]]) -> None:
    columns = [*fixed, *inputs]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])


# --- the file set with mistakes -----------------------------------------------------------

def _write_errors(folder: Path, pop: Population, seed: int, catalog: Catalog) -> None:
    """A small copy of one village (Xã Dương Quang) with a handful of typical mistakes."""
    year = 2024
    rng = random.Random(seed * 10_000 + 1)
    village = next(v for v in pop.villages if v.commune == "01849")
    families = [f for f in pop.families if f.village == village.code][:6]
    people = [p for f in families for p in f.adults]
    citizens = citizen_evidence(rng, Population([village], families, {}, []), year)
    learning = _recognised("citizen", year, citizens, catalog)
    records = family_evidence(rng, Population([village], families, {}, []), year, citizens,
                              learning)
    folder.mkdir(parents=True, exist_ok=True)
    inputs = {m: _inputs(catalog, m, year) for m in ("citizen", "family", "community")}
    family_rows = [{"id": f.id, "name": f.head, "community": f.village, **records[f.id]}
                   for f in families]
    family_rows[1]["adults"] = "ba"                       # words, not a number
    family_rows[2]["children_in_school"] = "25"           # above the maximum of 20
    family_rows[3]["study_corner"] = "có lẽ"              # not yes/no
    family_rows[4]["income"] = "tăng nhẹ"                 # not one of giảm/ổn định/tăng
    family_rows.append({**family_rows[0], "name": "Hộ ghi trùng mã"})     # the id again
    family_rows.append({**family_rows[5], "id": f"H{village.code}900",
                        "community": f"{village.commune}99"})            # no such village
    _write(folder / "family.csv", ["id", "name", "community"], inputs["family"], family_rows)
    citizen_rows = [{"id": p.id, "family": p.id.rsplit("-", 1)[0],
                     "worker": YES if p.worker else NO, **citizens[p.id]} for p in people]
    citizen_rows[0]["new_learning_points"] = "11"         # at most 10
    citizen_rows[1]["id"] = ""                            # no id
    citizen_rows[2]["family"] = f"H{village.code}999"     # no such household
    _write(folder / "citizen.csv", ["id", "family", "worker"], inputs["citizen"],
           citizen_rows)
    community = community_evidence(rng, Population([village], families, {}, []), year,
                                   learning, set(), records)[village.code]
    community["households"] = "0"                         # below the minimum of 1
    _write(folder / "community.csv", ["id", "name", "area"], inputs["community"],
           [{"id": village.code, "name": village.name, "area": village.code, **community}])
    commune = next(c for c in COMMUNES if c.code == village.commune)
    _write(folder / "areas.csv", ["code", "name", "level", "parent", "households"], [], [
        {"code": commune.code, "name": commune.name, "level": "commune"},
        {"code": village.code, "name": village.name, "level": "village",
         "parent": commune.code, "households": village.households},
        {"code": f"{village.code}X", "name": "Thôn Nà Mới", "level": "village",
         "parent": "01899"},                              # a commune that does not exist
    ])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="where to write (default: "
                        "beside this script)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    generate(args.out, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
