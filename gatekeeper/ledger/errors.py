"""Errors the ledger raises, each readable by a person in English and Chinese.

Every message says what is wrong and what to do, because the person reading it is a
gate guard or an inspector, not the programmer.
"""

from __future__ import annotations

import sqlite3
from typing import Any, ClassVar

from gatekeeper.domain.i18n import LocalizedError, Text


class LedgerError(LocalizedError):
    """Base of every ledger error; subclasses fix the code and the text."""

    CODE: ClassVar[str] = "ledger.error"
    TEXT: ClassVar[Text] = Text(
        en="The ledger {path} could not be used: {detail}. Check the disk and try again.",
        zh_CN="无法使用台账 {path}：{detail}。请检查磁盘后重试。",
    )

    def __init__(self, text: Text | None = None, **params: Any) -> None:
        super().__init__(self.CODE, text or self.TEXT, params)


class DirectoryMissingError(LedgerError):
    CODE = "ledger.directory_missing"
    TEXT = Text(
        en="The folder {directory} for the ledger does not exist. "
        "Create it or choose another location for the ledger.",
        zh_CN="台账所在的文件夹 {directory} 不存在。请先创建该文件夹，或为台账选择其他位置。",
    )


class LedgerNotFoundError(LedgerError):
    CODE = "ledger.not_found"
    TEXT = Text(
        en="There is no ledger at {path}. Check the path, or allow creating a new ledger.",
        zh_CN="{path} 处没有台账。请检查路径，或允许新建台账。",
    )


class ReadOnlyLedgerError(LedgerError):
    CODE = "ledger.read_only"
    TEXT = Text(
        en="The ledger {path} cannot be written: {detail}. Give this program write access "
        "to the file and its folder, or move the ledger to a writable folder.",
        zh_CN="无法写入台账 {path}：{detail}。请授予本程序对该文件及其文件夹的写权限，"
        "或将台账移到可写的文件夹。",
    )


class DiskFullError(LedgerError):
    CODE = "ledger.disk_full"
    TEXT = Text(
        en="The disk holding the ledger {path} is full; nothing was written. "
        "Free some space (or move the ledger to a larger disk) and try again.",
        zh_CN="台账 {path} 所在磁盘已满，本次未写入任何内容。"
        "请释放空间（或将台账移到更大的磁盘）后重试。",
    )


class LedgerBusyError(LedgerError):
    CODE = "ledger.busy"
    TEXT = Text(
        en="The ledger {path} is locked by another program; nothing was written. "
        "Close other programs using it and try again.",
        zh_CN="台账 {path} 正被其他程序锁定，本次未写入任何内容。"
        "请关闭正在使用它的其他程序后重试。",
    )


class NewerLedgerError(LedgerError):
    CODE = "ledger.newer_version"
    TEXT = Text(
        en="The ledger {path} was written by a newer GateKeeper (schema version {found}; "
        "this program knows up to {known}). It was left untouched. Update GateKeeper to open it.",
        zh_CN="台账 {path} 由更新版本的 GateKeeper 写入"
        "（结构版本 {found}，本程序最高支持 {known}）。"
        "文件未作任何改动。请升级 GateKeeper 后再打开。",
    )


class OutdatedLedgerError(LedgerError):
    CODE = "ledger.needs_upgrade"
    TEXT = Text(
        en="The ledger {path} has schema version {found} and needs an upgrade to {known}, "
        "which cannot happen read-only. Open it once for writing to upgrade it.",
        zh_CN="台账 {path} 的结构版本为 {found}，需要升级到 {known}，只读方式下无法升级。"
        "请以可写方式打开一次以完成升级。",
    )


class NotALedgerError(LedgerError):
    CODE = "ledger.not_a_ledger"
    TEXT = Text(
        en="The file {path} is not a GateKeeper ledger ({detail}). It was left untouched. "
        "Choose the ledger file, or a new file name to start a new ledger.",
        zh_CN="文件 {path} 不是 GateKeeper 台账（{detail}）。文件未作任何改动。"
        "请选择台账文件，或输入新的文件名以新建台账。",
    )


class InvalidRecordError(LedgerError):
    CODE = "ledger.invalid_record"
    TEXT = Text(
        en="A record could not be written because {field} is invalid: {detail}. "
        "Nothing was written; correct the value and try again.",
        zh_CN="记录无法写入，因为 {field} 无效：{detail_zh}。本次未写入任何内容；请更正后重试。",
    )


class DuplicateRecordError(LedgerError):
    CODE = "ledger.duplicate_record"
    TEXT = Text(
        en="A record with uuid {uuid} is already in the ledger; nothing was written. "
        "Give each record its own uuid (or leave it empty to get a new one).",
        zh_CN="台账中已有 uuid 为 {uuid} 的记录，本次未写入任何内容。"
        "请为每条记录使用不同的 uuid（或留空以自动生成）。",
    )


class AccountExistsError(LedgerError):
    CODE = "ledger.account_exists"
    TEXT = Text(
        en="There is already an account named {username}; nothing was written. "
        "Choose another username.",
        zh_CN="已有用户名为 {username} 的账户，本次未写入任何内容。请换一个用户名。",
    )


def from_sqlite(error: sqlite3.Error, path: str) -> LedgerError:
    """Translate an sqlite3 error into the ledger error a person can act on."""
    detail = str(error)
    low = detail.lower()
    if "disk is full" in low or "database or disk is full" in low:
        return DiskFullError(path=path)
    if "readonly" in low or "read-only" in low:
        return ReadOnlyLedgerError(path=path, detail=detail)
    if "unable to open" in low:
        return ReadOnlyLedgerError(path=path, detail=detail)
    if "locked" in low or "busy" in low:
        return LedgerBusyError(path=path)
    if "not a database" in low or "malformed" in low:
        return NotALedgerError(path=path, detail=detail)
    return LedgerError(path=path, detail=detail)
