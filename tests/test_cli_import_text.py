"""`logbook import-text`: written reports previewed as drafts, then saved as activities."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import add, run, run_proc

from logbook.models import FIELD_ORDER
from logbook.plain import width

DATA = Path(__file__).resolve().parent / "data"
# Six invented reports shaped like a scraped feed: Traditional script with pinyin glosses, each
# article ending with `]]>`, damaged bytes; see data/feed-labels.json for what each one holds.
FEED = DATA / "news-feed.txt"
ARTICLES = DATA / "articles"


def listed():
    return run("list", "--all", "--format", "json").json


@pytest.fixture
def feed_copy(tmp_path) -> Path:
    """The feed under a name of our own (the fixture itself is never written)."""
    path = tmp_path / "news.txt"
    path.write_bytes(FEED.read_bytes())
    return path


@pytest.fixture
def feed_registry():
    """The registered communities the feed names: articles 2 and 3 get their street from here."""
    for name, street, aliases in [
        ("青柳东里社区", "青柳街道", ["青柳东里"]),
        ("青柳南里社区", "青柳街道", []),
    ]:
        args = ["community", "add", name, "--street", street]
        for alias in aliases:
            args += ["--alias", alias]
        result = run(*args)
        assert result.exit_code == 0, result.stderr


# -- preview -------------------------------------------------------------------------------


def test_dry_run_shows_the_drafts_and_writes_nothing(feed_copy, db_path, feed_registry):
    before = db_path.read_bytes()
    result = run(
        "import-text",
        str(feed_copy),
        "--dry-run",
        "--year",
        "2025",
        "--article",
        "2",
        "--article",
        "4",
        "--article",
        "6",
    )
    assert result.exit_code == 0, result.stderr
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        # the Partners column is left out: no draft named a partner
        "#  Date        Title                   Category  Communities   Street    People  Speakers  Check",
        "2  -           社区广场上摆开了量血压  便民服务  青柳东里社区  青柳街道       -  -         no date: not saved",
        "                                                                                           check title, category",
        "4  2025-03-21  邻里故事会?朗读训练营   培训      槐荫堂社区    -            30+  李文琪    new",
        "                                                                                           damaged: ?、?dǎo)L",
        "6  -           邻里共建                文化      -             -              -  -         no date: not saved",
        "                                                                                           check title",
        "                                                                                           damaged: ??、?? +5",
    ]
    assert result.stderr == (
        "3 articles: 1 would be added; 2 without a date, not saved "
        "(articles 2, 6: give it with --date DATE --article N)\n"
    )
    assert db_path.read_bytes() == before


def test_dry_run_of_the_whole_feed(feed_copy, db_path):
    result = run("import-text", str(feed_copy), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert [line.split()[0] for line in result.stdout.splitlines() if line[:1].isdigit()] == list("123456")
    # the feed names no year: article 4's day (3月21日) waits for --year rather than a guessed one
    assert result.stderr == (
        "6 articles: 5 without a date, not saved (articles 1, 2, 3, 5, 6: give it with --date DATE --article N); "
        "1 without a year, not saved (article 4: give it with --year YEAR)\nNothing to add\n"
    )
    assert not db_path.exists()
    [row] = [line for line in result.stdout.splitlines() if line.startswith("4 ")]
    assert row.rstrip().endswith("no year: not saved")
    given = run("import-text", str(feed_copy), "--dry-run", "--year", "2025")
    assert given.stderr.startswith("6 articles: 1 would be added; 5 without a date, not saved")


def test_explain_says_how_each_field_was_read_or_why_it_is_empty(feed_copy):
    result = run("import-text", str(feed_copy), "--dry-run", "--explain", "--article", "6")
    assert result.exit_code == 0, result.stderr
    explained = result.stdout[result.stdout.index("Article 6") :].splitlines()
    assert explained[0] == "Article 6: import-text:news.txt#6"
    assert (
        "  participants: no number tied to attendance; not counted: 七位居民代表 (no 参加/参与/出席 next to it), "
        "三位居民代表 (no 参加/参与/出席 next to it), 六名居民当即 (no 参加/参与/出席 next to it)" in explained
    )
    assert "  date: no date in the text; give it with --date" in explained


def test_json_prints_the_drafts_as_records(feed_copy):
    result = run("import-text", str(feed_copy), "--dry-run", "--format", "json", "--year", "2025")
    assert result.exit_code == 0, result.stderr
    assert "\\u" not in result.stdout
    drafts = result.json
    assert [d["article"] for d in drafts] == [1, 2, 3, 4, 5, 6]
    d = drafts[3]
    assert tuple(d)[: len(FIELD_ORDER)] == FIELD_ORDER  # a record's fields first, in its order
    assert d["id"] is None and d["status"] == "new"
    assert (d["date"], d["participants"], d["participants_approx"]) == ("2025-03-21", 30, True)
    assert d["source"] == "import-text:news.txt#4" and d["author"] == "王社工"
    assert d["year_assumed"] is False and d["damaged"] == ["?", "?dǎo)L"]
    assert d["confidence"]["participants"] >= 0.8
    assert d["notes"].startswith("3月21日下午,槐蔭堂社區開展")  # the cleaned article, its own script
    assert "(xùn)" not in d["notes"] and "(xùn)" in FEED.read_text(encoding="utf-8")
    undated = drafts[0]
    assert undated["status"] == "no date" and "date" in undated["left_empty"]
    assert undated["category"] == "培训" and undated["speakers"] == ["柯文澜"]


def test_reasons_name_the_option_that_settles_them(feed_copy, tmp_path):
    why = {
        d["article"]: d["why"]["date"] for d in run("import-text", str(feed_copy), "--dry-run", "--format", "json").json
    }
    assert why[6] == "no date in the text; give it with --date"
    assert why[4] == "3月21日 has no year, and the text names none; --year to set it"
    given = run("import-text", str(feed_copy), "--dry-run", "--format", "json", "--year", "2024", "--article", "4")
    assert given.json[0]["why"]["date"] == "the date in the text; year 2024 from --year"
    filed = tmp_path / "filed.txt"
    filed.write_text("本网9月22日讯 9月20日，黄寺社区开展手工活动。", encoding="utf-8")
    with_year = run("import-text", str(filed), "--dry-run", "--format", "json", "--year", "2024").json
    # the year's clause stays last, so that what --year gave follows it
    assert with_year[0]["why"]["date"] == (
        "the date in the text; passed over: 9月22日 (the filing day); year 2024 from --year"
    )
    vague = tmp_path / "vague.txt"
    vague.write_text("近日，黄寺社区开展手工活动。", encoding="utf-8")
    explained = run("import-text", str(vague), "--dry-run", "--explain").stdout.splitlines()
    assert "  date: the article says only 近日; give the date with --date" in explained


def test_other_machine_formats(feed_copy):
    csv_out = run("import-text", str(feed_copy), "--dry-run", "--format", "csv", "--article", "4")
    assert csv_out.exit_code == 0
    assert csv_out.stdout.startswith("\ufeffid,date,start,end,title")
    assert "邻里故事会?朗读训练营" in csv_out.stdout
    jsonl = run("import-text", str(feed_copy), "--dry-run", "--format", "jsonl")
    assert len(jsonl.stdout.splitlines()) == 6


# -- saving --------------------------------------------------------------------------------


def test_yes_saves_ordinary_activities_and_a_second_import_adds_nothing(feed_copy, db_path, feed_registry):
    result = run("import-text", str(feed_copy), "--yes", "--year", "2025")
    assert result.exit_code == 0, result.stderr
    [saved] = listed()
    assert result.stderr.splitlines()[-2:] == [
        f"Added {saved['id'][:8]} on 2025-03-21: 邻里故事会?朗读训练营",
        "Saved 1 activity from news.txt",
    ]
    assert saved["category"] == "培训" and saved["communities"] == ["槐荫堂社区"]
    assert saved["source"] == "import-text:news.txt#4"
    assert saved["created_at"].endswith("Z") and saved["author"] == "王社工"
    # An ordinary activity: filters, show, search (the Traditional notes too) and report see it.
    assert [a["id"] for a in run("list", "--community", "槐荫堂", "--format", "json").json] == [saved["id"]]
    assert run("show", saved["id"][:6]).exit_code == 0
    assert [a["id"] for a in run("search", "朗讀", "李文琪", "--format", "json").json] == [saved["id"]]
    report = run("report", "--by", "community", "--format", "json").json
    assert [(g["group"], g["participants"]) for g in report["groups"]] == [("槐荫堂社区", 30)]
    # The same text again, even under another name or through stdin, adds nothing.
    before = db_path.read_bytes()
    again = run("import-text", str(feed_copy), "--yes", "--year", "2025")
    assert again.exit_code == 0
    assert again.stderr.endswith(
        "1 already in the logbook (article 4); 5 without a date, not saved "
        "(articles 1, 2, 3, 5, 6: give it with --date DATE --article N)\nNothing to add\n"
    )
    as_json = run("import-text", str(feed_copy), "--dry-run", "--format", "json", "--year", "2025").json
    assert as_json[3]["status"] == "duplicate"
    assert as_json[3]["status_detail"] == "already in the logbook as " + saved["id"][:8]
    piped = run("import-text", "-", "--yes", "--year", "2025", input=feed_copy.read_text(encoding="utf-8"))
    assert piped.exit_code == 0 and piped.stderr.endswith("Nothing to add\n")
    assert db_path.read_bytes() == before


def test_the_time_of_day_of_the_text_is_saved_and_shown(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(
        "2024年5月6日（周一）14:30-16:00，柳岸社区在党群服务中心开展读书会，20名居民参加。\n", encoding="utf-8"
    )
    preview = run("import-text", str(report), "--dry-run")
    assert preview.exit_code == 0, preview.stderr
    assert "14:30-16:00" in preview.stdout
    assert run("import-text", str(report), "--yes").exit_code == 0
    [saved] = listed()
    assert (saved["date"], saved["start"], saved["end"]) == ("2024-05-06", "14:30", "16:00")
    # a date given with --date for a text that has none carries no time of the text's
    undated = tmp_path / "undated.txt"
    undated.write_text("上午9时，青苗社区开展义诊，30名居民参加。\n", encoding="utf-8")
    assert run("import-text", str(undated), "--yes", "--date", "2024-05-07").exit_code == 0
    assert [(a["date"], a["start"]) for a in listed() if a["date"] == "2024-05-07"] == [("2024-05-07", None)]


def test_date_option_saves_undated_articles_once(feed_copy, feed_registry):
    result = run("import-text", str(feed_copy), "--yes", "--date", "2025-03-20", "--article", "2", "--article", "5")
    assert result.exit_code == 0, result.stderr
    saved = {a["source"]: a for a in listed()}
    assert set(saved) == {"import-text:news.txt#2", "import-text:news.txt#5"}
    two = saved["import-text:news.txt#2"]
    assert two["date"] == "2025-03-20" and two["street"] == "青柳街道"
    assert two["participants"] is None  # 六名学员 served; they are not attendance
    five = saved["import-text:news.txt#5"]
    assert len(five["communities"]) == 9 and five["street"] == "云岭地区"
    assert "date from --date" in result.stdout
    # The whole feed afterwards adds article 4 only.
    rest = run("import-text", str(feed_copy), "--yes", "--year", "2025")
    assert rest.exit_code == 0
    assert "Saved 1 activity" in rest.stderr
    assert len(listed()) == 3


def test_year_option(feed_copy):
    result = run("import-text", str(feed_copy), "--yes", "--year", "2024", "--article", "4")
    assert result.exit_code == 0, result.stderr
    assert listed()[0]["date"] == "2024-03-21"


def test_same_date_title_and_community_as_a_typed_record_is_a_duplicate(feed_copy, db_path):
    typed = add("邻里故事会?朗读训练营", "--date", "2025-03-21", "--community", "槐荫堂社区")
    before = db_path.read_bytes()
    result = run("import-text", str(feed_copy), "--yes", "--year", "2025", "--article", "4", "--format", "json")
    assert result.exit_code == 0
    assert result.json[0]["status_detail"] == f"same date, title and communities as {typed[:8]}"
    assert db_path.read_bytes() == before


def test_repeated_article_in_one_text_is_saved_once(tmp_path):
    article = "3月20日，黄寺社区召开“小区停车难”专题议事协商会，居民代表共15人出席。"
    path = tmp_path / "twice.txt"
    path.write_text(f"{article}\n---\n{article}\n", encoding="utf-8")
    result = run("import-text", str(path), "--yes", "--year", "2025", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [d["status_detail"] for d in result.json] == [None, "same text as article 1"]
    [saved] = listed()
    assert (saved["title"], saved["participants"], saved["category"]) == ("小区停车难", 15, "会议")


def test_an_article_with_nothing_readable_to_call_it_is_not_saved(tmp_path):
    path = tmp_path / "lost.txt"
    path.write_text("3月20日，黄寺社区召开议事会，居民代表共15人出席。]]>3月21日??!]]>", encoding="utf-8")
    result = run("import-text", str(path), "--yes", "--year", "2025", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [(d["status"], d["status_detail"]) for d in result.json] == [
        ("new", None),
        ("no title", "nothing readable to call it"),
    ]
    assert "1 without a readable title (article 2)" in result.stderr
    assert [a["title"] for a in listed()] == ["议事会"]


def test_undo_takes_the_whole_import_back(feed_copy):
    run("import-text", str(feed_copy), "--yes", "--date", "2025-03-20")
    assert len(listed()) == 6
    undone = run("undo")
    assert undone.stdout.startswith("Reverted: import-text news.txt: 6 activities")
    assert listed() == []


# -- asking first --------------------------------------------------------------------------


def test_without_a_terminal_it_refuses_to_save(feed_copy, db_path):
    add("已有")
    before = db_path.read_bytes()
    result = run("import-text", str(feed_copy), "--year", "2025")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: refusing to save without confirmation: not at a terminal; pass --yes to save, "
        "or --dry-run to only see the drafts\n"
    )
    assert db_path.read_bytes() == before


@pytest.fixture
def at_a_terminal(monkeypatch):
    from logbook.commands import importtext

    monkeypatch.setattr(importtext, "stdin_is_terminal", lambda: True)


def test_at_a_terminal_it_asks(feed_copy, at_a_terminal):
    declined = run("import-text", str(feed_copy), "--year", "2025", input="n\n")
    assert declined.exit_code == 1
    assert "Save 1 activity? [y/N]" in declined.stderr and "Nothing saved" in declined.stderr
    assert listed() == []
    accepted = run("import-text", str(feed_copy), "--year", "2025", input="y\n")
    assert accepted.exit_code == 0, accepted.stderr
    assert [a["source"] for a in listed()] == ["import-text:news.txt#4"]


def test_sample_logbook_is_read_only(feed_copy):
    assert run("--sample", "import-text", str(feed_copy), "--dry-run").exit_code == 0
    refused = run("--sample", "import-text", str(feed_copy), "--yes", "--year", "2025")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: the sample logbook is read-only")


# -- input ---------------------------------------------------------------------------------


def test_plain_text_in_gbk_separated_by_rules(tmp_path, registry):
    path = tmp_path / "周报.txt"
    text = (
        "3月18日，安贞西里社区联合北京安贞医院开展“健康进社区 义诊暖人心”主题义诊活动。\n"
        "---\n"
        "3月26日晚，安贞里社区召开楼院环境整治居民议事会，八名居民代表参加。\n"
    )
    path.write_bytes(text.encode("gbk"))
    result = run("import-text", str(path), "--yes", "--year", "2025")
    assert result.exit_code == 0, result.stderr
    got = sorted(
        (a["date"], a["title"], a["category"], a["street"], a["participants"], tuple(a["partners"])) for a in listed()
    )
    assert got == [
        ("2025-03-18", "健康进社区 义诊暖人心", "义诊", "安贞街道", None, ("北京安贞医院",)),
        ("2025-03-26", "楼院环境整治居民议事会", "会议", "安贞街道", 8, ()),
    ]
    assert {a["source"] for a in listed()} == {"import-text:周报.txt#1", "import-text:周报.txt#2"}


def test_labelled_articles_import_as_labelled(tmp_path, registry):
    """The frozen articles, concatenated as a worker would paste them, through the real CLI."""
    labels = json.loads((ARTICLES / "labels.json").read_text(encoding="utf-8"))
    names = ["03.txt", "07.txt", "12.txt"]  # Simplified and Traditional, one, one, three communities
    path = tmp_path / "reports.txt"
    path.write_text(
        "".join((ARTICLES / n).read_text(encoding="utf-8").rstrip() + "\n]]>\n" for n in names), encoding="utf-8"
    )
    result = run("import-text", str(path), "--yes", "--year", str(labels["year"]), "--format", "json")
    assert result.exit_code == 0, result.stderr
    saved = {a["source"]: a for a in listed()}
    for number, name in enumerate(names, start=1):
        want, got = labels["articles"][name], saved[f"import-text:reports.txt#{number}"]
        if want.get("date_yearless"):  # a day the text gives without a year: --year gives it
            assert got["date"] == f"{labels['year']}-{want['date_yearless']}", name
        else:
            assert got["date"] == want["date"], name
        for field in ("communities", "street", "participants", "participants_approx", "category", "partners"):
            assert got[field] == want[field], (name, field)


def test_stdin_through_a_real_process(tmp_path):
    text = FEED.read_text(encoding="utf-8")
    db = tmp_path / "proc.json"
    result = run_proc("--db", str(db), "import-text", "-", "--yes", "--year", "2025", "--article", "4", input=text)
    assert result.exit_code == 0, result.stderr
    assert "Saved 1 activity from stdin" in result.stderr
    shown = run_proc("--db", str(db), "list", "--format", "json")
    [record] = json.loads(shown.stdout)
    assert record["source"] == "import-text:stdin#4"


# -- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["missing.txt"], 1, "Error: no file 'missing.txt'\n"),
        (["FEED", "--year", "25"], 2, "Error: invalid year '25' for --year: expected a year such as 2025\n"),
        (
            ["FEED", "--article", "7"],
            2,
            "Error: invalid article number '7' for --article: the text holds 6 articles, numbered 1 to 6\n",
        ),
        (
            ["FEED", "--article", "x"],
            2,
            "Error: invalid article number 'x' for --article: the text holds 6 articles, numbered 1 to 6\n",
        ),
        (["FEED", "--date", "3月32日"], 2, "Error: invalid date '3月32日': month 3 has at most 31 days"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(args, code, message, feed_copy, db_path):
    add("已有")
    before = db_path.read_bytes()
    args = [str(feed_copy) if a == "FEED" else a for a in args]
    result = run("import-text", *args, "--yes")
    assert result.exit_code == code
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert db_path.read_bytes() == before


def test_a_directory_or_an_empty_text_is_refused(tmp_path):
    directory = run("import-text", str(tmp_path))
    assert directory.exit_code == 2
    assert directory.stderr == f"Error: '{tmp_path}' is a directory: expected a text file of articles\n"
    empty = tmp_path / "empty.txt"
    empty.write_text("]]>\n</p>\n", encoding="utf-8")
    result = run("import-text", str(empty), "--yes")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: '{empty}' holds no article text")


def test_a_binary_file_is_refused_and_utf16_with_its_mark_is_read(tmp_path, db_path):
    before = db_path.read_bytes() if db_path.exists() else None
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + "5月6日，柳岸社区开展反诈宣传。".encode() + bytes(64))
    for args in ([str(binary)], ["-"]):
        result = run("import-text", *args, "--yes", input=binary.read_bytes() if args == ["-"] else None)
        assert result.exit_code == 1
        shown = "standard input" if args == ["-"] else repr(str(binary))
        assert result.stderr == (
            f"Error: {shown} holds NUL characters, which no text holds: expected a text file of articles "
            "(UTF-8, GBK, or UTF-16 with its byte order mark)\n"
        )
    assert (db_path.read_bytes() if db_path.exists() else None) == before
    # what Notepad saves as "Unicode": UTF-16 with its byte order mark
    notepad = tmp_path / "notepad.txt"
    notepad.write_bytes("5月6日，柳岸社区开展反诈宣传，30名居民参加。\r\n".encode("utf-16"))
    [draft] = run("import-text", str(notepad), "--dry-run", "--year", "2024", "--format", "json").json
    assert (draft["date"], draft["communities"], draft["participants"]) == ("2024-05-06", ["柳岸社区"], 30)


def test_help_names_the_options():
    result = run("import-text", "--help")
    assert result.exit_code == 0
    for option in ("--year", "--date", "--article", "--dry-run", "--yes", "--format", "--explain"):
        assert option in result.stdout


def test_a_page_with_its_chrome_is_one_draft_that_explains_itself(db_path):
    page = Path(__file__).resolve().parent / "data" / "reports" / "chrome-page.txt"
    result = run("import-text", str(page), "--dry-run", "--explain")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("1 article: 1 would be added")
    assert "title: the headline line at the top" in result.stdout
    assert "year 2023 from the date 2023-04-18 in the text" in result.stdout
    assert not db_path.exists()


@pytest.fixture
def report(tmp_path) -> Path:
    """One short report, a headline and a sentence, in words of our own."""
    path = tmp_path / "report.txt"
    path.write_text(
        "青柳东里社区举办家庭消防安全培训讲座\n"
        "2025年3月20日上午，青柳街道青柳东里社区邀请消防站教员为40余名居民讲解家庭防火知识。\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_preview_fits_80_columns_without_breaking_a_heading(report, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LOGBOOK_LANG", lang)
    result = run("import-text", str(report), "--dry-run")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    headings = {
        "en": ["Date", "Title", "Category", "Communities", "Street", "People", "Check"],
        "zh": ["日期", "标题", "类别", "社区", "街道", "人数", "待核对"],
    }[lang]
    assert lines[0].split() == ["#", *headings]
    assert all(width(line.rstrip()) <= 80 for line in lines)
    assert ("40余" if lang == "zh" else "40+") in lines[1]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_at_60_columns_columns_give_way_and_check_stays(report, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setenv("LOGBOOK_LANG", lang)
    lines = run("import-text", str(report), "--dry-run").stdout.splitlines()
    assert lines[0].split()[-1] == {"en": "Check", "zh": "待核对"}[lang]
    assert all(width(line.rstrip()) <= 60 for line in lines)


# A run of three English words: a sentence left untranslated (flag names such as --date are not
# words here, and the article's own text is Chinese).
_ENGLISH_RUN = re.compile(r"(?<![-\w])[A-Za-z]{2,}(?:[ ,;'][A-Za-z]+){2,}")


@pytest.fixture
def many_reasons(tmp_path, feed_registry) -> Path:
    """The feed and the hand-labelled articles in one file: between them every kind of reason,
    found or empty, damaged text, head counts set aside, dates of other events, duplicates."""
    names = sorted(p.name for p in ARTICLES.glob("*.txt"))
    body = FEED.read_text(encoding="utf-8")
    body += "".join((ARTICLES / n).read_text(encoding="utf-8").rstrip() + "\n]]>\n" for n in names)
    path = tmp_path / "reports.txt"
    path.write_text(body + body.split("]]>")[0] + "]]>\n", encoding="utf-8")  # the first again
    return path


def test_explain_speaks_chinese_and_the_json_stays_english(many_reasons, monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "zh")
    result = run("import-text", str(many_reasons), "--dry-run", "--explain", "--year", "2024")
    assert result.exit_code == 0, result.stderr
    explained = result.stdout[result.stdout.index("第 1 篇") :].splitlines()
    reasons = [line for line in explained if line.startswith("  ")]
    assert len(reasons) > 100
    assert [line for line in explained if _ENGLISH_RUN.search(line)] == []
    assert {line.split("：", 1)[0].strip() for line in reasons} <= {
        "标题",
        "日期",
        "时间",
        "类别",
        "覆盖社区",
        "街道",
        "地点",
        "参与人数",
        "主讲人",
        "协办单位",
        "备注",
    }
    # the clauses of one reason and the hint on the date, in Chinese punctuation
    assert any("；未计入：" in line for line in reasons)
    assert any(line.endswith("（来自 --year）") for line in reasons)
    zh = run("import-text", str(many_reasons), "--dry-run", "--format", "json", "--year", "2024").json
    monkeypatch.setenv("LOGBOOK_LANG", "en")
    en = run("import-text", str(many_reasons), "--dry-run", "--format", "json", "--year", "2024").json
    assert [d["why"] for d in zh] == [d["why"] for d in en]
    assert [d["status_detail"] for d in zh] == [d["status_detail"] for d in en]
    assert "same text as article 1" in [d["status_detail"] for d in en]
    assert "no number tied to attendance" in [d["why"].get("participants") for d in en]
