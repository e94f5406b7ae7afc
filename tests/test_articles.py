"""Article review mode on real articles: the list with review progress, an article's text with
its spans highlighted, a whole article confirmed in one undoable step, the article of a
selected record with that record's span in focus."""

from __future__ import annotations

from helpers import SIZE, settle
from textual.widgets import DataTable

from store import Store
from store.articles import article_row, article_spans, articles_page, review_article
from store.ingest import ingest_paths
from tui.app import make_app
from tui.articles_screen import ArticleScreen, ArticlesScreen

ARTICLES = __import__("pathlib").Path(__file__).parent / "data" / "articles"


def test_articles_page_counts_review_progress(seed_db):
    with Store(seed_db) as store:
        [row] = articles_page(store)
        assert row.records > 5 and row.unreviewed == row.records and row.reviewed == 0
        figure = store.records.page("figure")[0]["id"]
        store.edits.set_field("figure", figure, "status", "confirmed")
        assert article_row(store, row.id).reviewed == 1
        changed = review_article(store, row.id, "rejected")
        assert changed == row.records  # the confirmed one too: a verdict on all of it
        assert article_row(store, row.id).unreviewed == 0
        assert not [s for s in article_spans(store, row.id) if s.kind != "actor"]
        step = store.history.undo()
        assert step.action == "review article" and len(step.edits) == row.records
        assert article_row(store, row.id).reviewed == 1


def test_spans_slice_the_text_of_real_articles(tmp_path):
    with Store(tmp_path / "store.db") as store:
        ingest_paths(store, sorted(ARTICLES.glob("*.json"))[:4])
        rows = articles_page(store)
        dated = [r.published for r in rows if r.published]
        assert len(rows) == 4 and dated == sorted(dated, reverse=True)
        assert all(r.published for r in rows[:len(dated)])  # undated ones last
        for row in rows:
            text = store.documents.get(row.id).text
            spans = article_spans(store, row.id)
            assert {s.kind for s in spans} <= {"actor", "figure", "event"}
            assert sum(1 for s in spans if s.kind != "actor") == row.records
            for span in spans:
                assert 0 <= span.start < span.end <= len(text) and text[span.start:span.end]


async def test_review_an_article_from_the_keyboard(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticlesScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 1
        assert "0/" in str(table.get_row_at(0)[-1])
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        styles = {str(span.style) for span in article.body.spans}
        assert {"bold yellow", "cyan", "bold magenta underline"} <= styles
        await pilot.press("a")
        await settle(pilot)
        with Store(seed_db) as store:
            statuses = {e["status"] for e in store.records.page("event", 0, 100)} | {
                f["status"] for f in store.records.page("figure", 0, 100)}
        assert statuses == {"confirmed"}
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and "/" in str(table.get_row_at(0)[-1])
        row = str(table.get_row_at(0)[-1])
        assert row.split("/")[0] == row.split("/")[1]  # all reviewed, shown in place
        await pilot.press("escape", "U")
        await settle(pilot)
        with Store(seed_db) as store:
            assert {e["status"] for e in store.records.page("event", 0, 100)} == {"unreviewed"}


async def test_the_article_of_a_record_opens_with_its_span_in_focus(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")
        await settle(pilot)
        figure_id = app.pane("figure").current_id
        await pilot.press("v")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen) and article.focus_on == ("figure", figure_id)
        body = article.body
        with Store(seed_db) as store:
            figure = store.records.get("figure", figure_id)
        focused = [s for s in body.spans if str(s.style).startswith("reverse")]
        assert [(s.start, s.end) for s in focused] == [(figure.start, figure.end)]
