"""The QA registry and the checks besides numbers: run() reads a briefing and never changes it; status, markup,
completeness, acronyms and terminology findings on written cases; random hostile text never raises."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.fileformat import dumps
from briefing.messages import ENGLISH
from briefing.model import Briefing, Item, Language, Section, TargetOrigin
from briefing.qa import CHECKS, Finding, Registry, Scope, Severity, Span, run
from briefing.storage import load
from briefing.terms.stack import FixedTermbase, Terminology, load_shipped
from tests.conftest import EXAMPLE


def _item(ko: str, en: str, origin: TargetOrigin = TargetOrigin.HUMAN) -> Item:
    item = Item(source=Language.KO, id="it")
    item.set_text(Language.KO, ko)
    item.set_text(Language.EN, en, origin)
    return item


def _run(item: Item, **kwargs: object) -> list[Finding]:
    return run(Briefing(sections=[Section(items=[item])]), **kwargs)  # type: ignore[arg-type]


def codes(item: Item, **kwargs: object) -> list[str]:
    return [f.code for f in _run(item, **kwargs)]


def test_every_built_in_check_registers_and_every_code_it_can_report_is_a_message() -> None:
    assert sorted(CHECKS.names()) == [
        "acronyms",
        "completeness",
        "consistency",
        "markup",
        "meeting",
        "numbers",
        "status",
        "style",
        "term_consistency",
        "terminology",
        "title_status",
    ]
    qa_codes = [code for code in ENGLISH if code.startswith("qa.")]
    assert len(qa_codes) >= 25
    assert all(ENGLISH[code] for code in qa_codes)


def test_run_never_changes_the_briefing_and_chooses_checks_by_name() -> None:
    briefing = load(EXAMPLE)
    before = dumps(briefing)
    everything = run(briefing)
    assert dumps(briefing) == before
    assert run(briefing, checks=["status"]) == [f for f in everything if f.check == "status"]
    with pytest.raises(KeyError):
        run(briefing, checks=["spelling"])


def test_a_registry_of_ones_own_runs_item_and_briefing_checks_and_refuses_a_name_twice() -> None:
    registry = Registry()

    @registry.check("long", Scope.ITEM)
    def long(item: Item, context: object) -> list[Finding]:
        return [Finding("long", "qa.x", Severity.INFO, item.id)] if len(item.source_text) > 3 else []

    @registry.check("count", Scope.BRIEFING)
    def count(briefing: Briefing, context: object) -> list[Finding]:
        return [Finding("count", "qa.y", Severity.INFO, None, {"n": len(briefing.items())})]

    with pytest.raises(ValueError, match="already registered"):
        registry.check("long")(lambda item, context: [])
    found = run(Briefing(sections=[Section(items=[_item("길고 긴 문장", "x")])]), registry=registry)
    assert [(f.check, f.item_id) for f in found] == [("long", "it"), ("count", None)]


def test_run_can_recheck_some_items_or_one_scope() -> None:
    first, second = _item("첫째 긴 문장", "x"), _item("둘째 긴 문장", "y")
    second.id = "second"
    briefing = Briefing(sections=[Section(items=[first, second])])
    registry = Registry()
    registry.check("long", Scope.ITEM)(
        lambda item, context: [Finding("long", "qa.x", Severity.INFO, item.id)] if len(item.source_text) > 3 else []
    )
    registry.check("count", Scope.BRIEFING)(lambda b, context: [Finding("count", "qa.y", Severity.INFO, None)])
    assert [f.item_id for f in run(briefing, registry=registry)] == ["it", "second", None]
    assert [f.item_id for f in run(briefing, registry=registry, items={"second"})] == ["second", None]
    assert [f.item_id for f in run(briefing, registry=registry, items={"second"}, scope=Scope.ITEM)] == ["second"]
    assert [f.check for f in run(briefing, registry=registry, scope=Scope.BRIEFING)] == ["count"]


def test_status_findings() -> None:
    assert codes(_item("문장", "A sentence.", TargetOrigin.MACHINE)) == ["qa.status_machine"]
    assert codes(_item("문장", "A sentence.", TargetOrigin.MEMORY)) == ["qa.status_memory"]
    item = _item("문장", "A sentence.")
    item.approve("kim", datetime(2024, 11, 8, tzinfo=UTC))
    assert codes(item) == []
    item.set_text(Language.KO, "다른 문장")
    assert codes(item) == ["qa.status_source_changed"]
    item.basis = "0" * 16  # a file edited by hand: approved, but against another source
    item.status = item.status.APPROVED
    item.add_comment("lee", "확인 필요")
    item.flag_for_review("lee")
    assert [(f.code, f.severity) for f in _run(item)] == [
        ("qa.status_stale_approval", Severity.ERROR),
        ("qa.status_open_comments", Severity.INFO),
        ("qa.status_flagged", Severity.INFO),
    ]


def test_markup_findings_with_spans_for_leftover_placeholders() -> None:
    item = _item("**합의**했다.", "They ⟦T1⟧ agreed.")
    found = _run(item)
    assert [f.code for f in found] == ["qa.markup_placeholder", "qa.markup_emphasis"]
    assert found[0].spans == (Span(Language.EN, 5, 9),)
    assert codes(_item("- 하나\n- 둘", "- one\n- two")) == []
    assert "qa.markup_lines" in codes(_item("첫째 줄\n둘째 줄", "One line only"))


def test_completeness_findings() -> None:
    assert codes(_item("국방부는 밝혔다.", "")) == ["qa.completeness_empty"]
    assert codes(_item("국방부는 밝혔다.", "국방부는 밝혔다.")) == ["qa.completeness_identical"]
    assert codes(_item("국방부는 이같이 밝혔다.", "국방부는 이같이 밝혔다 (draft)")) == ["qa.completeness_untranslated"]
    [left] = _run(_item("국방부는 밝혔다.", "The ministry 밝혔다 it."))
    assert (left.code, left.params, left.spans) == (
        "qa.completeness_source_script",
        {"found": "밝혔다"},
        (Span(Language.EN, 13, 16),),
    )
    assert codes(_item("SCWG", "SCWG")) == []  # an acronym alone is the same in both languages


def test_acronyms_allow_expansions() -> None:
    assert codes(_item("창설지원TF장", "head of the Inauguration Task Force")) == []
    assert codes(_item("한미는 협력한다.", "The Republic of Korea (ROK) and the U.S. cooperate.")) == []
    assert codes(_item("양측은 JCO 참여에 합의했다.", "They agreed to join the cell.")) == ["qa.acronyms_source_only"]
    terminology = Terminology([FixedTermbase("shipped", load_shipped())])
    item = _item("대륙간탄도미사일 발사를 규탄했다.", "They condemned the ICBM launch.")
    assert codes(item) == ["qa.acronyms_target_only"]
    assert codes(item, terminology=terminology) == []


def test_a_currency_code_is_explained_by_a_sum_of_money_on_the_other_side() -> None:
    assert codes(_item("국방예산은 61조 2,469억 원이다.", "The defense budget is KRW 61.2469 trillion.")) == []
    assert codes(_item("국방예산이 증가했다.", "The KRW budget rose.")) == ["qa.acronyms_target_only"]


def test_terminology_findings() -> None:
    terminology = Terminology([FixedTermbase("shipped", load_shipped())])
    found = _run(_item("국방부는 밝혔다.", "The Ministry of Defense said so."), terminology=terminology)
    assert [(f.code, f.params) for f in found] == [
        ("qa.terms_forbidden", {"found": "Ministry of Defense", "preferred": "Ministry of National Defense"})
    ]
    assert (
        found[0].english()
        == '"Ministry of Defense" should not be used; the termbase says "Ministry of National Defense"'
    )
    assert codes(_item("국방부는 밝혔다.", "The Ministry of National Defense said so."), terminology=terminology) == []


def test_one_source_term_rendered_by_different_terms_of_its_entry_across_items() -> None:
    terminology = Terminology([FixedTermbase("shipped", load_shipped())])
    texts = [
        ("한미연합사령부는 훈련을 했다.", "The ROK-U.S. Combined Forces Command held an exercise."),
        ("연합사는 밝혔다.", "The CFC said so."),  # the acronym of the same term
        ("한미연합사령부가 발표했다.", "The Combined Forces Command announced it."),  # an admitted other term
        ("연합사는 다시 밝혔다.", "Combined Forces Command said so again, and the Combined Forces Command agreed."),
    ]
    items = []
    for number, (ko, en) in enumerate(texts):
        item = _item(ko, en)
        item.id = f"item-{number}"
        items.append(item)
    briefing = Briefing(sections=[Section(items=items)])
    found = run(briefing, terminology=terminology, checks=["term_consistency"])
    assert [(f.item_id, f.code) for f in found] == [
        ("item-2", "qa.terms_inconsistent"),
        ("item-3", "qa.terms_inconsistent"),  # once per item and entry
    ]
    assert found[0].english() == (
        '"한미연합사령부" is "Combined Forces Command" here but "ROK-U.S. Combined Forces Command" in item 1.1'
    )
    assert found[0].spans == (Span(Language.KO, 0, 7), Span(Language.EN, 4, 27))
    assert run(briefing, checks=["term_consistency"]) == []  # nothing to go by without a termbase


HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            list("0123456789０１２３４５６７８９.,:~–-%$₩년월일시분차제만억천조*_[]()⟦⟧T\n\x1b\x00\u200b一二十百千萬😀")
        ),
    ),
    max_size=120,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ko=HOSTILE, en=HOSTILE, huge=st.integers(min_value=0, max_value=10**60))
def test_random_hostile_text_gives_findings_or_nothing_never_an_exception(ko: str, en: str, huge: int) -> None:
    item = _item(f"{ko} {huge:,}명 {huge}억 달러", f"{en} {huge} people ${huge} billion")
    for finding in _run(item):
        assert finding.code in ENGLISH
        finding.english()
        for span in finding.spans:
            assert 0 <= span.start <= span.end <= len(item.text.get(span.language))
