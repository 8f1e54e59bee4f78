"""The hand-made list of gate-rule deletions that `run_mutations.py` applies one at a time.

Each mutant deletes (or switches off) one rule of `docs/gate-process` / the architecture:
`original` is an exact snippet of `file` that must occur exactly once (code moves: a
snippet that no longer matches is reported as stale, never silently skipped), and
`replacement` is the code without the rule. `tests` are the test files tried first (a
quick kill); a mutant they do not kill is run against the whole fast suite before it is
called a survivor.

CONTROL is not a rule: it breaks the package at import, so every test fails. The runner
applies it first and refuses to report if it is not caught (proof that the tests import
the mutated copy, not the editable install in the working tree).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mutant:
    name: str  # short id, unique
    file: str  # relative to the repository root
    original: str  # exact snippet, must occur exactly once in `file`
    replacement: str
    rule: str  # the rule this deletes, in one line
    tests: tuple[str, ...] = ()  # tried first; the whole fast suite if they pass


CONTROL = Mutant(
    "control-import-break",
    "gatekeeper/domain/vocab.py",
    "from __future__ import annotations\n",
    "from __future__ import annotations\n\n"
    "raise ImportError('mutation control: the copy is imported')\n",
    "control: importing the copy's gatekeeper.domain fails",
    ("tests/domain/test_temperature.py",),
)

D = "gatekeeper/domain/"
S = "gatekeeper/services/"
K = "gatekeeper/services/kiosk/"
L = "gatekeeper/ledger/"
SC = "gatekeeper/scanner/"
APPEND_ONLY = "RAISE(ABORT, 'ledger records are append-only'); END\""

T_TEMP = ("tests/domain/test_temperature.py", "tests/domain/test_screening_rules.py")
T_SCREEN = ("tests/domain/test_screening_rules.py",)
T_ID = ("tests/domain/test_identity.py",)
T_RET = ("tests/domain/test_returning.py",)
T_QUAR = ("tests/domain/test_quarantine.py",)
T_ROUNDS = ("tests/domain/test_rounds.py",)
T_GATE = (
    "tests/services/test_services_screening.py",
    "tests/services/test_kiosk_returning_mutation_kills.py",
)
T_KIOSK = (
    "tests/services/test_kiosk_session_rules.py",
    "tests/services/test_kiosk_session.py",
    "tests/services/test_kiosk_returning_mutation_kills.py",
)
T_ACC = (
    "tests/services/test_services_accounts.py",
    "tests/services/test_services_roles.py",
    "tests/services/test_accounts_mutation_kills.py",
)
T_HARD = ("tests/services/test_accounts_hardening.py",)
T_LEDGER = (
    "tests/ledger/test_ledger_tamper.py",
    "tests/ledger/test_ledger_chain.py",
    "tests/ledger/test_ledger_chain_mutation_kills.py",
)
T_PASS = ("tests/scanner/test_scanner_passes.py",)

MUTANTS: tuple[Mutant, ...] = (
    # --- domain: temperature ------------------------------------------------------------
    Mutant(
        "fever-threshold-strict", D + "temperature.py",
        "return round(reading_c, 2) >= round(policy.fever_threshold_c, 2)",
        "return round(reading_c, 2) > round(policy.fever_threshold_c, 2)",
        "a reading of exactly 37.3 °C is a fever (at or above the threshold)", T_TEMP,
    ),
    Mutant(
        "fever-never", D + "temperature.py",
        "return round(reading_c, 2) >= round(policy.fever_threshold_c, 2)",
        "return False",
        "a reading at or above the threshold is a fever at all", T_TEMP,
    ),
    Mutant(
        "plausible-range", D + "temperature.py",
        "return policy.plausible_min_c <= reading_c <= policy.plausible_max_c",
        "return True",
        "a reading outside 34.0–43.0 °C is a measuring error, never a verdict", T_TEMP,
    ),
    Mutant(
        "out-of-range-counts", D + "temperature.py",
        "return verdict != TemperatureVerdict.OUT_OF_RANGE.value",
        "return True",
        "an out-of-range reading never counts as the person's temperature (counts)",
        ("tests/domain/test_temperature.py",),
    ),
    Mutant(
        "remeasures-unlimited", D + "temperature.py",
        "    if fevers_so_far >= policy.max_remeasures:\n",
        "    if False:\n",
        "after max_remeasures re-measures a fever is final (quarantine)", T_TEMP,
    ),
    Mutant(
        "rest-period", D + "screening.py",
        "if self.rest_until is not None and at < self.rest_until:",
        "if False:",
        "a re-measure is refused until the rest time after a fever is over", T_SCREEN,
    ),
    # --- domain: the steps --------------------------------------------------------------
    Mutant(
        "step-order", D + "screening.py",
        "        if self.current_step is not step:\n",
        "        if False:\n",
        "each step is accepted only when it is the current step (the 8 steps in order)",
        T_SCREEN,
    ),
    Mutant(
        "no-certificate", D + "screening.py",
        "        if kind is None or kind == \"\":\n",
        "        if False:\n",
        "no document shown: turned away for no valid health certificate", T_SCREEN,
    ),
    Mutant(
        "certificate-kinds", D + "screening.py",
        "        if kind not in self.policy.certificate_kinds:\n",
        "        if False:\n",
        "a document kind the site does not accept turns the person away", T_SCREEN,
    ),
    Mutant(
        "certificate-expiry", D + "screening.py",
        "        if expires is not None and expires < today:\n",
        "        if False:\n",
        "an expired certificate turns the person away", T_SCREEN,
    ),
    Mutant(
        "driver-vehicle-disinfection", D + "screening.py",
        "        if self.role == DRIVER and not vehicle_too:\n",
        "        if False:\n",
        "a driver's step 3 needs the vehicle disinfected too", T_SCREEN,
    ),
    Mutant(
        "risk-region", D + "screening.py",
        "                if risk is not None:\n",
        "                if False:\n",
        "a stay in a listed risk region within the window: quarantine", T_SCREEN,
    ),
    Mutant(
        "risk-window", D + "screening.py",
        "            if 0 <= (today - stay.last_day).days <= window:\n",
        "            if True:\n",
        "only stays within risk_window_days (14) count", T_SCREEN,
    ),
    Mutant(
        "coming-from-is-a-stay", D + "screening.py",
        "stays = (*registration.recent_stays, Stay(registration.coming_from, today))",
        "stays = registration.recent_stays",
        "where the person comes from counts as a stay until today (risk regions)", T_SCREEN,
    ),
    Mutant(
        "yellow-quarantine", D + "screening.py",
        "        if status is ScanStatus.YELLOW:\n",
        "        if False:\n",
        "a yellow code means quarantine", T_SCREEN,
    ),
    Mutant(
        "red-turned-away", D + "screening.py",
        "        if status is ScanStatus.RED:\n",
        "        if False:\n",
        "a red code means turned away (and reported)", T_SCREEN,
    ),
    Mutant(
        "unreadable-manual-check", D + "screening.py",
        "            self._manual.add(kind)\n",
        "            pass\n",
        "an unreadable or forged scan goes to re-scan or a manager's manual check", T_SCREEN,
    ),
    Mutant(
        "manual-check-only-flagged", D + "screening.py",
        "        if kind not in self._manual:\n",
        "        if False:\n",
        "a manager decides only a scan that was unreadable or forged", T_SCREEN,
    ),
    Mutant(
        "every-scan-required", D + "screening.py",
        "return self._attempt(Step.QR_SCAN, not pending, data, at)",
        "return self._attempt(Step.QR_SCAN, True, data, at)",
        "the QR step passes only once every configured scan is OK", T_SCREEN,
    ),
    Mutant(
        "pass-names-the-person", D + "screening.py",
        "            if self.person_id is not None and self.person_id != person_id:\n",
        "            if False:\n",
        "a returning pass must name the person the screening was started for", T_SCREEN,
    ),
    # --- domain: identity ---------------------------------------------------------------
    Mutant(
        "id-check-digit", D + "identity.py",
        "    if ric.calc_check_digit(number) != number[-1]:\n",
        "    if False:\n",
        "an 18-digit resident ID must have a correct GB 11643 check digit", T_ID,
    ),
    Mutant(
        "id-birth-date", D + "identity.py",
        "    if birth is None or birth > today or _age(birth, today) > MAX_AGE_YEARS:\n",
        "    if False:\n",
        "a resident ID's birth date must be a real date, not in the future", T_ID,
    ),
    Mutant(
        "id-max-age", D + "identity.py",
        "birth > today or _age(birth, today) > MAX_AGE_YEARS:",
        "birth > today:",
        "a resident ID's birth date at most 120 years ago", T_ID,
    ),
    Mutant(
        "phone-valid", D + "identity.py",
        "    if not phonenumbers.is_valid_number(number):\n",
        "    if False:\n",
        "a phone number must be a valid number", T_ID,
    ),
    Mutant(
        "phone-mobile", D + "identity.py",
        "    if phonenumbers.number_type(number) not in _MOBILE_TYPES:\n",
        "    if False:\n",
        "a phone number must be a mobile number", T_ID,
    ),
    Mutant(
        "stay-not-in-future", D + "identity.py",
        "        if last_day > today:\n",
        "        if False:\n",
        "a recent stay cannot end in the future", T_ID,
    ),
    # --- domain: returning path -----------------------------------------------------------
    Mutant(
        "returning-registered", D + "returning.py",
        "        if not registered or worker_pass is None:\n",
        "        if worker_pass is None:\n",
        "only a registered person may take the returning path", T_RET,
    ),
    Mutant(
        "returning-revoked", D + "returning.py",
        "        if worker_pass.revoked:\n",
        "        if False:\n",
        "a revoked pass sends the person down the first-time path", T_RET,
    ),
    Mutant(
        "returning-expired", D + "returning.py",
        "        if today > worker_pass.last_valid_day(policy) or today < worker_pass.issued_on:\n",
        "        if False:\n",
        "an expired pass sends the person down the first-time path", T_RET,
    ),
    Mutant(
        "returning-pledges", D + "returning.py",
        "        if not pledges_in_force(pledges_signed_on, today, policy):\n",
        "        if False:\n",
        "lapsed pledges send the person down the first-time path", T_RET,
    ),
    Mutant(
        "pledge-validity-days", D + "returning.py",
        "0 <= (today - signed_on).days < policy.pledge_validity_days",
        "0 <= (today - signed_on).days",
        "pledges lapse after pledge_validity_days", T_RET,
    ),
    # --- domain: quarantine and rounds ----------------------------------------------------
    Mutant(
        "quarantine-reason", D + "quarantine.py",
        "if parsed is None or REASON_OUTCOME[parsed] is not Outcome.QUARANTINED:",
        "if parsed is None:",
        "a quarantine case opens only for a quarantine reason", T_QUAR,
    ),
    Mutant(
        "quarantine-due-date", D + "quarantine.py",
        "return self.start_date + timedelta(days=self.policy.quarantine_days)",
        "return self.start_date + timedelta(days=365)",
        "a case is due for a decision quarantine_days after its start", T_QUAR,
    ),
    Mutant(
        "quarantine-overdue", D + "quarantine.py",
        "return self.is_open and self._local_date(now) > self.due_date",
        "return False",
        "an open case past its due date is overdue", T_QUAR,
    ),
    Mutant(
        "quarantine-one-release", D + "quarantine.py",
        "        if self.release_record is not None:\n",
        "        if False:\n",
        "a case has exactly one release decision; nothing is recorded after it", T_QUAR,
    ),
    Mutant(
        "quarantine-release-reason", D + "quarantine.py",
        "record = QuarantineRelease(decision, validate_text(reason, \"reason\", 500),",
        "record = QuarantineRelease(decision, str(reason),",
        "a release needs a reason", T_QUAR,
    ),
    Mutant(
        "quarantine-check-plausible", D + "quarantine.py",
        "        if not is_plausible(reading, self.policy):\n",
        "        if False:\n",
        "an implausible reading during quarantine is refused (measure again)", T_QUAR,
    ),
    Mutant(
        "round-fever", D + "rounds.py",
        "    if is_fever(reading_c, policy):\n",
        "    if False:\n",
        "a fever on a temperature round means quarantine", T_ROUNDS,
    ),
    Mutant(
        "round-plausible", D + "rounds.py",
        "    if not is_plausible(reading_c, policy):\n",
        "    if False:\n",
        "an implausible round reading is re-measured, not recorded", T_ROUNDS,
    ),
    Mutant(
        "round-missing", D + "rounds.py",
        "return set(on_site_person_ids) - set(checked_ids)",
        "return set()",
        "everyone on site without a reading in a round is listed (nobody skipped)", T_ROUNDS,
    ),
    Mutant(
        "zones-missing", D + "rounds.py",
        "return {(z, s) for z in Zone for s in RoundSlot} - done",
        "return set()",
        "every zone is disinfected in both slots: the gaps are listed", T_ROUNDS,
    ),
    Mutant(
        "vehicle-driver-not-admitted", D + "vehicle.py",
        "        if driver.outcome is not Outcome.ADMITTED:\n",
        "        if False:\n",
        "a goods vehicle whose driver is not admitted is turned away",
        ("tests/domain/test_vehicle.py",),
    ),
    # --- services -----------------------------------------------------------------------
    Mutant(
        "closed-loop-quarantine-person", S + "gate.py",
        "            if person_id is None:\n",
        "            if False:\n",
        "a quarantine is never written without a registered person (closed loop)", T_GATE,
    ),
    Mutant(
        "id-number-keeps-person-id", S + "gate.py",
        "person_id = known.person_id if known else (screening.person_id or self.new_id())",
        "person_id = screening.person_id or self.new_id()",
        "a known ID number keeps its person id", T_GATE,
    ),
    Mutant(
        "gate-revoked-pass", S + "gate.py",
        "revoked = history.revocation_of(latest) is not None or history.holder_purged(",
        "revoked = history.holder_purged(",
        "a pass_revoked record makes the worker's latest pass revoked (returning eligibility)",
        T_GATE,
    ),
    Mutant(
        "round-fever-opens-case", S + "gate.py",
        "            if verdict.reason is not None:\n",
        "            if False:\n",
        "a fever on a round opens a quarantine case in the ledger", T_GATE,
    ),
    Mutant(
        "kiosk-returning-eligibility", K + "session.py",
        "        if not eligibility.eligible:\n",
        "        if False:\n",
        "the kiosk sends a person who may not take the returning path down the first-time path",
        T_KIOSK,
    ),
    Mutant(
        "kiosk-quarantine-registration", K + "session.py",
        "        if (result.outcome is Outcome.QUARANTINED and s.registration is None\n",
        "        if (False\n",
        "the kiosk asks for a registration at the isolation room before writing a quarantine",
        T_KIOSK,
    ),
    Mutant(
        "pass-not-issued", S + "passes.py",
        "        if issued_seq is None:\n",
        "        if False:\n",
        "a pass this ledger never issued is refused (verify)",
        ("tests/services/test_kiosk_session_rules.py",),
    ),
    Mutant(
        "pass-revoked", S + "passes.py",
        "        if revoked_after:\n",
        "        if False:\n",
        "a revoked pass is refused (verify)",
        ("tests/services/test_kiosk_session_rules.py",),
    ),
    Mutant(
        "pass-superseded", S + "passes.py",
        "        if newer is not None:\n            raise PassRejected(PassProblem.SUPERSEDED",
        "        if False:\n            raise PassRejected(PassProblem.SUPERSEDED",
        "a pass is refused once a newer pass was issued to its holder (verify)",
        ("tests/services/test_services_rule_gaps.py", "tests/services/test_passes_revocation.py"),
    ),
    Mutant(
        "pass-holder-purged", S + "passes.py",
        "        if history.holder_purged(issued, person):\n",
        "        if False:\n",
        "a pass whose holder's registration a purge erased is refused (verify)",
        ("tests/services/test_passes_revocation.py",),
    ),
    Mutant(
        "kiosk-pass-ledger-check", K + "scans.py",
        "        passes.verify(text, today)\n",
        "        pass\n",
        "a site pass scanned at the QR step is checked against the ledger (issued, in force)",
        T_KIOSK,
    ),
    Mutant(
        "kiosk-pass-owner", K + "scans.py",
        "    if not pass_is_theirs(gate, s, reading.person_id):\n",
        "    if False:\n",
        "a site pass scanned at the QR step must name the person screened", T_KIOSK,
    ),
    Mutant(
        "scan-text-not-stored", K + "session.py",
        "detail = scans.scan_detail(reading)",
        "detail = raw",
        "the ledger keeps what a scan said (scan_detail), never the scanned text", T_KIOSK,
    ),
    Mutant(
        "kiosk-rollback", K + "session.py",
        "        self._held = None\n        self._restore(snap)\n",
        "        self._held = None\n",
        "a refused page call puts the screening back as it was (_restore in _rollback)",
        ("tests/services/test_kiosk_session_failures.py",),
    ),
    Mutant(
        "acting-requires-role", S + "accounts.py",
        "    by.require(action)\n    return by\n",
        "    return by\n",
        "every guarded service call checks the actor's role first (acting)", T_ACC,
    ),
    Mutant(
        "require-refuses", S + "accounts.py",
        "    if can(role, action):\n        return\n",
        "    return\n",
        "require raises not_allowed for a role without the permission", T_ACC,
    ),
    Mutant(
        "permissions-gate-staff", S + "accounts.py",
        "    Role.GATE_STAFF: frozenset({Action.RUN_GATE}),\n",
        "    Role.GATE_STAFF: frozenset(Action),\n",
        "gate staff may only run the gate (PERMISSIONS)", T_ACC,
    ),
    Mutant(
        "permissions-inspector-read-only", S + "accounts.py",
        "Role.INSPECTOR: _READ | {Action.EXPORT, Action.EXPORT_FULL, Action.INSPECTION_REPORT},",
        "Role.INSPECTOR: _READ | {Action.EXPORT, Action.EXPORT_FULL, Action.INSPECTION_REPORT,"
        " Action.CORRECTION, Action.QUARANTINE_RELEASE, Action.PASSES},",
        "inspectors see everything and change nothing (PERMISSIONS)", T_ACC,
    ),
    Mutant(
        "permissions-manager-masked-export", S + "accounts.py",
        "        Action.EXPORT,\n        Action.INSPECTION_REPORT,\n",
        "        Action.EXPORT,\n        Action.EXPORT_FULL,\n        Action.INSPECTION_REPORT,\n",
        "a site manager's export is masked: unmasked ID numbers are the inspector's (PERMISSIONS)",
        T_ACC,
    ),
    Mutant(
        "first-account-manager", S + "accounts.py",
        "    if needs_first_manager(ledger) and role is not Role.SITE_MANAGER:\n",
        "    if False:\n",
        "the first account must be a site manager", T_ACC,
    ),
    Mutant(
        "lockout-after-failures", S + "accounts.py",
        "    if failures % MAX_FAILURES == 0:\n",
        "    if False:\n",
        "five wrong PINs in a row lock the account", T_ACC,
    ),
    Mutant(
        "lockout-refuses", S + "accounts.py",
        "        if now < until:\n",
        "        if False:\n",
        "while locked every PIN is refused", T_ACC,
    ),
    Mutant(
        "lockout-clock-set-back", S + "accounts.py",
        "        if until - now > longest:  # the clock was set back: at most its round from now\n",
        "        if False:\n",
        "a clock set back cannot stretch a lockout beyond its round's length from now", T_ACC,
    ),
    Mutant(
        "change-other-pin-needs-manager", S + "accounts.py",
        "    if by.username != username:\n        acting(by, Action.ACCOUNTS)\n",
        "",
        "only a site manager sets someone else's PIN", T_ACC,
    ),
    Mutant(
        "kiosk-pin-lockout", S + "kiosk_pin.py",
        "        if state[\"failures\"] % MAX_FAILURES == 0:\n",
        "        if False:\n",
        "five wrong kiosk PINs in a row lock the kiosk", ("tests/services/test_kiosk_pin.py",),
    ),
    Mutant(
        "kiosk-pin-locked-refuses", S + "kiosk_pin.py",
        "            if now < until:\n                return False\n",
        "",
        "while the kiosk is locked every PIN is refused", ("tests/services/test_kiosk_pin.py",),
    ),
    Mutant(
        "kiosk-pin-clock-set-back", S + "kiosk_pin.py",
        "            if until - now > longest:\n",
        "            if False:\n",
        "a clock set back cannot stretch the kiosk's lockout beyond its round's length from now",
        ("tests/services/test_kiosk_pin.py",),
    ),
    # --- sign-in hardening (tests/services/test_accounts_hardening.py) ---------------------
    Mutant(
        "lockout-grows", S + "accounts.py",
        "        until = now + lockout_for(failures // MAX_FAILURES)\n",
        "        until = now + LOCKOUT\n",
        "each further round of wrong PINs locks an account for twice as long", T_HARD,
    ),
    Mutant(
        "lockout-round-kept", S + "accounts.py",
        "        changes[\"locked_until\"] = None  # over; the count stays: the next lock is "
        "longer\n",
        "        changes.update(locked_until=None, failures=0)\n        failures = 0\n",
        "a lockout's end keeps the count, so the next lockout is the next round's", T_HARD,
    ),
    Mutant(
        "lockout-capped", S + "kiosk_pin.py",
        "    return min(longer, MAX_LOCKOUT)\n",
        "    return longer\n",
        "a lockout lasts at most MAX_LOCKOUT (24 h)", T_HARD,
    ),
    Mutant(
        "kiosk-pin-lockout-grows", S + "kiosk_pin.py",
        "            state[\"locked_until\"] = (now + lockout_for(rounds)).isoformat()\n",
        "            state[\"locked_until\"] = (now + LOCKOUT).isoformat()\n",
        "each further round of wrong kiosk PINs locks the kiosk for twice as long", T_HARD,
    ),
    Mutant(
        "kiosk-pin-round-kept", S + "kiosk_pin.py",
        "            state[\"locked_until\"] = None  # the lockout is over: a fresh set of tries, "
        "but\n",
        "            state[\"locked_until\"] = None\n            state[\"failures\"] = 0\n",
        "the kiosk lockout's end keeps the count, so the next lockout is longer", T_HARD,
    ),
    Mutant(
        "role-pin-minimum", S + "accounts.py",
        "    if len(pin) < least:\n",
        "    if False:\n",
        "site managers and inspectors need PINs of at least 6 digits", T_HARD,
    ),
    Mutant(
        "role-pin-minimum-on-change", S + "accounts.py",
        "    validate_account_pin(new_pin, row.role)\n",
        "",
        "a PIN change or reset keeps the role's minimum", T_HARD,
    ),
    Mutant(
        "unknown-user-dummy-hash", S + "accounts.py",
        "        _matches(pin, _DUMMY_SALT, _DUMMY_HASH)  # the time a real account's check "
        "takes\n",
        "",
        "an unknown username costs the same scrypt as a wrong PIN", T_HARD,
    ),
    Mutant(
        "unknown-user-same-answer", S + "accounts.py",
        "        ledger.append(_sign_in_record(now, None, \"unknown_account\"))\n"
        "        raise _wrong()\n",
        "        ledger.append(_sign_in_record(now, None, \"unknown_account\"))\n"
        "        raise LocalizedError(\"unknown_account\", UNKNOWN_ACCOUNT,\n"
        "                             {\"username\": username})\n",
        "an unknown username gets the wrong PIN's answer, not 'no account named X'", T_HARD,
    ),
    Mutant(
        "lockout-reset-on-success", S + "accounts.py",
        "            changes.update(failures=0, locked_until=None)\n",
        "            changes.update(locked_until=None)\n",
        "a right PIN resets the count: the next lockout is a first round again", T_HARD,
    ),
    Mutant(
        "kiosk-pin-reset-on-success", S + "kiosk_pin.py",
        "            if dirty or state[\"failures\"]:\n                state[\"failures\"] = 0\n",
        "            if dirty or state[\"failures\"]:\n",
        "a right kiosk PIN resets the count: the next lockout is a first round again", T_HARD,
    ),
    Mutant(
        "scrypt-cost-raised", S + "kiosk_pin.py",
        "SCRYPT_N = 2**16\n",
        "SCRYPT_N = 2**14\n",
        "new PIN hashes use the measured cost (n=2**16), not the old 2**14", T_HARD,
    ),
    Mutant(
        "old-hash-upgraded", S + "accounts.py",
        "        if _outdated(row.pin_hash) and not short:  # re-hash at today's cost\n",
        "        if False:\n",
        "a right PIN on an old-cost hash re-hashes it at today's cost", T_HARD,
    ),
    # --- ledger -------------------------------------------------------------------------
    Mutant(
        "verify-prev-hash", L + "verify.py",
        "            if prev != last[1]:\n",
        "            if False:\n",
        "verify: a record's prev_hash is its kiosk's previous hash (chain link)", T_LEDGER,
    ),
    Mutant(
        "verify-genesis", L + "verify.py",
        "            if prev != genesis:\n",
        "            if False:\n",
        "verify: a kiosk's first record links to the genesis hash", T_LEDGER,
    ),
    Mutant(
        "verify-hash", L + "verify.py",
        "        if sha(pre).hexdigest() != digest_h:\n",
        "        if False:\n",
        "verify: a record's hash matches its content (edited)", T_LEDGER,
    ),
    Mutant(
        "verify-personal-digest", L + "verify.py",
        "                or sha(salt + personal.encode(\"utf-8\")).hexdigest() != pdigest\n",
        "                or False\n",
        "verify: personal fields match their digest", T_LEDGER,
    ),
    Mutant(
        "verify-kiosk-seq", L + "verify.py",
        "            if kseq != last[0] + 1:\n",
        "            if False:\n",
        "verify: a kiosk's sequence has no gap (a record deleted)", T_LEDGER,
    ),
    Mutant(
        "verify-newest-missing", L + "verify.py",
        "        if kseq < head.kiosk_seq:\n",
        "        if False:\n",
        "verify: the chain head catches a deleted newest record", T_LEDGER,
    ),
    Mutant(
        "guard-no-delete", L + "schema.py",
        "BEFORE DELETE ON records \"\n        \"BEGIN SELECT " + APPEND_ONLY,
        "BEFORE DELETE ON records \"\n        \"BEGIN SELECT 1; END\"",
        "the ledger refuses to delete a record (trigger)", T_LEDGER,
    ),
    Mutant(
        "guard-no-update", L + "schema.py",
        "BEFORE UPDATE OF {frozen} ON records \"\n        \"BEGIN SELECT " + APPEND_ONLY,
        "BEFORE UPDATE OF {frozen} ON records \"\n        \"BEGIN SELECT 1; END\"",
        "the ledger refuses to update a record's chained columns (trigger)", T_LEDGER,
    ),
    Mutant(
        "guard-purge-only", L + "schema.py",
        "\"BEGIN SELECT RAISE(ABORT, 'personal fields can only be purged'); END\"",
        "\"BEGIN SELECT 1; END\"",
        "personal fields may only change to NULL (purge) (trigger)", T_LEDGER,
    ),
    Mutant(
        "hash-covers-corrects", L + "columns.py",
        "Column(\"corrects\", \"TEXT\", Cover.FIELD, Source.CALLER),",
        "Column(\"corrects\", \"TEXT\", Cover.NONE, Source.CALLER),",
        "the hash covers the corrects column (which record a correction corrects)",
        T_LEDGER,
    ),
    Mutant(
        "hash-covers-reason", L + "columns.py",
        "Column(\"reason\", \"TEXT\", Cover.FIELD, Source.CALLER, query=True),",
        "Column(\"reason\", \"TEXT\", Cover.NONE, Source.CALLER, query=True),",
        "the hash covers the reason column (why a person was turned away or quarantined)",
        T_LEDGER,
    ),
    # --- scanner ------------------------------------------------------------------------
    Mutant(
        "pass-signature", SC + "passes.py",
        "        public.verify(site_pass.signature, site_pass.signed_part.encode(\"ascii\"))\n",
        "        pass\n",
        "a site pass's Ed25519 signature must verify (forged)", T_PASS,
    ),
    Mutant(
        "pass-expiry", SC + "passes.py",
        "    if today > site_pass.valid_until:\n",
        "    if False:\n",
        "an expired site pass is refused", T_PASS,
    ),
    Mutant(
        "health-code-expiry", SC + "payloads.py",
        "        if until is not None and until < today:\n",
        "        if False:\n",
        "a health code past its valid-until day is unreadable, never green",
        ("tests/scanner/test_scanner_payloads.py",),
    ),
    # --- trust: anchors, projections, outputs, registration (this session's rules) -------
    Mutant(
        "anchor-check", L + "anchors.py",
        "        if found != anchor.hash:\n",
        "        if False:\n",
        "an anchor (a head written down earlier) must still be in the chain with its hash",
        ("tests/ledger/test_ledger_anchors.py",),
    ),
    Mutant(
        "people-projection", L + "verify.py",
        "    person = projections.people_difference(conn)\n",
        "    person = None\n",
        "verify rebuilds the people table from the chain (a renamed person is tampering)",
        ("tests/ledger/test_ledger_anchors.py",),
    ),
    Mutant(
        "account-projection", L + "verify.py",
        "    account = projections.account_difference(conn)\n",
        "    account = None\n",
        "verify checks every account against its chained record (role, name)",
        ("tests/ledger/test_ledger_anchors.py",),
    ),
    Mutant(
        "erasure-needs-purge", L + "verify.py",
        "    erased = projections.unrecorded_erasure(conn)\n",
        "    erased = None\n",
        "personal fields may be gone only where a purge record covers the day",
        ("tests/ledger/test_ledger_chain_mutation_kills.py", "tests/ledger/test_ledger_pinned.py"),
    ),
    Mutant(
        "output-not-a-database", S + "atomic.py",
        "    if is_sqlite_file(target):\n        raise OutputRefused(target, \"is_database\")\n",
        "",
        "an output path that is a database (the ledger, a backup) is refused",
        ("tests/cli/test_cli_outputs.py",),
    ),
    Mutant(
        "output-owner-only", S + "atomic.py",
        "    create_owner_only(tmp)\n    try:\n        yield tmp\n"
        "        os.chmod(tmp, OWNER_ONLY)  # a writer that replaced the file made a new one\n",
        "    tmp.touch()\n    try:\n        yield tmp\n",
        "every output file is created readable by its owner only",
        ("tests/cli/test_cli_outputs.py",),
    ),
    Mutant(
        "csv-formula", S + "exports.py",
        "    if runs_as_formula(value):\n        return \"'\" + value",
        "    if False:\n        return \"'\" + value",
        "a CSV cell a spreadsheet would run as a formula is written as text",
        ("tests/cli/test_cli_outputs.py",),
    ),
    Mutant(
        "kiosk-name-conflict", K + "session.py",
        "        if known is None or values.get(\"confirm_name\") == registration.name:\n",
        "        if True:\n",
        "a known ID number typed with another name needs staff's deliberate choice",
        ("tests/services/test_kiosk_session_rules.py",),
    ),
    Mutant(
        "kiosk-no-waving-through", K + "scans.py",
        "    if read_by_kiosk and previous.get(\"status\") != ScanStatus.OK.value:\n",
        "    if False:\n",
        "staff cannot mark OK a site pass the kiosk read and refused",
        ("tests/services/test_kiosk_scan_rule_gaps.py",),
    ),
    Mutant(
        "kiosk-manual-check-by-manager", K + "session.py",
        "                manager = acting(by, Action.MANUAL_CHECK)\n",
        "                manager = by\n",
        "a manual check at the QR step is decided by a signed-in site manager",
        ("tests/services/test_kiosk_scan_rule_gaps.py",),
    ),
    Mutant(
        "closed-loop-rounds", S + "gate.py",
        "        if self.ledger.get_person(person_id) is None:\n"
        "            raise LocalizedError(\"unknown_person\", UNKNOWN_PERSON, "
        "{\"person_id\": person_id})\n\n    def start_quarantine(",
        "        return\n\n    def start_quarantine(",
        "rounds and quarantine cases only for registered people (the closed loop)",
        ("tests/services/test_services_rule_gaps.py",),
    ),
    Mutant(
        "kiosk-step-rollback", K + "session.py",
        "    def _rollback(self, snap: _Snapshot) -> None:\n        self._held = None\n"
        "        self._restore(snap)\n",
        "    def _rollback(self, snap: _Snapshot) -> None:\n        self._held = None\n",
        "a refused write leaves the screening as it was before the press",
        ("tests/services/test_kiosk_session_failures.py",),
    ),
    Mutant(
        "purge-reaches-backups", S + "retention.py",
        "    backups, failed = _backups_of(ledger, folders)\n",
        "    backups, failed = _backups_of(ledger, ())\n",
        "a purge erases the same personal fields in every backup of the ledger it is given",
        ("tests/services/test_services_purge_backups.py",),
    ),
    Mutant(
        "purge-one-transaction", L + "store.py",
        "            [stored] = self._append_in(conn, [prepare(make_record(n, drafts))])\n"
        "        return stored,",
        "        [stored] = self._append_in(self._conn, [prepare(make_record(n, drafts))])\n"
        "        return stored,",
        "a purge's erasure and its record are one transaction",
        ("tests/services/test_services_purge_transaction.py",),
    ),
)
