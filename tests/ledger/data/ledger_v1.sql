-- A version-1 ledger written by the code before the column declaration (commit a45586a):
-- 8 records of kiosk gate-legacy, the 2024-05-01 ones purged; head eea37f355ab3c227e9963c78ceab3af775d0a3baa14d9bd66046e23a1aeb18f7.
-- Made with sqlite3's iterdump(); PRAGMA user_version = 1 is set by the test.
BEGIN TRANSACTION;
CREATE TABLE "chain_heads" (
   "kiosk_id" TEXT PRIMARY KEY,
   "kiosk_seq" INTEGER NOT NULL,
   "hash" TEXT NOT NULL
) STRICT;
INSERT INTO "chain_heads" VALUES('gate-legacy',8,'eea37f355ab3c227e9963c78ceab3af775d0a3baa14d9bd66046e23a1aeb18f7');
CREATE TABLE "drafts" (
   "draft_id" TEXT PRIMARY KEY,
   "saved_at" TEXT NOT NULL,
   "data" TEXT NOT NULL
) STRICT;
CREATE TABLE "meta" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT NOT NULL
) STRICT;
INSERT INTO "meta" VALUES('app','gatekeeper');
INSERT INTO "meta" VALUES('created_at','2024-05-01T00:00:00+00:00');
INSERT INTO "meta" VALUES('kiosk_id','gate-legacy');
CREATE TABLE "people" (
   "person_id" TEXT PRIMARY KEY,
   "id_type" TEXT,
   "id_number" TEXT,
   "name" TEXT,
   "phone" TEXT,
   "fields" TEXT NOT NULL,
   "updated_seq" INTEGER NOT NULL
) STRICT;
INSERT INTO "people" VALUES('person-0','resident_id',NULL,NULL,NULL,'{"company":"中建三局","id_type":"resident_id"}',1);
INSERT INTO "people" VALUES('person-3','resident_id',NULL,NULL,NULL,'{"company":"中建三局","id_type":"resident_id"}',4);
INSERT INTO "people" VALUES('person-6','resident_id',NULL,NULL,NULL,'{"company":"中建三局","id_type":"resident_id"}',7);
CREATE TABLE records (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL,
            kiosk_id TEXT NOT NULL,
            kiosk_seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            person_id TEXT,
            subject_id TEXT,
            channel TEXT,
            outcome TEXT,
            reason TEXT,
            body TEXT NOT NULL,
            personal TEXT,
            salt BLOB,
            personal_digest TEXT,
            corrects TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT
        ;
INSERT INTO "records" VALUES(1,'2ea396ec-7dbe-4338-a8d1-d93a95e070f4','gate-legacy',1,'person','2024-05-01T08:00:00.000000+08:00','2024-05-01','person-0',NULL,NULL,NULL,NULL,'{"company":"中建三局","id_type":"resident_id"}',NULL,NULL,'7e8fd64e946aa02313ea8920c40d553c3a630408c5bbd3127f53a754e6b36972',NULL,'0000000000000000000000000000000000000000000000000000000000000000','c766f1e1d23b9f1e89d4f82ffd37751cd6c3c0b82ddf75f217017432a1ad3eb5');
INSERT INTO "records" VALUES(2,'da2fa032-1c15-41ca-bece-69c50604304d','gate-legacy',2,'passage','2024-05-01T08:01:00.000000+08:00','2024-05-01','person-1',NULL,'worker','turned_away','red_code','{"steps":["certificate","temperature"],"temperature":36.6}',NULL,NULL,NULL,NULL,'c766f1e1d23b9f1e89d4f82ffd37751cd6c3c0b82ddf75f217017432a1ad3eb5','86c6f25f354d0f9282098d6a1cfb4cd1cbb1b934d9a6cd14d150354cdfc735ba');
INSERT INTO "records" VALUES(3,'ab9c54a0-e869-4f56-ab48-eed4685ea077','gate-legacy',3,'step_result','2024-05-01T08:02:00.000000+08:00','2024-05-02',NULL,'subject-2',NULL,NULL,NULL,'{"step":"temperature","value":36.8}','{"note":"体温复测 2"}',X'17B8A53A03BE95035BD90D67141B8018','d8b09ea382110f3f1d9d9c5c32a42527510226f804eb686b749644873c77616e',NULL,'86c6f25f354d0f9282098d6a1cfb4cd1cbb1b934d9a6cd14d150354cdfc735ba','828713c045db78bb55a4cb802e7481d481cd6630ae0e16e82087b783196e207b');
INSERT INTO "records" VALUES(4,'288a034b-2557-4f81-b5cf-05d2b4c8e806','gate-legacy',4,'person','2024-05-01T08:03:00.000000+08:00','2024-05-01','person-3',NULL,NULL,NULL,NULL,'{"company":"中建三局","id_type":"resident_id"}',NULL,NULL,'442ecc1fdc9e299d76e138097a9ac6ebae04136dc8dd941d52efafbc7fc9c2f9',NULL,'828713c045db78bb55a4cb802e7481d481cd6630ae0e16e82087b783196e207b','e554bfa12450cf68c33a3d2d245cbfc16f3022759061cfcfb80b410a83c18a79');
INSERT INTO "records" VALUES(5,'8267ae5a-2308-4bc3-8667-1d6971b73bdd','gate-legacy',5,'passage','2024-05-01T08:04:00.000000+08:00','2024-05-01','person-4',NULL,'worker','admitted','cleared','{"steps":["certificate","temperature"],"temperature":36.9}',NULL,NULL,NULL,NULL,'e554bfa12450cf68c33a3d2d245cbfc16f3022759061cfcfb80b410a83c18a79','60dadd78bef739ae8fb62127a3a6cd966fd836ce420e746ed69bb9bf300949a2');
INSERT INTO "records" VALUES(6,'5d842ec5-ca3b-4e6b-9e73-e3bb94f5b15c','gate-legacy',6,'step_result','2024-05-01T08:05:00.000000+08:00','2024-05-02',NULL,'subject-5',NULL,NULL,NULL,'{"step":"temperature","value":36.8}','{"note":"体温复测 5"}',X'7A9762C92E83364FA00FDCDA73964998','5d657311a66c4d778c6b955a20a7dc209039d8f15a4feb4e3df458411c6e88e0',NULL,'60dadd78bef739ae8fb62127a3a6cd966fd836ce420e746ed69bb9bf300949a2','25f3534621e433f0de289420b6bdb3964596c9996aa1ce7ccf7f4010476934e7');
INSERT INTO "records" VALUES(7,'fee1fd31-da1b-4cfc-8699-05a90c8ac044','gate-legacy',7,'person','2024-05-01T08:06:00.000000+08:00','2024-05-01','person-6',NULL,NULL,NULL,NULL,'{"company":"中建三局","id_type":"resident_id"}',NULL,NULL,'2970da54fded990e1bb41476f3bb2761d8faac4ce27c9a43e62b899259eaf8a2',NULL,'25f3534621e433f0de289420b6bdb3964596c9996aa1ce7ccf7f4010476934e7','9b9391bf8528cf1b99f339886c4811ae14e1a6810907b1eec39877802a95a50c');
INSERT INTO "records" VALUES(8,'429d322d-aa41-4c53-98bb-219d9470dea8','gate-legacy',8,'correction','2024-05-01T08:30:00.000000+08:00','2024-05-03',NULL,NULL,NULL,NULL,NULL,'{"note":"temperature re-read"}',NULL,NULL,NULL,'da2fa032-1c15-41ca-bece-69c50604304d','9b9391bf8528cf1b99f339886c4811ae14e1a6810907b1eec39877802a95a50c','eea37f355ab3c227e9963c78ceab3af775d0a3baa14d9bd66046e23a1aeb18f7');
CREATE UNIQUE INDEX "records_uuid"
    ON "records" ("uuid");
CREATE UNIQUE INDEX "records_kiosk_seq"
    ON "records" ("kiosk_id", "kiosk_seq");
CREATE INDEX "records_stats"
    ON "records" ("kind", "day", "outcome", "reason", "channel");
CREATE INDEX "records_person"
    ON "records" ("person_id", "seq");
CREATE INDEX "records_subject"
    ON "records" ("subject_id", "seq");
CREATE INDEX records_corrects ON records (corrects) WHERE corrects IS NOT NULL;
CREATE TRIGGER records_no_delete BEFORE DELETE ON records BEGIN SELECT RAISE(ABORT, 'ledger records are append-only'); END;
CREATE TRIGGER records_no_update BEFORE UPDATE OF seq, uuid, kiosk_id, kiosk_seq, kind, at, day, person_id, subject_id, channel, outcome, reason, body, personal_digest, corrects, prev_hash, hash ON records BEGIN SELECT RAISE(ABORT, 'ledger records are append-only'); END;
CREATE TRIGGER records_purge_only BEFORE UPDATE OF personal, salt ON records WHEN NEW.personal IS NOT NULL OR NEW.salt IS NOT NULL BEGIN SELECT RAISE(ABORT, 'personal fields can only be purged'); END;
CREATE INDEX "people_id_number"
    ON "people" ("id_type", "id_number");
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('records',8);
COMMIT;
