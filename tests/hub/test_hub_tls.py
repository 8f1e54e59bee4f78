"""A hub on another machine is only reached with its certificate checked: a server of
our own with TLS (a CA and a certificate for hub.test made here), reached by name."""

from __future__ import annotations

import datetime as dt
import os
import pwd
from collections.abc import Iterator
from pathlib import Path

import pg_cluster
import psycopg
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from gatekeeper.hub import dsn as dsns
from gatekeeper.hub.client import Hub
from gatekeeper.hub.errors import HubUnreachableError, InsecureHubError


def _cert(subject: str, issuer_key, issuer_name, key, *, ca: bool, dns: str | None = None):
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if dns:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(dns)]),
                                        critical=False)  # fmt: skip
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(obj) -> bytes:
    if isinstance(obj, x509.Certificate):
        return obj.public_bytes(serialization.Encoding.PEM)
    return obj.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())  # fmt: skip


def _ca(tmp: Path, name: str):
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    cert = _cert(name, key, subject, key, ca=True)
    (tmp / f"{name}.pem").write_bytes(_pem(cert))
    return key, cert


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory) -> Iterator[tuple[pg_cluster.Server, Path]]:
    if os.environ.get(pg_cluster.ENV):
        pytest.skip("needs a server of our own to give it a certificate")
    server = pg_cluster.start_cluster()
    tmp = tmp_path_factory.mktemp("tls")
    try:
        ca_key, ca_cert = _ca(tmp, "site-ca")
        _ca(tmp, "other-ca")
        key = ec.generate_private_key(ec.SECP256R1())
        cert = _cert("hub.test", ca_key, ca_cert.subject, key, ca=False, dns="hub.test")
        data = server.folder / "data"
        (data / "server.crt").write_bytes(_pem(cert))
        (data / "server.key").write_bytes(_pem(key))
        os.chmod(data / "server.key", 0o600)
        if os.geteuid() == 0:
            info = pwd.getpwnam("postgres")
            for name in ("server.crt", "server.key"):
                os.chown(data / name, info.pw_uid, info.pw_gid)
        with psycopg.connect(server.admin_dsn, autocommit=True) as conn:
            conn.execute("ALTER SYSTEM SET ssl = on")
            conn.execute("SELECT pg_reload_conf()")
        yield server, tmp
    finally:
        pg_cluster.remove(server)


def _by_name(server: pg_cluster.Server, **extra: str) -> str:
    """The hub as another machine would name it: hub.test (reached on loopback)."""
    return make_conninfo(server.new_database(), host="hub.test", hostaddr="127.0.0.1", **extra)


def test_a_hub_by_name_is_reached_with_its_certificate_checked(tls_server) -> None:
    server, tmp = tls_server
    dsn = _by_name(server, sslrootcert=str(tmp / "site-ca.pem"))
    assert conninfo_to_dict(dsns.effective(dsn))["sslmode"] == "verify-full"
    hub = Hub.connect(dsn, check=False)
    try:
        assert hub.connection.info.pgconn.ssl_in_use
    finally:
        hub.close()


def test_a_certificate_from_another_ca_is_refused(tls_server) -> None:
    server, tmp = tls_server
    dsn = _by_name(server, sslrootcert=str(tmp / "other-ca.pem"))
    with pytest.raises(HubUnreachableError) as refused:
        Hub.connect(dsn, check=False)
    assert "certificate" in refused.value.message("en")
    assert str(conninfo_to_dict(dsn)["password"]) not in refused.value.message("en")


def test_a_weaker_mode_for_another_machine_is_refused_before_connecting(tls_server) -> None:
    server, _tmp = tls_server
    for mode in ("disable", "prefer", "require", "verify-ca"):
        with pytest.raises(InsecureHubError):
            Hub.connect(_by_name(server, sslmode=mode), check=False)


def test_loopback_and_unix_sockets_need_no_tls() -> None:
    for dsn in ("host=127.0.0.1 dbname=x", "host=/var/run/postgresql dbname=x",
                "postgresql://localhost/x", "dbname=x", "host=::1 dbname=x"):  # fmt: skip
        assert dsns.effective(dsn) == dsn
    assert not dsns.is_local("host=hub.test hostaddr=127.0.0.1 dbname=x")
    assert not dsns.is_local("host=localhost hostaddr=10.0.0.5 dbname=x")
