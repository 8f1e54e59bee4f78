"""`pass issue` for a known ID number under another name is refused, never merged."""

from __future__ import annotations

from cli_support import add_accounts, as_user, chain, one_line_error

from gatekeeper.ledger import Ledger


def test_a_known_id_number_with_another_name_issues_nothing(tmp_path) -> None:
    db = tmp_path / "l.sqlite3"
    Ledger.open(db, create=True).close()
    add_accounts(db)
    first = as_user(db, "boss", "pass", "issue", "--db", db, "--name", "张伟",
                    "--id-number", "G12345678", "--phone", "13900139000",
                    "-o", tmp_path / "a.png")  # fmt: skip
    assert first.exit_code == 0, first.output
    before = chain(db)
    again = as_user(db, "boss", "pass", "issue", "--db", db, "--name", "李四",
                    "--id-number", "G12345678", "-o", tmp_path / "b.png")  # fmt: skip
    assert again.exit_code == 1
    line = one_line_error(again.stderr)
    assert "registered as 张伟, not 李四" in line and "nothing was issued" in line
    added = [kind for _uuid, kind, _hash in chain(db)[len(before):]]
    assert added == ["sign_in"]  # the sign-in attempt only: no person, no pass
    assert not (tmp_path / "b.png").exists()
    with Ledger.open(db, readonly=True) as ledger:
        assert ledger.find_person("passport", "G12345678").name == "张伟"
