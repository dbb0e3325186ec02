import GRDB

/// The schema as named migration steps. A step, once released, never changes: new needs
/// get a new step, so every store in the field reaches the same schema.
enum Schema {
    /// Marks a SQLite file as ours (`PRAGMA application_id`), so `--store` pointing at some
    /// other database is refused instead of being written into. "KTfl".
    static let applicationID: Int32 = 0x4B54_666C

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: households, ledger, conversations, grants, staff, audit") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2: drafts of conversations being typed") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3: payment batches, so nothing is paid twice") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("v4: trigram search over names, addresses, postcodes and members") { db in
            try db.execute(sql: v4)
        }
        migrator.registerMigration("v5: a caseload of a whole city: covering indexes, word-prefix search of open households") { db in
            try db.execute(sql: v5)
        }
        migrator.registerMigration("v6: a version of the caseload's list, so its order is read again only when it changed") { db in
            try db.execute(sql: v6)
        }
        migrator.registerMigration("v7: the audit trail as a hash chain") { db in
            try AuditChain.migrate(db)
        }
        migrator.registerMigration("v8: the list version also follows addresses, which the search finds") { db in
            try db.execute(sql: v8)
        }
        migrator.registerMigration("v9: a case from intake to closing: the household's team, closing, handover, intake drafts") { db in
            try db.execute(sql: v9)
        }
        migrator.registerMigration("v10: norm tables added by a team leader, the municipality's policy by version, its settings") { db in
            try db.execute(sql: v10)
        }
        migrator.registerMigration("v11: a team on one store: leavers deactivated, a change counter per household") { db in
            try db.execute(sql: v11)
        }
        migrator.registerMigration("v12: a payment batch keeps its file, to write it again identically") { db in
            try db.execute(sql: "ALTER TABLE payment_batch ADD COLUMN document TEXT")
        }
        migrator.registerMigration("v14: letters as sent, kept unchangeable with their hash") { db in
            try db.execute(sql: """
                CREATE TABLE letter (
                    id INTEGER PRIMARY KEY,
                    grantId TEXT NOT NULL,
                    householdId TEXT NOT NULL,
                    text TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    writtenAt TEXT NOT NULL,
                    writtenBy TEXT NOT NULL
                );
                CREATE INDEX letter_by_grant ON letter (grantId, id);
                CREATE TRIGGER letter_never_changes BEFORE UPDATE ON letter
                BEGIN SELECT RAISE(ABORT, 'a letter as sent is never changed'); END;
                CREATE TRIGGER letter_never_deleted BEFORE DELETE ON letter
                BEGIN SELECT RAISE(ABORT, 'a letter as sent is never deleted'); END;
                """)
        }
        migrator.registerMigration("v13: a request being typed, kept every second like a conversation") { db in
            try db.execute(sql: """
                CREATE TABLE grant_form_draft (
                    householdId TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
                    user TEXT NOT NULL,
                    grantId TEXT,
                    document TEXT NOT NULL,
                    savedAt TEXT NOT NULL,
                    PRIMARY KEY (householdId, user)
                )
                """)
        }
        migrator.registerMigration("v15: objections against decisions: the open ones listed for the team leader") { db in
            // The day the open objection came in (NULL: none open), kept from the grant's document.
            try db.execute(sql: """
                ALTER TABLE grant_request ADD COLUMN objectionOpenSince TEXT;
                CREATE INDEX grant_request_objection ON grant_request (objectionOpenSince) WHERE objectionOpenSince IS NOT NULL;
                """)
            try openObjectionsFromDocuments(db)
        }
        migrator.registerMigration("v16: vroegsignalering: signals by their DDAS id, the zaken, the signals nobody matched") { db in
            try db.execute(sql: v16)
        }
        migrator.registerMigration("v17: figures kept by the store: the report's with each grant, the lists' counts") { db in
            try db.execute(sql: ReportFigureRows.v17)
            try ReportFigureRows.fillFromDocuments(db)
            try db.execute(sql: v17Counts)
        }
        migrator.registerMigration("v18: practice cases: each trainee's copy, its checkpoints and feedback; the register of rule barriers") { db in
            try db.execute(sql: PracticeRows.v18)
        }
        migrator.registerMigration("v19: the report's sums from one covering index, not from the grants' rows") { db in
            try db.execute(sql: ReportFigureRows.v19)
        }
        migrator.registerMigration("v20: a kept letter's sha256 is the digest of its text, as sha256sum computes it") { db in
            try Self.letterDigests(db)
        }
        migrator.registerMigration("v21: a payment file pays its grants: those exported before are paid from their file's moment") { db in
            try Store.payExportedGrants(db)
        }
        migrator.registerMigration("v22: the report reads the grants' moments as integers, from one covering index") { db in
            try db.execute(sql: ReportFigureRows.v22)
            try ReportFigureRows.fillMoments(db)
        }
        migrator.registerMigration("v23: the search's common word beginnings kept in the store as bitmaps, with the changes since") { db in
            try db.execute(sql: SearchBeginnings.v23)
        }
        migrator.registerMigration("v24: the report's sums kept by triggers per day and month, by team and by submitter; the late grants in their own index") { db in
            try db.execute(sql: ReportTallies.v24)
        }
        migrator.registerMigration("v25: a caseload row's figures from covering indexes: the adults, the last conversation, the grants waiting, the signals") { db in
            try db.execute(sql: CaseloadRowIndexes.v25)
        }
        return migrator
    }

    /// Letters kept before step 20 carried the digest of their digest (the hash was hashed
    /// twice), which no `sha256sum` of the letter matches. The column is computed again from
    /// the unchanged text; the trigger that keeps a letter unchangeable is lifted for this one
    /// statement only. The audit rows of those letters keep the value they had (the audit trail
    /// is never rewritten); docs/decisions.md says how to read them.
    static func letterDigests(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, text FROM letter")
        guard !rows.isEmpty else { return }
        try withLetterGuardLifted(db, .update) {
            for row in rows {
                try db.execute(sql: "UPDATE letter SET sha256 = ? WHERE id = ?", arguments: [SHA256.hex(Array((row["text"] as String).utf8)), row["id"] as Int64])
            }
        }
    }

    /// The triggers that keep a letter as sent (step 12), by what they refuse.
    enum LetterGuard: String {
        case update = "letter_never_changes", delete = "letter_never_deleted"
        var sql: String {
            self == .update
                ? "CREATE TRIGGER letter_never_changes BEFORE UPDATE ON letter BEGIN SELECT RAISE(ABORT, 'a letter as sent is never changed'); END;"
                : "CREATE TRIGGER letter_never_deleted BEFORE DELETE ON letter BEGIN SELECT RAISE(ABORT, 'a letter as sent is never deleted'); END;"
        }
    }

    /// Runs `body` with one letter trigger lifted, inside the caller's transaction: the trigger
    /// is back before anything else sees the table (a digest mended, letters deleted at the end
    /// of their period).
    static func withLetterGuardLifted(_ db: Database, _ guarding: LetterGuard, _ body: () throws -> Void) throws {
        try db.execute(sql: "DROP TRIGGER \(guarding.rawValue)")
        try body()
        try db.execute(sql: guarding.sql)
    }

    /// A grant imported before step 15 kept "objections" as a field it did not know: its open
    /// objection (the last, without an outcome) is read from the document.
    static func openObjectionsFromDocuments(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE grant_request SET objectionOpenSince = json_extract(document, '$.objections[#-1].received')
            WHERE document LIKE '%"objections"%' AND json_type(document, '$.objections[#-1].outcome') IS NULL
            """)
    }

    /// How many households each caseworker has, open and closed, kept by triggers: a list's
    /// count without counting its index (100,000 entries for "all households": 10–25 ms the
    /// first time, and ten times that at a million). A household without a caseworker
    /// counts under ''.
    static let v17Counts = """
    CREATE TABLE household_count (
        caseworker TEXT NOT NULL,
        status TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (caseworker, status)
    ) WITHOUT ROWID;
    INSERT INTO household_count (caseworker, status, n)
        SELECT COALESCE(caseworker, ''), status, COUNT(*) FROM household GROUP BY COALESCE(caseworker, ''), status;
    CREATE TRIGGER household_count_insert AFTER INSERT ON household
    BEGIN
        INSERT INTO household_count (caseworker, status, n) VALUES (COALESCE(new.caseworker, ''), new.status, 1)
            ON CONFLICT (caseworker, status) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER household_count_delete AFTER DELETE ON household
    BEGIN
        UPDATE household_count SET n = n - 1 WHERE caseworker = COALESCE(old.caseworker, '') AND status = old.status;
    END;
    CREATE TRIGGER household_count_update AFTER UPDATE OF caseworker, status ON household
        WHEN old.caseworker IS NOT new.caseworker OR old.status IS NOT new.status
    BEGIN
        UPDATE household_count SET n = n - 1 WHERE caseworker = COALESCE(old.caseworker, '') AND status = old.status;
        INSERT INTO household_count (caseworker, status, n) VALUES (COALESCE(new.caseworker, ''), new.status, 1)
            ON CONFLICT (caseworker, status) DO UPDATE SET n = n + 1;
    END;
    """

    /// Signals as the DDAS standard has them: their sender's ID (never twice in a store), a
    /// crisis flag, the zaak they belong to and the client as the partner identified them
    /// (for the delivery to the CBS); zaken with their queue order; signals that matched no
    /// open household, waiting for the intake. The older status codes become the standard's.
    static let v16 = """
    ALTER TABLE signal ADD COLUMN signalId TEXT;
    ALTER TABLE signal ADD COLUMN crisis INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE signal ADD COLUMN caseId TEXT;
    ALTER TABLE signal ADD COLUMN client TEXT;
    CREATE UNIQUE INDEX signal_by_signal_id ON signal (signalId) WHERE signalId IS NOT NULL;
    CREATE INDEX signal_by_received ON signal (received) WHERE signalId IS NOT NULL;
    CREATE INDEX signal_by_case ON signal (caseId) WHERE caseId IS NOT NULL;
    UPDATE signal SET status = CASE status WHEN 'open' THEN 'nog-niet-opgepakt' WHEN 'contact' THEN 'opgepakt'
                                           WHEN 'closed' THEN 'opgepakt' ELSE status END;
    CREATE TABLE signal_case (
        id TEXT PRIMARY KEY NOT NULL,
        householdId TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        periodStart TEXT NOT NULL,
        firstReceived TEXT NOT NULL,
        crisis INTEGER NOT NULL DEFAULT 0,
        open INTEGER NOT NULL DEFAULT 1,
        document TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        changedBy TEXT NOT NULL,
        changedAt TEXT NOT NULL
    );
    CREATE INDEX signal_case_queue ON signal_case (open, crisis DESC, firstReceived);
    CREATE INDEX signal_case_by_household ON signal_case (householdId, periodStart);
    CREATE TABLE signal_inbox (
        signalId TEXT PRIMARY KEY NOT NULL,
        received TEXT NOT NULL,
        crisis INTEGER NOT NULL DEFAULT 0,
        open INTEGER NOT NULL DEFAULT 1,
        signal TEXT NOT NULL,
        client TEXT NOT NULL,
        importedBy TEXT NOT NULL,
        importedAt TEXT NOT NULL
    );
    CREATE INDEX signal_inbox_queue ON signal_inbox (open, crisis DESC, received);
    INSERT OR IGNORE INTO store_change (name, counter) VALUES ('signals', 0);
    """

    /// Every element a person edits is one row with its case-file JSON (`document`), the
    /// columns that queries and indexes need, and a version with who changed it and when.
    /// What someone is typing and has not saved yet: one draft per user and household,
    /// written within a second of the last keystroke so a crash loses at most that second.
    static let v2 = """
    CREATE TABLE draft (
        householdId TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        user TEXT NOT NULL,
        -- the conversation being edited, NULL for a new one
        conversationId INTEGER,
        document TEXT NOT NULL,
        savedAt TEXT NOT NULL,
        PRIMARY KEY (householdId, user)
    );
    """

    /// The caseload search reads this index instead of scanning every household per
    /// keystroke: trigrams match any part of a word, in any case.
    static let v4 = """
    CREATE VIRTUAL TABLE household_search USING fts5 (text, tokenize = 'trigram');
    INSERT INTO household_search (rowid, text)
        SELECT h.rowid, \(searchText("h"))
        FROM household h;
    """

    /// Measured on 100,000 households (docs/performance.md): the list in name order and its counts come
    /// from covering indexes (no sort, no row read for rows not shown); the overdue count
    /// per row has its own index; the search index holds only open households, with the
    /// caseworker as a token, so counting "mine" matching a search never reads a household.
    /// Words match from their start (with diacritics folded: "zoe" finds Zoë); one to three
    /// letters have their own prefix index, so the first keystrokes are as fast as the rest.
    static let v5 = """
    DROP INDEX household_by_name;
    DROP INDEX household_by_caseworker;
    CREATE INDEX household_open_by_name ON household (status, name COLLATE NOCASE);
    CREATE INDEX household_by_caseworker ON household (caseworker, status, name COLLATE NOCASE);
    CREATE INDEX agreement_open_by_household ON agreement (householdId, due) WHERE done = 0;
    CREATE INDEX grant_request_waiting ON grant_request (urgencyDate IS NULL, urgencyDate, submittedAt)
        WHERE status = 'submitted';
    CREATE INDEX grant_request_under_mandate ON grant_request (decidedAt DESC) WHERE approvedUnderMandate = 1;
    CREATE INDEX grant_request_unpaid ON grant_request (decidedAt) WHERE status = 'approved';
    DROP TABLE household_search;
    CREATE VIRTUAL TABLE household_search USING fts5 (
        text, owner, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = 'column');
    INSERT INTO household_search (rowid, text, owner)
        SELECT h.rowid, \(searchText("h")), \(ownerToken("h")) FROM household h WHERE h.status = 'open';
    CREATE TRIGGER household_search_follows_household AFTER UPDATE OF status, caseworker, name, street, postcode, city ON household
    BEGIN
        DELETE FROM household_search WHERE rowid = old.rowid;
        INSERT INTO household_search (rowid, text, owner)
            SELECT h.rowid, \(searchText("h")), \(ownerToken("h")) FROM household h WHERE h.rowid = new.rowid AND h.status = 'open';
    END;
    CREATE TRIGGER household_search_forgets_household AFTER DELETE ON household
    BEGIN
        DELETE FROM household_search WHERE rowid = old.rowid;
    END;
    """

    /// A number that changes whenever a household is added, removed, renamed, closed or
    /// reopened, or changes caseworker: what the caseload's order depends on. The caseload
    /// keeps the order of the whole list in memory while it is the same (reading it costs
    /// 13 ms at 100,000 households), also when another workstation changes the store.
    static let v6 = """
    INSERT INTO meta (key, value) VALUES ('listVersion', '0');
    CREATE TRIGGER list_version_on_insert AFTER INSERT ON household
    BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'listVersion';
    END;
    CREATE TRIGGER list_version_on_delete AFTER DELETE ON household
    BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'listVersion';
    END;
    CREATE TRIGGER list_version_on_update AFTER UPDATE OF name, status, caseworker ON household
    BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'listVersion';
    END;
    """

    /// The caseload's search keeps the matches of common word beginnings in memory
    /// (until step 23; see SearchBeginnings) while the list version is the same, so the version must also
    /// change when an address changes: everything the search index holds of a household.
    /// The index's words with their counts (`household_search_terms`, a view that stores
    /// nothing) tell which beginnings are common; it is part of the schema so that a
    /// read-only store can be asked too.
    static let v8 = """
    DROP TRIGGER list_version_on_update;
    CREATE TRIGGER list_version_on_update AFTER UPDATE OF name, status, caseworker, street, postcode, city ON household
    BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'listVersion';
    END;
    CREATE VIRTUAL TABLE household_search_terms USING fts5vocab (household_search, 'col');
    """

    /// A case from its start to its end. The household belongs to a team (who may look at
    /// it, Access.swift), set from its caseworker when it is assigned, so a household not yet
    /// assigned to anyone still belongs somewhere. Closing keeps the day, the reason and a
    /// note; a handover keeps the last note for the receiver, until they have read it. An
    /// intake being typed is one draft per user (there is no household yet to hang it on).
    /// The indexes serve the check for a family taken in twice (Store.possibleDuplicates).
    /// The law and the policy as data (docs/rules.md): a norm table a team leader adds
    /// (never replaced, so old figures can always be explained) and numbered versions of the
    /// policy, each valid from a date. Grants record the version they were decided with.
    static let v10 = """
    CREATE TABLE norm_table (
        validFrom TEXT PRIMARY KEY,
        document TEXT NOT NULL,
        addedBy TEXT NOT NULL,
        addedAt TEXT NOT NULL
    );
    CREATE TABLE policy_version (
        number INTEGER PRIMARY KEY,
        validFrom TEXT NOT NULL,
        document TEXT NOT NULL,
        setBy TEXT NOT NULL,
        setAt TEXT NOT NULL
    );
    -- Vermogen is a fifth ledger section. SQLite cannot change a CHECK, so the table is made
    -- again with the same rows, ids and versions (the ids are what edits refer to).
    CREATE TABLE ledger_line_v10 (
        id INTEGER PRIMARY KEY,
        householdId TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        section TEXT NOT NULL CHECK (section IN ('income', 'expense', 'debt', 'deduction', 'asset')),
        position INTEGER NOT NULL,
        document TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        changedBy TEXT NOT NULL,
        changedAt TEXT NOT NULL
    );
    INSERT INTO ledger_line_v10 (id, householdId, section, position, document, version, changedBy, changedAt)
        SELECT id, householdId, section, position, document, version, changedBy, changedAt FROM ledger_line;
    DROP TABLE ledger_line;
    ALTER TABLE ledger_line_v10 RENAME TO ledger_line;
    CREATE INDEX ledger_line_by_household ON ledger_line (householdId, section, position);
    -- The municipality's settings (name, CBS code, teams, signer, output folder): one row.
    CREATE TABLE municipality (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        document TEXT NOT NULL,
        setBy TEXT NOT NULL,
        setAt TEXT NOT NULL
    );
    """

    /// A team on one host (docs/architecture.md): a leaver is deactivated, never deleted; and
    /// each household has a change counter, kept by triggers on every table that holds a
    /// part of it, which open screens read on their pauses to show another workstation's
    /// saves within two seconds.
    static let v11 = """
    ALTER TABLE staff ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
    CREATE TABLE household_change (
        householdId TEXT PRIMARY KEY NOT NULL,
        counter INTEGER NOT NULL DEFAULT 0
    );
    \(changeTriggers)
    -- Any request saved, submitted or decided: what the review queue follows.
    CREATE TABLE store_change (name TEXT PRIMARY KEY NOT NULL, counter INTEGER NOT NULL DEFAULT 0);
    INSERT INTO store_change (name, counter) VALUES ('grants', 0);
    CREATE TRIGGER grant_request_insert_counts_all AFTER INSERT ON grant_request
    BEGIN UPDATE store_change SET counter = counter + 1 WHERE name = 'grants'; END;
    CREATE TRIGGER grant_request_update_counts_all AFTER UPDATE ON grant_request
    BEGIN UPDATE store_change SET counter = counter + 1 WHERE name = 'grants'; END;
    CREATE TRIGGER grant_request_delete_counts_all AFTER DELETE ON grant_request
    BEGIN UPDATE store_change SET counter = counter + 1 WHERE name = 'grants'; END;
    """

    /// AFTER INSERT/UPDATE/DELETE on each table of a household's parts bumps its counter.
    static var changeTriggers: String {
        let tables = ["household": "id", "member": "householdId", "ledger_line": "householdId", "signal": "householdId",
                      "life_domain_score": "householdId", "plan_goal": "householdId", "conversation": "householdId",
                      "agreement": "householdId", "grant_request": "householdId"]
        var sql = ""
        for (table, column) in tables.sorted(by: { $0.key < $1.key }) {
            for (event, row) in [("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old")] {
                sql += """
                CREATE TRIGGER \(table)_\(event.lowercased())_counts AFTER \(event) ON \(table)
                BEGIN
                    INSERT INTO household_change (householdId, counter) VALUES (\(row).\(column), 1)
                        ON CONFLICT (householdId) DO UPDATE SET counter = counter + 1;
                END;

                """
            }
        }
        return sql
    }

    static let v9 = """
    ALTER TABLE household ADD COLUMN team TEXT;
    UPDATE household SET team = (SELECT s.team FROM staff s WHERE s.user = household.caseworker);
    ALTER TABLE household ADD COLUMN closedOn TEXT;
    ALTER TABLE household ADD COLUMN closedReason TEXT;
    ALTER TABLE household ADD COLUMN closedNote TEXT;
    ALTER TABLE household ADD COLUMN handoverNote TEXT;
    ALTER TABLE household ADD COLUMN handoverBy TEXT;
    ALTER TABLE household ADD COLUMN handoverAt TEXT;
    ALTER TABLE household ADD COLUMN handoverUnread INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE intake_draft (
        user TEXT PRIMARY KEY NOT NULL,
        document TEXT NOT NULL,
        savedAt TEXT NOT NULL
    );
    CREATE INDEX member_by_birth_date ON member (birthDate) WHERE birthDate IS NOT NULL;
    CREATE INDEX household_by_postcode ON household (postcode) WHERE status = 'open';
    """

    /// The caseworker of household `h` as one search token ("o" and the hex of the user
    /// name), so the search index itself narrows to one caseworker's households.
    static func ownerToken(_ h: String) -> String { "'o' || lower(hex(COALESCE(\(h).caseworker, '')))" }

    /// The same token for `user`, for a query.
    static func ownerToken(user: String) -> String { "o" + user.utf8.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }

    /// The searchable text of household `h` (an SQL expression).
    static func searchText(_ h: String) -> String {
        "\(h).name || ' ' || \(h).street || ' ' || \(h).postcode || ' ' || replace(\(h).postcode, ' ', '') || ' ' || \(h).city || ' ' || "
            + "COALESCE((SELECT group_concat(m.name, ' ') FROM member m WHERE m.householdId = \(h).id), '')"
    }

    static let v3 = """
    CREATE TABLE payment_batch (
        id TEXT PRIMARY KEY NOT NULL,
        createdAt TEXT NOT NULL,
        createdBy TEXT NOT NULL,
        count INTEGER NOT NULL,
        totalCents INTEGER NOT NULL
    );
    CREATE TABLE payment_batch_item (
        batchId TEXT NOT NULL REFERENCES payment_batch (id),
        grantId TEXT NOT NULL UNIQUE REFERENCES grant_request (id),
        amountCents INTEGER NOT NULL
    );
    """

    static let v1 = """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    );

    CREATE TABLE staff (
        user TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('caseworker', 'teamleader', 'trainer')),
        team TEXT NOT NULL DEFAULT '',
        addedBy TEXT NOT NULL,
        addedAt TEXT NOT NULL
    );

    CREATE TABLE household (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        street TEXT NOT NULL DEFAULT '',
        postcode TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        caseworker TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        referenceDate TEXT,
        -- the household object without its members, as in the case file
        document TEXT NOT NULL,
        policy TEXT,
        -- the plan object without its goals; NULL when the household has no plan
        plan TEXT,
        -- fields of the case file's top level that this version does not know
        fileExtra TEXT NOT NULL DEFAULT '{}',
        version INTEGER NOT NULL DEFAULT 1,
        changedBy TEXT NOT NULL,
        changedAt TEXT NOT NULL
    );
    CREATE INDEX household_by_name ON household (name COLLATE NOCASE);
    CREATE INDEX household_by_caseworker ON household (caseworker, name COLLATE NOCASE);

    CREATE TABLE member (
        id INTEGER PRIMARY KEY,
        householdId TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        birthDate TEXT,
        bsn TEXT,
        document TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        changedBy TEXT NOT NULL,
        changedAt TEXT NOT NULL
    );
    CREATE INDEX member_by_household ON member (householdId, position);
    CREATE INDEX member_by_bsn ON member (bsn) WHERE bsn IS NOT NULL;

    -- income, expenses, debts and deductions: one table, one kind of edit
    CREATE TABLE ledger_line (
        id INTEGER PRIMARY KEY,
        householdId TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        section TEXT NOT NULL CHECK (section IN ('income', 'expense', 'debt', 'deduction')),
        position INTEGER NOT NULL,
        document TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        changedBy TEXT NOT NULL,
        changedAt TEXT NOT NULL
    );
    CREATE INDEX ledger_line_by_household ON ledger_line (householdId, section, position);

    CREATE TABLE signal (
        id INTEGER PRIMARY KEY,
        householdId TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        partner TEXT NOT NULL,
        status TEXT NOT NULL,
        received TEXT,
        document TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        changedBy TEXT NOT NULL,
        changedAt TEXT NOT NULL
    );
    CREATE INDEX signal_by_household ON signal (householdId, position);

    CREATE TABLE life_domain_score (
        id INTEGER PRIMARY KEY,
        householdId TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        domain TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        date TEXT,
        document TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        changedBy TEXT NOT NULL,
        changedAt TEXT NOT NULL
    );
    CREATE INDEX life_domain_score_by_household ON life_domain_score (householdId, position);

    CREATE TABLE plan_goal (
        id INTEGER PRIMARY KEY,
        householdId TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        goalId TEXT NOT NULL,
        document TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        changedBy TEXT NOT NULL,
        changedAt TEXT NOT NULL,
        UNIQUE (householdId, goalId)
    );

    CREATE TABLE conversation (
        id INTEGER PRIMARY KEY,
        householdId TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        date TEXT,
        author TEXT NOT NULL,
        -- the conversation object without its agreements
        document TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        changedBy TEXT NOT NULL,
        changedAt TEXT NOT NULL
    );
    CREATE INDEX conversation_by_household ON conversation (householdId, position);

    CREATE TABLE agreement (
        id INTEGER PRIMARY KEY,
        conversationId INTEGER NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
        householdId TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        owner TEXT NOT NULL,
        due TEXT,
        done INTEGER NOT NULL DEFAULT 0,
        document TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        changedBy TEXT NOT NULL,
        changedAt TEXT NOT NULL
    );
    CREATE INDEX agreement_by_conversation ON agreement (conversationId, position);
    CREATE INDEX agreement_open_by_due ON agreement (due, householdId) WHERE done = 0;

    CREATE TABLE grant_request (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        householdId TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        status TEXT NOT NULL,
        route TEXT NOT NULL,
        category TEXT NOT NULL,
        amountCents INTEGER NOT NULL,
        urgencyDate TEXT,
        submittedBy TEXT,
        submittedAt TEXT,
        decidedBy TEXT,
        decidedAt TEXT,
        paidAt TEXT,
        approvedUnderMandate INTEGER NOT NULL DEFAULT 0,
        document TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        changedBy TEXT NOT NULL,
        changedAt TEXT NOT NULL
    );
    CREATE INDEX grant_request_by_household ON grant_request (householdId, position);
    CREATE INDEX grant_request_by_status ON grant_request (status, urgencyDate, submittedAt);

    -- every step of a grant: who did what, when, with which comment
    CREATE TABLE grant_event (
        id INTEGER PRIMARY KEY,
        grantId TEXT NOT NULL REFERENCES grant_request (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        fromStatus TEXT,
        toStatus TEXT NOT NULL,
        comment TEXT
    );
    CREATE INDEX grant_event_by_grant ON grant_event (grantId, id);

    -- who viewed and changed what; the database itself keeps it append-only
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        householdId TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX audit_by_household ON audit (householdId, id);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: rows cannot be changed'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: rows cannot be deleted'); END;
    """
}
