"""The community registry: add, list, rename, remove."""

from conftest import add, run


def test_add_and_list_in_pinyin_order(registry):
    result = run("community", "list", "--format", "json")
    names = [c["name"] for c in result.json]
    assert names == ["安贞里社区", "安贞西里社区", "和平街一社区", "和平街十一社区", "黄寺社区"]
    assert result.json[1] == {"name": "安贞西里社区", "street": "安贞街道", "aliases": ["安贞西里"], "activities": 0}
    table = run("community", "list").stdout
    assert "安贞西里社区" in table and "安贞街道" in table


def test_add_refuses_a_name_or_alias_already_taken(registry, db_path):
    before = db_path.read_bytes()
    dup = run("community", "add", "安贞西里")
    assert dup.exit_code == 2
    assert "already names the registered community 安贞西里社区" in dup.stderr
    clash = run("community", "add", "新社区", "--alias", "黄寺社区")
    assert clash.exit_code == 2
    assert db_path.read_bytes() == before


def test_add_again_updates_aliases(registry):
    assert run("community", "add", "黄寺社区", "--alias", "黄寺").exit_code == 0
    [c] = [c for c in run("community", "list", "--format", "json").json if c["name"] == "黄寺社区"]
    assert c["aliases"] == ["黄寺"]


def test_community_resolves_aliases_and_traditional(registry):
    add("a", "--community", "安貞西裡社區")
    add("b", "--community", "安贞西里")
    records = run("list", "--format", "json").json
    assert all(r["communities"] == ["安贞西里社区"] and r["street"] == "安贞街道" for r in records)


def test_rename_rewrites_records(registry):
    one = add("a", "--community", "黄寺社区", "--community", "安贞里社区")
    result = run("community", "rename", "黄寺社区", "黄寺新社区")
    assert result.exit_code == 0, result.stderr
    assert "1 activity rewritten" in result.stderr
    rec = run("show", one, "--format", "json").json
    assert rec["communities"] == ["黄寺新社区", "安贞里社区"]
    # the old name stays as an alias, so old habits still resolve
    add("b", "--community", "黄寺社区")
    assert run("list", "--format", "json").json[0]["communities"] == ["黄寺新社区"]


def test_rename_unknown(registry):
    result = run("community", "rename", "不存在社区", "新")
    assert result.exit_code == 1
    assert result.stderr == "Error: no registered community '不存在社区'\n"


def test_remove_refuses_while_used_unless_forced(registry):
    add("a", "--community", "黄寺社区")
    refused = run("community", "remove", "黄寺社区")
    assert refused.exit_code == 1
    assert "used by 1 activity;" in refused.stderr
    forced = run("community", "remove", "黄寺社区", "--force")
    assert forced.exit_code == 0
    assert "黄寺社区" not in [c["name"] for c in run("community", "list", "--format", "json").json]
    assert run("community", "remove", "安贞里社区").exit_code == 0
