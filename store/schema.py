"""The store's tables, as numbered migrations.

Plain SQL so the schema reads the same here, in ``sqlite3`` and in Datasette. ``PRAGMA
user_version`` holds the number of migrations applied; a store from a newer version of the
tool is refused rather than guessed at.
"""

from __future__ import annotations

import sqlite3

from . import sources

# Python functions the migrations call (``SELECT tracker_official(sentence)``): registered
# on the connection before they run.
FUNCTIONS = {"tracker_official": sources.official}

# Annotation columns every reviewable record carries.
_ANNOTATION = """
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'unreviewed',
    tags TEXT NOT NULL DEFAULT '[]'
"""

# Provenance columns of records that come from one place in one document.
_PROVENANCE = """
    document_id INTEGER NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sent_start INTEGER NOT NULL,
    sent_end INTEGER NOT NULL,
    sentence TEXT NOT NULL
"""

_DATE = """
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    date_text TEXT
"""

MIGRATIONS: list[str] = [
    # 1: documents, the three record kinds, their links, the edit log and the search index.
    f"""
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        published TEXT,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        extractor_version TEXT NOT NULL
    );
    CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        created_at TEXT NOT NULL,
        {_ANNOTATION}
    );
    CREATE TABLE aliases (
        id INTEGER PRIMARY KEY,
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        alias TEXT NOT NULL,
        norm TEXT NOT NULL,
        UNIQUE (actor_id, norm)
    );
    CREATE INDEX aliases_norm ON aliases(norm);
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        {_PROVENANCE}
    );
    CREATE INDEX mentions_actor ON mentions(actor_id);
    CREATE INDEX mentions_document ON mentions(document_id);
    CREATE TABLE figures (
        id INTEGER PRIMARY KEY,
        {_PROVENANCE},
        value INTEGER NOT NULL,
        text TEXT NOT NULL,
        qualifier TEXT NOT NULL,
        low INTEGER,
        high INTEGER,
        category TEXT NOT NULL,
        counted TEXT NOT NULL,
        location TEXT,
        {_DATE},
        part_of INTEGER REFERENCES figures(id),
        {_ANNOTATION}
    );
    CREATE INDEX figures_document ON figures(document_id);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        {_PROVENANCE},
        type TEXT NOT NULL,
        sub_type TEXT,
        summary TEXT NOT NULL,
        trigger TEXT NOT NULL,
        location TEXT,
        country TEXT,
        {_DATE},
        {_ANNOTATION}
    );
    CREATE INDEX events_document ON events(document_id);
    CREATE TABLE event_actors (
        event_id INTEGER NOT NULL REFERENCES events(id),
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        role TEXT NOT NULL,
        PRIMARY KEY (event_id, actor_id, role)
    );
    CREATE INDEX event_actors_actor ON event_actors(actor_id);
    CREATE TABLE event_figures (
        event_id INTEGER NOT NULL REFERENCES events(id),
        figure_id INTEGER NOT NULL REFERENCES figures(id),
        PRIMARY KEY (event_id, figure_id)
    );
    CREATE TABLE edits (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        record_id INTEGER NOT NULL,
        field TEXT NOT NULL,
        old TEXT,
        new TEXT,
        at TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX edits_record ON edits(kind, record_id);
    CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        record_id INTEGER NOT NULL,
        label TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (kind, record_id)
    );
    CREATE VIRTUAL TABLE search_fts USING fts5(
        label, body, content='search_docs', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TABLE search_vocab (
        term TEXT PRIMARY KEY,
        df INTEGER NOT NULL
    ) WITHOUT ROWID;
    -- Pane reading (store/views.py) at any size: each index matches a pane's ORDER BY and
    -- carries ``status`` so the filter, counts and positions never touch the table itself.
    CREATE INDEX events_pane ON events(coalesce(date_start, '9999'), id, status);
    CREATE INDEX events_status ON events(status);
    CREATE INDEX figures_pane ON figures(document_id, start, id, status);
    CREATE INDEX figures_status ON figures(status);
    CREATE INDEX actors_status ON actors(status);
    -- The actor pane's order (most mentioned first) as an index table the triggers keep
    -- current on every insert, delete and move of a mention, whoever writes it.
    CREATE TABLE actor_mention_counts (
        actor_id INTEGER PRIMARY KEY,
        mentions INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX actor_mention_counts_order ON actor_mention_counts(mentions DESC, actor_id);
    CREATE TRIGGER actor_counts_new AFTER INSERT ON actors BEGIN
        INSERT OR REPLACE INTO actor_mention_counts (actor_id, mentions)
        VALUES (new.id, (SELECT count(*) FROM mentions WHERE actor_id = new.id));
    END;
    CREATE TRIGGER actor_counts_gone AFTER DELETE ON actors BEGIN
        DELETE FROM actor_mention_counts WHERE actor_id = old.id;
    END;
    CREATE TRIGGER actor_counts_mention AFTER INSERT ON mentions BEGIN
        INSERT OR IGNORE INTO actor_mention_counts (actor_id, mentions) VALUES (new.actor_id, 0);
        UPDATE actor_mention_counts SET mentions = mentions + 1 WHERE actor_id = new.actor_id;
    END;
    CREATE TRIGGER actor_counts_unmention AFTER DELETE ON mentions BEGIN
        UPDATE actor_mention_counts SET mentions = mentions - 1 WHERE actor_id = old.actor_id;
    END;
    CREATE TRIGGER actor_counts_move AFTER UPDATE OF actor_id ON mentions
    WHEN new.actor_id IS NOT old.actor_id BEGIN
        UPDATE actor_mention_counts SET mentions = mentions - 1 WHERE actor_id = old.actor_id;
        INSERT OR IGNORE INTO actor_mention_counts (actor_id, mentions) VALUES (new.actor_id, 0);
        UPDATE actor_mention_counts SET mentions = mentions + 1 WHERE actor_id = new.actor_id;
    END;
    """,
]

MIGRATIONS.append(
    # 2: undo works on whole steps (a saved form, a merge); merged actors point at the survivor;
    # records a person added are marked so re-extraction never removes them.
    """
    ALTER TABLE edits ADD COLUMN batch INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE edits ADD COLUMN action TEXT NOT NULL DEFAULT 'edit';
    UPDATE edits SET batch = id;
    CREATE INDEX edits_batch ON edits(batch);
    CREATE INDEX edits_undone ON edits(undone, batch);
    ALTER TABLE actors ADD COLUMN merged_into INTEGER REFERENCES actors(id);
    ALTER TABLE events ADD COLUMN origin TEXT NOT NULL DEFAULT 'machine';
    ALTER TABLE figures ADD COLUMN origin TEXT NOT NULL DEFAULT 'machine';
    """
)

MIGRATIONS.append(
    # 3: what a document says of itself (author, dateline place) and near-duplicate links:
    # a sample of each text's word 5-grams finds republished wire copies.
    """
    ALTER TABLE documents ADD COLUMN author TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN place TEXT;
    ALTER TABLE documents ADD COLUMN country TEXT;
    ALTER TABLE documents ADD COLUMN duplicate_of INTEGER REFERENCES documents(id);
    ALTER TABLE documents ADD COLUMN overlap REAL;
    CREATE TABLE document_shingles (
        hash INTEGER NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents(id)
    );
    CREATE INDEX document_shingles_hash ON document_shingles(hash);
    CREATE INDEX document_shingles_document ON document_shingles(document_id);
    """
)

MIGRATIONS.append(
    # 4: crises (stories): documents grouped by what they are about; a person's choice of a
    # claim's figure (the "recommended figure" override).
    """
    CREATE TABLE crises (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active'
    );
    ALTER TABLE documents ADD COLUMN crisis_id INTEGER REFERENCES crises(id);
    ALTER TABLE documents ADD COLUMN profile TEXT NOT NULL DEFAULT '{}';
    CREATE INDEX documents_crisis ON documents(crisis_id);
    CREATE INDEX documents_published ON documents(published);
    CREATE TABLE claim_choices (
        id INTEGER PRIMARY KEY,
        crisis_id INTEGER NOT NULL REFERENCES crises(id),
        claim TEXT NOT NULL,
        figure_id INTEGER REFERENCES figures(id),
        UNIQUE (crisis_id, claim)
    );
    """
)

MIGRATIONS.append(
    # 5: an actor's first mentions and events read along an index, not sorted: an actor of a
    # large store has tens of thousands of them.
    """
    DROP INDEX mentions_actor;
    CREATE INDEX mentions_actor ON mentions(actor_id, document_id, start);
    DROP INDEX event_actors_actor;
    CREATE INDEX event_actors_actor ON event_actors(actor_id, event_id);
    """
)

MIGRATIONS.append(
    # 6: the actors' own search index: the actor a query names is found first, in a table of
    # thousands, not by walking the hundreds of thousands of records that mention it.
    """
    CREATE VIRTUAL TABLE search_actor_fts USING fts5(
        label, body, tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO search_actor_fts (rowid, label, body)
        SELECT id, label, body FROM search_docs WHERE kind = 'actor';
    """
)

MIGRATIONS.append(
    # 7: the wire copies, for the panes to leave out (their records repeat the original's)
    # without reading every document; the panes' indexes hold each record's document, so
    # that test reads no table row (a jump mid-pane at 100k events: 38 ms without, 9 with).
    """
    CREATE INDEX documents_copies ON documents(id) WHERE duplicate_of IS NOT NULL;
    DROP INDEX events_pane;
    CREATE INDEX events_pane ON events(coalesce(date_start, '9999'), id, status, document_id);
    DROP INDEX events_status;
    CREATE INDEX events_status ON events(status, document_id);
    DROP INDEX figures_status;
    CREATE INDEX figures_status ON figures(status, document_id);
    """
)

MIGRATIONS.append(
    # 8: whether a figure's sentence names an official source, read once when it is stored:
    # the claims of a crisis prefer official reports in SQL, without reading every sentence.
    """
    ALTER TABLE figures ADD COLUMN official INTEGER NOT NULL DEFAULT 0;
    UPDATE figures SET official = tracker_official(sentence);
    """
)

MIGRATIONS.append(
    # 9: the claims of a crisis read what they group of each figure from one index, never a
    # table row: the figures of a crisis of 150,000 are read at a fraction of the cost, warm
    # or cold (its WHERE is the one the claims read with).
    """
    CREATE INDEX figures_claims ON figures(
        document_id, category, location, counted, value, official, qualifier, status, part_of
    ) WHERE status != 'rejected' AND part_of IS NULL;
    """
)

MIGRATIONS.append(
    # 10: the labels' own search index: a query's words looked for in labels walk the labels'
    # short lists, not the whole records' (whose column filter reads every position of
    # "korea" to tell label from body): 4-13 times faster at a million records.
    """
    CREATE VIRTUAL TABLE search_label_fts USING fts5(
        label, content='search_docs', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO search_label_fts (search_label_fts) VALUES ('rebuild');
    """
)


def _claims_change(table: str, event: str, crises: str, columns: str = "") -> str:
    """A trigger counting a change of ``table`` as a change of the claims of ``crises``."""
    when = f"{event} OF {columns}" if columns else event
    return (f"CREATE TRIGGER claims_{table}_{event.lower()} AFTER {when} ON {table} BEGIN "
            f"UPDATE crises SET claims_generation = claims_generation + 1 WHERE id IN ({crises}); "
            "END;\n")


_OF_FIGURE = "SELECT crisis_id FROM documents WHERE id IN ({})"
MIGRATIONS.append(
    # 11: the claims of a crisis kept as grouped (grouping 400,000 figures takes seconds;
    # reading it back, milliseconds), with a count of the crisis's changes that triggers keep:
    # every change to what the grouping reads (a figure's lane, value or status, a document's
    # crisis, copy or date, a person's choice of figure) makes the kept grouping stale, from
    # whichever connection or process it comes.
    "ALTER TABLE crises ADD COLUMN claims_generation INTEGER NOT NULL DEFAULT 0;"
    """
    CREATE TABLE claims_kept (
        crisis_id INTEGER PRIMARY KEY REFERENCES crises(id),
        generation INTEGER NOT NULL,
        grouping TEXT NOT NULL,
        runs TEXT NOT NULL
    );
    CREATE TRIGGER claims_crises_delete AFTER DELETE ON crises BEGIN
        DELETE FROM claims_kept WHERE crisis_id = OLD.id;
    END;
    """
    + _claims_change("figures", "INSERT", _OF_FIGURE.format("NEW.document_id"))
    + _claims_change("figures", "DELETE", _OF_FIGURE.format("OLD.document_id"))
    + _claims_change("figures", "UPDATE", _OF_FIGURE.format("OLD.document_id, NEW.document_id"),
                     "document_id, category, location, counted, value, qualifier, official, "
                     "status, part_of")
    + _claims_change("documents", "UPDATE", "OLD.crisis_id, NEW.crisis_id",
                     "crisis_id, duplicate_of, published")
    + _claims_change("documents", "DELETE", "OLD.crisis_id")
    + _claims_change("claim_choices", "INSERT", "NEW.crisis_id")
    + _claims_change("claim_choices", "DELETE", "OLD.crisis_id")
    + _claims_change("claim_choices", "UPDATE", "OLD.crisis_id, NEW.crisis_id")
)

MIGRATIONS.append(
    # 12: an event placed at its doer's seat (a state's capital or country) where the text
    # names no place says so: the ACLED export gives it geo precision 3, not a named town's 1.
    """
    ALTER TABLE events ADD COLUMN place_basis TEXT;
    """
)

MIGRATIONS.append(
    # 13: a count told in parts ("three soldiers and five militants were killed") links each
    # later part to the first, so that an event's toll is their sum (store.tolls).
    """
    ALTER TABLE figures ADD COLUMN adds_to INTEGER REFERENCES figures(id);
    """
)

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(RuntimeError):
    """The store was written by a newer tracker than this one."""


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations this store lacks, each in its own transaction; return the version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"this store has schema version {version}; this tracker knows up to "
            f"{SCHEMA_VERSION}: upgrade tracker to open it"
        )
    for name, function in FUNCTIONS.items():
        conn.create_function(name, 1, function, deterministic=True)
    for number in range(version, SCHEMA_VERSION):
        # executescript commits first; the script carries its own transaction so a failure
        # leaves the store at the previous version.
        conn.executescript(
            f"BEGIN;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\nCOMMIT;"
        )
    return SCHEMA_VERSION
