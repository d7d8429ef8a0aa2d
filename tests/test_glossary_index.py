"""Glossary matching through the first-word index finds exactly what one search per term finds."""
import re

from hypothesis import given, settings, strategies as st

from localize.glossary import Term, TermList, find_terms


def find_terms_one_search_per_term(text, terms):
    """The reference: the former implementation, one regular-expression search per glossary row."""
    spans = []
    for t in sorted(terms, key=lambda t: -len(t.term)):
        for m in re.finditer(rf"(?<!\w){re.escape(t.term)}(?!\w)", text):
            if all(m.end() <= s or m.start() >= e for s, e, _ in spans):
                spans.append((m.start(), m.end(), t))
    return sorted(spans, key=lambda x: x[0])


WORDS = ["rare", "earths", "U.S.", "e-mail", "$5", "«", "año", "Año", "ab", "a", "b"]
term_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(term_text, min_size=1, max_size=8, unique=True),
       st.lists(st.sampled_from(WORDS + [",", ".", "rarely", "x"]), max_size=25))
def test_the_index_matches_one_search_per_term(terms, words):
    glossary = [Term(t, "es", "x") for t in terms]
    text = " ".join(words)
    expected = find_terms_one_search_per_term(text, glossary)
    assert find_terms(text, TermList(glossary)) == expected
    assert find_terms(text, tuple(glossary)) == expected


def test_the_index_is_built_once_per_term_list():
    terms = TermList([Term("rare earths", "es", "tierras raras")])
    assert terms.index() is terms.index()
    assert find_terms("Supplies of rare earths rose.", terms)[0][:2] == (12, 23)
