from kg import iris


def test_iris_are_stable_and_distinct():
    assert iris.agency("11110") == iris.agency("11110")
    assert iris.unit("11110", "행정지원과") == iris.unit("11110", "행정 지원과".replace(" ", ""))
    assert iris.unit("11110", "행정지원과") != iris.unit("11290", "행정지원과")
    assert iris.node("program", "doc1", "p1") != iris.node("program", "doc2", "p1")
    assert iris.organization("K-water") == iris.organization("k-water")
    assert str(iris.concept("funding-sources", "district")) == "https://w3id.org/lgkg/vocab/funding-sources/district"


def test_node_keys_with_unsafe_characters_stay_distinct():
    a, b = iris.node("x", "d", "가 나"), iris.node("x", "d", "가/나")
    assert a != b and " " not in str(a)
