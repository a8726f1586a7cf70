"""`logbook digest`: whole digests of fixed weeks compared with reviewed golden files, the
headline numbers and their change against the week before, approximate and missing head counts,
quiet and silent communities, the empty week, and the promises made to cron and to mail clients
(plain text, one self-contained HTML page, the same bytes for the same data)."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from conftest import GOLDEN, ROOT, check_golden, run, run_proc

from logbook.models import Activity, Community
from logbook.storage import Store

BOX_DRAWING = re.compile("[\u2500-\u257f]")


@pytest.fixture(autouse=True)
def chinese(monkeypatch):
    """The office reads its digest in Chinese (the README's crontab line sets LOGBOOK_LANG=zh):
    these tests read it so; the English digest has its own goldens below."""
    monkeypatch.setenv("LOGBOOK_LANG", "zh")


# -- a fixed logbook ---------------------------------------------------------------------------

COMMUNITIES = [
    ("安贞西里社区", "安贞街道"),
    ("安贞里社区", "安贞街道"),
    ("黄寺社区", "安贞街道"),
    ("和平街一社区", "和平街街道"),
    ("和平街十一社区", "和平街街道"),
    ("樱花园社区", "和平街街道"),
    ("小关社区", "小关街道"),
]


def _activity(
    n: int,
    day: str,
    title: str,
    category: str,
    communities: list[str],
    people=None,
    approx=False,
    start=None,
    end=None,
    street=None,
) -> Activity:
    street_of = dict(COMMUNITIES)
    stamp = f"{day}T02:00:00.000Z"
    return Activity(
        id=f"{n:02d}" * 4 + "0" * 24,
        date=day,
        title=title,
        category=category,
        start=start,
        end=end,
        communities=communities,
        street=street or (street_of.get(communities[0]) if communities else None),
        participants=people,
        participants_approx=approx,
        source="typed",
        author="王社工",
        created_at=stamp,
        updated_at=stamp,
    )


# Week 2025-W13 (03-24..03-30): six activities; W12: three; earlier and later ones for silence.
FIXED = [
    # 2025-W13
    _activity(11, "2025-03-24", "垃圾分类志愿者培训会", "培训", ["安贞西里社区"], 40, True, "09:00", "10:30"),
    _activity(
        12, "2025-03-25", "楼道堆物堆料议事协商会", "会议", ["安贞西里社区", "安贞里社区"], 25, False, "14:00", "16:00"
    ),
    _activity(13, "2025-03-27", "中医义诊进社区", "义诊", ["和平街一社区"], None, False, "09:00"),
    _activity(14, "2025-03-27", "消防安全入户宣传", "安全", ["和平街一社区"], 30),
    _activity(
        15, "2025-03-29", "亲子手工非遗体验课", "文化", ["芍药居社区"], 18, False, "10:00", "11:00", street="太阳宫街道"
    ),
    _activity(16, "2025-03-30", "街道社区工作者议事协商专题培训", "培训", [], 60, True, street="安贞街道"),
    # 2025-W12
    _activity(21, "2025-03-18", "居民代表月度例会", "会议", ["安贞西里社区"], 20),
    _activity(22, "2025-03-20", "高层住宅消防演练", "安全", ["黄寺社区"], 35),
    _activity(23, "2025-03-22", "快递小哥健康关爱义诊", "义诊", ["和平街一社区"], 50, True),
    # earlier: 和平街十一 last seen in W09 (silent 4 weeks by W13), 樱花园 in W10 (3 weeks: not)
    _activity(31, "2025-02-27", "党员主题党日活动", "党建", ["和平街十一社区"], 22),
    _activity(32, "2025-03-03", "春季书法交流活动", "文化", ["樱花园社区"], 15),
    # after the week: must not change the digest of W13
    _activity(41, "2025-04-02", "法律咨询进社区", "便民服务", ["和平街十一社区", "小关社区"], 12),
]


@pytest.fixture
def fixed_logbook(db_path):
    """The logbook above, written through the store (fixed ids, so the digest is reproducible)."""
    store = Store(db_path)
    with store.transaction("fixture") as tx:
        tx.set_communities([Community(name, street) for name, street in COMMUNITIES])
        for activity in FIXED:
            activity.validate()
            tx.add(activity)
    return db_path


def digest(*args: str):
    result = run("digest", *args)
    assert result.exit_code == 0, result.stderr
    return result


# -- golden digests ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt, ext", [("text", "txt"), ("md", "md"), ("html", "html"), ("json", "json")])
def test_sample_digest_of_2025_w13_whole(fmt, ext, monkeypatch):
    # On Monday 2025-03-31 the last complete week is W13: the default a Monday cron job gets.
    monkeypatch.setenv("LOGBOOK_TODAY", "2025-03-31")
    result = run("--sample", "digest", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    check_golden(f"digest-sample-2025-W13.{ext}", out)
    assert run("--sample", "digest", "--week", "2025-W13", "--format", fmt).stdout == out


@pytest.mark.parametrize("fmt, ext", [("text", "txt"), ("md", "md"), ("html", "html"), ("json", "json")])
def test_sample_digest_in_english_whole(fmt, ext, monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "en")
    monkeypatch.setenv("LOGBOOK_TODAY", "2025-03-31")
    out = digest_of_sample("--format", fmt)
    if fmt == "json":  # data, not words: the same whatever the language
        assert out == (GOLDEN / "digest-sample-2025-W13.json").read_text(encoding="utf-8")
        return
    check_golden(f"digest-sample-2025-W13.en.{ext}", out)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_mail_digest_keeps_to_78_columns_and_names_whole(lang, monkeypatch):
    """A plain-text mail reader breaks longer lines again; a long line of the digest is wrapped
    under its own start, between names rather than inside one."""
    from logbook.plain import width

    monkeypatch.setenv("LOGBOOK_LANG", lang)
    out = run("--sample", "digest", "--week", "2025-W13").stdout
    assert max(width(line) for line in out.splitlines()) <= 78
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "九小场所消防检查" in line)
    assert lines[at].rstrip().endswith("安贞西里社区、")
    assert lines[at + 1].strip().startswith("黄寺社区")
    assert width(lines[at + 1]) - width(lines[at + 1].lstrip()) == lines[at].index("安贞街道九小")


def test_english_digests_whole(fixed_logbook, monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "en")
    monkeypatch.setenv("LOGBOOK_TODAY", "2025-04-07")
    check_golden("digest-fixed-2025-W13.en.txt", digest("--week", "2025-W13").stdout)
    monkeypatch.setenv("LOGBOOK_TODAY", "2025-05-05")
    check_golden("digest-sample-2025-W18-empty.en.txt", digest_of_sample())


def digest_of_sample(*args: str) -> str:
    result = run("--sample", "digest", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_fixed_logbook_digest_whole(fixed_logbook, monkeypatch):
    monkeypatch.setenv("LOGBOOK_TODAY", "2025-04-07")  # later data exists; W13 must not see it
    check_golden("digest-fixed-2025-W13.txt", digest("--week", "2025-W13").stdout)
    check_golden("digest-fixed-2025-W13.md", digest("--week", "2025-W13", "--format", "md").stdout)


def test_empty_week_is_a_normal_digest(monkeypatch):
    monkeypatch.setenv("LOGBOOK_TODAY", "2025-05-05")  # the sample ends on 2025-04-27
    result = run("--sample", "digest")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    check_golden("digest-sample-2025-W18-empty.txt", result.stdout)
    data = run("--sample", "digest", "--format", "json").json
    assert data["week"] == "2025-W18"
    assert data["headline"]["activities"] == 0
    assert data["change"]["activities"] == -20  # W17 had 20
    assert data["days"] == [] and data["streets"] == [] and data["categories"] == []
    for fmt in ("md", "html"):
        assert "本周没有记录任何活动。" in run("--sample", "digest", "--format", fmt).stdout


def test_empty_logbook_digest(db_path):
    with Store(db_path).transaction("fixture") as tx:
        tx.set_communities([])
    result = digest()
    assert "本周没有记录任何活动。" in result.stdout
    assert "名册中没有登记社区" in result.stdout


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "Error: no logbook at {path}: nothing has been logged there yet\n"),
        ("zh", "错误：{path} 处还没有记录本，尚未在那里记录过任何活动\n"),
    ],
)
@pytest.mark.parametrize(
    "command", [["digest"], ["digest", "-f", "json"], ["report"], ["report", "--by", "street", "-f", "csv"]]
)
def test_a_logbook_that_does_not_exist_fails_loudly(command, lang, line, db_path, monkeypatch):
    # A cron job on a wrong path must not mail an empty digest every Monday.
    monkeypatch.setenv("LOGBOOK_LANG", lang)
    for how in ("env", "--db"):
        missing = db_path.parent / "没有" / "logbook.json"
        if how == "env":
            monkeypatch.setenv("LOGBOOK_DB", str(missing))
            result = run(*command)
        else:
            result = run("--db", str(missing), *command)
        assert (result.exit_code, result.stdout) == (3, "")
        assert result.stderr == line.format(path=missing)
        assert not missing.parent.exists()  # reading created nothing


# -- the numbers -------------------------------------------------------------------------------


def test_headline_and_change_against_the_week_before(fixed_logbook):
    data = digest("--week", "2025-W13", "--format", "json").json
    assert data["week"] == "2025-W13" and data["from"] == "2025-03-24" and data["to"] == "2025-03-30"
    assert data["headline"] == {
        "activities": 6,
        "participants": 40 + 25 + 30 + 18 + 60,
        "participants_approx": True,
        "without_count": 1,
        "communities_reached": 3,  # 安贞西里, 安贞里, 和平街一; 芍药居 is not registered
        "communities_registered": 7,
    }
    assert data["previous"] == {
        "week": "2025-W12",
        "activities": 3,
        "participants": 20 + 35 + 50,
        "participants_approx": True,
        "without_count": 0,
        "communities_reached": 3,
        "communities_registered": 7,
    }
    assert data["change"] == {"activities": 3, "participants": 68, "communities_reached": 0}
    text = digest("--week", "2025-W13").stdout
    assert "活动      6 (+3)" in text
    assert "参与人数  至少 173 (+68)" in text
    assert "覆盖社区  3/7 (±0)" in text
    # a week with fewer: the change is negative
    w14 = digest("--week", "2025-W14", "--format", "json").json
    # W14 holds one activity, for 和平街十一 and 小关: two communities reached, one fewer.
    assert w14["change"] == {"activities": -5, "participants": -161, "communities_reached": -1}
    assert "活动      1 (-5)" in digest("--week", "2025-W14").stdout


def test_approximate_and_missing_head_counts(fixed_logbook):
    data = digest("--week", "2025-W13", "--format", "json").json
    [anzhen, heping, other] = data["streets"]
    assert anzhen["street"] == "安贞街道"
    # 安贞西里 counts the 40余 training and the joint meeting: the sum is approximate.
    assert anzhen["communities"][0] == {
        "community": "安贞西里社区",
        "activities": 2,
        "participants": 65,
        "participants_approx": True,
        "without_count": 0,
        "categories": [{"category": "会议", "activities": 1}, {"category": "培训", "activities": 1}],
    }
    assert anzhen["communities"][1]["participants_approx"] is False
    # The street counts the joint meeting once.
    assert (anzhen["activities"], anzhen["participants"]) == (2, 65)
    assert heping["communities"][0] == {
        "community": "和平街一社区",
        "activities": 2,
        "participants": 30,
        "participants_approx": False,
        "without_count": 1,
        "categories": [{"category": "安全", "activities": 1}, {"category": "义诊", "activities": 1}],
    }
    assert other["street"] is None and other["communities"][0]["community"] == "芍药居社区"
    assert [c["category"] for c in data["categories"]] == ["培训", "安全", "会议", "文化", "义诊"]
    assert data["categories"][0]["participants"] == 100 and data["categories"][0]["participants_approx"]
    assert data["categories"][0]["share_percent"] == 33
    text = digest("--week", "2025-W13").stdout
    assert "垃圾分类志愿者培训会（培训，安贞西里社区，40余人）" in text
    assert "中医义诊进社区（义诊，和平街一社区，人数未记）" in text
    assert "  和平街一社区     2  30（1 项未记）  安全 1、义诊 1" in text


def test_quiet_and_silent_communities(fixed_logbook):
    data = digest("--week", "2025-W13", "--format", "json").json
    assert data["inactive"] == [
        {"street": "安贞街道", "communities": ["黄寺社区"]},
        {"street": "和平街街道", "communities": ["和平街十一社区", "樱花园社区"]},
        {"street": "小关街道", "communities": ["小关社区"]},
    ]
    # 和平街十一: last seen 2025-02-27 (W09), so W10..W13 are four silent weeks; its activity
    # of 2025-04-02 lies after the week and does not count. 樱花园 (W10) is silent three: not yet.
    assert data["silent"] == [
        {"community": "小关社区", "street": "小关街道", "last_activity": None, "weeks_silent": None},
        {"community": "和平街十一社区", "street": "和平街街道", "last_activity": "2025-02-27", "weeks_silent": 4},
    ]
    text = digest("--week", "2025-W13").stdout
    assert "本周无活动（4/7）：" in text
    assert "  小关社区（小关街道）：从无活动记录" in text
    assert "  和平街十一社区（和平街街道）：最近一次 2025-02-27，已 4 周无活动" in text
    # A week later 樱花园 has been silent four weeks too, and 和平街十一 is active again.
    later = digest("--week", "2025-W14", "--format", "json").json
    assert [s["community"] for s in later["silent"]] == ["樱花园社区"]


def test_data_gaps(fixed_logbook):
    gaps = digest("--week", "2025-W13", "--format", "json").json["gaps"]
    assert [a["title"] for a in gaps["without_count"]] == ["中医义诊进社区"]
    assert [a["title"] for a in gaps["without_community"]] == ["街道社区工作者议事协商专题培训"]
    assert gaps["unregistered_communities"] == ["芍药居社区"]
    text = digest("--week", "2025-W13").stdout
    assert "  03-27  13131313  中医义诊进社区（和平街一社区）" in text


def test_filters_narrow_the_digest(fixed_logbook):
    data = digest("--week", "2025-W13", "--street", "安贞", "--format", "json").json
    assert data["scope"] == {"street": "安贞街道"}
    assert data["headline"]["communities_registered"] == 3
    assert data["headline"]["activities"] == 3  # the two meetings and the street-wide training
    assert [b["street"] for b in data["streets"]] == ["安贞街道"]
    assert "范围：街道 安贞街道" in digest("--week", "2025-W13", "--street", "安贞").stdout
    only = digest("--week", "2025-W13", "--community", "安贞里", "--format", "json").json
    assert only["headline"]["communities_registered"] == 1
    assert [c["community"] for b in only["streets"] for c in b["communities"]] == ["安贞里社区"]
    cat = digest("--week", "2025-W13", "--category", "training", "--format", "json").json
    assert cat["headline"]["activities"] == 2 and cat["previous"]["activities"] == 0


def test_default_week_is_the_last_complete_one(fixed_logbook, monkeypatch):
    monkeypatch.setenv("LOGBOOK_TODAY", "2025-03-30")  # Sunday: W13 is not over yet
    assert digest("--format", "json").json["week"] == "2025-W12"
    monkeypatch.setenv("LOGBOOK_TODAY", "2025-03-31")
    assert digest("--format", "json").json["week"] == "2025-W13"
    for spec in ("last", "上周", "2025-03-26"):
        assert digest("--week", spec, "--format", "json").json["week"] == "2025-W13"


def test_a_week_not_over_says_so(fixed_logbook):
    # conftest pins today to Sunday 2025-03-30
    data = digest("--week", "this", "--format", "json").json
    assert data["week"] == "2025-W13" and data["complete"] is False
    assert "注意：这一周尚未结束，数据截至 2025-03-30。" in digest("--week", "this").stdout
    assert "注意：这一周尚未开始（今天是 2025-03-30）。" in digest("--week", "2025-W20").stdout
    assert "注意" not in digest("--week", "2025-W12").stdout


# -- formats and their promises ----------------------------------------------------------------


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.open: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self.decl: list[str] = []
        self.unclosed: list[str] = []

    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def handle_decl(self, decl):
        self.decl.append(decl)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_one_self_contained_valid_page(fixed_logbook):
    hostile = _activity(
        51, "2025-03-26", '<script src="http://evil.example/x.js"></script>&"议事"', "会议", ["黄寺社区"], 9
    )
    hostile.validate()
    with Store(fixed_logbook).transaction("hostile") as tx:
        tx.add(hostile)
    page = digest("--week", "2025-W13", "--format", "html").stdout
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert parser.decl == ["DOCTYPE html"]
    assert parser.open == []  # every element closed, properly nested
    assert parser.tags[:3] == ["html", "head", "meta"]
    assert parser.tags.count("html") == parser.tags.count("head") == parser.tags.count("body") == 1
    assert parser.tags.count("title") == 1 and parser.tags.count("h1") == 1
    assert parser.tags.count("h2") == 6
    assert "table" in parser.tags and "th" in parser.tags
    # nothing to fetch: no stylesheet, script, image, frame, no URL anywhere
    for tag in ("link", "script", "style", "img", "iframe", "object", "base"):
        assert tag not in parser.tags, tag
    for _tag, name, value in parser.attrs:
        assert name not in ("src", "href", "background"), name
        assert "url(" not in (value or "") and "//" not in (value or "")
    # the hostile title is text, escaped, shown literally; no other URL anywhere
    escaped = "&lt;script src=&quot;http://evil.example/x.js&quot;&gt;&lt;/script&gt;&amp;&quot;议事&quot;"
    assert page.count(escaped) == 1
    assert "http" not in page.replace(escaped, "")
    text = "".join(parser.text)
    assert '<script src="http://evil.example/x.js"></script>&"议事"' in text
    assert "本周活动（按日期）" in text
    assert "7 (+4)" in text and "至少 182 (+77)" in text  # the hostile one counts like any other
    # styles are inline, on the elements themselves
    assert {name for _tag, name, _value in parser.attrs} <= {"style", "charset", "name", "content", "lang"}


def test_text_off_a_terminal_is_plain(fixed_logbook):
    title = "[red]消防[/red]\x1b[2J\x1b]0;标题\x07演练"
    activity = _activity(52, "2025-03-26", title, "安全", ["黄寺社区"], 10)
    activity.validate()
    with Store(fixed_logbook).transaction("hostile") as tx:
        tx.add(activity)
    # Even with FORCE_COLOR set (as some cron setups have), a pipe gets plain text.
    result = run_proc(
        "digest", "--week", "2025-W13", env={"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": ""}
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out and "\x07" not in out
    assert not BOX_DRAWING.search(out)
    assert "[red]消防[/red]\\x1b[2J\\x1b]0;标题\\x07演练" in out  # shown, not obeyed
    for fmt in ("md", "html"):
        other = run("digest", "--week", "2025-W13", "--format", fmt).stdout
        assert "\x1b" not in other and "\x07" not in other


def test_same_data_same_bytes_and_output_file(fixed_logbook, tmp_path, monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "en")  # its messages read in English
    first = run_proc("digest", "--week", "2025-W13", "--format", "html")
    second = run_proc("digest", "--week", "2025-W13", "--format", "html")
    assert first.exit_code == 0, first.stderr
    assert first.stdout == second.stdout
    before = fixed_logbook.read_bytes()
    for fmt in ("text", "md", "html", "json"):
        target = tmp_path / fmt / f"周报.{fmt}"
        target.parent.mkdir()
        target.write_text("old contents")
        result = run("digest", "--week", "2025-W13", "--format", fmt, "-o", str(target))
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
        assert result.stderr == f"Wrote the digest of 2025-W13 to {target}\n"
        assert target.read_bytes() == run("digest", "--week", "2025-W13", "--format", fmt).stdout.encode()
        assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temp file left
    assert fixed_logbook.read_bytes() == before  # a digest never writes the logbook


def test_output_into_a_missing_folder_fails_cleanly(fixed_logbook, tmp_path, monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "en")  # its messages read in English
    result = run("digest", "--week", "2025-W13", "-o", str(tmp_path / "没有" / "x.txt"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot write the digest to ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--week", "2025-W60"], "Error: invalid week '2025-W60'"),
        (["--format", "pdf"], "Error: invalid value 'pdf' for --format: expected one of text, md, html, json"),
    ],
)
def test_bad_values_are_one_line_exit_2(args, message, db_path, monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "en")  # its messages read in English
    result = run("digest", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr
    assert result.stderr.count("\n") == 1
    assert not db_path.exists()


def test_digest_at_a_terminal_draws_tables(fixed_logbook):
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="100")
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(sys.executable, [sys.executable, "-m", "logbook", "digest", "--week", "2025-W13"], env)
    output = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    text = output.decode("utf-8", "replace")
    assert BOX_DRAWING.search(text)  # tables with rules, for people
    for expected in ("社区活动周报 2025-W13", "至少 173 (+68)", "安贞西里社区", "从无活动记录"):
        assert expected in text, expected


def test_digest_json_matches_the_list(fixed_logbook):
    """Cross-check: the week's activities in the digest are exactly those `list` finds."""
    data = digest("--week", "2025-W13", "--format", "json").json
    listed = run("list", "--week", "2025-W13", "--all", "--format", "json").json
    assert sorted(a["id"] for d in data["days"] for a in d["activities"]) == sorted(a["id"] for a in listed)
    assert data["headline"]["participants"] == sum(a["participants"] or 0 for a in listed)
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_digest_files_are_utf8_whatever_the_locale(fmt, monkeypatch):
    # A GB18030 console must not write GB18030 bytes under <meta charset="utf-8">.
    monkeypatch.setenv("LOGBOOK_TODAY", "2025-03-31")
    expected = (GOLDEN / f"digest-sample-2025-W13.{fmt}").read_bytes()
    for encoding in ("gb18030", "ascii"):
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING=encoding)
        proc = subprocess.run(
            [sys.executable, "-m", "logbook", "--sample", "digest", "-f", fmt], capture_output=True, env=env
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == expected
